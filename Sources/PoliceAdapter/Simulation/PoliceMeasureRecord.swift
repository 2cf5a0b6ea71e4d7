import HubProtocol

/// Where a control measure stands in the simulated office.
public enum PoliceMeasureState: Hashable, Sendable {
    /// Registered and enforced since the instant given.
    case inForce(since: Timestamp)
    /// Ended by a release instruction (R-G6) at the instant given.
    case released(at: Timestamp, by: InstructionID)
    /// A locate request whose person was found and held for the court (R-G5).
    case fulfilled(at: Timestamp)
}

/// A control measure (restrictExit, seizeVehicle, locatePerson) the office registered.
struct PoliceMeasureRecord: Sendable {
    let kind: InstructionKind
    let court: CourtCode
    let party: Party
    var state: PoliceMeasureState
    /// For a seizure: the vehicle's index in the world and the seizure as listed in vehicle results.
    let vehicleIndex: Int?
    let seizure: VehicleSeizureRecord?

    var isInForce: Bool {
        if case .inForce = state { return true }
        return false
    }
}
