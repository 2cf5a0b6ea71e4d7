import COpenSSL

/// SM2 signatures over SM3 (GB/T 32918.2) through OpenSSL 3's libcrypto.
enum SM2Signature {
    /// The distinguishing identifier hashed into every signature (the Z value of GB/T 32918.2).
    /// `1234567812345678` is the standard's default and what other SM2 software uses; the openssl
    /// CLI's own default is empty, which is why interoperating with it needs `-pkeyopt distid:…`.
    static let distinguishingIdentifier = Array("1234567812345678".utf8)
    /// The DER encoding of two integers below the 256-bit group order is at most 72 bytes.
    static let maximumByteCount = 72
    /// The smallest DER SEQUENCE of two INTEGERs.
    static let minimumByteCount = 8

    /// The DER-encoded signature of the message.
    static func sign(_ message: [UInt8], with key: OpenSSLKey) throws(SealError) -> [UInt8] {
        precondition(key.sealAlgorithm == .sm2WithSM3, "SM2 signing with a \(key.typeName) key")
        OpenSSLErrorQueue.clear()
        let context = try SM2DigestContext(key: key)
        guard EVP_DigestSignInit(context.digest, nil, EVP_sm3(), nil, key.pointer) == 1 else {
            throw OpenSSLErrorQueue.error()
        }
        let capacity = Int(EVP_PKEY_get_size(key.pointer))
        guard capacity >= minimumByteCount, capacity <= maximumByteCount else { throw OpenSSLErrorQueue.error() }
        var signature = [UInt8](repeating: 0, count: capacity)
        var length = capacity
        let status = message.withUnsafeBytes { buffer in
            EVP_DigestSignUpdate(context.digest, buffer.baseAddress, buffer.count) == 1
                && EVP_DigestSignFinal(context.digest, &signature, &length) == 1
        }
        guard status, length >= minimumByteCount, length <= capacity else { throw OpenSSLErrorQueue.error() }
        return Array(signature.prefix(length))
    }

    /// Returns when the signature is the key's over the message; throws otherwise.
    static func verify(
        _ signature: [UInt8], over message: [UInt8], with key: OpenSSLKey
    ) throws(SealError) {
        precondition(key.sealAlgorithm == .sm2WithSM3, "SM2 verifying with a \(key.typeName) key")
        try requireCanonicalDER(signature)
        OpenSSLErrorQueue.clear()
        let context = try SM2DigestContext(key: key)
        guard EVP_DigestVerifyInit(context.digest, nil, EVP_sm3(), nil, key.pointer) == 1 else {
            throw OpenSSLErrorQueue.error()
        }
        let updated = message.withUnsafeBytes { buffer in
            EVP_DigestVerifyUpdate(context.digest, buffer.baseAddress, buffer.count) == 1
        }
        guard updated else { throw OpenSSLErrorQueue.error() }
        let result = EVP_DigestVerifyFinal(context.digest, signature, signature.count)
        switch result {
        case 1:
            return
        case 0:
            // A mismatch records the reason in the queue too; it must not surface later.
            OpenSSLErrorQueue.clear()
            throw .badSignature
        default:
            throw OpenSSLErrorQueue.error()
        }
    }

    /// Refuses anything but the one DER encoding of SEQUENCE { r INTEGER, s INTEGER }, so that a
    /// signature has one spelling and garbage is named as such rather than as a mismatch.
    static func requireCanonicalDER(_ signature: [UInt8]) throws(SealError) {
        guard signature.count >= minimumByteCount, signature.count <= maximumByteCount else {
            throw .malformedSignature(
                reason: "an SM2 signature is \(minimumByteCount) to \(maximumByteCount) bytes of DER, not \(signature.count)")
        }
        OpenSSLErrorQueue.clear()
        let reencoded: [UInt8]? = signature.withUnsafeBufferPointer { buffer in
            var cursor: UnsafePointer<UInt8>? = buffer.baseAddress
            guard let parsed = d2i_ECDSA_SIG(nil, &cursor, buffer.count) else { return nil }
            defer { ECDSA_SIG_free(parsed) }
            let length = i2d_ECDSA_SIG(parsed, nil)
            guard length > 0, Int(length) <= maximumByteCount else { return nil }
            var output = [UInt8](repeating: 0, count: Int(length))
            let written = output.withUnsafeMutableBufferPointer { outputBuffer in
                var outputCursor: UnsafeMutablePointer<UInt8>? = outputBuffer.baseAddress
                return i2d_ECDSA_SIG(parsed, &outputCursor)
            }
            return written == length ? output : nil
        }
        OpenSSLErrorQueue.clear()
        guard let reencoded, reencoded == signature else {
            throw .malformedSignature(reason: "not a DER SEQUENCE of two INTEGERs (r, s)")
        }
    }
}

/// An `EVP_MD_CTX` whose `EVP_PKEY_CTX` carries the SM2 distinguishing identifier.
///
/// The pkey context must get the identifier before `EVP_Digest{Sign,Verify}Init`, which is why it
/// is made first and handed to the digest context (OpenSSL's documented SM2 sequence). The digest
/// context does not own it, so both are freed here, digest first.
private final class SM2DigestContext {
    let digest: OpaquePointer
    private let keyContext: OpaquePointer

    init(key: OpenSSLKey) throws(SealError) {
        guard let keyContext = EVP_PKEY_CTX_new(key.pointer, nil) else {
            throw OpenSSLErrorQueue.error()
        }
        let identifier = SM2Signature.distinguishingIdentifier
        guard EVP_PKEY_CTX_set1_id(keyContext, identifier, Int32(identifier.count)) == 1,
              let digest = EVP_MD_CTX_new()
        else {
            EVP_PKEY_CTX_free(keyContext)
            throw OpenSSLErrorQueue.error()
        }
        EVP_MD_CTX_set_pkey_ctx(digest, keyContext)
        self.digest = digest
        self.keyContext = keyContext
    }

    deinit {
        EVP_MD_CTX_free(digest)
        EVP_PKEY_CTX_free(keyContext)
    }
}
