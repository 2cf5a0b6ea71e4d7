/// 查封车辆 — traffic police block transfer and new mortgages of a vehicle and report when they
/// come upon it (R-G4).
public struct PoliceSeizeVehicle: Hashable, Sendable, Codable, WireValidatable, KindTagged {
    static let expectedKind = InstructionKind.policeSeizeVehicle
    /// 种类 — always `police.seizeVehicle`.
    public let kind: InstructionKind
    /// 指令头 — instruction id, court, case, officer, time, documents.
    public let header: InstructionHeader
    /// 车辆所有人 — the registered owner.
    public let party: Party
    /// 号牌号码 — the plate, e.g. `京A12345`; this or the VIN, or both.
    public let plateNumber: WireText?
    /// 车辆识别代号 — the VIN; this or the plate, or both.
    public let vin: VehicleIdentificationNumber?

    /// A vehicle seizure.
    public init(header: InstructionHeader, party: Party, plateNumber: WireText?, vin: VehicleIdentificationNumber?) {
        self.kind = Self.expectedKind
        self.header = header
        self.party = party
        self.plateNumber = plateNumber
        self.vin = vin
    }

    /// The sealed ruling and notice (R-G4); a plate or a VIN.
    public func validate() throws(WireError) {
        try validateKind()
        try header.validate(at: "$.header")
        try header.requireDocuments([.ruling, .assistanceNotice], rule: "R-G4", at: "$.header")
        guard plateNumber != nil || vin != nil else {
            throw WireError(path: "$.plateNumber", reason: .invalidValue("a seizure names the plate, the VIN, or both"))
        }
    }
}
