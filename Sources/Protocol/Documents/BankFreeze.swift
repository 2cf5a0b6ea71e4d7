/// 冻结 — hold funds on one account for the court, up to a limit, for a period (R-B10 … R-B13).
///
/// Whether the freeze is exact or limited (限额冻结, R-B12) is decided by the bank from the
/// available balance; the court may only forbid a limited freeze with ``allowLimitedFreeze``.
public struct BankFreeze: Hashable, Sendable, Codable, WireValidatable, KindTagged {
    static let expectedKind = InstructionKind.bankFreeze
    /// 种类 — always `bank.freeze`.
    public let kind: InstructionKind
    /// 指令头 — instruction id, court, case, officer, time, documents.
    public let header: InstructionHeader
    /// 被执行人 — the account holder.
    public let party: Party
    /// 冻结账户 — the one account to freeze (R-B10).
    public let account: AccountReference
    /// 冻结限额 — the most the freeze may hold, in the account's currency (R-B10, R-B11).
    public let amountLimit: Money
    /// 冻结期限 — the first and last day of the freeze; at most one year.
    public let period: DatePeriod
    /// 是否允许限额冻结 — whether the bank may hold less than the limit now and later inflows up
    /// to the limit (R-B12); when false, a short balance is answered with a cannot-assist receipt.
    public let allowLimitedFreeze: Bool

    /// A freeze.
    public init(header: InstructionHeader, party: Party, account: AccountReference, amountLimit: Money, period: DatePeriod, allowLimitedFreeze: Bool) {
        self.kind = Self.expectedKind
        self.header = header
        self.party = party
        self.account = account
        self.amountLimit = amountLimit
        self.period = period
        self.allowLimitedFreeze = allowLimitedFreeze
    }

    /// R-B10 documents; a positive limit in the account's currency, not above the amount owed; a
    /// period of at most one year that starts no earlier than the issue day.
    public func validate() throws(WireError) {
        try validateKind()
        try header.validate(at: "$.header")
        try header.requireDocuments([.ruling, .assistanceNotice], rule: "R-B10", at: "$.header")
        try WireRules.requirePositive(amountLimit, at: "$.amountLimit")
        try WireRules.requireCurrency(amountLimit, account.currency, at: "$.amountLimit.currency")
        try WireRules.requireAtMost(amountLimit, header.case.amountOwed, at: "$.amountLimit", "a freeze may not exceed the amount owed")
        try period.validateAtMostOneYear(at: "$.period", "a freeze")
        guard period.from >= header.issuedAt.chinaDate else {
            throw WireError(path: "$.period.from", reason: .invalidValue("a freeze cannot start before it is issued (\(header.issuedAt.chinaDate))"))
        }
    }
}
