import NIOCore
import NIOSSL

/// How long closing a TLS connection waits for the peer's close_notify before closing TCP.
/// NIOSSL waits 5 s by default, and a peer that is not reading (a server still working on a
/// request the client gave up on) never answers, so every such close would stall 5 s: a client
/// shutting down, a hub draining on SIGTERM. HTTP/1.1 frames its messages explicitly, so the
/// close_notify adds no safety here worth that wait.
public let defaultTLSShutdownTimeout = TimeAmount.seconds(1)

/// Builds a server TLS configuration that ENFORCES mutual TLS: the handshake fails unless the
/// client presents a certificate that chains to one of `trustRootsPEM` (the hub's CA only, never
/// the system's roots). NIOSSL's plain server configuration does not ask for a client
/// certificate at all, which is why this sets verification explicitly.
///
/// Hostname verification is off on the server side because a client's certificate names a
/// principal, not a host; the principal is read from the subject after the handshake.
/// - Parameters:
///   - certificatePEM: the server certificate, optionally followed by intermediates.
///   - keyPEM: the server's private key.
///   - trustRootsPEM: the CA certificate(s) client certificates must chain to.
///   - shutdownTimeout: the wait for the peer's close_notify when closing.
public func makeServerTLSConfiguration(
    certificatePEM: String,
    keyPEM: String,
    trustRootsPEM: String,
    shutdownTimeout: TimeAmount = defaultTLSShutdownTimeout
) throws(PKIError) -> TLSConfiguration {
    let chain = try TLSMaterial.certificates(fromPEM: certificatePEM, what: "the server certificate")
    let key = try TLSMaterial.privateKey(fromPEM: keyPEM, what: "the server private key")
    let roots = try TLSMaterial.certificates(fromPEM: trustRootsPEM, what: "the trust roots")
    var configuration = TLSConfiguration.makeServerConfigurationWithMTLS(
        certificateChain: chain.map { .certificate($0) },
        privateKey: .privateKey(key),
        trustRoots: .certificates(roots)
    )
    configuration.certificateVerification = .noHostnameVerification
    configuration.minimumTLSVersion = .tlsv12
    configuration.additionalTrustRoots = []
    // Tell clients which CA we accept, so one holding several identities picks the right one.
    configuration.sendCANameList = true
    configuration.shutdownTimeout = shutdownTimeout
    return configuration
}

/// Builds a client TLS configuration that presents `certificatePEM` and trusts only
/// `trustRootsPEM`, with full verification of the server certificate including its host name
/// (or IP address) against the URL the client connects to.
public func makeClientTLSConfiguration(
    certificatePEM: String,
    keyPEM: String,
    trustRootsPEM: String,
    shutdownTimeout: TimeAmount = defaultTLSShutdownTimeout
) throws(PKIError) -> TLSConfiguration {
    let chain = try TLSMaterial.certificates(fromPEM: certificatePEM, what: "the client certificate")
    let key = try TLSMaterial.privateKey(fromPEM: keyPEM, what: "the client private key")
    let roots = try TLSMaterial.certificates(fromPEM: trustRootsPEM, what: "the trust roots")
    var configuration = TLSConfiguration.makeClientConfiguration()
    configuration.certificateChain = chain.map { .certificate($0) }
    configuration.privateKey = .privateKey(key)
    configuration.trustRoots = .certificates(roots)
    configuration.additionalTrustRoots = []
    configuration.certificateVerification = .fullVerification
    configuration.minimumTLSVersion = .tlsv12
    configuration.shutdownTimeout = shutdownTimeout
    return configuration
}

/// Convenience: the server configuration from a server credential and the CA certificate.
public func makeServerTLSConfiguration(
    server: PEMCredential,
    trustRootsPEM: String
) throws(PKIError) -> TLSConfiguration {
    try makeServerTLSConfiguration(
        certificatePEM: server.certificatePEM,
        keyPEM: server.privateKeyPEM,
        trustRootsPEM: trustRootsPEM
    )
}

/// Convenience: the client configuration from a client credential and the CA certificate.
public func makeClientTLSConfiguration(
    client: PEMCredential,
    trustRootsPEM: String
) throws(PKIError) -> TLSConfiguration {
    try makeClientTLSConfiguration(
        certificatePEM: client.certificatePEM,
        keyPEM: client.privateKeyPEM,
        trustRootsPEM: trustRootsPEM
    )
}

/// NIOSSL parsing with this module's errors.
enum TLSMaterial {
    /// More certificates than any sane chain or root set; a bound on what a PEM file may hold.
    static let maximumCertificates = 16

    static func certificates(fromPEM pem: String, what: String) throws(PKIError) -> [NIOSSLCertificate] {
        let certificates: [NIOSSLCertificate]
        do {
            certificates = try NIOSSLCertificate.fromPEMBytes(Array(pem.utf8))
        } catch {
            throw PKIError.tlsConfigurationFailed(reason: "\(what) is not PEM certificates: \(error)")
        }
        guard !certificates.isEmpty else {
            throw PKIError.tlsConfigurationFailed(reason: "\(what) holds no certificate")
        }
        guard certificates.count <= maximumCertificates else {
            throw PKIError.tlsConfigurationFailed(reason: "\(what) holds more than \(maximumCertificates) certificates")
        }
        return certificates
    }

    static func privateKey(fromPEM pem: String, what: String) throws(PKIError) -> NIOSSLPrivateKey {
        do {
            return try NIOSSLPrivateKey(bytes: Array(pem.utf8), format: .pem)
        } catch {
            throw PKIError.tlsConfigurationFailed(reason: "\(what) is not a PEM private key: \(error)")
        }
    }
}
