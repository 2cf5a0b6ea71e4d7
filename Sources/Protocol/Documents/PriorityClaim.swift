/// A priority claim on an account's funds (优先受偿权, R-B16).
public struct PriorityClaim: Hashable, Sendable, Codable {
    /// 权利种类 — what kind of claim.
    public let kind: PriorityClaimKind
    /// 权利人 — who holds it.
    public let holder: PartyName
    /// 金额 — the funds it covers.
    public let amount: Money
    /// 是否异议审查中 — whether the court is reviewing the holder's objection; such funds may not
    /// be deducted meanwhile (R-B16).
    public let underReview: Bool

    /// A priority claim.
    public init(kind: PriorityClaimKind, holder: PartyName, amount: Money, underReview: Bool) {
        self.kind = kind
        self.holder = holder
        self.amount = amount
        self.underReview = underReview
    }
}
