/// The case a measure belongs to (案件).
public struct CaseReference: Hashable, Sendable, Codable {
    /// 案号 — the case number, `（2026）京0105执1234号`.
    public let number: CaseNumber
    /// 立案日期 — the day the case was filed.
    public let filingDate: CalendarDate
    /// 执行标的金额 — what the debtor owes under the case; no measure may hold or take more.
    public let amountOwed: Money

    /// A case reference.
    public init(number: CaseNumber, filingDate: CalendarDate, amountOwed: Money) {
        self.number = number
        self.filingDate = filingDate
        self.amountOwed = amountOwed
    }

    func validate(at path: String) throws(WireError) {
        try WireRules.requirePositive(amountOwed, at: path + ".amountOwed")
        guard filingDate.year == number.year else {
            throw WireError(path: path + ".filingDate", reason: .invalidValue("the case number is of \(number.year), the filing date of \(filingDate.year)"))
        }
    }
}
