import HubProtocol

extension Timestamp {
    /// The instant `seconds` later (earlier when negative); must stay within ``Timestamp/millisecondRange``.
    func adding(seconds: Int64) -> Timestamp {
        let (milliseconds, overflow) = seconds.multipliedReportingOverflow(by: 1_000)
        precondition(!overflow, "\(seconds) seconds do not fit in milliseconds")
        return Timestamp(millisecondsSinceEpoch: millisecondsSinceEpoch + milliseconds)
    }
}
