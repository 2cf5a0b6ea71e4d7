import Crypto
import Foundation
import SwiftASN1
import X509

/// The development certificate authority: an ECDSA P-256 key and a self-signed certificate that
/// issues the hub's server certificate and every principal's client certificate.
///
/// It is for development, tests and demonstrations. A deployment uses certificates from the
/// courts' own PKI; the hub only needs the CA certificate and the subject convention of
/// ``PrincipalIdentity``.
public struct DevelopmentCertificateAuthority: Sendable {
    /// The CA's subject common name.
    public static let commonName = "QueryHub Development CA"
    /// How far before `now` certificates become valid, so that a peer whose clock is a little
    /// behind does not refuse a certificate issued a moment ago.
    public static let clockSkewAllowanceSeconds: TimeInterval = 3_600
    /// The longest validity accepted, in days (100 years); longer is surely a mistake.
    public static let maximumValidityDays = 36_500

    /// The CA certificate, the one trust root of every hub endpoint.
    public let certificate: Certificate
    private let privateKey: P256.Signing.PrivateKey

    /// Generates a new CA key and self-signed certificate valid for `validityDays` from `now`.
    public static func generate(validityDays: Int, now: Date) throws(PKIError) -> DevelopmentCertificateAuthority {
        let key = P256.Signing.PrivateKey()
        let publicKey = Certificate.PublicKey(key.publicKey)
        let subject = DistinguishedName([
            RelativeDistinguishedName(
                .init(type: .RDNAttributeType.organizationName, utf8String: PrincipalIdentity.organizationName)
            ),
            RelativeDistinguishedName(.init(type: .RDNAttributeType.commonName, utf8String: commonName)),
        ])
        let certificate = try sign(what: "the CA certificate") {
            // maxPathLength 0: this CA issues end-entity certificates only, never another CA.
            let extensions = try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
                Critical(KeyUsage(keyCertSign: true, cRLSign: true))
                SubjectKeyIdentifier(hash: publicKey)
            }
            return try Certificate(
                version: .v3,
                serialNumber: Certificate.SerialNumber(),
                publicKey: publicKey,
                notValidBefore: now.addingTimeInterval(-clockSkewAllowanceSeconds),
                notValidAfter: now.addingTimeInterval(try validitySeconds(days: validityDays)),
                issuer: subject,
                subject: subject,
                signatureAlgorithm: .ecdsaWithSHA256,
                extensions: extensions,
                issuerPrivateKey: Certificate.PrivateKey(key)
            )
        }
        return DevelopmentCertificateAuthority(certificate: certificate, privateKey: key)
    }

    /// Loads a CA from its PEM certificate and key, checking that they belong together and that
    /// the certificate is a CA.
    public init(credential: PEMCredential) throws(PKIError) {
        let certificate = try CertificateCodec.certificate(fromPEM: credential.certificatePEM, what: "the CA certificate")
        let key = try CertificateCodec.privateKey(fromPEM: credential.privateKeyPEM, what: "the CA private key")
        guard certificate.publicKey == Certificate.PublicKey(key.publicKey) else {
            throw PKIError.keyDoesNotMatchCertificate(certificatePath: "the CA certificate")
        }
        let constraints: BasicConstraints?
        do {
            constraints = try certificate.extensions.basicConstraints
        } catch {
            throw PKIError.invalidPEM(what: "the CA certificate", reason: "unreadable basic constraints: \(error)")
        }
        guard case .isCertificateAuthority = constraints else {
            throw PKIError.invalidPEM(what: "the CA certificate", reason: "it is not a CA (basicConstraints cA is false)")
        }
        self.init(certificate: certificate, privateKey: key)
    }

    private init(certificate: Certificate, privateKey: P256.Signing.PrivateKey) {
        self.certificate = certificate
        self.privateKey = privateKey
    }

    /// The CA certificate and key as PEM, for writing to `ca.pem` and `ca-key.pem`.
    public func credential() throws(PKIError) -> PEMCredential {
        PEMCredential(
            certificatePEM: try CertificateCodec.pem(of: certificate, what: "the CA certificate"),
            privateKeyPEM: privateKey.pemRepresentation
        )
    }

    /// The CA certificate as PEM: the trust root every endpoint is configured with.
    public func certificatePEM() throws(PKIError) -> String {
        try CertificateCodec.pem(of: certificate, what: "the CA certificate")
    }

    /// Whether `certificate` carries a valid signature by this CA's key.
    public func hasIssued(_ certificate: Certificate) -> Bool {
        certificate.issuer == self.certificate.subject
            && self.certificate.publicKey.isValidSignature(certificate.signature, for: certificate)
    }

    /// Issues the hub's server certificate for `localhost`, `127.0.0.1`, `::1` and `extraNames`
    /// (DNS names or IP literals), with extended key usage serverAuth.
    public func issueServerCertificate(
        extraNames: [String],
        validityDays: Int,
        now: Date
    ) throws(PKIError) -> PEMCredential {
        var names: [String] = []
        for name in ServerName.localNames + extraNames where !names.contains(name) {
            names.append(name)
        }
        var generalNames: [GeneralName] = []
        for name in names {
            generalNames.append(try ServerName.generalName(for: name))
        }
        let subject = DistinguishedName([
            RelativeDistinguishedName(
                .init(type: .RDNAttributeType.organizationName, utf8String: PrincipalIdentity.organizationName)
            ),
            RelativeDistinguishedName(.init(type: .RDNAttributeType.commonName, utf8String: "QueryHub server")),
        ])
        return try issueLeaf(
            what: "the server certificate",
            subject: subject,
            usage: .serverAuth,
            alternativeNames: generalNames,
            validityDays: validityDays,
            now: now
        )
    }

    /// Issues a client certificate whose subject names `principal`
    /// (`O=QueryHub, OU=<kind>, CN=<id>`), with extended key usage clientAuth.
    public func issueClientCertificate(
        for principal: PrincipalIdentity,
        validityDays: Int,
        now: Date
    ) throws(PKIError) -> PEMCredential {
        try issueLeaf(
            what: "the client certificate of \(principal)",
            subject: principal.distinguishedName,
            usage: .clientAuth,
            alternativeNames: [],
            validityDays: validityDays,
            now: now
        )
    }

    private func issueLeaf(
        what: String,
        subject: DistinguishedName,
        usage: ExtendedKeyUsage.Usage,
        alternativeNames: [GeneralName],
        validityDays: Int,
        now: Date
    ) throws(PKIError) -> PEMCredential {
        let key = P256.Signing.PrivateKey()
        let publicKey = Certificate.PublicKey(key.publicKey)
        let authorityKeyIdentifier = SubjectKeyIdentifier(hash: certificate.publicKey).keyIdentifier
        let issuer = certificate.subject
        let authorityKey = Certificate.PrivateKey(privateKey)
        let leaf = try Self.sign(what: what) {
            let extensions = try Certificate.Extensions {
                Critical(BasicConstraints.notCertificateAuthority)
                Critical(KeyUsage(digitalSignature: true))
                try ExtendedKeyUsage([usage])
                SubjectKeyIdentifier(hash: publicKey)
                AuthorityKeyIdentifier(keyIdentifier: authorityKeyIdentifier)
                if !alternativeNames.isEmpty {
                    SubjectAlternativeNames(alternativeNames)
                }
            }
            return try Certificate(
                version: .v3,
                serialNumber: Certificate.SerialNumber(),
                publicKey: publicKey,
                notValidBefore: now.addingTimeInterval(-Self.clockSkewAllowanceSeconds),
                notValidAfter: now.addingTimeInterval(try Self.validitySeconds(days: validityDays)),
                issuer: issuer,
                subject: subject,
                signatureAlgorithm: .ecdsaWithSHA256,
                extensions: extensions,
                issuerPrivateKey: authorityKey
            )
        }
        assert(hasIssued(leaf), "a certificate this CA just signed verifies against it")
        return PEMCredential(
            certificatePEM: try CertificateCodec.pem(of: leaf, what: what),
            privateKeyPEM: key.pemRepresentation
        )
    }

    private static func validitySeconds(days: Int) throws(PKIError) -> TimeInterval {
        guard (1...maximumValidityDays).contains(days) else {
            throw PKIError.certificateGenerationFailed(
                what: "a certificate",
                reason: "validity of \(days) days is outside 1...\(maximumValidityDays)"
            )
        }
        return TimeInterval(days) * 86_400
    }

    /// Runs swift-certificates' builder and signer, turning its untyped errors into ours.
    private static func sign(what: String, _ build: () throws -> Certificate) throws(PKIError) -> Certificate {
        do {
            return try build()
        } catch let error as PKIError {
            throw error
        } catch {
            throw PKIError.certificateGenerationFailed(what: what, reason: "\(error)")
        }
    }
}
