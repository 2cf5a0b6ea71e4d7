/// A certificate and its private key, both PEM-encoded: what a TLS endpoint presents.
public struct PEMCredential: Hashable, Sendable {
    /// The certificate, `-----BEGIN CERTIFICATE-----`.
    public let certificatePEM: String
    /// The PKCS#8 private key, `-----BEGIN PRIVATE KEY-----`. Keep it secret.
    public let privateKeyPEM: String

    /// Pairs a certificate with its key. Whether they match is checked where they are used.
    public init(certificatePEM: String, privateKeyPEM: String) {
        precondition(certificatePEM.contains("BEGIN CERTIFICATE"), "certificatePEM must hold a PEM certificate")
        precondition(privateKeyPEM.contains("PRIVATE KEY"), "privateKeyPEM must hold a PEM private key")
        self.certificatePEM = certificatePEM
        self.privateKeyPEM = privateKeyPEM
    }
}
