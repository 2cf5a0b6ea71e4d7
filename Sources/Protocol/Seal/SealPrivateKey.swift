import Crypto

/// The private half of a seal key, kept by the one who seals (a court, a bank).
///
/// Generated here, or read from unencrypted PEM PKCS#8 ("PRIVATE KEY"), the form
/// `openssl genpkey -algorithm SM2` and `openssl genpkey -algorithm ed25519` write.
/// Its description names the algorithm and the public fingerprint, never the secret.
public struct SealPrivateKey: Sendable, CustomStringConvertible {
    enum Storage: Sendable {
        case sm2(OpenSSLKey)
        case ed25519(Curve25519.Signing.PrivateKey)
    }

    let storage: Storage
    /// The matching public key, to hand to verifiers.
    public let publicKey: SealPublicKey

    /// The algorithm the key signs with.
    public var algorithm: SealAlgorithm { publicKey.algorithm }

    /// A new random key pair for the algorithm.
    public static func generate(_ algorithm: SealAlgorithm) throws(SealError) -> SealPrivateKey {
        switch algorithm {
        case .sm2WithSM3:
            return try SealPrivateKey(sm2: OpenSSLKey.generateSM2())
        case .ed25519:
            return SealPrivateKey(ed25519: Curve25519.Signing.PrivateKey())
        }
    }

    /// A private key from unencrypted PEM PKCS#8. With `algorithm`, a key of any other algorithm
    /// is refused.
    public init(pemRepresentation: String, algorithm: SealAlgorithm? = nil) throws(SealError) {
        let key = try OpenSSLKey.privateKey(pem: pemRepresentation)
        switch try SealKeyType.algorithm(of: key, expecting: algorithm) {
        case .sm2WithSM3:
            try self.init(sm2: key)
        case .ed25519:
            let seed = try key.rawEd25519PrivateKey()
            do {
                self.init(ed25519: try Curve25519.Signing.PrivateKey(rawRepresentation: seed))
            } catch {
                throw .malformedKey(reason: "not an Ed25519 private key: \(error)")
            }
        }
    }

    /// The key as unencrypted PEM PKCS#8 ("PRIVATE KEY"), readable by `openssl pkey`.
    /// Whoever holds this text can seal in the key's name: store it with care.
    public func pemRepresentation() throws(SealError) -> String {
        switch storage {
        case .sm2(let key):
            return try key.privateKeyPEM()
        case .ed25519(let key):
            let der = SealKeyType.ed25519PrivateKeyInfoPrefix + Array(key.rawRepresentation)
            return PEMText.encode(der: der, label: "PRIVATE KEY")
        }
    }

    /// The algorithm and the public fingerprint.
    public var description: String {
        "SealPrivateKey(\(algorithm), \(publicKey.fingerprint))"
    }
}

// MARK: - Construction and signing

extension SealPrivateKey {
    private init(sm2 key: OpenSSLKey) throws(SealError) {
        precondition(key.sealAlgorithm == .sm2WithSM3, "an SM2 key")
        // The public half travels as DER and is read back, so it holds no private material.
        let publicKey = try SealPublicKey(derRepresentation: key.subjectPublicKeyInfoDER(), algorithm: .sm2WithSM3)
        self.storage = .sm2(key)
        self.publicKey = publicKey
    }

    private init(ed25519 key: Curve25519.Signing.PrivateKey) {
        self.storage = .ed25519(key)
        self.publicKey = SealPublicKey(ed25519: key.publicKey)
    }

    /// The signature of the bytes: DER for SM2, 64 raw bytes for Ed25519.
    func signature(for bytes: [UInt8]) throws(SealError) -> [UInt8] {
        switch storage {
        case .sm2(let key):
            return try SM2Signature.sign(bytes, with: key)
        case .ed25519(let key):
            do {
                let signature = Array(try key.signature(for: bytes))
                assert(signature.count == 64)
                return signature
            } catch {
                throw .signingFailed(reason: "Ed25519: \(error)")
            }
        }
    }
}
