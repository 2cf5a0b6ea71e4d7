import HubProtocol

/// The simulated public-security office as a pure state machine: the register of a
/// ``PoliceWorld``, the control measures courts imposed, and the reports those measures produce as
/// the clock advances. No I/O, no clock of its own, no randomness: the same world and the same
/// calls give the same receipts and events, byte for byte.
///
/// Time never goes back: an instruction or advance stamped earlier than the latest time seen acts
/// at that latest time (calls from concurrent tasks may arrive slightly out of order).
/// ``SimulatedPolice`` wraps this in an actor for concurrent callers.
public struct PoliceSimulation: Sendable {
    /// 回执机构 — the office code on every receipt.
    public let responder: InstitutionCode
    /// Bounds on the office's memory.
    public let limits: PoliceSimulationLimits
    /// The simulation's time: the latest instant it was told of.
    public internal(set) var clock: Timestamp

    let index: PoliceWorldIndex
    var handled: [InstructionID: HandledInstruction] = [:]
    var measures: [InstructionID: PoliceMeasureRecord] = [:]
    /// Seizure instruction ids per vehicle index, in the order they were registered.
    var seizuresByVehicle: [Int: [InstructionID]] = [:]
    var schedule = EventSchedule()
    var nextReportOrder: UInt64 = 0
    var outbox: [PoliceEvent] = []
    var nextSequence: UInt64 = 1

    /// An office answering from `world` (validated here), starting at `start`.
    public init(world: PoliceWorld, responder: InstitutionCode, start: Timestamp, limits: PoliceSimulationLimits = .standard) throws(WireError) {
        self.index = try PoliceWorldIndex(world)
        self.responder = responder
        self.limits = limits
        self.clock = start
    }

    /// An office from a scenario file.
    public init(scenario: PoliceScenario, start: Timestamp, limits: PoliceSimulationLimits = .standard) throws(WireError) {
        try self.init(world: scenario.world, responder: scenario.responder, start: start, limits: limits)
    }

    /// The world the office answers from.
    public var world: PoliceWorld { index.world }

    /// Answers one police instruction (see ``PoliceBackend/handle(_:at:)``). A repeat of an
    /// instruction already handled returns the first receipt unchanged; during an outage or when
    /// the office is full, `cannotAssist` / `systemOutage` is returned and not remembered, so a
    /// retry later gets the real answer.
    public mutating func handle(_ instruction: InstructionDocument, at requested: Timestamp) throws(PoliceBackendError) -> ReceiptDocument {
        guard instruction.kind.rawValue.hasPrefix("police.") else { throw .notAPoliceInstruction(instruction.kind) }
        advance(to: requested)
        let now = clock
        let id = instruction.header.instructionId
        if let earlier = handled[id] {
            guard earlier.instruction == instruction else { throw .conflictingInstruction(id) }
            return earlier.receipt
        }
        if let outage = index.outage(at: now) {
            return cannotAssist(id, Refusal(.systemOutage, "\(outage.detail)（预计\(outage.to)恢复）"), at: now)
        }
        guard handled.count < limits.maximumInstructions else {
            return cannotAssist(id, Refusal(.systemOutage, "本系统已登记\(handled.count)条指令，达到上限，请稍后重试"), at: now)
        }
        let receipt = answer(instruction, at: now)
        assert(receipt.header.instructionId == id && receipt.header.respondedAt == now)
        handled[id] = HandledInstruction(instruction: instruction, receipt: receipt)
        return receipt
    }

    /// Where the measure registered under `instructionId` stands, or nil if none was.
    public func measureState(_ instructionId: InstructionID) -> PoliceMeasureState? {
        measures[instructionId]?.state
    }

    /// Events in the outbox, not yet acknowledged.
    public var unacknowledgedEventCount: Int { outbox.count }

    /// Reports scheduled and not yet due (including those of released measures, dropped when due).
    public var scheduledReportCount: Int { schedule.count }

    private mutating func answer(_ instruction: InstructionDocument, at now: Timestamp) -> ReceiptDocument {
        switch instruction {
        case .policeIdentity(let query): return identityResult(query, at: now)
        case .policeExitEntry(let query): return exitEntryResult(query, at: now)
        case .policeVehicles(let query): return vehiclesResult(query, at: now)
        case .policeHotelStays(let query): return hotelStaysResult(query, at: now)
        case .policeRestrictExit(let measure): return restrictExit(measure, at: now)
        case .policeSeizeVehicle(let measure): return seizeVehicle(measure, at: now)
        case .policeLocatePerson(let measure): return locatePerson(measure, at: now)
        case .policeRelease(let release): return self.release(release, at: now)
        case .bankQuery, .bankFreeze, .bankRenew, .bankUnfreeze, .bankDeduct:
            preconditionFailure("bank instructions are refused before they are answered")
        }
    }
}

/// An instruction handled and the receipt given, kept to answer repeats identically.
struct HandledInstruction: Sendable {
    let instruction: InstructionDocument
    let receipt: ReceiptDocument
}

/// Why the office cannot act for a party or on a measure: a reason of the closed list and a detail
/// for the court.
struct Refusal: Error, Sendable {
    let reason: CannotAssistReason
    let detail: String

    init(_ reason: CannotAssistReason, _ detail: String) {
        self.reason = reason
        self.detail = detail
    }
}

// MARK: - Receipt building

extension PoliceSimulation {
    func receiptHeader(_ id: InstructionID, at time: Timestamp) -> ReceiptHeader {
        ReceiptHeader(instructionId: id, responder: responder, respondedAt: time)
    }

    func cannotAssist(_ id: InstructionID, _ refusal: Refusal, at now: Timestamp) -> ReceiptDocument {
        .cannotAssist(CannotAssist(header: receiptHeader(id, at: now), reason: refusal.reason, detail: PoliceSimulation.text(refusal.detail)))
    }

    func acknowledgement(_ id: InstructionID, measure: InstructionKind, at now: Timestamp, controlUntil: CalendarDate?) -> ReceiptDocument {
        .policeMeasureAcknowledged(PoliceMeasureAcknowledgement(header: receiptHeader(id, at: now), measure: measure, effectiveAt: now, controlUntil: controlUntil))
    }

    /// Text the office writes itself (details, authorities): valid by construction, cut to 500 characters.
    static func text(_ text: String) -> WireText {
        do {
            return try WireText(String(text.prefix(500)))
        } catch {
            preconditionFailure("the simulation wrote invalid text \"\(text)\": \(error)")
        }
    }
}
