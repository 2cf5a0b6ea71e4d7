import HubProtocol
import QueryHub
import Testing

@Suite("Timestamp")
struct TimestampTests {
    @Test("RFC 3339 UTC strings round trip through epoch milliseconds", arguments: [
        ("1970-01-01T00:00:00Z", Int64(0)),
        ("2026-12-01T09:30:00Z", 1_796_117_400_000),
        ("2026-12-01T09:30:00.250Z", 1_796_117_400_250),
        ("2028-02-29T23:59:59.999Z", 1_835_481_599_999),
        ("9999-12-31T23:59:59.999Z", 253_402_300_799_999),
    ])
    func roundTrip(text: String, milliseconds: Int64) throws {
        let timestamp = try Timestamp(text)
        #expect(timestamp.millisecondsSinceEpoch == milliseconds)
        #expect(timestamp.description == text)
        #expect(Timestamp(millisecondsSinceEpoch: milliseconds) == timestamp)
    }

    @Test("other spellings are refused", arguments: [
        "2026-12-01T09:30:00", "2026-12-01 09:30:00Z", "2026-12-01t09:30:00z", "2026-12-01T09:30:00+08:00",
        "2026-12-01T09:30:00.5Z", "2026-12-01T09:30:00.000Z", "2026-12-01T24:00:00Z", "2026-12-01T09:60:00Z",
        "2026-12-01T09:30:60Z", "2026-02-30T09:30:00Z", "1969-12-31T23:59:59Z", "",
    ])
    func refused(text: String) {
        #expect(throws: TimestampError.self) { try Timestamp(text) }
    }

    @Test("the UTC date of an instant is the day its wire form writes")
    func utcDate() throws {
        #expect(try Timestamp("2026-12-01T23:59:59Z").utcDate.description == "2026-12-01")
        #expect(try Timestamp("2026-12-02T00:00:00Z").utcDate.description == "2026-12-02")
    }

    @Test("R-B20: the legal day of an instant is its day in China (UTC+8): from 16:00 UTC it is the next day")
    func chinaDate() throws {
        #expect(try Timestamp("2026-12-01T15:59:59.999Z").chinaDate.description == "2026-12-01")
        #expect(try Timestamp("2026-12-01T16:00:00Z").chinaDate.description == "2026-12-02")
        #expect(try Timestamp("2026-12-31T16:00:00Z").chinaDate.description == "2027-01-01")
        #expect(try Timestamp("9999-12-31T23:59:59Z").chinaDate.description == "9999-12-31", "the last instant stays in range")
    }

    @Test("R-B11: a freeze issued at 00:30 in Beijing cannot start on the UTC date, which is the day before there")
    func freezeStartsOnTheChinaDay() throws {
        let issuedAt = try Timestamp("2026-12-01T16:30:00Z").millisecondsSinceEpoch
        let registry = try Registry.sample()
        func freeze(from: String) throws -> InstructionDocument {
            let bytes = try SampleInstructions.freeze(
                registry: registry, court: try CourtCode("京0105"), instructionID: "F-1", issuedAtMilliseconds: issuedAt,
                amount: "1000.00", from: from, to: "2027-06-01")
            return try StrictJSONDecoder().decode(InstructionDocument.self, from: bytes)
        }
        #expect(throws: WireError.self) { try freeze(from: "2026-12-01") }
        let document = try freeze(from: "2026-12-02")
        guard case .bankFreeze(let accepted) = document else {
            Issue.record("not a freeze: \(document)")
            return
        }
        #expect(accepted.period.from == accepted.header.issuedAt.chinaDate)
    }
}
