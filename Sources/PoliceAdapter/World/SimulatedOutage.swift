import HubProtocol

/// A span when the police systems are down (R-G8): instructions get `cannotAssist` with reason
/// `systemOutage` (the hub may retry), and reports falling due are held until it ends.
public struct SimulatedOutage: Hashable, Sendable, Codable {
    /// The first instant of the outage.
    public let from: Timestamp
    /// The instant service resumes (not part of the outage).
    public let to: Timestamp
    /// 说明 — what the office tells the court.
    public let detail: WireText

    /// An outage over `from ..< to`.
    public init(from: Timestamp, to: Timestamp, detail: WireText) {
        self.from = from
        self.to = to
        self.detail = detail
    }

    /// True when `time` lies within the outage.
    public func covers(_ time: Timestamp) -> Bool { from <= time && time < to }
}
