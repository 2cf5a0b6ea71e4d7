/// What every instruction carries besides its measure: who issues it, for which case, when, and
/// the sealed documents behind it (R-B4, R-B7, R-B10, R-G1).
public struct InstructionHeader: Hashable, Sendable, Codable {
    /// 指令编号 — chosen by the court; its idempotency key: the same id with other bytes is refused.
    public let instructionId: InstructionID
    /// 发起法院 — the issuing court.
    public let court: CourtCode
    /// 案件 — the case.
    public let `case`: CaseReference
    /// 执行人员 — the issuing officer (R-B4).
    public let officer: Officer
    /// 发起时间 — when the court issued the instruction (the legal service time is the hub's
    /// acceptance time, R-B20, recorded by the hub, not this).
    public let issuedAt: Timestamp
    /// 法律文书 — the sealed documents: ruling, assistance notice … (R-B10).
    public let legalDocuments: [LegalDocument]

    /// The most legal documents one instruction may carry.
    public static let maximumLegalDocuments = 16

    /// A header.
    public init(
        instructionId: InstructionID, court: CourtCode, case: CaseReference, officer: Officer,
        issuedAt: Timestamp, legalDocuments: [LegalDocument]
    ) {
        self.instructionId = instructionId
        self.court = court
        self.case = `case`
        self.officer = officer
        self.issuedAt = issuedAt
        self.legalDocuments = legalDocuments
    }

    /// Checks the case and the documents: at least one, at most ``maximumLegalDocuments``, each
    /// naming its signer and approver where R-A1 needs them, and the case filed no later than the
    /// instruction was issued.
    func validate(at path: String) throws(WireError) {
        try `case`.validate(at: path + ".case")
        try WireRules.requireCount(legalDocuments, atMost: InstructionHeader.maximumLegalDocuments, at: path + ".legalDocuments")
        guard !legalDocuments.isEmpty else {
            throw WireRules.violation("R-B1", at: path + ".legalDocuments", "an instruction carries its electronic legal documents")
        }
        for (index, document) in legalDocuments.enumerated() {
            try document.validate(at: path + ".legalDocuments[\(index)]")
        }
        guard `case`.filingDate <= issuedAt.chinaDate else {
            throw WireError(path: path + ".issuedAt", reason: .invalidValue("issued \(issuedAt), before the case was filed on \(`case`.filingDate)"))
        }
    }

    /// Refuses the header unless its documents include every kind in `required`.
    func requireDocuments(_ required: [LegalDocumentKind], rule: String, at path: String) throws(WireError) {
        for kind in required where !legalDocuments.contains(where: { $0.kind == kind }) {
            throw WireRules.violation(rule, at: path + ".legalDocuments", "a legal document of kind \(kind.rawValue) is required")
        }
    }

    /// The position in ``legalDocuments`` of the first document of `kind`, or nil.
    public func legalDocumentIndex(of kind: LegalDocumentKind) -> Int? {
        legalDocuments.firstIndex { $0.kind == kind }
    }

    /// Refuses the header unless its first document of `kind` names its signer (R-A1): for
    /// documents that carry a judge's decision without being a ruling, such as a release notice.
    func requireSigner(of kind: LegalDocumentKind, at path: String) throws(WireError) {
        guard let index = legalDocumentIndex(of: kind) else { return }
        guard legalDocuments[index].signedBy != nil else {
            throw WireRules.violation(
                "R-A1", at: path + ".legalDocuments[\(index)].signedBy", "a \(kind.rawValue) names the judge who signed it")
        }
    }
}
