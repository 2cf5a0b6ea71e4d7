/// What kind of key OpenSSL read, and the fixed DER of Ed25519 keys.
enum SealKeyType {
    /// DER SubjectPublicKeyInfo of an Ed25519 key, up to the 32 key bytes (RFC 8410 §4):
    /// SEQUENCE { SEQUENCE { OID 1.3.101.112 }, BIT STRING (0 unused bits) … }.
    static let ed25519SubjectPublicKeyInfoPrefix: [UInt8] = [
        0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00,
    ]
    /// DER PKCS#8 PrivateKeyInfo (version 0) of an Ed25519 key, up to the 32 seed bytes
    /// (RFC 8410 §7): SEQUENCE { INTEGER 0, SEQUENCE { OID 1.3.101.112 }, OCTET STRING { OCTET STRING … } }.
    /// The same bytes `openssl genpkey -algorithm ed25519` writes.
    static let ed25519PrivateKeyInfoPrefix: [UInt8] = [
        0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
    ]

    /// The seal algorithm of the key, refusing other key types and, if given, other algorithms.
    static func algorithm(of key: OpenSSLKey, expecting expected: SealAlgorithm?) throws(SealError) -> SealAlgorithm {
        guard let algorithm = key.sealAlgorithm else {
            throw .malformedKey(reason: "the key is of type \(key.typeName), which is neither SM2 (on the SM2 curve) nor Ed25519")
        }
        if let expected, expected != algorithm {
            throw .malformedKey(reason: "expected a key for \(expected), found one for \(algorithm)")
        }
        return algorithm
    }
}
