/// An electronic seal (电子签章): a signature over a document's exact bytes, with the algorithm
/// and the name of the key that made it.
///
/// On the wire: `{"algorithm": "SM2-SM3", "keyId": "…", "signature": "<base64>"}`. The key id is
/// only a hint for finding the public key; ``Seal/verify(_:seal:publicKey:)`` trusts nothing but the
/// public key it is given.
public struct Seal: Sendable, Hashable, Codable {
    /// The longest key id, in UTF-8 bytes.
    public static let maximumKeyIdBytes = 256
    /// The longest signature accepted from the wire; both algorithms' signatures are shorter.
    public static let maximumSignatureBytes = 128

    /// The algorithm of the signature.
    public let algorithm: SealAlgorithm
    /// The signer's name for the key (for lookup only; never trusted).
    public let keyId: String
    /// The signature bytes: DER for SM2-SM3, 64 raw bytes for Ed25519. Base64 on the wire.
    public let signature: [UInt8]

    /// A seal from its parts. The key id must be 1 to ``maximumKeyIdBytes`` bytes; the signature
    /// is checked when the seal is verified.
    public init(algorithm: SealAlgorithm, keyId: String, signature: [UInt8]) {
        precondition(Seal.isValidKeyId(keyId), "a key id is 1 to \(Seal.maximumKeyIdBytes) bytes")
        self.algorithm = algorithm
        self.keyId = keyId
        self.signature = signature
    }

    /// True when the text may be a key id: 1 to ``maximumKeyIdBytes`` bytes of UTF-8 without
    /// control characters.
    public static func isValidKeyId(_ keyId: String) -> Bool {
        let count = keyId.utf8.count
        guard count > 0, count <= maximumKeyIdBytes else { return false }
        return !keyId.unicodeScalars.contains { $0.properties.generalCategory == .control }
    }
}

// MARK: - Signing and verifying

extension Seal {
    /// Seals the exact bytes with the private key, naming the key `keyId`.
    public static func sign(_ bytes: [UInt8], with privateKey: SealPrivateKey, keyId: String) throws(SealError) -> Seal {
        precondition(isValidKeyId(keyId), "a key id is 1 to \(maximumKeyIdBytes) bytes")
        let signature = try privateKey.signature(for: bytes)
        return Seal(algorithm: privateKey.algorithm, keyId: keyId, signature: signature)
    }

    /// Returns when the seal is `publicKey`'s signature over exactly these bytes; throws why not.
    ///
    /// Only `publicKey` is trusted: the seal's key id is not looked at, and a seal whose algorithm
    /// is not the key's is refused before any signature check.
    public static func verify(_ bytes: [UInt8], seal: Seal, publicKey: SealPublicKey) throws(SealError) {
        guard seal.algorithm == publicKey.algorithm else {
            throw .algorithmMismatch(sealAlgorithm: seal.algorithm, keyAlgorithm: publicKey.algorithm)
        }
        guard seal.signature.count <= maximumSignatureBytes else {
            throw .malformedSignature(reason: "\(seal.signature.count) bytes is longer than any \(seal.algorithm) signature")
        }
        try publicKey.verifySignature(seal.signature, over: bytes)
    }
}

// MARK: - Codable

extension Seal {
    private enum CodingKeys: String, CodingKey {
        case algorithm, keyId, signature
    }

    /// Reads a seal, refusing an unknown algorithm, a bad key id and non-canonical base64.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let algorithmName = try container.decode(String.self, forKey: .algorithm)
        guard let algorithm = SealAlgorithm(rawValue: algorithmName) else {
            let known = SealAlgorithm.allCases.map(\.rawValue).joined(separator: ", ")
            throw DecodingError.dataCorruptedError(
                forKey: .algorithm, in: container,
                debugDescription: "unknown seal algorithm \"\(algorithmName)\"; known: \(known)")
        }
        let keyId = try container.decode(String.self, forKey: .keyId)
        guard Seal.isValidKeyId(keyId) else {
            throw DecodingError.dataCorruptedError(
                forKey: .keyId, in: container,
                debugDescription: "a key id is 1 to \(Seal.maximumKeyIdBytes) bytes without control characters")
        }
        let signatureText = try container.decode(String.self, forKey: .signature)
        guard signatureText.utf8.count <= Base64.encodedLength(of: Seal.maximumSignatureBytes),
              let signature = Base64.decode(signatureText),
              !signature.isEmpty, signature.count <= Seal.maximumSignatureBytes
        else {
            throw DecodingError.dataCorruptedError(
                forKey: .signature, in: container,
                debugDescription: "the signature is not 1 to \(Seal.maximumSignatureBytes) bytes of canonical base64")
        }
        self.init(algorithm: algorithm, keyId: keyId, signature: signature)
    }

    /// Writes the seal with the signature as base64.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(algorithm.rawValue, forKey: .algorithm)
        try container.encode(keyId, forKey: .keyId)
        try container.encode(Base64.encode(signature), forKey: .signature)
    }
}
