import HubClient
import HubProtocol
import Logging

/// The police adapter's side of later events (R-G4 sightings, R-G5 finds): it feeds a
/// ``PoliceBackend``'s outbox to an ``EventPump`` and acknowledges what the hub took.
///
/// An event names only its measure's instruction id, while the hub files it under the issuing
/// court too; the feed learns each measure's court from the work item that delivered it (wrap the
/// poller's handler with ``remembering(_:)``). The memory is bounded; with a ``PoliceCourtMemory``
/// file it outlives a restart of the adapter, otherwise it is in-process only. An event of a
/// measure whose court the feed does not know — one delivered before a restart of an adapter
/// without a memory file, or forgotten beyond the bound — is held in the outbox, with everything
/// after it, and logged, rather than posted under a guessed court or dropped.
public actor PoliceEventFeed {
    /// The instruction kinds whose measures report later events.
    public static let reportingKinds: Set<String> = ["police.seizeVehicle", "police.locatePerson"]

    private let backend: any PoliceBackend
    private let clock: @Sendable () -> Timestamp
    private let logger: Logger
    private let maximumRememberedMeasures: Int
    /// Where the memory is kept across restarts; nil keeps it in this process only.
    private let memory: PoliceCourtMemory?
    private var courts: [String: String] = [:]
    private var rememberedOrder: [String] = []
    private var rememberedStart = 0
    /// The last event reported as held for want of its court, so that it is logged once.
    private var heldSequence: UInt64?

    /// A feed over `backend`'s outbox; `clock` says up to when events are due.
    public init(backend: any PoliceBackend, clock: @escaping @Sendable () -> Timestamp, maximumRememberedMeasures: Int = 1_000_000,
                logger: Logger = Logger(label: "police.events")) {
        precondition(maximumRememberedMeasures >= 1, "the feed remembers at least one measure")
        self.backend = backend
        self.clock = clock
        self.maximumRememberedMeasures = maximumRememberedMeasures
        self.memory = nil
        self.logger = logger
    }

    /// A feed whose memory of the measures' courts is kept in `memory`: what the file holds is
    /// remembered now (the newest `maximumRememberedMeasures`), and every newly remembered measure
    /// is written to it before the office sees the instruction.
    public init(
        backend: any PoliceBackend, clock: @escaping @Sendable () -> Timestamp, maximumRememberedMeasures: Int = 1_000_000,
        memory: PoliceCourtMemory, logger: Logger = Logger(label: "police.events")
    ) throws(PoliceCourtMemoryError) {
        precondition(maximumRememberedMeasures >= 1, "the feed remembers at least one measure")
        self.backend = backend
        self.clock = clock
        self.maximumRememberedMeasures = maximumRememberedMeasures
        self.memory = memory
        self.logger = logger
        for measure in try memory.load().suffix(maximumRememberedMeasures) {
            if courts.updateValue(measure.court, forKey: measure.instructionId) == nil { rememberedOrder.append(measure.instructionId) }
        }
    }

    /// Wraps the poller's handler so that the court of every measure that reports events is
    /// remembered before the office sees the instruction (its first event may follow at once).
    public nonisolated func remembering(_ handler: @escaping AdapterPoller.Handler) -> AdapterPoller.Handler {
        { item in
            await self.remember(item)
            return await handler(item)
        }
    }

    /// Remembers the court of `item`'s measure, when its kind reports events.
    public func remember(_ item: AdapterWorkItem) {
        guard PoliceEventFeed.reportingKinds.contains(item.kind) else { return }
        let previous = courts.updateValue(item.court, forKey: item.instructionID)
        if previous == nil { rememberedOrder.append(item.instructionID) }
        defer { if previous != item.court { persist() } }
        // Forget the oldest beyond the bound; compact the order list now and then.
        while rememberedOrder.count - rememberedStart > maximumRememberedMeasures {
            courts[rememberedOrder[rememberedStart]] = nil
            rememberedStart += 1
        }
        if rememberedStart > 4_096 && rememberedStart * 2 > rememberedOrder.count {
            rememberedOrder.removeFirst(rememberedStart)
            rememberedStart = 0
        }
        assert(courts.count <= maximumRememberedMeasures)
    }

    /// Writes the memory to its file, when it has one. A failed write is logged, not fatal: the
    /// measure is remembered in this process, and after a restart its events would be held, not lost.
    private func persist() {
        guard let memory else { return }
        let measures = rememberedOrder[rememberedStart...].compactMap { id in
            courts[id].map { PoliceCourtMemory.Measure(instructionId: id, court: $0) }
        }
        do {
            try memory.save(measures)
        } catch {
            logger.error("the memory of measures was not saved", metadata: ["error": "\(error)"])
        }
    }

    /// The court remembered for the measure `instructionID`, or nil.
    public func court(of instructionID: String) -> String? { courts[instructionID] }

    /// The pump's source: the outbox's due events, oldest first, up to the first whose court is
    /// not known.
    public func pending(limit: Int) async -> [EventPump.PendingEvent] {
        precondition(limit >= 1, "a limit is positive")
        let events = await backend.pendingEvents(until: clock(), limit: limit)
        var pending: [EventPump.PendingEvent] = []
        for event in events {
            let instructionID = event.instructionId.description
            guard let court = courts[instructionID] else {
                if heldSequence != event.sequence {
                    heldSequence = event.sequence
                    logger.error(
                        "an event's measure has no known court; it and the events after it are held",
                        metadata: ["sequence": "\(event.sequence)", "instructionId": "\(instructionID)"])
                }
                break
            }
            do {
                pending.append(
                    EventPump.PendingEvent(court: court, instructionID: instructionID, receipt: try CanonicalJSON.encode(event.receipt),
                                           sequence: event.sequence))
            } catch {
                // The backend's receipts are valid documents, which always encode.
                logger.error("an event could not be encoded; it is held", metadata: ["sequence": "\(event.sequence)", "error": "\(error)"])
                break
            }
        }
        return pending
    }

    /// The pump's acknowledgement: the backend forgets the events the hub took.
    public func acknowledge(through sequence: UInt64) async {
        await backend.acknowledgeEvents(through: sequence)
    }

    /// A pump posting this feed's events with `client`, sealed by `sealer`.
    public nonisolated func pump(
        configuration: EventPump.Configuration, client: HubHTTPClient, sealer: @escaping AdapterPoller.Sealer, logger: Logger
    ) -> EventPump {
        EventPump(
            configuration: configuration, client: client, source: { limit in await self.pending(limit: limit) },
            acknowledge: { sequence in await self.acknowledge(through: sequence) }, sealer: sealer, logger: logger)
    }
}
