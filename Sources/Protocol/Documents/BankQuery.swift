/// 查询 — ask one bank, or every bank, for the party's accounts and assets (R-B7, R-B8).
public struct BankQuery: Hashable, Sendable, Codable, WireValidatable, KindTagged {
    static let expectedKind = InstructionKind.bankQuery
    /// 种类 — always `bank.query`.
    public let kind: InstructionKind
    /// 指令头 — instruction id, court, case, officer, time, documents.
    public let header: InstructionHeader
    /// 被查询人 — the party whose accounts are asked for: name and typed document (R-B7).
    public let party: Party
    /// 协助银行 — one bank's code; absent means every connected bank.
    public let bank: InstitutionCode?
    /// 是否查询交易流水 — whether transaction history is asked for.
    public let includeTransactionHistory: Bool
    /// 交易流水期间 — the history's period; required exactly when history is asked for (R-B7).
    public let historyPeriod: DatePeriod?

    /// A query.
    public init(header: InstructionHeader, party: Party, bank: InstitutionCode?, includeTransactionHistory: Bool, historyPeriod: DatePeriod?) {
        self.kind = Self.expectedKind
        self.header = header
        self.party = party
        self.bank = bank
        self.includeTransactionHistory = includeTransactionHistory
        self.historyPeriod = historyPeriod
    }

    /// R-B7: an assistance notice; a history query states its period, which ends by the issue day.
    public func validate() throws(WireError) {
        try validateKind()
        try header.validate(at: "$.header")
        try header.requireDocuments([.assistanceNotice], rule: "R-B7", at: "$.header")
        switch (includeTransactionHistory, historyPeriod) {
        case (true, nil):
            throw WireRules.violation("R-B7", at: "$.historyPeriod", "a query for transaction history must state the period")
        case (false, .some):
            throw WireError(path: "$.historyPeriod", reason: .invalidValue("a history period is given only when includeTransactionHistory is true"))
        case (true, .some(let period)):
            try period.validate(at: "$.historyPeriod")
            guard period.to <= header.issuedAt.chinaDate else {
                throw WireError(path: "$.historyPeriod.to", reason: .invalidValue("history cannot be asked for days after the instruction (\(header.issuedAt.chinaDate))"))
            }
        case (false, nil):
            break
        }
    }
}
