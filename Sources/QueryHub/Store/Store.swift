/// Everything one group commit writes: the changes of many requests, applied in one transaction.
///
/// The hub changes its in-memory state only after the store returns from ``Store/commit(_:)``, so
/// nothing an adapter or a court can see is ever ahead of the disk.
public struct StoreChanges: Sendable {
    public var instructions: [StoredInstruction] = []
    public var newWorkItems: [StoredWorkItem] = []
    /// Directed items that changed state (answered, dead-lettered) or attempts.
    public var workItemUpdates: [(number: Int64, state: StoredWorkItem.State, attempts: Int)] = []
    public var leasesGranted: [StoredLease] = []
    public var leasesEnded: [Int64] = []
    public var leasesExtended: [(number: Int64, expiresAtMilliseconds: Int64)] = []
    public var receipts: [StoredReceipt] = []
    public var broadcastAnswerRanges: [StoredBroadcastAnswerRange] = []
    /// Per adapter: every broadcast entry up to this sequence is answered.
    public var broadcastWatermarks: [String: Int64] = [:]
    public var resultEvents: [StoredResultEvent] = []
    /// Later police events (R-G4 sightings, R-G5 finds). An event already stored under the same
    /// (court, instruction, adapter, hash) is left as it is: an identical repeat changes nothing.
    public var events: [StoredEvent] = []
    public var auditEntries: [AuditEntry] = []
    /// The highest lease number granted so far: lease numbers fence late receipts, so they are
    /// never reused, even after a restart.
    public var highestLeaseNumber: Int64?

    public init() {}

    /// True when there is nothing to write.
    public var isEmpty: Bool {
        instructions.isEmpty && newWorkItems.isEmpty && workItemUpdates.isEmpty && leasesGranted.isEmpty
            && leasesEnded.isEmpty && leasesExtended.isEmpty && receipts.isEmpty
            && broadcastAnswerRanges.isEmpty && broadcastWatermarks.isEmpty && resultEvents.isEmpty
            && events.isEmpty && auditEntries.isEmpty && highestLeaseNumber == nil
    }

    /// Appends another request's changes, keeping their order.
    public mutating func append(_ other: StoreChanges) {
        instructions += other.instructions
        newWorkItems += other.newWorkItems
        workItemUpdates += other.workItemUpdates
        leasesGranted += other.leasesGranted
        leasesEnded += other.leasesEnded
        leasesExtended += other.leasesExtended
        receipts += other.receipts
        broadcastAnswerRanges += other.broadcastAnswerRanges
        broadcastWatermarks.merge(other.broadcastWatermarks) { max($0, $1) }
        resultEvents += other.resultEvents
        events += other.events
        auditEntries += other.auditEntries
        if let number = other.highestLeaseNumber {
            highestLeaseNumber = max(highestLeaseNumber ?? 0, number)
        }
    }
}

/// What a restart reads back to rebuild the hub's memory.
public struct StoreState: Sendable {
    public var queuedWorkItems: [StoredWorkItem] = []
    public var leases: [StoredLease] = []
    public var broadcastLog: [(sequence: Int64, court: String, instructionID: String)] = []
    public var broadcastWatermarks: [String: Int64] = [:]
    /// Broadcast entries answered above each adapter's watermark.
    public var broadcastAnsweredAbove: [String: [Int64]] = [:]
    public var highestWorkItemNumber: Int64 = 0
    public var highestLeaseNumber: Int64 = 0
    public var highestBroadcastSequence: Int64 = 0
    public var highestResultCursor: Int64 = 0
    public var lastAuditEntry: AuditEntry?
    public var instructionCount: Int64 = 0
    /// The police measures an accepted `police.release` of the same court names (R-G6): the hub
    /// takes no more events for them.
    public var releasedMeasures: [(court: String, instructionID: String)] = []

    public init() {}
}

/// The hub's durable state. Every store passes the same conformance suite
/// (`Tests/UnitTests/StoreConformanceTests.swift`).
public protocol Store: Sendable {
    /// Writes all of `changes` in one transaction; returns only when it is durable on disk.
    func commit(_ changes: StoreChanges) async throws
    /// Reads back what a restart needs.
    func loadState() async throws -> StoreState
    /// The instruction `instructionID` of `court`, or nil.
    func instruction(court: String, instructionID: String) async throws -> StoredInstruction?
    /// The directed work items of one instruction.
    func workItems(court: String, instructionID: String) async throws -> [StoredWorkItem]
    /// One directed work item.
    func workItem(number: Int64) async throws -> StoredWorkItem?
    /// The instruction behind a broadcast-log entry.
    func broadcastInstruction(sequence: Int64) async throws -> StoredInstruction?
    /// Every stored receipt of one instruction.
    func receipts(court: String, instructionID: String) async throws -> [StoredReceipt]
    /// The receipt of one target of one instruction, or nil.
    func receipt(court: String, instructionID: String, adapterID: String) async throws -> StoredReceipt?
    /// The adapters that answered "no account found" for a broadcast entry, with the range row,
    /// ordered by adapter. One index seek per adapter, however many ranges are stored.
    func broadcastAnswers(sequence: Int64) async throws -> [StoredBroadcastAnswerRange]
    /// Only the adapters of ``broadcastAnswers(sequence:)``, ordered: what a status read needs.
    func noAccountAdapters(sequence: Int64) async throws -> [String]
    /// True when `adapterID` answered broadcast entry `sequence` "no account found": one seek.
    func hasNoAccountAnswer(adapterID: String, sequence: Int64) async throws -> Bool
    /// The later events of one instruction, from every adapter, oldest first.
    func events(court: String, instructionID: String) async throws -> [StoredEvent]
    /// A court's result events after `cursor`, oldest first, at most `limit`.
    func resultEvents(court: String, after cursor: Int64, limit: Int) async throws -> [StoredResultEvent]
    /// Audit entries after `sequence`, oldest first, at most `limit`.
    func auditEntries(after sequence: Int64, limit: Int) async throws -> [AuditEntry]
}

extension Store {
    /// The adapters of ``broadcastAnswers(sequence:)``; a store may read fewer columns.
    public func noAccountAdapters(sequence: Int64) async throws -> [String] {
        try await broadcastAnswers(sequence: sequence).map(\.adapterID)
    }

    /// Whether ``broadcastAnswers(sequence:)`` names `adapterID`; a store may seek one range.
    public func hasNoAccountAnswer(adapterID: String, sequence: Int64) async throws -> Bool {
        try await broadcastAnswers(sequence: sequence).contains { $0.adapterID == adapterID }
    }
}
