/// 续冻 — extend an existing freeze, keeping its place in line (R-B14).
///
/// The hub checks against its control ledger that the freeze is this court's, still active, and
/// that the new end is at most one year after the current end.
public struct BankRenew: Hashable, Sendable, Codable, WireValidatable, KindTagged {
    static let expectedKind = InstructionKind.bankRenew
    /// 种类 — always `bank.renew`.
    public let kind: InstructionKind
    /// 指令头 — instruction id, court, case, officer, time, documents.
    public let header: InstructionHeader
    /// 原冻结指令编号 — the instruction id of the freeze being renewed.
    public let freezeInstructionId: InstructionID
    /// 冻结账户 — the frozen account (R-B10).
    public let account: AccountReference
    /// 续冻金额 — the limit the renewed freeze keeps (R-B10: an amount).
    public let amountLimit: Money
    /// 续冻截止日 — the new last day of the freeze.
    public let newEndDate: CalendarDate

    /// A renewal.
    public init(header: InstructionHeader, freezeInstructionId: InstructionID, account: AccountReference, amountLimit: Money, newEndDate: CalendarDate) {
        self.kind = Self.expectedKind
        self.header = header
        self.freezeInstructionId = freezeInstructionId
        self.account = account
        self.amountLimit = amountLimit
        self.newEndDate = newEndDate
    }

    /// R-B10 documents; a positive amount in the account's currency within the amount owed; a new
    /// end after the issue day and not naming itself.
    public func validate() throws(WireError) {
        try validateKind()
        try header.validate(at: "$.header")
        try header.requireDocuments([.ruling, .assistanceNotice], rule: "R-B10", at: "$.header")
        guard freezeInstructionId != header.instructionId else {
            throw WireError(path: "$.freezeInstructionId", reason: .invalidValue("a renewal cannot name itself"))
        }
        try WireRules.requirePositive(amountLimit, at: "$.amountLimit")
        try WireRules.requireCurrency(amountLimit, account.currency, at: "$.amountLimit.currency")
        try WireRules.requireAtMost(amountLimit, header.case.amountOwed, at: "$.amountLimit", "a freeze may not exceed the amount owed")
        guard newEndDate > header.issuedAt.chinaDate else {
            throw WireError(path: "$.newEndDate", reason: .invalidValue("the new end \(newEndDate) is not after the issue day \(header.issuedAt.chinaDate)"))
        }
    }
}
