import Foundation
import Logging

/// The hub's in-memory state — adapter queues, the broadcast log, idempotency, result cursors,
/// the audit chain — in front of a durable ``Store``.
///
/// Durability rule: every change is applied in memory and appended, in the same order, to the
/// pending group commit; a caller answers its client only after ``durable(_:)`` returns, i.e. after
/// the commit holding its change (and every change before it) is on disk. Because commits are
/// sequential, nothing a client is told can be ahead of the disk, and a crash forgets only what no
/// client was told. A failed commit stops the core (fail-stop): memory may be ahead of disk, so
/// everything after it is refused until a restart reloads the disk.
public actor HubCore {
    /// The limits every queue, batch and poll obeys.
    public struct Limits: Sendable {
        public var leaseMilliseconds: Int64 = 30_000
        public var maximumItemsPerLease: Int = 1_000
        public var queue = AdapterQueue.Limits()
        /// Broadcast entries not yet answered by every bank: more is refused (429).
        public var maximumOpenBroadcasts: Int = 200_000
        /// Items of broadcast entries not yet answered by every bank, counted as open entries ×
        /// banks: a query is refused (429) when it would take the count above this. What
        /// overloads the hub is items out (each is checked and stored), and a query to every bank
        /// is as many items as there are banks: 256 open queries are 256,000 items at 1,000
        /// banks but a million at 4,000. One query is always let in when none is open, so that a
        /// registry of more banks than the limit is slowed, not stopped.
        public var maximumOpenBroadcastItems: Int = 500_000
        /// Changes of at most this many requests go into one commit.
        public var maximumCommitBatch: Int = 4_096
        public init() {}
    }

    /// An open broadcast-log entry: kept in memory until every bank has answered it, so that
    /// thousands of adapters reading it do not read the store thousands of times.
    struct BroadcastEntry: Sendable {
        var court: String
        var instructionID: String
        var kind: String
        var document: [UInt8]
        var sealJSON: String
    }

    /// A directed item's content, kept while it is queued or out on lease.
    struct DirectedEntry: Sendable {
        var court: String
        var instructionID: String
        var kind: String
        var document: [UInt8]
        var sealJSON: String
        var routeJSON: String
        var adapterID: String
    }

    let store: any Store
    /// The control ledger's checks, in acceptance order; nil runs the core without one (tests).
    let ledger: (any LedgerHook)?
    let limits: Limits
    let clock: @Sendable () -> Int64
    let logger: Logger
    /// The adapters that receive every broadcast (the connected banks), with their watermarks:
    /// the lowest of them says how far the broadcast log is complete.
    var broadcastAdapters = BroadcastWatermarks()
    var queues: [String: AdapterQueue] = [:]
    var broadcastEntries: [Int64: BroadcastEntry] = [:]
    var broadcastHead: Int64 = 0
    /// Every broadcast entry up to here is answered by every bank and its completion recorded.
    var broadcastCompletedThrough: Int64 = 0
    var directedEntries: [Int64: DirectedEntry] = [:]
    /// Targets still unanswered, per directed instruction ("court\u{0}id").
    var openTargets: [String: Int] = [:]
    var nextWorkItemNumber: Int64 = 1
    var nextLeaseNumber: Int64 = 1
    /// No lease expires before this (a lower bound; `Int64.min` until the first walk).
    var earliestLeaseExpiry: Int64 = .min
    /// Adapters whose leasable work grew without new items (a lease ended, an account freed, a
    /// lease expired): their long polls look again after the next commit.
    var workFreed: Set<String> = []
    var nextResultCursor: Int64 = 1
    var audit: AuditChain
    /// (court, id) keys being accepted right now, so that a concurrent repeat waits for the first.
    var submissionsInFlight: [String: [CheckedContinuation<Void, Never>]] = [:]
    /// Police measures ("court\u{0}id") an accepted `police.release` of their court names (R-G6):
    /// no more events are taken for them.
    var releasedMeasures: Set<String> = []
    /// Events being recorded right now, by ``eventKey``, so that a concurrent identical repeat
    /// waits for the first and then finds it stored.
    var eventsInFlight: [String: [CheckedContinuation<Void, Never>]] = [:]

    // Group commit.
    var pending = StoreChanges()
    var pendingCount = 0
    var pendingWaiters: [CheckedContinuation<Void, any Error>] = []
    var flushing = false
    var failure: String?
    /// Observers told after each durable commit (long polls, metrics).
    var workWaiters: [String: [UUID: WorkWaiter]] = [:]
    var resultWaiters: [String: [UUID: CheckedContinuation<Void, Never>]] = [:]
    var statistics = HubStatistics()

    /// A core over `store`, empty until ``restore()`` reads it back.
    public init(store: any Store, broadcastAdapters: [String], limits: Limits = Limits(), logger: Logger,
                ledger: (any LedgerHook)? = nil, clock: @escaping @Sendable () -> Int64) {
        self.store = store
        self.ledger = ledger
        self.limits = limits
        self.clock = clock
        self.logger = logger
        // Replaced by ``restore(adapters:)``, which every core runs before its first request.
        for adapterID in broadcastAdapters { self.broadcastAdapters.insert(adapterID, watermark: 0) }
        self.audit = AuditChain(continuingAfter: nil)
    }

    /// Why the core refuses everything: a commit failed. Nil while healthy.
    public var failureReason: String? { failure }

    /// The sequence of the last audit entry appended (the store's, after ``restore()``).
    public var lastAuditSequence: Int64 { audit.lastSequence }

    /// Counters for metrics and the dashboard.
    public var currentStatistics: HubStatistics {
        var result = statistics
        result.queueDepths = queues.mapValues { queue in
            queue.ready.count + (broadcastAdapters.contains(queue.adapterID) ? Int(queue.broadcastHeadDistance(broadcastHead)) : 0)
        }
        result.openBroadcasts = broadcastEntries.count
        result.outstandingLeases = queues.values.reduce(0) { $0 + $1.leases.count }
        return result
    }

    static func key(court: String, instructionID: String) -> String { court + "\u{0}" + instructionID }

    /// A long poll waiting for work: woken once its adapter has at least `minimumItems` ready.
    struct WorkWaiter {
        var continuation: CheckedContinuation<Void, Never>
        var minimumItems: Int
    }
}

/// What the core counts, for metrics and the dashboard.
public struct HubStatistics: Sendable {
    public var instructionsAccepted: Int = 0
    public var receiptsAccepted: Int = 0
    public var eventsAccepted: Int = 0
    public var itemsLeased: Int = 0
    public var leasesExpired: Int = 0
    public var itemsDeadLettered: Int = 0
    public var commits: Int = 0
    public var lastCommitBatchSize: Int = 0
    public var lastCommitMilliseconds: Double = 0
    public var queueDepths: [String: Int] = [:]
    public var openBroadcasts: Int = 0
    public var outstandingLeases: Int = 0
}

extension AdapterQueue {
    /// Broadcast entries this adapter has not yet been given.
    func broadcastHeadDistance(_ head: Int64) -> Int64 { max(0, head - broadcastNext + 1) }
}
