/// An instant in UTC, to the millisecond: when a court issued an instruction, when a bank answered.
///
/// Integer milliseconds since 1970-01-01T00:00:00Z, no `Date` and no time zone, so that the same
/// value prints and hashes the same everywhere. On the wire an RFC 3339 UTC string with seconds:
/// `"2026-12-01T09:30:00Z"`, or with exactly three fraction digits when the milliseconds are not
/// zero (`"2026-12-01T09:30:00.250Z"`). One spelling per instant: offsets other than `Z`, lower
/// case `t`/`z`, other fraction lengths and `.000` are refused.
public struct Timestamp: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Milliseconds since 1970-01-01T00:00:00Z.
    public let millisecondsSinceEpoch: Int64

    /// The instants a timestamp can hold: 1970-01-01T00:00:00Z through 9999-12-31T23:59:59.999Z.
    public static let millisecondRange: ClosedRange<Int64> = 0...253_402_300_799_999

    /// A timestamp from milliseconds since the epoch; must lie in ``millisecondRange``.
    public init(millisecondsSinceEpoch: Int64) {
        precondition(Timestamp.millisecondRange.contains(millisecondsSinceEpoch), "timestamp out of range")
        self.millisecondsSinceEpoch = millisecondsSinceEpoch
    }

    /// A timestamp from whole seconds since the epoch.
    public init(secondsSinceEpoch: Int64) {
        self.init(millisecondsSinceEpoch: secondsSinceEpoch * 1_000)
    }

    /// Parses the RFC 3339 UTC form described on the type.
    public init(_ text: String) throws(TimestampError) {
        let bytes = Array(text.utf8)
        guard bytes.count == 20 || bytes.count == 24, bytes[10] == UInt8(ascii: "T"), bytes.last == UInt8(ascii: "Z"),
              bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":")
        else { throw TimestampError.malformed(text) }
        let date: CalendarDate
        do { date = try CalendarDate(String(decoding: bytes[0..<10], as: UTF8.self)) } catch { throw TimestampError.malformed(text) }
        guard let hour = Timestamp.digits(bytes[11..<13]), let minute = Timestamp.digits(bytes[14..<16]),
              let second = Timestamp.digits(bytes[17..<19]), hour < 24, minute < 60, second < 60
        else { throw TimestampError.malformed(text) }
        var milliseconds = 0
        if bytes.count == 24 {
            guard bytes[19] == UInt8(ascii: "."), let fraction = Timestamp.digits(bytes[20..<23]) else {
                throw TimestampError.malformed(text)
            }
            guard fraction != 0 else { throw TimestampError.notCanonical(text) }
            milliseconds = fraction
        }
        let days = Int64(date.daysSinceEpoch)
        let total = ((days * 24 + Int64(hour)) * 60 + Int64(minute)) * 60_000 + Int64(second) * 1_000 + Int64(milliseconds)
        guard Timestamp.millisecondRange.contains(total) else { throw TimestampError.outOfRange(text) }
        self.init(millisecondsSinceEpoch: total)
    }

    /// The UTC calendar date of this instant: the date the wire form (`…Z`) writes.
    public var utcDate: CalendarDate {
        // In range by construction: 0...9999-12-31.
        try! CalendarDate(daysSinceEpoch: Int(millisecondsSinceEpoch / 86_400_000))
    }

    /// China Standard Time is UTC+8 all year (no daylight saving).
    public static let chinaOffsetMilliseconds: Int64 = 8 * 3_600_000

    /// The calendar date of this instant in China Standard Time: the day a court's documents, a
    /// freeze's period and a bank's business day speak of. From 16:00 to 24:00 UTC it is the day
    /// after ``utcDate``. The last eight hours of 9999-12-31 UTC, whose China date has no
    /// four-digit year, give 9999-12-31.
    public var chinaDate: CalendarDate {
        let days = (millisecondsSinceEpoch + Timestamp.chinaOffsetMilliseconds) / 86_400_000
        let lastDay = Timestamp.millisecondRange.upperBound / 86_400_000
        return try! CalendarDate(daysSinceEpoch: Int(min(days, lastDay)))
    }

    /// `"2026-12-01T09:30:00Z"` or `"2026-12-01T09:30:00.250Z"`.
    public var description: String {
        let millisecondOfDay = millisecondsSinceEpoch % 86_400_000
        let second = millisecondOfDay / 1_000
        var text = utcDate.description + "T" + Timestamp.padded(second / 3_600) + ":"
            + Timestamp.padded(second / 60 % 60) + ":" + Timestamp.padded(second % 60)
        let milliseconds = millisecondOfDay % 1_000
        if milliseconds != 0 {
            text += "." + String(String(milliseconds + 1_000).dropFirst())
        }
        return text + "Z"
    }

    public static func < (left: Timestamp, right: Timestamp) -> Bool {
        left.millisecondsSinceEpoch < right.millisecondsSinceEpoch
    }

    private static func digits(_ bytes: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in bytes {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    private static func padded(_ value: Int64) -> String {
        value < 10 ? "0" + String(value) : String(value)
    }
}

/// Why a timestamp was refused.
public enum TimestampError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Not `YYYY-MM-DDTHH:MM:SSZ` or `YYYY-MM-DDTHH:MM:SS.mmmZ`, or no such date or time.
    case malformed(String)
    /// A second spelling of an instant (`.000`): write whole seconds without a fraction.
    case notCanonical(String)
    /// Before 1970 or after 9999.
    case outOfRange(String)

    public var description: String {
        switch self {
        case .malformed(let text):
            return "\"\(text)\" is not an RFC 3339 UTC timestamp like 2026-12-01T09:30:00Z"
        case .notCanonical(let text):
            return "\"\(text)\" has a zero fraction: write whole seconds without one"
        case .outOfRange(let text):
            return "\"\(text)\" is outside 1970 … 9999"
        }
    }
}

extension Timestamp: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try Timestamp(text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
