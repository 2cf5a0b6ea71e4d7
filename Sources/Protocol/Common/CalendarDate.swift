/// A date in the proleptic Gregorian calendar with no time and no time zone: a birth date, the
/// first or last day of a freeze period, a filing date.
///
/// Pure arithmetic, no `Foundation.Calendar`: the same input gives the same date on every machine
/// and in every time zone, which replayable ledgers and sealed documents need. On the wire it is
/// the ISO 8601 extended form `"YYYY-MM-DD"` (always four year digits).
public struct CalendarDate: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The year, within ``yearRange``.
    public let year: Int
    /// The month, 1 (January) … 12 (December).
    public let month: Int
    /// The day of the month, 1 … ``daysInMonth(year:month:)``.
    public let day: Int

    /// Years a `CalendarDate` can hold: four-digit years only, so every date prints as `YYYY-MM-DD`.
    public static let yearRange: ClosedRange<Int> = 1...9999

    /// A date from its parts, or an error naming the part that does not exist.
    public init(year: Int, month: Int, day: Int) throws(CalendarDateError) {
        guard CalendarDate.yearRange.contains(year) else { throw CalendarDateError.yearOutOfRange(year) }
        guard (1...12).contains(month) else { throw CalendarDateError.noSuchDate(year: year, month: month, day: day) }
        guard day >= 1, day <= CalendarDate.daysInMonth(year: year, month: month) else {
            throw CalendarDateError.noSuchDate(year: year, month: month, day: day)
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses the extended form `"YYYY-MM-DD"` exactly: ASCII digits, hyphens, nothing else.
    public init(_ text: String) throws(CalendarDateError) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else {
            throw CalendarDateError.malformed(text: text, expected: "YYYY-MM-DD")
        }
        guard let year = CalendarDate.decimal(bytes[0..<4]),
              let month = CalendarDate.decimal(bytes[5..<7]),
              let day = CalendarDate.decimal(bytes[8..<10])
        else { throw CalendarDateError.malformed(text: text, expected: "YYYY-MM-DD") }
        try self.init(year: year, month: month, day: day)
    }

    /// Parses the basic form `"YYYYMMDD"` (eight ASCII digits), as written inside ID numbers.
    public init(basicFormat text: String) throws(CalendarDateError) {
        let bytes = Array(text.utf8)
        guard bytes.count == 8,
              let year = CalendarDate.decimal(bytes[0..<4]),
              let month = CalendarDate.decimal(bytes[4..<6]),
              let day = CalendarDate.decimal(bytes[6..<8])
        else { throw CalendarDateError.malformed(text: text, expected: "YYYYMMDD") }
        try self.init(year: year, month: month, day: day)
    }

    /// True for Gregorian leap years: divisible by 4, except centuries not divisible by 400.
    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// The number of days in a month of a year (28 … 31).
    public static func daysInMonth(year: Int, month: Int) -> Int {
        precondition((1...12).contains(month), "month \(month) is not 1...12")
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// `"YYYY-MM-DD"`.
    public var description: String {
        CalendarDate.padded(year, width: 4) + "-" + CalendarDate.padded(month, width: 2) + "-"
            + CalendarDate.padded(day, width: 2)
    }

    /// `"YYYYMMDD"`, the basic form.
    public var basicFormat: String {
        CalendarDate.padded(year, width: 4) + CalendarDate.padded(month, width: 2) + CalendarDate.padded(day, width: 2)
    }

    public static func < (left: CalendarDate, right: CalendarDate) -> Bool {
        (left.year, left.month, left.day) < (right.year, right.month, right.day)
    }

    static func decimal(_ bytes: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in bytes {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return bytes.isEmpty ? nil : value
    }

    static func padded(_ value: Int, width: Int) -> String {
        precondition(value >= 0)
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

// MARK: - Day arithmetic

extension CalendarDate {
    /// Days from 1970-01-01 (day 0) to this date; negative before it.
    public var daysSinceEpoch: Int {
        // Howard Hinnant's days_from_civil: eras of 400 years, years starting in March so that
        // the leap day is the last day of the shifted year.
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let shiftedMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date a number of days after 1970-01-01, or an error outside ``yearRange``.
    public init(daysSinceEpoch days: Int) throws(CalendarDateError) {
        // Bounds of years 1 and 9999, so that the arithmetic below cannot overflow.
        guard days >= -719_162, days <= 2_932_896 else { throw CalendarDateError.dayCountOutOfRange(days) }
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        try self.init(year: year, month: month, day: day)
        assert(daysSinceEpoch == days)
    }

    /// The date `days` later (earlier when negative), or an error outside ``yearRange``.
    public func adding(days: Int) throws(CalendarDateError) -> CalendarDate {
        let (target, overflow) = daysSinceEpoch.addingReportingOverflow(days)
        guard !overflow else { throw CalendarDateError.dayCountOutOfRange(days) }
        return try CalendarDate(daysSinceEpoch: target)
    }

    /// Days from this date to `other`: positive when `other` is later.
    public func days(until other: CalendarDate) -> Int {
        other.daysSinceEpoch - daysSinceEpoch
    }

    /// The same day `months` later, clamped to the month's last day (01-31 + 1 month = 02-28/29).
    public func adding(months: Int) throws(CalendarDateError) -> CalendarDate {
        guard abs(months) <= 12 * CalendarDate.yearRange.upperBound else {
            throw CalendarDateError.yearOutOfRange(year + months / 12)
        }
        let monthIndex = year * 12 + (month - 1) + months
        let targetYear = monthIndex >= 0 ? monthIndex / 12 : (monthIndex - 11) / 12
        let targetMonth = monthIndex - targetYear * 12 + 1
        guard CalendarDate.yearRange.contains(targetYear) else { throw CalendarDateError.yearOutOfRange(targetYear) }
        let targetDay = min(day, CalendarDate.daysInMonth(year: targetYear, month: targetMonth))
        return try CalendarDate(year: targetYear, month: targetMonth, day: targetDay)
    }

    /// The same day `years` later; 29 February becomes 28 February in a common year.
    public func adding(years: Int) throws(CalendarDateError) -> CalendarDate {
        guard abs(years) <= CalendarDate.yearRange.upperBound else { throw CalendarDateError.yearOutOfRange(years) }
        return try adding(months: years * 12)
    }

    /// ISO 8601 weekday: 1 = Monday … 7 = Sunday.
    public var isoWeekday: Int {
        // 1970-01-01 was a Thursday (4).
        let offset = ((daysSinceEpoch % 7) + 7) % 7
        return (offset + 3) % 7 + 1
    }
}

/// On the wire: `"YYYY-MM-DD"`.
extension CalendarDate: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try CalendarDate(text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// Why a date was refused.
public enum CalendarDateError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The text is not in the expected form (`YYYY-MM-DD` or `YYYYMMDD`).
    case malformed(text: String, expected: String)
    /// The parts are numbers but name no day of the calendar (2023-02-29, month 13).
    case noSuchDate(year: Int, month: Int, day: Int)
    /// The year is outside 1 … 9999.
    case yearOutOfRange(Int)
    /// Day arithmetic left the years 1 … 9999.
    case dayCountOutOfRange(Int)

    public var description: String {
        switch self {
        case .malformed(let text, let expected):
            return "\"\(text)\" is not a date of the form \(expected)"
        case .noSuchDate(let year, let month, let day):
            return "\(year)-\(month)-\(day) is not a day of the calendar"
        case .yearOutOfRange(let year):
            return "year \(year) is outside 1...9999"
        case .dayCountOutOfRange(let days):
            return "a day count of \(days) leaves the years 1...9999"
        }
    }
}
