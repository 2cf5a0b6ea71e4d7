/// The signature algorithms an electronic seal (电子签章) may use.
///
/// The raw value is the algorithm's name on the wire (`"algorithm": "SM2-SM3"`).
public enum SealAlgorithm: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// SM2 signature (GB/T 32918.2) over an SM3 digest (GB/T 32905), with the standard's default
    /// distinguishing identifier `1234567812345678`. The signature is DER-encoded, as OpenSSL writes it.
    /// The national standard for electronic seals in China.
    case sm2WithSM3 = "SM2-SM3"
    /// Ed25519 (RFC 8032). The signature is the raw 64 bytes.
    case ed25519 = "Ed25519"

    /// The name on the wire.
    public var description: String { rawValue }
}
