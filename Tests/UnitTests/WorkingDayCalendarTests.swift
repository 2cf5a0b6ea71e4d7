import Foundation
import QueryHub
import Testing

@Suite("Working-day calendar")
struct WorkingDayCalendarTests {
    let calendar = WorkingDayCalendar.china

    func day(_ text: String) throws -> LedgerDay { try LedgerDay(iso8601: text) }

    // R-B16: the worked example of holidays.md.
    @Test("R-B16 worked example: 5 working days after Fri 2026-02-13 is Fri 2026-02-27")
    func workedExample() throws {
        #expect(try calendar.adding(workingDays: 5, to: day("2026-02-13")) == day("2026-02-27"))
        #expect(try calendar.adding(workingDays: -5, to: day("2026-02-27")) == day("2026-02-13"))
        #expect(try calendar.workingDays(after: day("2026-02-13"), through: day("2026-02-27")) == 5)
    }

    @Test(
        "Spring Festival, National Day and make-up working days",
        arguments: [
            // 2025 Spring Festival: Jan 28 – Feb 4 off; Sun Jan 26 and Sat Feb 8 are working days.
            ("2025-01-24", 1, "2025-01-26"),
            ("2025-01-27", 1, "2025-02-05"),
            ("2025-02-07", 1, "2025-02-08"),
            // 2025 National Day + Mid-Autumn: Oct 1–8 off; Sun Sep 28 and Sat Oct 11 work.
            ("2025-09-26", 1, "2025-09-28"),
            ("2025-09-30", 1, "2025-10-09"),
            ("2025-10-10", 1, "2025-10-11"),
            // 2026 Mid-Autumn Sep 25–27 and National Day Oct 1–7; Sat Oct 10 works.
            ("2026-09-24", 1, "2026-09-28"),
            ("2026-09-30", 1, "2026-10-08"),
            ("2026-10-09", 1, "2026-10-10"),
            ("2026-10-08", -1, "2026-09-30"),
            // Across the turn of the year: 2025-12-31 to the first working day of 2026 (Sun Jan 4).
            ("2025-12-31", 1, "2026-01-04"),
        ])
    func holidaysAndMakeUpDays(start: String, count: Int, expected: String) throws {
        #expect(try calendar.adding(workingDays: count, to: day(start)) == day(expected))
    }

    @Test(
        "which days are working days",
        arguments: [
            ("2026-02-14", true),  // Saturday, make-up working day
            ("2026-02-16", false),  // Monday in Spring Festival
            ("2026-03-07", false),  // ordinary Saturday
            ("2026-03-09", true),  // ordinary Monday
            ("2026-09-20", true),  // Sunday, make-up working day
            ("2025-10-08", false),  // Wednesday, last day of the 2025 National Day break
        ])
    func workingDays(text: String, expected: Bool) throws {
        #expect(try calendar.isWorkingDay(day(text)) == expected)
    }

    @Test("counting working days across National Day 2025")
    func countAcrossNationalDay() throws {
        // Sep 28 (Sun, make-up), 29, 30, then Oct 9, 10, 11 (Sat, make-up).
        #expect(try calendar.workingDays(after: day("2025-09-26"), through: day("2025-10-12")) == 6)
        #expect(try calendar.workingDays(after: day("2025-10-12"), through: day("2025-09-26")) == -6)
    }

