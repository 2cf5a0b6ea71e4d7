/// A document's exact bytes and the seal over them.
///
/// On the wire: `{"document": "<base64>", "seal": {…}}`. The bytes are carried as they were
/// sealed, never re-encoded, so that anyone downstream (the hub, a bank) verifies the signer's
/// seal on what the signer signed.
public struct SealedDocument: Sendable, Hashable, Codable {
    /// The largest document accepted, in bytes: a ruling with a scanned credential fits well
    /// within it, and a limit keeps one message from exhausting memory.
    public static let maximumDocumentBytes = 32 * 1024 * 1024

    /// The document, byte for byte as sealed.
    public let document: [UInt8]
    /// The seal over ``document``.
    public let seal: Seal

    /// A sealed document from its parts (not verified).
    public init(document: [UInt8], seal: Seal) {
        precondition(document.count <= SealedDocument.maximumDocumentBytes, "a document of \(document.count) bytes")
        self.document = document
        self.seal = seal
    }

    /// Seals the document with the private key, naming the key `keyId`.
    public static func seal(
        _ document: [UInt8], with privateKey: SealPrivateKey, keyId: String
    ) throws(SealError) -> SealedDocument {
        SealedDocument(document: document, seal: try Seal.sign(document, with: privateKey, keyId: keyId))
    }

    /// Returns when the seal is `publicKey`'s over the document; throws why not.
    public func verify(with publicKey: SealPublicKey) throws(SealError) {
        try Seal.verify(document, seal: seal, publicKey: publicKey)
    }
}

// MARK: - Codable

extension SealedDocument {
    private enum CodingKeys: String, CodingKey {
        case document, seal
    }

    /// Reads a sealed document, refusing non-canonical base64 and documents beyond the limit.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let documentText = try container.decode(String.self, forKey: .document)
        guard documentText.utf8.count <= Base64.encodedLength(of: SealedDocument.maximumDocumentBytes),
              let document = Base64.decode(documentText),
              document.count <= SealedDocument.maximumDocumentBytes
        else {
            throw DecodingError.dataCorruptedError(
                forKey: .document, in: container,
                debugDescription: "the document is not canonical base64 of at most \(SealedDocument.maximumDocumentBytes) bytes")
        }
        let seal = try container.decode(Seal.self, forKey: .seal)
        self.init(document: document, seal: seal)
    }

    /// Writes the document as base64 beside its seal.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Base64.encode(document), forKey: .document)
        try container.encode(seal, forKey: .seal)
    }
}
