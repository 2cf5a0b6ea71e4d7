/// 解冻 — release a freeze, wholly or in part.
public struct BankUnfreeze: Hashable, Sendable, Codable, WireValidatable, KindTagged {
    static let expectedKind = InstructionKind.bankUnfreeze
    /// 种类 — always `bank.unfreeze`.
    public let kind: InstructionKind
    /// 指令头 — instruction id, court, case, officer, time, documents.
    public let header: InstructionHeader
    /// 原冻结指令编号 — the instruction id of the freeze being released.
    public let freezeInstructionId: InstructionID
    /// 冻结账户 — the frozen account (R-B10).
    public let account: AccountReference
    /// 解冻方式 — whole or partial.
    public let scope: UnfreezeScope
    /// 解冻金额 — the amount released; present exactly when ``scope`` is partial.
    public let amount: Money?

    /// An unfreeze.
    public init(header: InstructionHeader, freezeInstructionId: InstructionID, account: AccountReference, scope: UnfreezeScope, amount: Money?) {
        self.kind = Self.expectedKind
        self.header = header
        self.freezeInstructionId = freezeInstructionId
        self.account = account
        self.scope = scope
        self.amount = amount
    }

    /// R-B10 documents; a positive amount in the account's currency for a partial release only.
    public func validate() throws(WireError) {
        try validateKind()
        try header.validate(at: "$.header")
        try header.requireDocuments([.ruling, .assistanceNotice], rule: "R-B10", at: "$.header")
        guard freezeInstructionId != header.instructionId else {
            throw WireError(path: "$.freezeInstructionId", reason: .invalidValue("an unfreeze cannot name itself"))
        }
        switch (scope, amount) {
        case (.partial, nil):
            throw WireRules.violation("R-B10", at: "$.amount", "a partial unfreeze states the amount released")
        case (.whole, .some):
            throw WireError(path: "$.amount", reason: .invalidValue("a whole unfreeze releases the whole freeze: leave the amount out"))
        case (.partial, .some(let released)):
            try WireRules.requirePositive(released, at: "$.amount")
            try WireRules.requireCurrency(released, account.currency, at: "$.amount.currency")
        case (.whole, nil):
            break
        }
    }
}
