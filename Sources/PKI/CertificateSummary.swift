import Foundation
import SwiftASN1
import X509

/// What a person needs to know about a certificate: for `hubd keys show`, logs and checks.
public struct CertificateSummary: Hashable, Sendable {
    /// The subject in RFC 4514 form, e.g. `CN=京0105,OU=court,O=QueryHub`.
    public let subject: String
    /// The principal the subject names, nil for the CA and the server.
    public let principal: PrincipalIdentity?
    /// Lower-case hex SHA-256 of the DER encoding.
    public let sha256Fingerprint: String
    /// Start of validity.
    public let notValidBefore: Date
    /// End of validity.
    public let notValidAfter: Date
    /// DNS names and IP addresses the certificate is valid for (server certificates).
    public let alternativeNames: [String]

    /// Summarizes a parsed certificate.
    public init(certificate: Certificate) throws(PKIError) {
        subject = certificate.subject.description
        principal = try? PrincipalIdentity(certificate: certificate)
        sha256Fingerprint = try CertificateFingerprint.sha256Hex(of: certificate)
        notValidBefore = certificate.notValidBefore
        notValidAfter = certificate.notValidAfter
        let names: SubjectAlternativeNames?
        do {
            names = try certificate.extensions.subjectAlternativeNames
        } catch {
            throw PKIError.invalidPEM(what: "the certificate of \(subject)", reason: "unreadable SAN: \(error)")
        }
        alternativeNames = (names ?? SubjectAlternativeNames()).map(Self.text(of:))
    }

    /// Summarizes a PEM certificate.
    public init(certificatePEM: String) throws(PKIError) {
        try self.init(certificate: CertificateCodec.certificate(fromPEM: certificatePEM, what: "certificate"))
    }

    /// A SAN as text: DNS names as they are, IP addresses in their usual notation.
    static func text(of name: GeneralName) -> String {
        switch name {
        case .dnsName(let dnsName):
            return dnsName
        case .ipAddress(let octets):
            return ipAddressText(Array(octets.bytes))
        default:
            return name.description
        }
    }

    private static func ipAddressText(_ bytes: [UInt8]) -> String {
        if bytes.count == 4 {
            return bytes.map(String.init).joined(separator: ".")
        }
        guard bytes.count == 16 else { return bytes.map { String($0, radix: 16) }.joined(separator: ":") }
        var groups: [UInt16] = []
        for index in stride(from: 0, to: 16, by: 2) {
            groups.append(UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1]))
        }
        return compressedIPv6(groups)
    }

    /// RFC 5952 text: the longest run of two or more zero groups becomes `::`.
    private static func compressedIPv6(_ groups: [UInt16]) -> String {
        precondition(groups.count == 8, "an IPv6 address has eight groups")
        var bestStart = -1
        var bestLength = 0
        var index = 0
        while index < groups.count {
            guard groups[index] == 0 else { index += 1; continue }
            let start = index
            while index < groups.count && groups[index] == 0 { index += 1 }
            if index - start > bestLength && index - start >= 2 {
                bestStart = start
                bestLength = index - start
            }
        }
        let hex = groups.map { String($0, radix: 16) }
        guard bestStart >= 0 else { return hex.joined(separator: ":") }
        let head = hex[..<bestStart].joined(separator: ":")
        let tail = hex[(bestStart + bestLength)...].joined(separator: ":")
        return head + "::" + tail
    }
}
