/// 冻结结果 — what a freeze actually holds (R-B11), how much of the limit is waiting for inflows
/// (限额冻结, R-B12), and its place in the queue behind earlier freezes (轮候冻结, R-B13).
public struct BankFreezeResult: Hashable, Sendable, Codable, WireValidatable, KindTagged {
    static let expectedKind = ReceiptKind.bankFreezeResult
    /// 种类 — always `bank.freezeResult`.
    public let kind: ReceiptKind
    /// 回执头 — instruction id, responding bank, time.
    public let header: ReceiptHeader
    /// 冻结账户 — the account frozen.
    public let account: AccountReference
    /// 申请冻结金额 — the requested limit (R-B11).
    public let requested: Money
    /// 实际冻结金额 — what is held now and counts (R-B11). Funds under a priority claim do not
    /// count (R-B16): they are in ``uncountedClaimFunds``, never here.
    public let held: Money
    /// 未冻结金额 — requested minus held: what later inflows may still fill (R-B12), and what
    /// claimed funds this freeze covers will count for once their claim ends (R-B16).
    public let notHeld: Money
    /// 冻结但不计入的优先受偿权资金 — funds under a priority claim (a pledge, a margin, a co-owner's
    /// share) that this freeze also holds but that do not count toward ``held`` while the claim
    /// lasts (R-B16). Part of ``notHeld``: held + uncountedClaimFunds ≤ requested. Present exactly
    /// when positive; absent when the freeze covers no claimed funds.
    public let uncountedClaimFunds: Money?
    /// 是否限额冻结 — true when less than the limit is held now (R-B12).
    public let limited: Bool
    /// 冻结期限 — the first and last day (R-B11).
    public let period: DatePeriod
    /// 轮候顺位 — 1 when first on the account; n when n − 1 freezes come before it (R-B13).
    public let queuePosition: Int
    /// 在先冻结 — the earlier freezes, in the order they are served (R-B13).
    public let earlierFreezes: [ExistingFreeze]

    /// A freeze result.
    public init(
        header: ReceiptHeader, account: AccountReference, requested: Money, held: Money, notHeld: Money, limited: Bool,
        period: DatePeriod, queuePosition: Int, earlierFreezes: [ExistingFreeze], uncountedClaimFunds: Money? = nil
    ) {
        self.kind = Self.expectedKind
        self.header = header
        self.account = account
        self.requested = requested
        self.held = held
        self.notHeld = notHeld
        self.limited = limited
        self.period = period
        self.queuePosition = queuePosition
        self.earlierFreezes = earlierFreezes
        self.uncountedClaimFunds = uncountedClaimFunds
    }

    /// R-B11: held + not held = requested, in the account's currency; R-B12: limited exactly when
    /// something is not held; R-B16: claimed funds frozen but not counted fit in what is not held;
    /// R-B13: the queue position follows the earlier freezes listed, at most
    /// ``ExistingFreeze/maximumFreezesPerAccount`` − 1 of them.
    public func validate() throws(WireError) {
        try validateKind()
        try WireRules.requirePositive(requested, at: "$.requested")
        for (path, amount) in [("$.requested", requested), ("$.held", held), ("$.notHeld", notHeld)] {
            try WireRules.requireCurrency(amount, account.currency, at: path + ".currency")
            try WireRules.requireNotNegative(amount, at: path)
        }
        guard try WireRules.sum(held, notHeld, at: "$.notHeld") == requested else {
            throw WireRules.violation("R-B11", at: "$.notHeld", "held (\(held)) and not held (\(notHeld)) must add up to the requested \(requested)")
        }
        guard limited == notHeld.isPositive else {
            throw WireRules.violation("R-B12", at: "$.limited", "a freeze is limited exactly when part of the limit is not held")
        }
        try validateUncountedClaimFunds()
        try period.validate(at: "$.period")
        try earlierFreezes.validate(
            at: "$.earlierFreezes", currency: account.currency, maximum: ExistingFreeze.maximumFreezesPerAccount - 1)
        guard queuePosition == earlierFreezes.count + 1 else {
            throw WireRules.violation("R-B13", at: "$.queuePosition", "position \(queuePosition) does not follow the \(earlierFreezes.count) earlier freezes listed")
        }
    }

    /// R-B16: claimed funds the freeze holds without counting them are positive, in the account's
    /// currency, and within the part of the limit not counted as held.
    private func validateUncountedClaimFunds() throws(WireError) {
        guard let uncountedClaimFunds else { return }
        let path = "$.uncountedClaimFunds"
        try WireRules.requireCurrency(uncountedClaimFunds, account.currency, at: path + ".currency")
        guard uncountedClaimFunds.isPositive else {
            throw WireRules.violation("R-B16", at: path, "state claimed funds only when the freeze covers some: leave the field out, not \(uncountedClaimFunds)")
        }
        guard uncountedClaimFunds.minorUnits <= notHeld.minorUnits else {
            throw WireRules.violation(
                "R-B16", at: path,
                "claimed funds \(uncountedClaimFunds) do not count toward held, so they fit in notHeld \(notHeld) (held + uncounted ≤ requested)")
        }
    }
}
