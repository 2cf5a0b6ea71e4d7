import HubProtocol

/// The reference ``PoliceBackend``: a simulated public-security office over a ``PoliceWorld``,
/// safe to call from concurrent tasks (an actor around the pure ``PoliceSimulation``).
///
/// Deterministic: receipts and events depend only on the world, the instructions and the times
/// passed in. Advance time with ``advance(to:)`` (or ``pendingEvents(until:limit:)``, which
/// advances first) to let sightings (R-G4) and finds (R-G5) of measures in force come out.
public actor SimulatedPolice: PoliceBackend {
    private var simulation: PoliceSimulation

    /// An office answering from `world` (validated here) as `responder`, starting at `start`.
    public init(world: PoliceWorld, responder: InstitutionCode, start: Timestamp, limits: PoliceSimulationLimits = .standard) throws(WireError) {
        simulation = try PoliceSimulation(world: world, responder: responder, start: start, limits: limits)
    }

    /// An office from a scenario file (docs/scenarios-police.md).
    public init(scenario: PoliceScenario, start: Timestamp, limits: PoliceSimulationLimits = .standard) throws(WireError) {
        simulation = try PoliceSimulation(scenario: scenario, start: start, limits: limits)
    }

    /// See ``PoliceBackend/handle(_:at:)``.
    public func handle(_ instruction: InstructionDocument, at now: Timestamp) throws(PoliceBackendError) -> ReceiptDocument {
        try simulation.handle(instruction, at: now)
    }

    /// See ``PoliceBackend/pendingEvents(until:limit:)``.
    public func pendingEvents(until time: Timestamp, limit: Int) -> [PoliceEvent] {
        simulation.pendingEvents(until: time, limit: limit)
    }

    /// See ``PoliceBackend/acknowledgeEvents(through:)``.
    public func acknowledgeEvents(through sequence: UInt64) {
        simulation.acknowledgeEvents(through: sequence)
    }

    /// Moves the office's clock to `time` (never back), making the reports due by then.
    public func advance(to time: Timestamp) {
        simulation.advance(to: time)
    }

    /// The office's current time.
    public var clock: Timestamp { simulation.clock }

    /// Where the measure registered under `instructionId` stands, or nil if none was.
    public func measureState(_ instructionId: InstructionID) -> PoliceMeasureState? {
        simulation.measureState(instructionId)
    }

    /// Events in the outbox, not yet acknowledged.
    public var unacknowledgedEventCount: Int { simulation.unacknowledgedEventCount }
}
