import HubProtocol

extension LedgerDay {
    /// China Standard Time is UTC+8 all year (no daylight saving since 1991).
    public static let chinaStandardTimeOffsetMilliseconds: Int64 = 8 * 3_600_000

    private static let millisecondsPerDay: Int64 = 86_400_000

    /// The calendar day in China Standard Time at an instant given in Unix milliseconds.
    ///
    /// Courts, banks and the periods in their documents (a freeze from 2026-12-01 to 2027-11-30)
    /// live in Beijing time, and the working-day calendar is China's: the hub's clock runs in UTC,
    /// so a day boundary is at 16:00 UTC. An instruction accepted at 2026-12-01T17:30Z is served
    /// on 2026-12-02.
    public init(unixMillisecondsInChina milliseconds: Int64) {
        let shifted = milliseconds + LedgerDay.chinaStandardTimeOffsetMilliseconds
        // Floor division, so that instants before 1970 fall on the right day too.
        let (quotient, remainder) = shifted.quotientAndRemainder(dividingBy: LedgerDay.millisecondsPerDay)
        let days = remainder < 0 ? quotient - 1 : quotient
        precondition(days >= Int64(Int32.min) && days <= Int64(Int32.max), "instant \(milliseconds) is out of range")
        self.init(daysSinceEpoch: Int32(days))
    }

    /// The same day as a protocol date (both count days from 1970-01-01).
    public init(_ date: CalendarDate) {
        self.init(daysSinceEpoch: Int32(date.daysSinceEpoch))
    }
}
