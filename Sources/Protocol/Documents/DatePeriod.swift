/// A period of whole days, both ends included (期间): a freeze's start and end, a transaction
/// history's range, an exit restriction's term. On the wire `{"from": "2026-12-01", "to": "2027-11-30"}`.
public struct DatePeriod: Hashable, Sendable, Codable {
    /// 起始日 — the first day of the period.
    public let from: CalendarDate
    /// 截止日 — the last day of the period (included).
    public let to: CalendarDate

    /// A period; ``validate(at:)`` checks that it does not end before it starts.
    public init(from: CalendarDate, to: CalendarDate) {
        self.from = from
        self.to = to
    }

    /// The number of days in the period, both ends counted.
    public var dayCount: Int { from.days(until: to) + 1 }

    /// True when `date` lies within the period.
    public func contains(_ date: CalendarDate) -> Bool { from <= date && date <= to }

    /// Refuses a period whose end is before its start.
    func validate(at path: String) throws(WireError) {
        guard from <= to else {
            throw WireError(path: path + ".to", reason: .invalidValue("the period ends (\(to)) before it starts (\(from))"))
        }
    }

    /// Refuses a period longer than one year: the last day must come before the same day a year
    /// after the start (2026-12-01 … 2027-11-30 is one year).
    func validateAtMostOneYear(at path: String, _ what: String) throws(WireError) {
        try validate(at: path)
        let lastAllowedDay: CalendarDate
        do {
            lastAllowedDay = try from.adding(years: 1).adding(days: -1)
        } catch {
            throw WireError(path: path + ".from", reason: .invalidValue(error.description))
        }
        guard to <= lastAllowedDay else {
            throw WireError(path: path + ".to", reason: .invalidValue("\(what) lasts at most one year: the last day may be \(lastAllowedDay) at the latest, not \(to)"))
        }
    }
}
