/// Why the working-day calendar could not answer. Every case says what was wrong.
public enum CalendarError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A date that does not exist or cannot be read (`2026-02-30`, `2026/02/13`).
    case invalidDate(String)
    /// The calendar has no holiday schedule for this year, so it cannot tell working days from
    /// days off. Add the year's schedule (published by the State Council each November) as data.
    case yearNotCovered(year: Int, covered: [Int])
    /// The holiday schedule data is malformed; the text says where and why.
    case invalidSchedule(String)

    public var description: String {
        switch self {
        case .invalidDate(let detail):
            return "invalid date: \(detail)"
        case .yearNotCovered(let year, let covered):
            let known = covered.isEmpty ? "none" : covered.map(String.init).joined(separator: ", ")
            return "the working-day calendar has no holiday schedule for \(year) (years known: \(known)); "
                + "add the State Council's schedule for \(year) to the holiday data"
        case .invalidSchedule(let detail):
            return "invalid holiday schedule: \(detail)"
        }
    }
}
