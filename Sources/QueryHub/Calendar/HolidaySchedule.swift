import Foundation

/// The public holidays and make-up working days (调休上班) of some years, as the State Council
/// publishes them (国务院办公厅 部分节假日安排的通知): data, never code.
///
/// JSON form (the form of ``ChinaHolidaySchedule/json`` and of any file given to the hub):
/// ```json
/// {"years": [{"year": 2026, "notice": "…",
///             "holidays": [{"name": "Spring Festival", "first": "2026-02-15", "last": "2026-02-23"}],
///             "makeUpWorkingDays": ["2026-02-14", "2026-02-28"]}]}
/// ```
/// A new year is added by adding its entry to the data (or by ``merging(_:)`` a schedule read from
/// a file); no code changes.
public struct HolidaySchedule: Sendable, Equatable {
    /// One year's schedule.
    public struct Year: Sendable, Equatable {
        /// The calendar year the schedule is for.
        public let year: Int
        /// The notice that published it (for the record; not interpreted).
        public let notice: String
        /// Each holiday's days off, first to last inclusive. A range may include weekend days.
        public let holidays: [Holiday]
        /// Weekend days that are working days that year.
        public let makeUpWorkingDays: [LedgerDay]
    }

    /// One holiday: a named run of days off.
    public struct Holiday: Sendable, Equatable {
        /// The holiday's name (`Spring Festival`).
        public let name: String
        /// The first day off.
        public let first: LedgerDay
        /// The last day off (inclusive).
        public let last: LedgerDay
    }

    /// The years, in ascending order, each at most once.
    public let years: [Year]

    /// The longest run of days off the schedule accepts for one holiday: a typo such as a wrong
    /// month would otherwise silently turn weeks into holidays.
    public static let maximumHolidayDays = 15

    /// A schedule from already-validated years; fails on a duplicate year, a make-up working day
    /// that is not a weekend day or that is also a day off, or an implausible holiday.
    public init(years: [Year]) throws(CalendarError) {
        let sorted = years.sorted { $0.year < $1.year }
        var daysOff = Set<LedgerDay>()
        for (index, entry) in sorted.enumerated() {
            if index > 0, sorted[index - 1].year == entry.year {
                throw CalendarError.invalidSchedule("the year \(entry.year) appears twice")
            }
            try HolidaySchedule.validate(entry, daysOff: &daysOff)
        }
        for entry in sorted {
            for day in entry.makeUpWorkingDays where daysOff.contains(day) {
                throw CalendarError.invalidSchedule("\(day) is both a day off and a make-up working day")
            }
        }
        self.years = sorted
    }

    /// Decodes and validates the JSON form described above.
    public init(json: Data) throws(CalendarError) {
        let file: ScheduleFile
        do {
            file = try JSONDecoder().decode(ScheduleFile.self, from: json)
        } catch {
            throw CalendarError.invalidSchedule("not the holiday JSON form: \(error)")
        }
        var years: [Year] = []
        for entry in file.years {
            var holidays: [Holiday] = []
            for holiday in entry.holidays {
                let first = try HolidaySchedule.parse(holiday.first, year: entry.year)
                let last = try HolidaySchedule.parse(holiday.last, year: entry.year)
                holidays.append(Holiday(name: holiday.name, first: first, last: last))
            }
            var makeUps: [LedgerDay] = []
            for text in entry.makeUpWorkingDays {
                makeUps.append(try HolidaySchedule.parse(text, year: entry.year))
            }
            years.append(Year(year: entry.year, notice: entry.notice, holidays: holidays, makeUpWorkingDays: makeUps))
        }
        try self.init(years: years)
    }

    /// This schedule with the other's years added; a year present in both is an error, so that
    /// new data never silently replaces published data.
    public func merging(_ other: HolidaySchedule) throws(CalendarError) -> HolidaySchedule {
        try HolidaySchedule(years: years + other.years)
    }

    private static func validate(_ entry: Year, daysOff: inout Set<LedgerDay>) throws(CalendarError) {
        guard entry.year >= LedgerDay.earliestYear, entry.year <= LedgerDay.latestYear else {
            throw CalendarError.invalidSchedule("year \(entry.year) is out of range")
        }
        for holiday in entry.holidays {
            let length = holiday.first.days(until: holiday.last) + 1
            guard length >= 1, length <= maximumHolidayDays else {
                throw CalendarError.invalidSchedule(
                    "\(entry.year) \(holiday.name): \(holiday.first)…\(holiday.last) is not 1…\(maximumHolidayDays) days"
                )
            }
            // A holiday may begin in the last days of the year before (New Year) but no earlier.
            guard holiday.last.year == entry.year, holiday.first.year >= entry.year - 1 else {
                throw CalendarError.invalidSchedule("\(entry.year) \(holiday.name) does not fall in \(entry.year)")
            }
            for offset in 0..<length { daysOff.insert(holiday.first.adding(days: offset)) }
        }
        for day in entry.makeUpWorkingDays {
            guard day.weekday.isWeekend else {
                throw CalendarError.invalidSchedule("make-up working day \(day) is a \(day.weekday), not a weekend day")
            }
        }
    }

    private static func parse(_ text: String, year: Int) throws(CalendarError) -> LedgerDay {
        do {
            return try LedgerDay(iso8601: text)
        } catch {
            throw CalendarError.invalidSchedule("year \(year): \(error.description)")
        }
    }
}

/// The JSON shape of a schedule file.
private struct ScheduleFile: Decodable {
    struct YearEntry: Decodable {
        let year: Int
        let notice: String
        let holidays: [HolidayEntry]
        let makeUpWorkingDays: [String]
    }

    struct HolidayEntry: Decodable {
        let name: String
        let first: String
        let last: String
    }

    let years: [YearEntry]
}
