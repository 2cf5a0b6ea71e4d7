import COpenSSL

/// One OpenSSL `EVP_PKEY` (an SM2 key, or an Ed25519 key on its way in from PEM), freed with the
/// wrapper.
///
/// `@unchecked Sendable` is safe: the key is immutable after creation (nothing here calls an
/// OpenSSL function that changes a key), and OpenSSL 3 allows one `EVP_PKEY` to be used from many
/// threads at once for signing and verifying as long as each call makes its own `EVP_PKEY_CTX` and
/// `EVP_MD_CTX`, which every function here does. (The key's internal provider cache is guarded by
/// OpenSSL's own lock.)
final class OpenSSLKey: @unchecked Sendable {
    /// The `EVP_PKEY *`, owned by this object.
    let pointer: OpaquePointer

    /// Takes ownership of a key: it is freed when this object is.
    init(taking pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit {
        EVP_PKEY_free(pointer)
    }

    /// The seal algorithm this key serves, or nil for any other kind of key (RSA, P-256, …).
    ///
    /// OpenSSL 3 loads an EC key on the SM2 curve as its own key type "SM2", so a P-256 key is
    /// never mistaken for an SM2 one.
    var sealAlgorithm: SealAlgorithm? {
        if EVP_PKEY_is_a(pointer, "SM2") == 1 { return .sm2WithSM3 }
        if EVP_PKEY_is_a(pointer, "ED25519") == 1 { return .ed25519 }
        return nil
    }

    /// OpenSSL's name for the key type ("SM2", "ED25519", "EC", "RSA"), for error messages.
    var typeName: String {
        guard let name = EVP_PKEY_get0_type_name(pointer) else { return "unknown" }
        return String(cString: name)
    }
}

// MARK: - Generation and import

extension OpenSSLKey {
    /// A new SM2 key pair on the SM2 curve.
    static func generateSM2() throws(SealError) -> OpenSSLKey {
        OpenSSLErrorQueue.clear()
        guard let context = EVP_PKEY_CTX_new_from_name(nil, "SM2", nil) else {
            throw OpenSSLErrorQueue.error()
        }
        defer { EVP_PKEY_CTX_free(context) }
        var generated: OpaquePointer?
        guard EVP_PKEY_keygen_init(context) == 1, EVP_PKEY_generate(context, &generated) == 1,
              let generated
        else {
            throw OpenSSLErrorQueue.error()
        }
        return OpenSSLKey(taking: generated)
    }

    /// A private key from unencrypted PEM (PKCS#8 "PRIVATE KEY", as `openssl genpkey` writes).
    static func privateKey(pem: String) throws(SealError) -> OpenSSLKey {
        try PEMText.requireSize(pem)
        if pem.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----") {
            throw .malformedKey(reason: "the private key is encrypted; give it unencrypted (PKCS#8 \"PRIVATE KEY\")")
        }
        OpenSSLErrorQueue.clear()
        // The password callback answers "no password" so that OpenSSL never prompts on a terminal.
        let pointer = withMemoryBIO(reading: pem) { bio in
            PEM_read_bio_PrivateKey(bio, nil, { _, _, _, _ in 0 }, nil)
        }
        guard let pointer else {
            throw .malformedKey(reason: "no PEM private key (\"PRIVATE KEY\") could be read: \(OpenSSLErrorQueue.drain())")
        }
        OpenSSLErrorQueue.clear()
        return OpenSSLKey(taking: pointer)
    }

    /// A public key from PEM SubjectPublicKeyInfo ("PUBLIC KEY", as `openssl pkey -pubout` writes).
    static func publicKey(pem: String) throws(SealError) -> OpenSSLKey {
        try PEMText.requireSize(pem)
        OpenSSLErrorQueue.clear()
        let pointer = withMemoryBIO(reading: pem) { bio in
            PEM_read_bio_PUBKEY(bio, nil, { _, _, _, _ in 0 }, nil)
        }
        guard let pointer else {
            throw .malformedKey(reason: "no PEM public key (\"PUBLIC KEY\") could be read: \(OpenSSLErrorQueue.drain())")
        }
        OpenSSLErrorQueue.clear()
        return OpenSSLKey(taking: pointer)
    }

