/// 车辆信息 — the party's registered vehicles (R-G2); an empty list means none.
public struct PoliceVehicleResult: Hashable, Sendable, Codable, WireValidatable, KindTagged {
    static let expectedKind = ReceiptKind.policeVehiclesResult
    /// 种类 — always `police.vehiclesResult`.
    public let kind: ReceiptKind
    /// 回执头 — instruction id, police office, time.
    public let header: ReceiptHeader
    /// 车辆 — the vehicles.
    public let vehicles: [VehicleRecord]

    /// A vehicle result.
    public init(header: ReceiptHeader, vehicles: [VehicleRecord]) {
        self.kind = Self.expectedKind
        self.header = header
        self.vehicles = vehicles
    }

    /// Bounded lists.
    public func validate() throws(WireError) {
        try validateKind()
        try WireRules.requireCount(vehicles, atMost: 1_000, at: "$.vehicles")
        for (index, vehicle) in vehicles.enumerated() {
            try WireRules.requireCount(vehicle.seizures, atMost: 100, at: "$.vehicles[\(index)].seizures")
        }
    }
}
