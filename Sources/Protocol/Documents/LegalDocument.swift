/// A sealed legal document that travels with an instruction (R-B4, R-B10): the hash binds the
/// document's bytes, sent beside the instruction; the signer and the approver say who decided, so
/// that the hub can check them against its registry of officers (R-A1).
public struct LegalDocument: Hashable, Sendable, Codable {
    /// 文书种类 — what the document is.
    public let kind: LegalDocumentKind
    /// 文书编号 — its number, e.g. `（2026）京0105执1234号之一`.
    public let number: WireText
    /// 文书摘要 — SHA-256 of the sealed document file.
    public let sha256: SHA256Hex
    /// 签发人 — the officer who signed the document: for a ruling or a decision, the judge who made
    /// it. Required on the kinds whose ``LegalDocumentKind/requiresSigner`` is true (R-A1).
    public let signedBy: OfficerID?
    /// 批准人 — the court's president who approved the decision. Required on the kinds whose
    /// ``LegalDocumentKind/requiresPresidentApproval`` is true: a detention decision (R-A1).
    public let approvedBy: OfficerID?

    /// A legal document reference.
    public init(kind: LegalDocumentKind, number: WireText, sha256: SHA256Hex, signedBy: OfficerID? = nil, approvedBy: OfficerID? = nil) {
        self.kind = kind
        self.number = number
        self.sha256 = sha256
        self.signedBy = signedBy
        self.approvedBy = approvedBy
    }

    /// R-A1: a judge's ruling or decision names the judge who signed it; a detention decision also
    /// names the president who approved it.
    func validate(at path: String) throws(WireError) {
        if kind.requiresSigner && signedBy == nil {
            throw WireRules.violation("R-A1", at: path + ".signedBy", "a \(kind.rawValue) names the judge who signed it")
        }
        if kind.requiresPresidentApproval && approvedBy == nil {
            throw WireRules.violation(
                "R-A1", at: path + ".approvedBy", "a \(kind.rawValue) names the court's president who approved it")
        }
    }
}
