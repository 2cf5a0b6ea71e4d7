import HubProtocol
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

    @Test("the date of an instant is its UTC day")
    func date() throws {
        #expect(try Timestamp("2026-12-01T23:59:59Z").date.description == "2026-12-01")
        #expect(try Timestamp("2026-12-02T00:00:00Z").date.description == "2026-12-02")
    }
}
