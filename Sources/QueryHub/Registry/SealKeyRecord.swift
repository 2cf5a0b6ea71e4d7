import HubProtocol

/// A registered public seal key: whose it is, its name, and when it may be trusted.
///
/// A key is trusted at time `t` when `validFrom ≤ t < validUntil` and it was not revoked at or
/// before `t` (see ``Registry/sealKey(owner:keyId:atUnixMilliseconds:)``).
public struct SealKeyRecord: Hashable, Sendable {
    /// Whose seal the key makes.
    public let owner: SealKeyOwner
    /// The owner's name for the key, as seals carry it (``Seal/keyId``); unique per owner.
    public let keyId: String
    /// The public key, parsed (its algorithm is ``algorithm``).
    public let publicKey: SealPublicKey
    /// The first moment the key is valid, Unix milliseconds.
    public let validFromUnixMilliseconds: Int64
    /// The first moment the key is no longer valid, Unix milliseconds (exclusive end).
    public let validUntilUnixMilliseconds: Int64
    /// When the key was revoked, Unix milliseconds; nil if never.
    public let revokedAtUnixMilliseconds: Int64?

    /// A key record; the registry checks it when it is added.
    public init(
        owner: SealKeyOwner, keyId: String, publicKey: SealPublicKey,
        validFromUnixMilliseconds: Int64, validUntilUnixMilliseconds: Int64, revokedAtUnixMilliseconds: Int64? = nil
    ) {
        self.owner = owner
        self.keyId = keyId
        self.publicKey = publicKey
        self.validFromUnixMilliseconds = validFromUnixMilliseconds
        self.validUntilUnixMilliseconds = validUntilUnixMilliseconds
        self.revokedAtUnixMilliseconds = revokedAtUnixMilliseconds
    }

    /// The key's signature algorithm.
    public var algorithm: SealAlgorithm { publicKey.algorithm }

    /// The same key, revoked at the given time.
    func revoked(atUnixMilliseconds time: Int64) -> SealKeyRecord {
        precondition(revokedAtUnixMilliseconds == nil, "a key is revoked once")
        return SealKeyRecord(
            owner: owner, keyId: keyId, publicKey: publicKey, validFromUnixMilliseconds: validFromUnixMilliseconds,
            validUntilUnixMilliseconds: validUntilUnixMilliseconds, revokedAtUnixMilliseconds: time)
    }
}

/// On the wire: `{"owner": "court:京0105", "keyId": "…", "algorithm": "SM2-SM3", "publicKeyPEM":
/// "-----BEGIN PUBLIC KEY-----…", "validFromUnixMilliseconds": …, "validUntilUnixMilliseconds": …,
/// "revokedAtUnixMilliseconds": …}`. The PEM must hold a key of the named algorithm; unknown keys
/// are refused.
extension SealKeyRecord: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case owner, keyId, algorithm, publicKeyPEM, validFromUnixMilliseconds, validUntilUnixMilliseconds
        case revokedAtUnixMilliseconds
    }

    public init(from decoder: any Decoder) throws {
        try decoder.refuseUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let algorithm = try container.decode(SealAlgorithm.self, forKey: .algorithm)
        let pem = try container.decode(String.self, forKey: .publicKeyPEM)
        let publicKey: SealPublicKey
        do {
            publicKey = try SealPublicKey(pemRepresentation: pem, algorithm: algorithm)
        } catch {
            throw DecodingError.dataCorruptedError(
                forKey: .publicKeyPEM, in: container, debugDescription: "not a \(algorithm) public key: \(error)")
        }
        self.init(
            owner: try container.decode(SealKeyOwner.self, forKey: .owner),
            keyId: try container.decode(String.self, forKey: .keyId),
            publicKey: publicKey,
            validFromUnixMilliseconds: try container.decode(Int64.self, forKey: .validFromUnixMilliseconds),
            validUntilUnixMilliseconds: try container.decode(Int64.self, forKey: .validUntilUnixMilliseconds),
            revokedAtUnixMilliseconds: try container.decodeIfPresent(Int64.self, forKey: .revokedAtUnixMilliseconds))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(owner, forKey: .owner)
        try container.encode(keyId, forKey: .keyId)
        try container.encode(algorithm, forKey: .algorithm)
        try container.encode(publicKey.pemRepresentation, forKey: .publicKeyPEM)
        try container.encode(validFromUnixMilliseconds, forKey: .validFromUnixMilliseconds)
        try container.encode(validUntilUnixMilliseconds, forKey: .validUntilUnixMilliseconds)
        try container.encodeIfPresent(revokedAtUnixMilliseconds, forKey: .revokedAtUnixMilliseconds)
    }
}
