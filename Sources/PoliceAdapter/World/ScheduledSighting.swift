import HubProtocol

/// A moment when traffic police come upon a vehicle (R-G4): at an inspection, at a transfer or
/// mortgage attempt, or on patrol. It happens in the world whether or not the vehicle is seized;
/// it is reported to a court only when that court's seizure is in force when it happens and stays
/// in force until the report is due.
public struct ScheduledSighting: Hashable, Sendable, Codable {
    /// 号牌号码 — the plate of a vehicle of the world.
    public let plateNumber: WireText
    /// 发现时间.
    public let sightedAt: Timestamp
    /// 发现情形.
    public let occasion: SightingOccasion
    /// 发现地点.
    public let location: WireText
    /// Seconds from the sighting to the report (0 … ``PoliceWorld/maximumReportDelaySeconds``).
    public let reportDelaySeconds: Int64

    /// A sighting.
    public init(plateNumber: WireText, sightedAt: Timestamp, occasion: SightingOccasion, location: WireText, reportDelaySeconds: Int64) {
        self.plateNumber = plateNumber
        self.sightedAt = sightedAt
        self.occasion = occasion
        self.location = location
        self.reportDelaySeconds = reportDelaySeconds
    }
}
