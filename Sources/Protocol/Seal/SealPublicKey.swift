import Crypto

/// The public half of a seal key: the only thing a verifier trusts.
///
/// Read from PEM SubjectPublicKeyInfo ("PUBLIC KEY", as `openssl pkey -pubout` writes) or DER.
/// Two keys are equal when their SubjectPublicKeyInfo bytes are.
public struct SealPublicKey: Sendable, Hashable, CustomStringConvertible {
    enum Storage: Sendable {
        case sm2(OpenSSLKey)
        case ed25519(Curve25519.Signing.PublicKey)
    }

    let storage: Storage
    /// The algorithm the key signs with.
    public let algorithm: SealAlgorithm
    /// The key's DER SubjectPublicKeyInfo, the same bytes as `openssl pkey -pubout -outform DER`.
    public let derRepresentation: [UInt8]
    /// Lower-case hex SHA-256 of ``derRepresentation``: a name for the key that anyone can
    /// recompute (`openssl pkey -pubin -in key.pem -outform DER | sha256sum`).
    public let fingerprint: String

    /// A public key from PEM SubjectPublicKeyInfo. With `algorithm`, a key of any other algorithm
    /// is refused.
    public init(pemRepresentation: String, algorithm: SealAlgorithm? = nil) throws(SealError) {
        try self.init(openSSLKey: OpenSSLKey.publicKey(pem: pemRepresentation), expecting: algorithm)
    }

    /// A public key from DER SubjectPublicKeyInfo. With `algorithm`, a key of any other algorithm
    /// is refused.
    public init(derRepresentation: [UInt8], algorithm: SealAlgorithm? = nil) throws(SealError) {
        try self.init(openSSLKey: OpenSSLKey.publicKey(der: derRepresentation), expecting: algorithm)
    }

    /// The key as PEM SubjectPublicKeyInfo ("PUBLIC KEY"), readable by `openssl pkey -pubin`.
    public var pemRepresentation: String {
        PEMText.encode(der: derRepresentation, label: "PUBLIC KEY")
    }

    /// The algorithm and fingerprint.
    public var description: String {
        "SealPublicKey(\(algorithm), \(fingerprint))"
    }

    public static func == (left: SealPublicKey, right: SealPublicKey) -> Bool {
        left.derRepresentation == right.derRepresentation
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(derRepresentation)
    }
}

// MARK: - Construction

extension SealPublicKey {
    /// The key OpenSSL parsed, checked to be of a seal algorithm (and the expected one).
    init(openSSLKey key: OpenSSLKey, expecting expected: SealAlgorithm?) throws(SealError) {
        let algorithm = try SealKeyType.algorithm(of: key, expecting: expected)
        switch algorithm {
        case .sm2WithSM3:
            self.init(storage: .sm2(key), algorithm: algorithm, derRepresentation: try key.subjectPublicKeyInfoDER())
        case .ed25519:
            let raw = try key.rawEd25519PublicKey()
            let publicKey: Curve25519.Signing.PublicKey
            do {
                publicKey = try Curve25519.Signing.PublicKey(rawRepresentation: raw)
            } catch {
                throw .malformedKey(reason: "not an Ed25519 public key: \(error)")
            }
            self.init(ed25519: publicKey)
        }
    }

    /// An Ed25519 key from swift-crypto.
    init(ed25519 publicKey: Curve25519.Signing.PublicKey) {
        let raw = Array(publicKey.rawRepresentation)
        precondition(raw.count == 32, "an Ed25519 public key is 32 bytes")
        self.init(
            storage: .ed25519(publicKey), algorithm: .ed25519,
            derRepresentation: SealKeyType.ed25519SubjectPublicKeyInfoPrefix + raw)
    }

    private init(storage: Storage, algorithm: SealAlgorithm, derRepresentation: [UInt8]) {
        precondition(!derRepresentation.isEmpty, "a SubjectPublicKeyInfo")
        self.storage = storage
        self.algorithm = algorithm
        self.derRepresentation = derRepresentation
        self.fingerprint = SHA256.hash(data: derRepresentation)
            .map { byte in String(byte, radix: 16).leftPadded(to: 2) }
            .joined()
        assert(fingerprint.count == 64)
    }
}

// MARK: - Verification

extension SealPublicKey {
    /// Returns when the signature is this key's over the bytes; throws otherwise.
    func verifySignature(_ signature: [UInt8], over bytes: [UInt8]) throws(SealError) {
        switch storage {
        case .sm2(let key):
            try SM2Signature.verify(signature, over: bytes, with: key)
        case .ed25519(let key):
            guard signature.count == 64 else {
                throw .malformedSignature(reason: "an Ed25519 signature is 64 bytes, not \(signature.count)")
            }
            guard key.isValidSignature(signature, for: bytes) else { throw .badSignature }
        }
    }
}

extension String {
    /// The string with leading zeros up to `width` characters.
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
