/// 出入境信息查询 — exit-entry documents and, for a debtor, exit-entry records (R-G2).
public struct PoliceExitEntryQuery: Hashable, Sendable, Codable, WireValidatable, KindTagged {
    static let expectedKind = InstructionKind.policeExitEntry
    /// 种类 — always `police.exitEntry`.
    public let kind: InstructionKind
    /// 指令头 — instruction id, court, case, officer, time, documents.
    public let header: InstructionHeader
    /// 被查询人 — a natural person.
    public let party: Party
    /// 当事人身份 — debtor or preservation respondent.
    public let role: PartyRole
    /// 是否查询出入境记录 — ask for exit-entry records too; only for a debtor (R-G2).
    public let includeRecords: Bool

    /// An exit-entry query.
    public init(header: InstructionHeader, party: Party, role: PartyRole, includeRecords: Bool) {
        self.kind = Self.expectedKind
        self.header = header
        self.party = party
        self.role = role
        self.includeRecords = includeRecords
    }

    /// A person; records only for a debtor (R-G2).
    public func validate() throws(WireError) {
        try validateKind()
        try header.validate(at: "$.header")
        try header.requireDocuments([.assistanceNotice], rule: "R-G1", at: "$.header")
        try party.requirePerson(at: "$.party")
        guard !includeRecords || role == .debtor else {
            throw WireRules.violation("R-G2", at: "$.includeRecords", "exit-entry records are disclosed for debtors only")
        }
    }
}
