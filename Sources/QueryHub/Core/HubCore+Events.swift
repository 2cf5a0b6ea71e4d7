import Crypto

/// A later event of a police measure — a seized vehicle sighted (R-G4), a person found (R-G5) —
/// checked by the API (seal, decoding, the measure it belongs to) and ready for the core.
public struct EventSubmission: Sendable, Equatable {
    /// The court that issued the measure.
    public var court: String
    /// The measure's instruction id.
    public var instructionID: String
    /// The office's exact receipt bytes.
    public var body: [UInt8]
    /// The office's batch seal (and Merkle proof) over ``body``, as JSON.
    public var sealJSON: String
    /// SHA-256 of ``body``.
    public let eventHash: [UInt8]

    /// An event; its hash is computed here.
    public init(court: String, instructionID: String, body: [UInt8], sealJSON: String) {
        precondition(!court.isEmpty && !instructionID.isEmpty && !body.isEmpty, "an event names its measure and has a body")
        self.court = court
        self.instructionID = instructionID
        self.body = body
        self.sealJSON = sealJSON
        self.eventHash = Array(SHA256.hash(data: body))
    }
}

/// What became of one event.
public enum EventResult: Sendable, Equatable {
    /// Stored now, and announced in the court's result stream.
    case accepted
    /// The same event of the same measure was stored before: nothing changed.
    case repeated
    /// The court released the measure (R-G6): the event is not stored and the court not told.
    case released
}

extension HubCore {
    /// The most events one call takes.
    public static let maximumEventsPerBatch = 1_000

    /// Takes a batch of later events from `adapterID`. Each is judged on its own; those accepted
    /// are stored, with a result event `event` for their court, in one durable commit before this
    /// returns.
    ///
    /// Two passes, as for answers: read what is stored for each measure (may suspend); then,
    /// without suspending from the clock reading to the append to the group commit, judge each
    /// event against the releases and what is stored. An identical event being recorded by a
    /// concurrent call is waited for, so that it is stored once and announced once.
    public func recordEvents(adapterID: String, events: [EventSubmission], audit context: AuditContext) async throws -> [EventResult] {
        if let failure { throw HubCoreError.stopped(reason: failure) }
        guard queues[adapterID] != nil else { throw HubCoreError.unknownAdapter(adapterID) }
        precondition(events.count <= HubCore.maximumEventsPerBatch, "the API bounds an event batch")
        let keys = Set(events.map { HubCore.eventKey($0, adapterID: adapterID) })
        await claimEventKeys(keys)
        defer { releaseEventKeys(keys) }
        var stored: [String: Set<[UInt8]>] = [:]
        for event in events {
            let measure = HubCore.key(court: event.court, instructionID: event.instructionID)
            guard stored[measure] == nil else { continue }
            let hashes = try await store.events(court: event.court, instructionID: event.instructionID)
                .filter { $0.adapterID == adapterID }.map(\.eventHash)
            stored[measure] = Set(hashes)
        }
        if let failure { throw HubCoreError.stopped(reason: failure) }
        let now = clock()
        var changes = StoreChanges()
        var results: [EventResult] = []
        for event in events {
            let measure = HubCore.key(court: event.court, instructionID: event.instructionID)
            if releasedMeasures.contains(measure) {
                results.append(.released)
            } else if stored[measure]?.contains(event.eventHash) == true {
                results.append(.repeated)
            } else {
                stored[measure, default: []].insert(event.eventHash)
                let announcement = resultEvent((event.court, event.instructionID), event: "event", adapterID: adapterID, at: now)
                changes.resultEvents.append(announcement)
                changes.events.append(
                    StoredEvent(
                        court: event.court, instructionID: event.instructionID, adapterID: adapterID, eventHash: event.eventHash,
                        body: event.body, sealJSON: event.sealJSON, receivedAtMilliseconds: now, cursor: announcement.cursor))
                results.append(.accepted)
            }
        }
        assert(results.count == events.count && changes.events.count == results.filter { $0 == .accepted }.count)
        statistics.eventsAccepted += changes.events.count
        changes.auditEntries.append(
            audit.append(
                atMilliseconds: now, principal: context.principal, certificateFingerprint: context.certificateFingerprint,
                clientAddress: context.clientAddress, action: "events",
                outcome: "\(changes.events.count) of \(events.count) accepted, \(results.filter { $0 == .released }.count) released",
                instructionID: events.count == 1 ? events[0].instructionID : nil,
                detail: "measures: \(events.prefix(8).map(\.instructionID).joined(separator: ","))\(events.count > 8 ? ",…" : "")"))
        try await durable(changes)
        return results
    }

    /// True when the court released the measure `instructionID` (R-G6).
    public func isReleased(court: String, instructionID: String) -> Bool {
        releasedMeasures.contains(HubCore.key(court: court, instructionID: instructionID))
    }

    static func eventKey(_ event: EventSubmission, adapterID: String) -> String {
        HubCore.key(court: event.court, instructionID: event.instructionID) + "\u{0}" + adapterID + "\u{0}"
            + event.eventHash.map { String($0, radix: 16) }.joined(separator: ".")
    }

    /// Waits until no other call records any of `keys`, then takes them all at once: a call
    /// never holds some keys while waiting for others, so two calls cannot wait on each other.
    private func claimEventKeys(_ keys: Set<String>) async {
        while let busy = keys.first(where: { eventsInFlight[$0] != nil }) {
            await withCheckedContinuation { eventsInFlight[busy, default: []].append($0) }
        }
        for key in keys { eventsInFlight[key] = [] }
    }

    private func releaseEventKeys(_ keys: Set<String>) {
        for key in keys {
            for waiter in eventsInFlight.removeValue(forKey: key) ?? [] { waiter.resume() }
        }
    }
}
