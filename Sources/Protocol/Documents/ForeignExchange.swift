/// The conversion of deducted foreign currency into CNY (结汇).
public struct ForeignExchange: Hashable, Sendable, Codable {
    /// 结汇汇率 — the bank's rate applied.
    public let rate: ExchangeRate
    /// 汇率日期 — the day of the rate.
    public let rateDate: CalendarDate
    /// 原币金额 — the amount converted, in the account's currency.
    public let sourceAmount: Money
    /// 折算金额 — the amount credited, in CNY.
    public let convertedAmount: Money

    /// A conversion.
    public init(rate: ExchangeRate, rateDate: CalendarDate, sourceAmount: Money, convertedAmount: Money) {
        self.rate = rate
        self.rateDate = rateDate
        self.sourceAmount = sourceAmount
        self.convertedAmount = convertedAmount
    }
}
