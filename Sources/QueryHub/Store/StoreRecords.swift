/// An instruction the hub accepted: the court's exact sealed bytes and what the hub decided.
public struct StoredInstruction: Sendable, Equatable {
    /// The issuing court (its court code) — instruction ids are the court's own, unique per court.
    public var court: String
    /// The court-chosen instruction id (the idempotency key).
    public var instructionID: String
    /// The instruction kind (`bank.query`, `bank.freeze`, …).
    public var kind: String
    /// SHA-256 of the exact document bytes: a repeat with other bytes is a conflict.
    public var contentHash: [UInt8]
    /// The exact bytes the court sealed, forwarded unchanged.
    public var document: [UInt8]
    /// The court's seal over `document`, as JSON.
    public var sealJSON: String
    /// The legal time of service (R-B20): when the hub accepted it, in Unix milliseconds.
    public var serviceTimeMilliseconds: Int64
    /// The broadcast-log sequence for a query to every bank; nil for directed work.
    public var broadcastSequence: Int64?
    /// The 202 answer sent to the court, kept to answer a repeat identically.
    public var answerJSON: String

    public init(
        court: String, instructionID: String, kind: String, contentHash: [UInt8], document: [UInt8],
        sealJSON: String, serviceTimeMilliseconds: Int64, broadcastSequence: Int64?, answerJSON: String
    ) {
        self.court = court
        self.instructionID = instructionID
        self.kind = kind
        self.contentHash = contentHash
        self.document = document
        self.sealJSON = sealJSON
        self.serviceTimeMilliseconds = serviceTimeMilliseconds
        self.broadcastSequence = broadcastSequence
        self.answerJSON = answerJSON
    }
}

/// One directed work item: an instruction as delivered to one adapter.
public struct StoredWorkItem: Sendable, Equatable {
    public enum State: String, Sendable { case queued, answered, deadLettered }
    public var number: Int64
    public var adapterID: String
    public var court: String
    public var instructionID: String
    /// Measures on one account are serial: the (bank, account, currency) key, or nil.
    public var orderingKey: String?
    /// The route the item took (T2T, or P2P hops), as JSON.
    public var routeJSON: String
    public var state: State
    public var attempts: Int

    public init(
        number: Int64, adapterID: String, court: String, instructionID: String, orderingKey: String?,
        routeJSON: String, state: State = .queued, attempts: Int = 0
    ) {
        self.number = number
        self.adapterID = adapterID
        self.court = court
        self.instructionID = instructionID
        self.orderingKey = orderingKey
        self.routeJSON = routeJSON
        self.state = state
        self.attempts = attempts
    }
}

/// A lease as stored, so that a restart keeps leases that have not expired.
public struct StoredLease: Sendable, Equatable {
    public var number: Int64
    public var adapterID: String
    /// The items, with the attempt each was on.
    public var items: [(item: WorkItemID, attempt: Int)]
    public var expiresAtMilliseconds: Int64

    public init(number: Int64, adapterID: String, items: [(item: WorkItemID, attempt: Int)], expiresAtMilliseconds: Int64) {
        self.number = number
        self.adapterID = adapterID
        self.items = items
        self.expiresAtMilliseconds = expiresAtMilliseconds
    }

    public static func == (left: StoredLease, right: StoredLease) -> Bool {
        left.number == right.number && left.adapterID == right.adapterID
            && left.expiresAtMilliseconds == right.expiresAtMilliseconds
            && left.items.map(\.item) == right.items.map(\.item)
            && left.items.map(\.attempt) == right.items.map(\.attempt)
    }
}

/// An adapter's answer for one target of one instruction (a query with no account found at a
/// bank is stored compactly instead, as a ``StoredBroadcastAnswerRange``).
public struct StoredReceipt: Sendable, Equatable {
    public var court: String
    public var instructionID: String
    /// The adapter that answered (the target).
    public var adapterID: String
    public var item: WorkItemID
    /// A short outcome (`done`, `cannotAssist`, `noAccountFound`, `deadLettered` …).
    public var outcome: String
    /// The adapter's exact receipt bytes.
    public var body: [UInt8]
    /// The adapter's seal (and Merkle proof when one seal covers a batch), as JSON.
    public var sealJSON: String
    public var receivedAtMilliseconds: Int64
    /// Why the ledger flagged this receipt as breaking a rule; nil when it is sound.
    public var flaggedReason: String?

