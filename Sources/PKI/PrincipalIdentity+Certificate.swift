import SwiftASN1
import X509

extension PrincipalIdentity {
    /// Reads the principal a client certificate names from its subject
    /// `O=QueryHub, OU=<kind>, CN=<id>`.
    ///
    /// This only reads the name: it does not verify the certificate. The TLS layer has
    /// already verified the chain to the hub's CA by the time a server asks.
    /// - Throws: ``PKIError/subjectNotAPrincipal(subject:reason:)`` if the organization is not
    ///   QueryHub, if OU or CN is missing or repeated, or if the kind is unknown.
    public init(certificate: Certificate) throws(PKIError) {
        let subject = certificate.subject
        let organization = try Self.singleValue(of: .RDNAttributeType.organizationName, "O", in: subject)
        guard organization == Self.organizationName else {
            throw PKIError.subjectNotAPrincipal(
                subject: subject.description,
                reason: "organization is \"\(organization)\", not \"\(Self.organizationName)\""
            )
        }
        let kindName = try Self.singleValue(of: .RDNAttributeType.organizationalUnitName, "OU", in: subject)
        guard let kind = PrincipalKind(rawValue: kindName) else {
            throw PKIError.subjectNotAPrincipal(
                subject: subject.description,
                reason: "OU \"\(kindName)\" is not a principal kind (court, bank, police, operator)"
            )
        }
        let id = try Self.singleValue(of: .RDNAttributeType.commonName, "CN", in: subject)
        try self.init(kind: kind, id: id)
    }

    /// Reads the principal from a DER-encoded certificate, as NIOSSL's peer certificate gives it
    /// (`NIOSSLCertificate.toDERBytes()`).
    public init(certificateDERBytes: [UInt8]) throws(PKIError) {
        let certificate: Certificate
        do {
            certificate = try Certificate(derEncoded: certificateDERBytes)
        } catch {
            throw PKIError.invalidPEM(what: "the DER certificate", reason: "\(error)")
        }
        try self.init(certificate: certificate)
    }

    /// Reads the principal from a PEM-encoded certificate.
    public init(certificatePEM: String) throws(PKIError) {
        try self.init(certificate: CertificateCodec.certificate(fromPEM: certificatePEM, what: "certificate"))
    }

    /// The one value of an attribute type in a subject; a missing or repeated attribute is an
    /// error because either would make the principal ambiguous.
    private static func singleValue(
        of type: ASN1ObjectIdentifier,
        _ shortName: String,
        in subject: DistinguishedName
    ) throws(PKIError) -> String {
        var values: [String] = []
        for relativeName in subject {
            for attribute in relativeName where attribute.type == type {
                guard let value = String(attribute.value) else {
                    throw PKIError.subjectNotAPrincipal(
                        subject: subject.description,
                        reason: "\(shortName) is not a text string"
                    )
                }
                values.append(value)
            }
        }
        guard values.count == 1, let value = values.first else {
            let reason = values.isEmpty ? "\(shortName) is missing" : "\(shortName) appears \(values.count) times"
            throw PKIError.subjectNotAPrincipal(subject: subject.description, reason: reason)
        }
        return value
    }
}