    @Test("a year the data does not cover is a clear error, not a guess")
    func unknownYear() throws {
        let error = CalendarError.yearNotCovered(year: 2027, covered: [2025, 2026])
        #expect(throws: error) { try calendar.isWorkingDay(day("2027-03-01")) }
        #expect(throws: error) { try calendar.adding(workingDays: 5, to: day("2026-12-29")) }
        #expect(throws: CalendarError.yearNotCovered(year: 2024, covered: [2025, 2026])) {
            try calendar.adding(workingDays: -1, to: day("2025-01-02"))
        }
        #expect(error.description.contains("no holiday schedule for 2027"))
    }

    @Test("a new year is added as data, without a code change")
    func newYearAsData() throws {
        // Test data only (not the State Council's 2027 schedule): one holiday and one make-up day.
        let json = """
            {"years": [{"year": 2027, "notice": "test data", "makeUpWorkingDays": ["2027-02-06"],
                        "holidays": [{"name": "Test holiday", "first": "2027-02-08", "last": "2027-02-10"}]}]}
            """
        let extra = try HolidaySchedule(json: Data(json.utf8))
        let extended = WorkingDayCalendar(schedule: try ChinaHolidaySchedule.schedule.merging(extra))
        #expect(extended.coveredYears == [2025, 2026, 2027])
        #expect(try extended.isWorkingDay(day("2027-02-06")))  // Saturday made a working day
        #expect(try extended.adding(workingDays: 1, to: day("2027-02-05")) == day("2027-02-06"))
        #expect(try extended.adding(workingDays: 1, to: day("2027-02-06")) == day("2027-02-11"))
        #expect(throws: CalendarError.invalidSchedule("the year 2027 appears twice")) {
            try extra.merging(extra)
        }
    }

    @Test(
        "malformed holiday data is refused with the reason",
        arguments: [
            (
                #"{"years": [{"year": 2027, "notice": "", "holidays": [], "makeUpWorkingDays": ["2027-02-08"]}]}"#,
                "make-up working day 2027-02-08 is a monday, not a weekend day"
            ),
            (
                #"{"years": [{"year": 2027, "notice": "", "makeUpWorkingDays": ["2027-02-06"], "holidays": [{"name": "X", "first": "2027-02-06", "last": "2027-02-07"}]}]}"#,
                "2027-02-06 is both a day off and a make-up working day"
            ),
            (
                #"{"years": [{"year": 2027, "notice": "", "makeUpWorkingDays": [], "holidays": [{"name": "X", "first": "2027-02-01", "last": "2027-03-01"}]}]}"#,
                "2027 X: 2027-02-01…2027-03-01 is not 1…15 days"
            ),
            (
                #"{"years": [{"year": 2027, "notice": "", "makeUpWorkingDays": ["2027-02-30"], "holidays": []}]}"#,
                "year 2027: invalid date: day 30 of 2027-2 is not 1…28"
            ),
        ])
    func malformedSchedule(json: String, reason: String) {
        #expect(throws: CalendarError.invalidSchedule(reason)) { try HolidaySchedule(json: Data(json.utf8)) }
    }

    @Test("the built-in data is the holidays.md tables")
    func builtInData() {
        let years = ChinaHolidaySchedule.schedule.years
        #expect(years.map(\.year) == [2025, 2026])
        #expect(years.map { $0.holidays.count } == [6, 7])
        #expect(years.map { $0.makeUpWorkingDays.count } == [5, 6])
    }
}

@Suite("Ledger days")
struct LedgerDayTests {
    @Test(
        "dates convert both ways and know their weekday",
        arguments: [
            ("1970-01-01", Int32(0), Weekday.thursday),
            ("2026-02-13", 20_497, .friday),
            ("2026-03-02", 20_514, .monday),
            ("2000-02-29", 11_016, .tuesday),
            ("1969-12-31", -1, .wednesday),
        ])
    func conversions(text: String, days: Int32, weekday: Weekday) throws {
        let day = try LedgerDay(iso8601: text)
        #expect(day.daysSinceEpoch == days)
        #expect(day.weekday == weekday)
        #expect(day.description == text)
    }

    @Test("a year later never overshoots the month")
    func addingMonths() throws {
        #expect(try LedgerDay(iso8601: "2024-02-29").adding(months: 12) == LedgerDay(iso8601: "2025-02-28"))
        #expect(try LedgerDay(iso8601: "2026-01-31").adding(months: 1) == LedgerDay(iso8601: "2026-02-28"))
        #expect(try LedgerDay(iso8601: "2026-03-02").adding(months: 12) == LedgerDay(iso8601: "2027-03-02"))
    }

    @Test(
        "impossible or malformed dates are refused",
        arguments: ["2026-02-29", "2026-13-01", "2026-2-1", "20260213", "2026-02-1x", ""])
    func invalidDates(text: String) {
        #expect(throws: CalendarError.self) { try LedgerDay(iso8601: text) }
    }
}
