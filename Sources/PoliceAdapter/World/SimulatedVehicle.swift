import HubProtocol

/// A registered motor vehicle (机动车登记) and its owner.
///
/// `registration` is exactly what a vehicles result discloses (R-G2); its `seizures` are those
/// registered before the simulation starts. Seizures made through the hub are added to it in
/// results while they are in force.
public struct SimulatedVehicle: Hashable, Sendable, Codable {
    /// 机动车所有人 — the registered owner, a person or an organisation.
    public let owner: Party
    /// 登记信息 — plate (unique), brand, model, type, VIN (unique), office, date, mortgagee, seizures.
    public let registration: VehicleRecord

    /// A vehicle.
    public init(owner: Party, registration: VehicleRecord) {
        self.owner = owner
        self.registration = registration
    }
}
