import Crypto
import X509

/// SHA-256 fingerprints of certificates: lower-case hex of the digest of the DER encoding,
/// the value `openssl x509 -fingerprint -sha256` prints (without its colons).
public enum CertificateFingerprint {
    /// The fingerprint of DER bytes, e.g. from `NIOSSLCertificate.toDERBytes()`.
    public static func sha256Hex(derBytes: [UInt8]) -> String {
        precondition(!derBytes.isEmpty, "a certificate's DER encoding is never empty")
        let digest = SHA256.hash(data: derBytes)
        let hex = digest.map { byte in
            let text = String(byte, radix: 16)
            return byte < 16 ? "0" + text : text
        }.joined()
        assert(hex.utf8.count == 64, "SHA-256 is 32 bytes, 64 hex digits")
        return hex
    }

    /// The fingerprint of a parsed certificate.
    public static func sha256Hex(of certificate: Certificate) throws(PKIError) -> String {
        sha256Hex(derBytes: try CertificateCodec.derBytes(of: certificate))
    }

    /// The fingerprint of a PEM-encoded certificate.
    public static func sha256Hex(certificatePEM: String) throws(PKIError) -> String {
        try sha256Hex(of: CertificateCodec.certificate(fromPEM: certificatePEM, what: "certificate"))
    }
}
