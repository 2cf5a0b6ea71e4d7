/// Why a seal could not be made or was refused. Every case says what was wrong.
public enum SealError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The signature is well formed but does not match the document bytes and the public key.
    case badSignature
    /// The seal names one algorithm and the key belongs to another; such a seal is never checked.
    case algorithmMismatch(sealAlgorithm: SealAlgorithm, keyAlgorithm: SealAlgorithm)
    /// The key text is not a key of a supported algorithm.
    case malformedKey(reason: String)
    /// The signature bytes cannot be a signature of the seal's algorithm (wrong length, bad DER).
    case malformedSignature(reason: String)
    /// OpenSSL failed for a reason of its own; the message is OpenSSL's error queue.
    case openSSL(message: String)
    /// swift-crypto could not sign (it does not fail for a valid key; kept so that nothing traps).
    case signingFailed(reason: String)

    /// A sentence saying what was wrong.
    public var description: String {
        switch self {
        case .badSignature:
            return "the signature does not match the document and the public key"
        case .algorithmMismatch(let sealAlgorithm, let keyAlgorithm):
            return "the seal is \(sealAlgorithm) but the key is \(keyAlgorithm)"
        case .malformedKey(let reason):
            return "malformed key: \(reason)"
        case .malformedSignature(let reason):
            return "malformed signature: \(reason)"
        case .openSSL(let message):
            return "OpenSSL failed: \(message)"
        case .signingFailed(let reason):
            return "signing failed: \(reason)"
        }
    }
}
