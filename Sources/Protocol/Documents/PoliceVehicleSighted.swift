/// 发现车辆 — a later event on a vehicle seizure: the police came upon the vehicle (R-G4).
public struct PoliceVehicleSighted: Hashable, Sendable, Codable, WireValidatable, KindTagged {
    static let expectedKind = ReceiptKind.policeVehicleSighted
    /// 种类 — always `police.vehicleSighted`.
    public let kind: ReceiptKind
    /// 回执头 — instruction id of the seizeVehicle instruction, police office, time reported.
    public let header: ReceiptHeader
    /// 发现时间 — when the vehicle was seen.
    public let sightedAt: Timestamp
    /// 发现情形 — on what occasion.
    public let occasion: SightingOccasion
    /// 发现地点 — where.
    public let location: WireText
    /// 号牌号码 — the plate seen.
    public let plateNumber: WireText

    /// A sighting.
    public init(header: ReceiptHeader, sightedAt: Timestamp, occasion: SightingOccasion, location: WireText, plateNumber: WireText) {
        self.kind = Self.expectedKind
        self.header = header
        self.sightedAt = sightedAt
        self.occasion = occasion
        self.location = location
        self.plateNumber = plateNumber
    }

    /// Seen no later than reported.
    public func validate() throws(WireError) {
        try validateKind()
        guard sightedAt <= header.respondedAt else {
            throw WireError(path: "$.sightedAt", reason: .invalidValue("seen after it was reported (\(header.respondedAt))"))
        }
    }
}
