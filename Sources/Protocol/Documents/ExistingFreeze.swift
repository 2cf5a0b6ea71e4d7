/// A freeze already on an account, as a bank reports it (R-B8, R-B13, R-B14).
public struct ExistingFreeze: Hashable, Sendable, Codable {
    /// The most freezes in force one account may carry, its own queue included (R-B13): the bound
    /// of every list of freezes on the wire, of the hub's ledger (``maximumLiveFreezesPerAccount``
    /// in `LedgerConfiguration` may not exceed it) and of the simulated bank. A hot debtor's
    /// account draws freezes from a thousand courts; 2,048 leaves room for them. A freeze result
    /// lists at most one fewer earlier freezes (the new one is the last). 2,047 entries of the
    /// usual size (about 250 bytes: a court's name, a document number, an amount, a period) take
    /// about 0.5 MB, within the 1 MiB a document may have.
    public static let maximumFreezesPerAccount = 2_048

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
    /// Validates each freeze of a list, with its index in the path; at most `maximum` of them
    /// (R-B13: no account carries more than ``ExistingFreeze/maximumFreezesPerAccount``).
    func validate(
        at path: String, currency: Currency, maximum: Int = ExistingFreeze.maximumFreezesPerAccount
    ) throws(WireError) {
        precondition(maximum >= 0 && maximum <= ExistingFreeze.maximumFreezesPerAccount, "a list bound beyond the account's")
        guard count <= maximum else {
            throw WireRules.violation(
                "R-B13", at: path,
                "at most \(maximum) freezes may be listed here (an account carries at most "
                    + "\(ExistingFreeze.maximumFreezesPerAccount)), not \(count)")
        }
        for (index, freeze) in enumerated() {
            try freeze.validate(at: path + "[\(index)]", currency: currency)
        }
    }
}
