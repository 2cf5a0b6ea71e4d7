/// A freeze already on an account, as a bank reports it (R-B8, R-B13, R-B14).
public struct ExistingFreeze: Hashable, Sendable, Codable {
    /// 冻结机关 — the authority that holds it (a court, a procuratorate, a public security bureau).
    public let authority: WireText
    /// 冻结文书号 — the number of its freeze document.
    public let documentNumber: WireText
    /// 冻结金额 — its limit.
    public let amount: Money
    /// 冻结期限 — its first and last day.
    public let period: DatePeriod

    /// An existing freeze.
    public init(authority: WireText, documentNumber: WireText, amount: Money, period: DatePeriod) {
        self.authority = authority
        self.documentNumber = documentNumber
        self.amount = amount
        self.period = period
    }

    func validate(at path: String, currency: Currency) throws(WireError) {
        try WireRules.requirePositive(amount, at: path + ".amount")
        try WireRules.requireCurrency(amount, currency, at: path + ".amount.currency")
        try period.validate(at: path + ".period")
    }
}

extension Array where Element == ExistingFreeze {
    /// Validates each freeze of a list, with its index in the path; at most 100 (the longest
    /// queues seen on one account are a few dozen).
    func validate(at path: String, currency: Currency) throws(WireError) {
        try WireRules.requireCount(self, atMost: 100, at: path)
        for (index, freeze) in enumerated() {
            try freeze.validate(at: path + "[\(index)]", currency: currency)
        }
    }
}
