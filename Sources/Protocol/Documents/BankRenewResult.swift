/// 续冻结果 — the renewed freeze's amounts and new period, with the freezes before and after it
/// in the queue (R-B14).
public struct BankRenewResult: Hashable, Sendable, Codable, WireValidatable, KindTagged {
    static let expectedKind = ReceiptKind.bankRenewResult
    /// 种类 — always `bank.renewResult`.
    public let kind: ReceiptKind
    /// 回执头 — instruction id (of the renewal), responding bank, time.
    public let header: ReceiptHeader
    /// 冻结账户 — the account.
    public let account: AccountReference
    /// 原冻结指令编号 — the freeze renewed.
    public let freezeInstructionId: InstructionID
    /// 续冻金额 — the limit kept.
    public let requested: Money
    /// 实际冻结金额 — what the freeze holds.
    public let held: Money
    /// 续冻后期限 — the period after renewal.
    public let period: DatePeriod
    /// 在先冻结 — freezes before it in the queue (R-B14).
    public let freezesBefore: [ExistingFreeze]
    /// 在后冻结 — freezes after it in the queue (R-B14).
    public let freezesAfter: [ExistingFreeze]

    /// A renewal result.
    public init(
        header: ReceiptHeader, account: AccountReference, freezeInstructionId: InstructionID, requested: Money, held: Money,
        period: DatePeriod, freezesBefore: [ExistingFreeze], freezesAfter: [ExistingFreeze]
    ) {
        self.kind = Self.expectedKind
        self.header = header
        self.account = account
        self.freezeInstructionId = freezeInstructionId
        self.requested = requested
        self.held = held
        self.period = period
        self.freezesBefore = freezesBefore
        self.freezesAfter = freezesAfter
    }

    /// R-B14: amounts in the account's currency, held within the limit, an ordered period.
    public func validate() throws(WireError) {
        try validateKind()
        try WireRules.requirePositive(requested, at: "$.requested")
        try WireRules.requireCurrency(requested, account.currency, at: "$.requested.currency")
        try WireRules.requireCurrency(held, account.currency, at: "$.held.currency")
        try WireRules.requireNotNegative(held, at: "$.held")
        try WireRules.requireAtMost(held, requested, at: "$.held", "a freeze holds no more than its limit")
        try period.validate(at: "$.period")
        try freezesBefore.validate(at: "$.freezesBefore", currency: account.currency)
        try freezesAfter.validate(at: "$.freezesAfter", currency: account.currency)
        // R-B13: the renewed freeze and those around it are one account's queue.
        let others = ExistingFreeze.maximumFreezesPerAccount - 1
        guard freezesBefore.count + freezesAfter.count <= others else {
            throw WireRules.violation(
                "R-B13", at: "$.freezesAfter",
                "an account carries at most \(ExistingFreeze.maximumFreezesPerAccount) freezes: at most \(others) besides the renewed one, not \(freezesBefore.count + freezesAfter.count)")
        }
    }
}
