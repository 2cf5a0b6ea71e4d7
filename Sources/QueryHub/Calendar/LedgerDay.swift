/// A civil calendar day (China Standard Time, no time of day), counted in days since 1970-01-01.
///
/// Freezes run from a start day to an end day inclusive (冻结起止日期), and working-day deadlines
/// are counted in whole days, so the control ledger and the working-day calendar work in days.
/// The value is a plain integer so that comparisons and arithmetic are exact and cheap, and so
/// that the clock stays an input: nothing here reads the system time.
public struct LedgerDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01 (day 0 is 1970-01-01; negative values are earlier days).
    public let daysSinceEpoch: Int32

    /// The earliest year the type accepts from calendar fields or text.
    public static let earliestYear = 1900
    /// The latest year the type accepts from calendar fields or text.
    public static let latestYear = 2399

    /// The day with this count of days since 1970-01-01.
    public init(daysSinceEpoch: Int32) {
        self.daysSinceEpoch = daysSinceEpoch
    }

    /// The day with these calendar fields, or an error naming the field that is out of range.
    public init(year: Int, month: Int, day: Int) throws(CalendarError) {
        guard year >= LedgerDay.earliestYear, year <= LedgerDay.latestYear else {
            throw CalendarError.invalidDate("year \(year) is outside \(LedgerDay.earliestYear)…\(LedgerDay.latestYear)")
        }
        guard month >= 1, month <= 12 else {
            throw CalendarError.invalidDate("month \(month) of \(year) is not 1…12")
        }
        let length = LedgerDay.length(ofMonth: month, year: year)
        guard day >= 1, day <= length else {
            throw CalendarError.invalidDate("day \(day) of \(year)-\(month) is not 1…\(length)")
        }
        self.daysSinceEpoch = Int32(LedgerDay.daysFromCivil(year: year, month: month, day: day))
    }

    /// Parses an ISO 8601 calendar date, exactly `YYYY-MM-DD` (`2026-02-13`).
    public init(iso8601 text: String) throws(CalendarError) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else {
            throw CalendarError.invalidDate("\"\(text)\" is not a date of the form YYYY-MM-DD")
        }
        guard let year = LedgerDay.number(bytes[0..<4]), let month = LedgerDay.number(bytes[5..<7]),
            let day = LedgerDay.number(bytes[8..<10])
        else {
            throw CalendarError.invalidDate("\"\(text)\" has a non-digit where YYYY-MM-DD needs digits")
        }
        try self.init(year: year, month: month, day: day)
    }

    /// Year, month (1…12) and day of month (1…31).
    public var components: (year: Int, month: Int, day: Int) {
        LedgerDay.civilFromDays(Int(daysSinceEpoch))
    }

    /// The calendar year.
    public var year: Int { components.year }

    /// The day of the week.
    public var weekday: Weekday {
        // 1970-01-01 was a Thursday (index 3 when Monday is 0).
        let index = ((Int(daysSinceEpoch) % 7) + 7 + 3) % 7
        return Weekday(rawValue: index)!
    }

    /// The day `count` days later (earlier when negative).
    public func adding(days count: Int) -> LedgerDay {
        let result = Int(daysSinceEpoch) + count
        precondition(result >= Int(Int32.min) && result <= Int(Int32.max), "day arithmetic out of range")
        return LedgerDay(daysSinceEpoch: Int32(result))
    }

    /// The same day of the month `count` months later; a day the target month lacks becomes its
    /// last day (2024-02-29 plus 12 months is 2025-02-28), so a period of a year never overshoots.
    public func adding(months count: Int) -> LedgerDay {
        let (year, month, day) = components
        let monthIndex = year * 12 + (month - 1) + count
        let targetYear = monthIndex / 12
        let targetMonth = monthIndex % 12 + 1
        let targetDay = min(day, LedgerDay.length(ofMonth: targetMonth, year: targetYear))
        return LedgerDay(
            daysSinceEpoch: Int32(LedgerDay.daysFromCivil(year: targetYear, month: targetMonth, day: targetDay)))
    }

    /// Whole days from this day to `other` (positive when `other` is later).
    public func days(until other: LedgerDay) -> Int {
        Int(other.daysSinceEpoch) - Int(daysSinceEpoch)
    }

    public static func < (left: LedgerDay, right: LedgerDay) -> Bool {
        left.daysSinceEpoch < right.daysSinceEpoch
    }

    /// `2026-02-13`.
    public var description: String {
        let (year, month, day) = components
        let monthText = month < 10 ? "0\(month)" : "\(month)"
        let dayText = day < 10 ? "0\(day)" : "\(day)"
        return "\(year)-\(monthText)-\(dayText)"
    }
}

/// A day of the week, Monday first (as in China and ISO 8601).
public enum Weekday: Int, Sendable, CaseIterable {
    case monday, tuesday, wednesday, thursday, friday, saturday, sunday

    /// Saturday or Sunday.
    public var isWeekend: Bool { self == .saturday || self == .sunday }
}

extension LedgerDay {
    static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    static func length(ofMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Howard Hinnant's `days_from_civil`: exact for the proleptic Gregorian calendar.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Howard Hinnant's `civil_from_days`, the inverse of ``daysFromCivil(year:month:day:)``.
    static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in digits {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }
}
