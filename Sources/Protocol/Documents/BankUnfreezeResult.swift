/// 解冻结果 — what an unfreeze released and what the freeze still holds.
public struct BankUnfreezeResult: Hashable, Sendable, Codable, WireValidatable, KindTagged {
    static let expectedKind = ReceiptKind.bankUnfreezeResult
    /// 种类 — always `bank.unfreezeResult`.
    public let kind: ReceiptKind
    /// 回执头 — instruction id (of the unfreeze), responding bank, time.
    public let header: ReceiptHeader
    /// 冻结账户 — the account.
    public let account: AccountReference
    /// 原冻结指令编号 — the freeze released.
    public let freezeInstructionId: InstructionID
    /// 解冻金额 — the amount released.
    public let released: Money
    /// 剩余冻结金额 — what the freeze still holds (zero after a whole unfreeze).
    public let remainingHeld: Money

    /// An unfreeze result.
    public init(header: ReceiptHeader, account: AccountReference, freezeInstructionId: InstructionID, released: Money, remainingHeld: Money) {
        self.kind = Self.expectedKind
        self.header = header
        self.account = account
        self.freezeInstructionId = freezeInstructionId
        self.released = released
        self.remainingHeld = remainingHeld
    }

    /// Amounts in the account's currency, neither negative.
    public func validate() throws(WireError) {
        try validateKind()
        for (path, amount) in [("$.released", released), ("$.remainingHeld", remainingHeld)] {
            try WireRules.requireCurrency(amount, account.currency, at: path + ".currency")
            try WireRules.requireNotNegative(amount, at: path)
        }
    }
}
