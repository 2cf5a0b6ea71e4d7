/// 扣划 — move funds from one account to the court's special account (R-B17 … R-B19).
public struct BankDeduct: Hashable, Sendable, Codable, WireValidatable, KindTagged {
    static let expectedKind = InstructionKind.bankDeduct
    /// 种类 — always `bank.deduct`.
    public let kind: InstructionKind
    /// 指令头 — instruction id, court, case, officer, time, documents.
    public let header: InstructionHeader
    /// 被执行人 — the account holder.
    public let party: Party
    /// 原冻结指令编号 — the freeze whose funds are deducted; absent when deducting available,
    /// unfrozen funds directly. Deducting frozen funds needs no prior unfreeze (R-B18).
    public let freezeInstructionId: InstructionID?
    /// 扣划账户 — the account deducted from (R-B18).
    public let account: AccountReference
    /// 扣划金额 — the amount to deduct, in the account's currency (R-B18).
    public let amount: Money
    /// 执行款专户 — where the funds go: the court's registered special account (R-B17, R-B18).
    public let specialAccount: SpecialAccount
    /// 是否结汇 — convert foreign currency to CNY before crediting the CNY special account; when
    /// false, foreign currency goes to the court's foreign-currency special account (R-B17).
    public let convertForeignCurrency: Bool
    /// 是否扣划未冻结可用资金 — when the freeze holds less than ``amount``, also take available funds
    /// not held by any freeze. Required (true) when no freeze is named.
    public let includeUnheldAvailableFunds: Bool
    /// 其他财产不足以清偿 — the court's finding that the debtor's other assets are not enough to
    /// pay what is owed. Optional: absent (or `false`) means the court made no such finding. A
    /// pension is taken only when other assets are not enough (R-P1), so a deduct from a pension
    /// account without `true` here is refused — by the hub's ledger when a query result has shown
    /// the account to be a pension account, else by the bank (cannotAssist,
    /// ``CannotAssistReason/pensionNeedsOtherAssetsInsufficient``). Other accounts ignore it.
    public let otherAssetsInsufficient: Bool?

    /// A deduct.
    public init(
        header: InstructionHeader, party: Party, freezeInstructionId: InstructionID?, account: AccountReference, amount: Money,
        specialAccount: SpecialAccount, convertForeignCurrency: Bool, includeUnheldAvailableFunds: Bool,
        otherAssetsInsufficient: Bool? = nil
    ) {
        self.kind = Self.expectedKind
        self.header = header
        self.party = party
        self.freezeInstructionId = freezeInstructionId
        self.account = account
        self.amount = amount
        self.specialAccount = specialAccount
        self.convertForeignCurrency = convertForeignCurrency
        self.includeUnheldAvailableFunds = includeUnheldAvailableFunds
        self.otherAssetsInsufficient = otherAssetsInsufficient
    }

    /// True when the court states that the debtor's other assets are not enough (R-P1); an absent
    /// finding is no finding.
    public var courtFoundOtherAssetsInsufficient: Bool { otherAssetsInsufficient == true }

    /// R-B10 documents; a positive amount within the amount owed; the special account's currency
    /// as R-B17 requires.
    public func validate() throws(WireError) {
        try validateKind()
        try header.validate(at: "$.header")
        try header.requireDocuments([.ruling, .assistanceNotice], rule: "R-B10", at: "$.header")
        try WireRules.requirePositive(amount, at: "$.amount")
        try WireRules.requireCurrency(amount, account.currency, at: "$.amount.currency")
        try WireRules.requireAtMost(amount, header.case.amountOwed, at: "$.amount", "a deduct may not exceed the amount owed")
        if freezeInstructionId == nil && !includeUnheldAvailableFunds {
            throw WireError(path: "$.includeUnheldAvailableFunds", reason: .invalidValue("a deduct that names no freeze takes available funds: set this to true"))
        }
        try validateSpecialAccountCurrency()
    }

    private func validateSpecialAccountCurrency() throws(WireError) {
        if convertForeignCurrency {
            guard account.currency != .cny else {
                throw WireError(path: "$.convertForeignCurrency", reason: .invalidValue("a CNY account has nothing to convert"))
            }
            guard specialAccount.currency == .cny else {
                throw WireRules.violation("R-B17", at: "$.specialAccount.currency", "converted funds go to the CNY special account")
            }
        } else if specialAccount.currency != account.currency {
            throw WireRules.violation("R-B17", at: "$.specialAccount.currency",
                                      "\(account.currency) funds go to a \(account.currency) special account, not \(specialAccount.currency)")
        }
    }
}
