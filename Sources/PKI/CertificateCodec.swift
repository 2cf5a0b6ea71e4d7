import Crypto
import SwiftASN1
import X509

/// PEM and DER conversions with the errors of this module, so callers need not know which
/// library threw what.
enum CertificateCodec {
    static func certificate(fromPEM pem: String, what: String) throws(PKIError) -> Certificate {
        do {
            return try Certificate(pemEncoded: pem)
        } catch {
            throw PKIError.invalidPEM(what: what, reason: "\(error)")
        }
    }

    static func privateKey(fromPEM pem: String, what: String) throws(PKIError) -> P256.Signing.PrivateKey {
        do {
            return try P256.Signing.PrivateKey(pemRepresentation: pem)
        } catch {
            throw PKIError.invalidPEM(what: what, reason: "not a P-256 private key: \(error)")
        }
    }

    static func pem(of certificate: Certificate, what: String) throws(PKIError) -> String {
        do {
            return try certificate.serializeAsPEM().pemString
        } catch {
            throw PKIError.certificateGenerationFailed(what: what, reason: "PEM encoding failed: \(error)")
        }
    }

    static func derBytes(of certificate: Certificate) throws(PKIError) -> [UInt8] {
        var serializer = DER.Serializer()
        do {
            try serializer.serialize(certificate)
        } catch {
            throw PKIError.certificateGenerationFailed(what: "DER encoding", reason: "\(error)")
        }
        return serializer.serializedBytes
    }
}
