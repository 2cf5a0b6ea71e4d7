/// Working-day arithmetic (工作日) over a ``HolidaySchedule``.
///
/// A working day is Monday to Friday when it is not a day off, plus every make-up working day
/// (调休上班) even on a weekend. The calendar answers only for the years its schedule covers: for
/// any other year it throws ``CalendarError/yearNotCovered(year:covered:)`` instead of guessing,
/// because a guess about Spring Festival moves legal deadlines by a week or more.
public struct WorkingDayCalendar: Sendable {
    /// The most working days one call may move; deadlines in the rules are a few weeks at most,
    /// and the bound keeps every loop here finite.
    public static let maximumWorkingDayStep = 1_000
    /// The longest span ``workingDays(after:through:)`` will count, in calendar days (ten years).
    public static let maximumCountedSpanDays = 3_660

    private let daysOff: Set<LedgerDay>
    private let makeUpWorkingDays: Set<LedgerDay>
    /// The years this calendar can answer for, ascending.
    public let coveredYears: [Int]
    private let coveredYearSet: Set<Int>

    /// A calendar over the given schedule.
    public init(schedule: HolidaySchedule) {
        var daysOff = Set<LedgerDay>()
        var makeUps = Set<LedgerDay>()
        for year in schedule.years {
            for holiday in year.holidays {
                let length = holiday.first.days(until: holiday.last) + 1
                for offset in 0..<length { daysOff.insert(holiday.first.adding(days: offset)) }
            }
            makeUps.formUnion(year.makeUpWorkingDays)
        }
        self.daysOff = daysOff
        self.makeUpWorkingDays = makeUps
        self.coveredYears = schedule.years.map(\.year)
        self.coveredYearSet = Set(coveredYears)
    }

    /// Mainland China's calendar from the built-in ``ChinaHolidaySchedule``.
    public static let china = WorkingDayCalendar(schedule: ChinaHolidaySchedule.schedule)

    /// True when the calendar has a schedule for the year of `day`.
    public func covers(_ day: LedgerDay) -> Bool {
        coveredYearSet.contains(day.year)
    }

    /// Whether `day` is a working day; throws for a year the schedule does not cover.
    public func isWorkingDay(_ day: LedgerDay) throws(CalendarError) -> Bool {
        guard coveredYearSet.contains(day.year) else {
            throw CalendarError.yearNotCovered(year: day.year, covered: coveredYears)
        }
        if makeUpWorkingDays.contains(day) { return true }
        if daysOff.contains(day) { return false }
        return !day.weekday.isWeekend
    }

    /// The day that is `count` working days after `day` (before it when `count` is negative);
    /// `day` itself for zero. `day` need not be a working day: 5 working days after a Saturday is
    /// the fifth working day that follows it.
    ///
    /// Example (R-B16): 5 working days after Fri 2026-02-13 is Fri 2026-02-27 (Sat Feb 14 is a
    /// make-up working day; Feb 15–23 are Spring Festival; then Feb 24, 25, 26, 27).
    public func adding(workingDays count: Int, to day: LedgerDay) throws(CalendarError) -> LedgerDay {
        precondition(abs(count) <= WorkingDayCalendar.maximumWorkingDayStep, "working-day step \(count) too large")
        if count == 0 { return day }
        let direction = count > 0 ? 1 : -1
        var remaining = abs(count)
        var current = day
        // Every stretch of 7 days has at least one working day unless a holiday covers it, and no
        // holiday is longer than HolidaySchedule.maximumHolidayDays: this bound is never reached
        // with valid data.
        let stepLimit = abs(count) * 7 + HolidaySchedule.maximumHolidayDays + 7
        var steps = 0
        while remaining > 0 {
            precondition(steps < stepLimit, "working-day search did not end")
            steps += 1
            current = current.adding(days: direction)
            if try isWorkingDay(current) { remaining -= 1 }
        }
        return current
    }

    /// The number of working days `d` with `start < d ≤ end`; negative when `end` is before
    /// `start` (then it counts `end < d ≤ start`).
    public func workingDays(after start: LedgerDay, through end: LedgerDay) throws(CalendarError) -> Int {
        let span = start.days(until: end)
        precondition(abs(span) <= WorkingDayCalendar.maximumCountedSpanDays, "span of \(span) days too long")
        let (low, high, sign) = span >= 0 ? (start, end, 1) : (end, start, -1)
        var count = 0
        var current = low
        while current < high {
            current = current.adding(days: 1)
            if try isWorkingDay(current) { count += 1 }
        }
        return count * sign
    }
}
