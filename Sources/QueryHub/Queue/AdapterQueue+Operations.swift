/// Why an item could not be queued or answered.
public enum QueueRefusal: Error, Equatable, Sendable, CustomStringConvertible {
    /// The adapter's queue holds its limit of items: try again later (HTTP 429).
    case queueFull(adapterID: String, limit: Int)
    /// The lease is unknown, already finished, or expired: its token no longer fences anything.
    case leaseNotHeld(leaseNumber: Int64)
    /// The item was not given out under this lease.
    case itemNotInLease(item: WorkItemID, leaseNumber: Int64)
    /// The item was already answered under this lease.
    case alreadyAnswered(item: WorkItemID)

    public var description: String {
        switch self {
        case .queueFull(let adapterID, let limit):
            return "the queue of adapter \(adapterID) holds its limit of \(limit) items"
        case .leaseNotHeld(let leaseNumber):
            return "lease \(leaseNumber) is not held: it expired, finished or never existed"
        case .itemNotInLease(let item, let leaseNumber):
            return "item \(item) was not given out under lease \(leaseNumber)"
        case .alreadyAnswered(let item):
            return "item \(item) was already answered"
        }
    }
}

/// What a call to ``AdapterQueue/expireLeases(nowMilliseconds:)`` did to one item.
public enum ExpiryOutcome: Sendable, Equatable {
    /// Back in the queue, to be delivered again on this attempt number.
    case requeued(WorkItemID, nextAttempt: Int)
    /// Delivered the maximum number of times: dead-lettered, for operators to see.
    case deadLettered(WorkItemID)
}

extension AdapterQueue {
    /// Appends a directed item. Refused when the queue is at its limit, so memory stays bounded.
    public mutating func enqueue(number: Int64, orderingKey: String?) throws(QueueRefusal) {
        guard queuedItemCount < limits.maximumQueuedItems else {
            throw .queueFull(adapterID: adapterID, limit: limits.maximumQueuedItems)
        }
        precondition(ready.last.map { $0.number < number } ?? true, "directed items arrive in order")
        ready.append(DirectedItem(number: number, orderingKey: orderingKey, attempts: 0))
    }

    /// Gives out up to `maximumItems` items under a new lease numbered `leaseNumber`: broadcast
    /// entries to deliver again first, then directed items (one per ordering key), then new broadcast
    /// entries up to `broadcastHead`. Returns nil when there is nothing to give or no lease capacity.
    public mutating func lease(
        leaseNumber: Int64, maximumItems: Int, broadcastHead: Int64,
        nowMilliseconds: Int64, leaseMilliseconds: Int64
    ) -> Lease? {
        precondition(maximumItems >= 1 && leaseMilliseconds >= 1)
        precondition(leases[leaseNumber] == nil, "lease numbers are never reused")
        guard hasLeaseCapacity else { return nil }
        var items: [WorkItemID] = []
        var attempts: [WorkItemID: Int] = [:]
        takeRedeliveries(into: &items, attempts: &attempts, maximumItems: maximumItems)
        let directedItems = takeDirected(into: &items, attempts: &attempts, maximumItems: maximumItems)
        // Bounded: each step either gives an entry or skips one already answered or out on lease.
        while items.count < maximumItems, broadcastNext <= broadcastHead {
            let sequence = broadcastNext
            broadcastNext += 1
            // After a restart the cursor starts again at the watermark: skip what is answered, out
            // on a lease, or waiting to be delivered again.
            if sequence <= broadcastAnsweredThrough || broadcastAnsweredAbove.contains(sequence)
                || broadcastOnLease.contains(sequence) || broadcastRedelivery.contains(where: { $0.sequence == sequence })
            {
                continue
            }
            let item = WorkItemID.broadcast(sequence: sequence)
            items.append(item)
            attempts[item] = 1
        }
        for case .broadcast(let sequence) in items { broadcastOnLease.insert(sequence) }
        guard !items.isEmpty else { return nil }
        let lease = Lease(
            number: leaseNumber, items: items, answered: [],
            expiresAtMilliseconds: nowMilliseconds + leaseMilliseconds, attempts: attempts,
            directedItems: directedItems)
        leases[leaseNumber] = lease
        return lease
    }

    private mutating func takeRedeliveries(
        into items: inout [WorkItemID], attempts: inout [WorkItemID: Int], maximumItems: Int
    ) {
        let count = min(maximumItems - items.count, broadcastRedelivery.count)
        for entry in broadcastRedelivery.prefix(count) {
            let item = WorkItemID.broadcast(sequence: entry.sequence)
            items.append(item)
            attempts[item] = entry.attempts
            // On lease from now on, so that the scan of new entries below cannot take it again.
            broadcastOnLease.insert(entry.sequence)
        }
        broadcastRedelivery.removeFirst(count)
    }

    private mutating func takeDirected(
        into items: inout [WorkItemID], attempts: inout [WorkItemID: Int], maximumItems: Int
    ) -> [DirectedItem] {
        // Scan a bounded prefix: a hot account must not make every poll walk the whole queue.
        let scanLimit = min(ready.count, maximumItems * 8 + 64)
        var taken: [Int] = []
        var takenItems: [DirectedItem] = []
        var skippedKeys: Set<String> = []
        for index in 0..<scanLimit where items.count < maximumItems {
            let candidate = ready[index]
            if let key = candidate.orderingKey {
                // An earlier item on this account is out, or was skipped in this scan: wait.
                if busyOrderingKeys[key] != nil || skippedKeys.contains(key) {
                    skippedKeys.insert(key)
                    continue
                }
                busyOrderingKeys[key] = 1
                skippedKeys.insert(key)
            }
            let item = WorkItemID.directed(number: candidate.number)
            var delivered = candidate
            delivered.attempts += 1
            items.append(item)
            attempts[item] = delivered.attempts
            taken.append(index)
            takenItems.append(delivered)
        }
        for index in taken.reversed() { ready.remove(at: index) }
        return takenItems
    }
}