    /// A public key from DER SubjectPublicKeyInfo.
    static func publicKey(der: [UInt8]) throws(SealError) -> OpenSSLKey {
        guard !der.isEmpty, der.count <= PEMText.maximumByteCount else {
            throw .malformedKey(reason: "a public key is 1 to \(PEMText.maximumByteCount) bytes of DER, not \(der.count)")
        }
        OpenSSLErrorQueue.clear()
        // d2i advances the cursor past what it parsed; anything left over is not part of the key.
        let (pointer, consumed) = der.withUnsafeBufferPointer { buffer -> (OpaquePointer?, Int) in
            guard let start = buffer.baseAddress else { return (nil, 0) }
            var cursor: UnsafePointer<UInt8>? = start
            let key = d2i_PUBKEY(nil, &cursor, buffer.count)
            return (key, cursor.map { $0 - start } ?? 0)
        }
        guard let pointer else {
            throw .malformedKey(reason: "not a DER SubjectPublicKeyInfo: \(OpenSSLErrorQueue.drain())")
        }
        let key = OpenSSLKey(taking: pointer)
        guard consumed == der.count else {
            throw .malformedKey(reason: "\(der.count - consumed) bytes follow the DER SubjectPublicKeyInfo")
        }
        return key
    }
}

// MARK: - Export

extension OpenSSLKey {
    /// The key's DER SubjectPublicKeyInfo, the same bytes as `openssl pkey -pubout -outform DER`.
    func subjectPublicKeyInfoDER() throws(SealError) -> [UInt8] {
        OpenSSLErrorQueue.clear()
        let length = i2d_PUBKEY(pointer, nil)
        guard length > 0, Int(length) <= PEMText.maximumByteCount else { throw OpenSSLErrorQueue.error() }
        var der = [UInt8](repeating: 0, count: Int(length))
        let written = der.withUnsafeMutableBufferPointer { buffer in
            var cursor: UnsafeMutablePointer<UInt8>? = buffer.baseAddress
            return i2d_PUBKEY(pointer, &cursor)
        }
        guard written == length else { throw OpenSSLErrorQueue.error() }
        return der
    }

    /// The private key as unencrypted PEM PKCS#8 ("PRIVATE KEY").
    func privateKeyPEM() throws(SealError) -> String {
        OpenSSLErrorQueue.clear()
        let pem = withMemoryBIO(writing: { bio in
            PEM_write_bio_PKCS8PrivateKey(bio, pointer, nil, nil, 0, nil, nil)
        })
        guard let pem else { throw OpenSSLErrorQueue.error() }
        return pem
    }

    /// The 32 raw bytes of an Ed25519 private key (its seed, RFC 8032).
    func rawEd25519PrivateKey() throws(SealError) -> [UInt8] {
        precondition(sealAlgorithm == .ed25519, "raw private bytes of a \(typeName) key")
        OpenSSLErrorQueue.clear()
        var raw = [UInt8](repeating: 0, count: 32)
        var length = raw.count
        guard EVP_PKEY_get_raw_private_key(pointer, &raw, &length) == 1, length == 32 else {
            throw OpenSSLErrorQueue.error()
        }
        return raw
    }

    /// The 32 raw bytes of an Ed25519 public key (RFC 8032).
    func rawEd25519PublicKey() throws(SealError) -> [UInt8] {
        precondition(sealAlgorithm == .ed25519, "raw public bytes of a \(typeName) key")
        OpenSSLErrorQueue.clear()
        var raw = [UInt8](repeating: 0, count: 32)
        var length = raw.count
        guard EVP_PKEY_get_raw_public_key(pointer, &raw, &length) == 1, length == 32 else {
            throw OpenSSLErrorQueue.error()
        }
        return raw
    }
}

// MARK: - Memory BIOs

/// Runs `body` with a read-only memory BIO over the text's UTF-8 bytes; nil if the BIO cannot be made.
private func withMemoryBIO<Result>(
    reading text: String, _ body: (OpaquePointer) -> Result?
) -> Result? {
    let bytes = Array(text.utf8)
    precondition(bytes.count <= PEMText.maximumByteCount, "PEM size is checked before")
    return bytes.withUnsafeBytes { buffer -> Result? in
        guard let bio = BIO_new_mem_buf(buffer.baseAddress, Int32(buffer.count)) else { return nil }
        defer { BIO_free(bio) }
        return body(bio)
    }
}

/// Runs `body` with a memory BIO to write into and returns what it wrote, or nil when `body`
/// does not return 1 (OpenSSL's success) or the output is not text of a sane size.
private func withMemoryBIO(writing body: (OpaquePointer) -> Int32) -> String? {
    guard let bio = BIO_new(BIO_s_mem()) else { return nil }
    defer { BIO_free(bio) }
    guard body(bio) == 1 else { return nil }
    let pending = Int(BIO_ctrl_pending(bio))
    guard pending > 0, pending <= PEMText.maximumByteCount else { return nil }
    var bytes = [UInt8](repeating: 0, count: pending)
    let read = BIO_read(bio, &bytes, Int32(pending))
    guard Int(read) == pending else { return nil }
    return String(decoding: bytes, as: UTF8.self)
}
