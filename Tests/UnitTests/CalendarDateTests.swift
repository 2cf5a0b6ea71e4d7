import Foundation
import HubProtocol
import Testing

@Suite("Calendar dates")
struct CalendarDateTests {
    @Test("YYYY-MM-DD and YYYYMMDD parse to the same date and print back", arguments: [
        ("2026-01-31", "20260131"), ("2000-02-29", "20000229"), ("1949-10-01", "19491001"), ("0001-01-01", "00010101"),
    ])
    func parsing(extended: String, basic: String) throws {
        let date = try CalendarDate(extended)
        #expect(date == (try CalendarDate(basicFormat: basic)))
        #expect(date.description == extended)
        #expect(date.basicFormat == basic)
    }

    @Test("malformed text and impossible dates are refused", arguments: [
        "2026-1-31", "2026/01/31", "20260131", "2026-01-31 ", "２０２６-01-31", "2026-00-10", "2026-13-01",
        "2026-02-29", "1900-02-29", "2026-04-31", "0000-01-01", "2026-01-00", "",
    ])
    func refused(text: String) {
        #expect(throws: CalendarDateError.self) { try CalendarDate(text) }
    }

    @Test("leap years follow the Gregorian rule")
    func leapYears() {
        #expect(CalendarDate.isLeapYear(2000) && CalendarDate.isLeapYear(2024) && CalendarDate.isLeapYear(1996))
        #expect(!CalendarDate.isLeapYear(1900) && !CalendarDate.isLeapYear(2100) && !CalendarDate.isLeapYear(2026))
        #expect(CalendarDate.daysInMonth(year: 2024, month: 2) == 29)
        #expect(CalendarDate.daysInMonth(year: 2100, month: 2) == 28)
    }

    @Test("day numbers: known anchors, and every day of 1899…2101 converts both ways in order")
    func dayNumbers() throws {
        #expect(try CalendarDate("1970-01-01").daysSinceEpoch == 0)
        #expect(try CalendarDate("2000-03-01").daysSinceEpoch == 11_017)
        #expect(try CalendarDate("1969-12-31").daysSinceEpoch == -1)
        var previous = try CalendarDate("1898-12-31")
        let first = previous.daysSinceEpoch + 1
        let last = try CalendarDate("2101-12-31").daysSinceEpoch
        for day in first...last {
            let date = try CalendarDate(daysSinceEpoch: day)
            #expect(date.daysSinceEpoch == day)
            #expect(previous < date)
            #expect(try previous.adding(days: 1) == date)
            previous = date
        }
        #expect(previous == (try CalendarDate("2101-12-31")))
    }

    @Test("months and years clamp to the month's last day")
    func monthArithmetic() throws {
        #expect(try CalendarDate("2026-01-31").adding(months: 1) == (try CalendarDate("2026-02-28")))
        #expect(try CalendarDate("2024-01-31").adding(months: 1) == (try CalendarDate("2024-02-29")))
        #expect(try CalendarDate("2026-03-31").adding(months: -1) == (try CalendarDate("2026-02-28")))
        #expect(try CalendarDate("2026-11-15").adding(months: 3) == (try CalendarDate("2027-02-15")))
        #expect(try CalendarDate("2024-02-29").adding(years: 1) == (try CalendarDate("2025-02-28")))
        #expect(try CalendarDate("2024-02-29").adding(years: 4) == (try CalendarDate("2028-02-29")))
        #expect(throws: CalendarDateError.self) { try CalendarDate("9999-12-31").adding(days: 1) }
        #expect(throws: CalendarDateError.self) { try CalendarDate("0001-01-01").adding(months: -1) }
        #expect(try CalendarDate("2026-01-01").days(until: CalendarDate("2027-01-01")) == 365)
    }

    @Test("ISO weekdays: 1970-01-01 Thursday, 2026-10-01 Thursday, 2000-01-01 Saturday")
    func weekdays() throws {
        #expect(try CalendarDate("1970-01-01").isoWeekday == 4)
        #expect(try CalendarDate("2026-10-01").isoWeekday == 4)
        #expect(try CalendarDate("2000-01-01").isoWeekday == 6)
        #expect(try CalendarDate("1969-12-28").isoWeekday == 7)
    }

    @Test("JSON is \"YYYY-MM-DD\"; decoding refuses impossible dates")
    func json() throws {
        let date = try CalendarDate(year: 2026, month: 3, day: 5)
        #expect(String(decoding: try JSONEncoder().encode(date), as: UTF8.self) == "\"2026-03-05\"")
        #expect(try JSONDecoder().decode(CalendarDate.self, from: Data("\"2026-03-05\"".utf8)) == date)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(CalendarDate.self, from: Data("\"2026-02-30\"".utf8)) }
    }
}