    public init(
        court: String, instructionID: String, adapterID: String, item: WorkItemID, outcome: String,
        body: [UInt8], sealJSON: String, receivedAtMilliseconds: Int64, flaggedReason: String? = nil
    ) {
        self.court = court
        self.instructionID = instructionID
        self.adapterID = adapterID
        self.item = item
        self.outcome = outcome
        self.body = body
        self.sealJSON = sealJSON
        self.receivedAtMilliseconds = receivedAtMilliseconds
        self.flaggedReason = flaggedReason
    }
}

/// "No account found" from one bank for a run of broadcast entries: one row instead of one per query.
public struct StoredBroadcastAnswerRange: Sendable, Equatable {
    public var adapterID: String
    public var firstSequence: Int64
    public var lastSequence: Int64
    public var receivedAtMilliseconds: Int64
    /// The batch seal that covers these answers, as JSON.
    public var sealJSON: String

    public init(adapterID: String, firstSequence: Int64, lastSequence: Int64, receivedAtMilliseconds: Int64, sealJSON: String) {
        precondition(firstSequence <= lastSequence)
        self.adapterID = adapterID
        self.firstSequence = firstSequence
        self.lastSequence = lastSequence
        self.receivedAtMilliseconds = receivedAtMilliseconds
        self.sealJSON = sealJSON
    }
}

/// An entry of a court's result stream, read with a cursor.
public struct StoredResultEvent: Sendable, Equatable {
    /// The position in the stream; assigned by the store, increasing.
    public var cursor: Int64
    public var court: String
    public var instructionID: String
    /// `receipt` (one target answered), `completed` (every target answered), `event` (a later
    /// police event such as a sighting).
    public var event: String
    public var adapterID: String?
    public var atMilliseconds: Int64

    public init(cursor: Int64 = 0, court: String, instructionID: String, event: String, adapterID: String?, atMilliseconds: Int64) {
        self.cursor = cursor
        self.court = court
        self.instructionID = instructionID
        self.event = event
        self.adapterID = adapterID
        self.atMilliseconds = atMilliseconds
    }
}

/// A later event of a police measure — a seized vehicle sighted (R-G4), a person found (R-G5) —
/// as the police office sealed it, tied to the measure's instruction.
public struct StoredEvent: Sendable, Equatable {
    /// The court that issued the measure.
    public var court: String
    /// The measure's instruction id.
    public var instructionID: String
    /// The adapter that reported it (the measure's target).
    public var adapterID: String
    /// SHA-256 of ``body``: with the court, instruction and adapter it names the event, so an
    /// identical repeat is recognised and stored once.
    public var eventHash: [UInt8]
    /// The office's exact receipt bytes (a `police.vehicleSighted` or `police.personFound` document).
    public var body: [UInt8]
    /// The office's batch seal (and Merkle proof) over ``body``, as JSON.
    public var sealJSON: String
    public var receivedAtMilliseconds: Int64
    /// The cursor of the court's result event that announced it: orders a measure's events.
    public var cursor: Int64

    public init(
        court: String, instructionID: String, adapterID: String, eventHash: [UInt8], body: [UInt8], sealJSON: String,
        receivedAtMilliseconds: Int64, cursor: Int64
    ) {
        precondition(eventHash.count == 32, "an event hash is a SHA-256 digest")
        self.court = court
        self.instructionID = instructionID
        self.adapterID = adapterID
        self.eventHash = eventHash
        self.body = body
        self.sealJSON = sealJSON
        self.receivedAtMilliseconds = receivedAtMilliseconds
        self.cursor = cursor
    }
}

/// One link of the audit chain (R-G9): who did what, when, from where, and the hash of the link
/// before it, so that any change to history breaks the chain.
public struct AuditEntry: Sendable, Equatable, Codable {
    public var sequence: Int64
    public var atMilliseconds: Int64
    public var principal: String
    public var certificateFingerprint: String
    public var clientAddress: String
    public var action: String
    public var outcome: String
    public var instructionID: String?
    public var detail: String
    /// Hex SHA-256 of the previous entry (64 zeros for the first).
    public var previousHash: String
    /// Hex SHA-256 over this entry's fields and `previousHash`.
    public var hash: String

    public init(
        sequence: Int64, atMilliseconds: Int64, principal: String, certificateFingerprint: String,
        clientAddress: String, action: String, outcome: String, instructionID: String?, detail: String,
        previousHash: String, hash: String
    ) {
        self.sequence = sequence
        self.atMilliseconds = atMilliseconds
        self.principal = principal
        self.certificateFingerprint = certificateFingerprint
        self.clientAddress = clientAddress
        self.action = action
        self.outcome = outcome
        self.instructionID = instructionID
        self.detail = detail
        self.previousHash = previousHash
        self.hash = hash
    }
}
