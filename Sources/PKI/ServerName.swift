#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import SwiftASN1
import X509

/// A name a server certificate is valid for: an IP address (needed to reach the hub as
/// `127.0.0.1` or `::1`, since TLS clients match IP literals only against IP SANs) or a DNS name.
enum ServerName {
    /// The names every development server certificate carries, so local runs and tests work.
    static let localNames = ["localhost", "127.0.0.1", "::1"]
    /// RFC 1035: a DNS name is at most 253 characters in text form.
    static let maximumDNSNameCharacters = 253

    static func generalName(for name: String) throws(PKIError) -> GeneralName {
        if let addressBytes = ipAddressBytes(name) {
            return .ipAddress(ASN1OctetString(contentBytes: addressBytes[...]))
        }
        try validateDNSName(name)
        return .dnsName(name.lowercased())
    }

    /// The network-order bytes of an IPv4 or IPv6 literal, or nil if `name` is neither.
    static func ipAddressBytes(_ name: String) -> [UInt8]? {
        var ipv4 = [UInt8](repeating: 0, count: 4)
        if inet_pton(AF_INET, name, &ipv4) == 1 { return ipv4 }
        var ipv6 = [UInt8](repeating: 0, count: 16)
        if inet_pton(AF_INET6, name, &ipv6) == 1 { return ipv6 }
        return nil
    }

    private static func validateDNSName(_ name: String) throws(PKIError) {
        if name.isEmpty {
            throw PKIError.invalidServerName(name: name, reason: "it is empty")
        }
        if name.count > maximumDNSNameCharacters {
            throw PKIError.invalidServerName(
                name: name,
                reason: "it has \(name.count) characters; DNS names have at most \(maximumDNSNameCharacters)"
            )
        }
        let allowed = name.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII
                && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == ".")
        }
        if !allowed {
            throw PKIError.invalidServerName(
                name: name,
                reason: "DNS names hold only ASCII letters, digits, '-' and '.' (use punycode for others)"
            )
        }
        if name.split(separator: ".", omittingEmptySubsequences: false).contains(where: \.isEmpty) {
            throw PKIError.invalidServerName(name: name, reason: "it has an empty label (a leading, trailing or double dot)")
        }
    }
}
