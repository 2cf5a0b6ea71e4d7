/// A sealed legal document that travels with an instruction (R-B4, R-B10): the hash binds the
/// document's bytes, sent beside the instruction.
public struct LegalDocument: Hashable, Sendable, Codable {
    /// 文书种类 — what the document is.
    public let kind: LegalDocumentKind
    /// 文书编号 — its number, e.g. `（2026）京0105执1234号之一`.
    public let number: WireText
    /// 文书摘要 — SHA-256 of the sealed document file.
    public let sha256: SHA256Hex

    /// A legal document reference.
    public init(kind: LegalDocumentKind, number: WireText, sha256: SHA256Hex) {
        self.kind = kind
        self.number = number
        self.sha256 = sha256
    }
}
