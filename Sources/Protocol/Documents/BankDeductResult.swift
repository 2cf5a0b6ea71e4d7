/// 扣划结果 — what was deducted and what was not (R-B19), what stays frozen, and where the money
/// went (R-B17, R-B18).
public struct BankDeductResult: Hashable, Sendable, Codable, WireValidatable, KindTagged {
    static let expectedKind = ReceiptKind.bankDeductResult
    /// 种类 — always `bank.deductResult`.
    public let kind: ReceiptKind
    /// 回执头 — instruction id, responding bank, time.
    public let header: ReceiptHeader
    /// 扣划账户 — the account deducted from.
    public let account: AccountReference
    /// 原冻结指令编号 — the freeze deducted from, when the deduct named one.
    public let freezeInstructionId: InstructionID?
    /// 申请扣划金额 — the amount the court asked for.
    public let requested: Money
    /// 实际扣划金额 — R-B19's "amount actually deducted": what left the account for the special
    /// account. From a named freeze the bank takes the freeze's hold first, then (when the deduct
    /// allows it) funds no freeze holds.
    public let deducted: Money
    /// 未扣划金额 — R-B19's "amount not deducted" of the request: requested − deducted, exactly.
    /// It says how much of the court's request was not met; it is not money that stays anywhere.
    /// What stays frozen is ``remainingHeld``.
    public let notDeducted: Money
    /// 扣划前冻结金额 — what the named freeze held (counted, R-B11) before the deduct; present
    /// exactly when a freeze is named.
    public let heldBefore: Money?
    /// 剩余冻结金额 — R-B19's "not-deducted amount [that] stays frozen" when part of a freeze is
    /// deducted: the frozen amount less what was deducted from it, heldBefore − min(heldBefore,
    /// deducted). It stays frozen under the same freeze; no unfreeze is implied (R-B18). Present
    /// exactly when a freeze is named. It is the same amount as ``notDeducted`` when the request
    /// was the whole hold; in general the two differ.
    public let remainingHeld: Money?
    /// 入账专户 — the special account credited (R-B17).
    public let specialAccount: SpecialAccount
    /// 入账金额 — the amount credited to it.
    public let creditedAmount: Money
    /// 结汇 — the conversion, when foreign currency was converted to CNY.
    public let foreignExchange: ForeignExchange?

    /// A deduct result.
    public init(
        header: ReceiptHeader, account: AccountReference, freezeInstructionId: InstructionID?, requested: Money, deducted: Money,
        notDeducted: Money, heldBefore: Money?, remainingHeld: Money?, specialAccount: SpecialAccount, creditedAmount: Money,
        foreignExchange: ForeignExchange?
    ) {
        self.kind = Self.expectedKind
        self.header = header
        self.account = account
        self.freezeInstructionId = freezeInstructionId
        self.requested = requested
        self.deducted = deducted
        self.notDeducted = notDeducted
        self.heldBefore = heldBefore
        self.remainingHeld = remainingHeld
        self.specialAccount = specialAccount
        self.creditedAmount = creditedAmount
        self.foreignExchange = foreignExchange
    }

    /// R-B19 arithmetic, and the credited amount and currency (R-B17).
    public func validate() throws(WireError) {
        try validateKind()
        try WireRules.requirePositive(requested, at: "$.requested")
        for (path, amount) in [("$.requested", requested), ("$.deducted", deducted), ("$.notDeducted", notDeducted)] {
            try WireRules.requireCurrency(amount, account.currency, at: path + ".currency")
            try WireRules.requireNotNegative(amount, at: path)
        }
        guard try WireRules.sum(deducted, notDeducted, at: "$.notDeducted") == requested else {
            throw WireRules.violation("R-B19", at: "$.notDeducted", "deducted (\(deducted)) and notDeducted (\(notDeducted)) must add up to the requested \(requested)")
        }
        try validateHold()
        try validateCredit()
    }

    /// R-B19: what stays frozen (remainingHeld) is the hold (heldBefore) less what was deducted
    /// from it; the hold is drawn first.
    private func validateHold() throws(WireError) {
        switch (freezeInstructionId, heldBefore, remainingHeld) {
        case (nil, nil, nil):
            return
        case (.some, .some(let before), .some(let remaining)):
            try WireRules.requireCurrency(before, account.currency, at: "$.heldBefore.currency")
            try WireRules.requireNotNegative(before, at: "$.heldBefore")
            let fromHold = try before.minimumOrError(deducted, at: "$.deducted")
            let expected = try WireRules.difference(before, fromHold, at: "$.remainingHeld")
            guard remaining == expected else {
                throw WireRules.violation(
                    "R-B19", at: "$.remainingHeld",
                    "remainingHeld stays frozen: heldBefore \(before) less the \(fromHold) deducted from it is \(expected), not \(remaining)")
            }
        default:
            throw WireError(path: "$.heldBefore", reason: .invalidValue("heldBefore and remainingHeld are given exactly when a freeze is named"))
        }
    }

    /// R-B17: credited in the special account's currency; converted through a stated rate.
    private func validateCredit() throws(WireError) {
        try WireRules.requireCurrency(creditedAmount, specialAccount.currency, at: "$.creditedAmount.currency")
        if let foreignExchange {
            guard foreignExchange.sourceAmount == deducted else {
                throw WireError(path: "$.foreignExchange.sourceAmount", reason: .invalidValue("the amount converted is the amount deducted, \(deducted)"))
            }
            guard foreignExchange.convertedAmount == creditedAmount, creditedAmount.currency == .cny else {
                throw WireRules.violation("R-B17", at: "$.foreignExchange.convertedAmount", "converted funds are credited in CNY as converted")
            }
        } else {
            guard creditedAmount == deducted else {
                throw WireRules.violation("R-B17", at: "$.creditedAmount", "without conversion the special account is credited what was deducted, \(deducted)")
            }
        }
    }
}

extension Money {
    /// The smaller amount, or a WireError at `path` for mixed currencies.
    fileprivate func minimumOrError(_ other: Money, at path: String) throws(WireError) -> Money {
        do { return try minimum(other) } catch { throw WireError(path: path, reason: .invalidValue(error.description)) }
    }
}
