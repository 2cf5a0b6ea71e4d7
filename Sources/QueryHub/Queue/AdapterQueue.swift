/// The work of one adapter: its directed items in arrival order, its cursor in the broadcast log,
/// and its outstanding leases. A pure state machine: the clock is an argument, nothing here does
/// I/O, and every change is returned to the caller so that it can be made durable.
///
/// Ordering: items on one account are leased one at a time, in arrival order (a second measure on
/// an account waits until the first is answered or its lease expires). Broadcast entries carry no
/// account and are leased in log order.
public struct AdapterQueue: Sendable {
    /// A directed item waiting in the queue.
    public struct DirectedItem: Sendable, Equatable {
        public let number: Int64
        /// Measures on one account are serial: the ordering key (bank, account, currency).
        public let orderingKey: String?
        public var attempts: Int
    }

    /// A lease held by the adapter: the items it was given, which it has answered, and until when.
    public struct Lease: Sendable, Equatable {
        public let number: Int64
        public let items: [WorkItemID]
        public var answered: Set<WorkItemID>
        public let expiresAtMilliseconds: Int64
        /// The attempt each item is on (1 for a first delivery).
        public let attempts: [WorkItemID: Int]
        /// The directed items given out, to put back in order if the lease expires.
        public let directedItems: [DirectedItem]
    }

    /// The limits of one queue.
    public struct Limits: Sendable, Equatable {
        /// Deliveries before an item is dead-lettered.
        public var maximumAttempts: Int
        /// How many directed items may wait at once; more is refused (429).
        public var maximumQueuedItems: Int
        /// How many leases may be outstanding at once.
        public var maximumLeases: Int

        public init(maximumAttempts: Int = 5, maximumQueuedItems: Int = 100_000, maximumLeases: Int = 64) {
            precondition(maximumAttempts >= 1 && maximumQueuedItems >= 1 && maximumLeases >= 1)
            self.maximumAttempts = maximumAttempts
            self.maximumQueuedItems = maximumQueuedItems
            self.maximumLeases = maximumLeases
        }
    }

    public let adapterID: String
    public let limits: Limits
    /// Directed items not yet answered and not leased, in arrival order.
    public internal(set) var ready: [DirectedItem] = []
    /// Broadcast entries below this sequence have been leased at least once.
    public internal(set) var broadcastNext: Int64
    /// Every broadcast entry up to and including this sequence has been answered (or dead-lettered).
    public internal(set) var broadcastAnsweredThrough: Int64
    /// Answered broadcast entries above ``broadcastAnsweredThrough`` (answered out of order).
    public internal(set) var broadcastAnsweredAbove: Set<Int64> = []
    /// Broadcast entries whose lease expired, to deliver again before new ones, with their attempt.
    public internal(set) var broadcastRedelivery: [(sequence: Int64, attempts: Int)] = []
    public internal(set) var leases: [Int64: Lease] = [:]
    /// Ordering keys with an item out on lease: later items on them wait.
    public internal(set) var busyOrderingKeys: [String: Int] = [:]
    /// Broadcast entries out on a lease (so that the cursor skips them after a restart).
    public internal(set) var broadcastOnLease: Set<Int64> = []

    /// A new queue that starts reading the broadcast log after `broadcastAnsweredThrough`.
    public init(adapterID: String, limits: Limits, broadcastAnsweredThrough: Int64) {
        precondition(broadcastAnsweredThrough >= 0)
        self.adapterID = adapterID
        self.limits = limits
        self.broadcastAnsweredThrough = broadcastAnsweredThrough
        self.broadcastNext = broadcastAnsweredThrough + 1
    }

    /// Directed items waiting plus those out on lease.
    public var queuedItemCount: Int {
        ready.count + leases.values.reduce(0) { $0 + $1.items.count - $1.answered.count }
    }

    public var hasLeaseCapacity: Bool { leases.count < limits.maximumLeases }

    /// True when a directed item could go out now (its account has nothing out on lease): a long
    /// poll holding for a batch stops holding for it, because a court waits on measures one at a
    /// time per account (a chain of measures on a hot account would otherwise move one per
    /// linger). Looks at a bounded prefix of the queue, like ``lease(leaseNumber:maximumItems:broadcastHead:nowMilliseconds:leaseMilliseconds:)``.
    public var hasLeasableDirectedItem: Bool {
        guard hasLeaseCapacity else { return false }
        return ready.prefix(64).contains { item in item.orderingKey.map { busyOrderingKeys[$0] == nil } ?? true }
    }

    /// About how many items a lease would give now (0 without lease capacity): broadcast entries
    /// to deliver again, directed items waiting and new broadcast entries up to `broadcastHead`.
    /// O(1). It may count more than a lease gives (a directed item waiting behind a busy account;
    /// after a restart, entries the cursor will skip), never fewer: a long poll that holds for a
    /// batch uses it to decide when to stop holding, and leasing early is harmless.
    public func availableItemCount(broadcastHead: Int64) -> Int {
        guard hasLeaseCapacity else { return 0 }
        return broadcastRedelivery.count + ready.count + Int(max(0, broadcastHead - broadcastNext + 1))
    }
}
