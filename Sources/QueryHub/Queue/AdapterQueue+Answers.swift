extension AdapterQueue {
    /// Checks that `item` may be answered under lease `leaseNumber` at `nowMilliseconds`, without
    /// changing anything: the caller validates the receipt, makes it durable, then calls
    /// ``recordAnswer(item:leaseNumber:)``. A lease past its expiry fences its items even before
    /// ``expireLeases(nowMilliseconds:)`` has run.
    public func checkAnswer(item: WorkItemID, leaseNumber: Int64, nowMilliseconds: Int64) throws(QueueRefusal) {
        guard let lease = leases[leaseNumber], lease.expiresAtMilliseconds > nowMilliseconds else {
            throw .leaseNotHeld(leaseNumber: leaseNumber)
        }
        guard lease.items.contains(item) else {
            throw .itemNotInLease(item: item, leaseNumber: leaseNumber)
        }
        guard !lease.answered.contains(item) else { throw .alreadyAnswered(item: item) }
    }

    /// Records that `item` was answered under its lease; a lease whose items are all answered ends.
    /// Returns true when the lease ended.
    @discardableResult
    public mutating func recordAnswer(item: WorkItemID, leaseNumber: Int64) -> Bool {
        guard var lease = leases[leaseNumber], lease.items.contains(item), !lease.answered.contains(item) else {
            preconditionFailure("recordAnswer(\(item), lease \(leaseNumber)) without a passing checkAnswer")
        }
        lease.answered.insert(item)
        switch item {
        case .broadcast(let sequence):
            broadcastOnLease.remove(sequence)
            markBroadcastAnswered(sequence)
        case .directed(let number):
            if let key = lease.directedItems.first(where: { $0.number == number })?.orderingKey {
                releaseOrderingKey(key)
            }
        }
        if lease.answered.count == lease.items.count {
            leases[leaseNumber] = nil
            return true
        }
        leases[leaseNumber] = lease
        return false
    }

    /// Extends a held lease (the adapter's heartbeat) to `nowMilliseconds + leaseMilliseconds`.
    public mutating func extend(leaseNumber: Int64, nowMilliseconds: Int64, leaseMilliseconds: Int64) throws(QueueRefusal) {
        guard let lease = leases[leaseNumber], lease.expiresAtMilliseconds > nowMilliseconds else {
            throw .leaseNotHeld(leaseNumber: leaseNumber)
        }
        leases[leaseNumber] = Lease(
            number: lease.number, items: lease.items, answered: lease.answered,
            expiresAtMilliseconds: nowMilliseconds + leaseMilliseconds, attempts: lease.attempts,
            directedItems: lease.directedItems)
    }

    /// Ends every lease whose expiry has passed: its unanswered items go back to the front of the
    /// queue in their original order, or to the dead letters once delivered `maximumAttempts` times.
    public mutating func expireLeases(nowMilliseconds: Int64) -> [ExpiryOutcome] {
        let expired = leases.values.filter { $0.expiresAtMilliseconds <= nowMilliseconds }
            .sorted { $0.number < $1.number }
        var outcomes: [ExpiryOutcome] = []
        for lease in expired {
            leases[lease.number] = nil
            for item in lease.items where !lease.answered.contains(item) {
                if case .broadcast(let sequence) = item { broadcastOnLease.remove(sequence) }
                let attempt = lease.attempts[item] ?? 1
                if attempt >= limits.maximumAttempts {
                    outcomes.append(.deadLettered(item))
                    deadLetter(item, from: lease)
                } else {
                    outcomes.append(.requeued(item, nextAttempt: attempt + 1))
                    requeue(item, attempt: attempt, from: lease)
                }
            }
        }
        return outcomes
    }

    private mutating func requeue(_ item: WorkItemID, attempt: Int, from lease: Lease) {
        switch item {
        case .broadcast(let sequence):
            let position = broadcastRedelivery.firstIndex { $0.sequence > sequence } ?? broadcastRedelivery.count
            broadcastRedelivery.insert((sequence, attempt + 1), at: position)
        case .directed(let number):
            guard let record = lease.directedItems.first(where: { $0.number == number }) else {
                preconditionFailure("a leased directed item keeps its record")
            }
            if let key = record.orderingKey { releaseOrderingKey(key) }
            let position = ready.firstIndex { $0.number > number } ?? ready.count
            ready.insert(record, at: position)
        }
    }

    private mutating func deadLetter(_ item: WorkItemID, from lease: Lease) {
        switch item {
        case .broadcast(let sequence):
            markBroadcastAnswered(sequence)
        case .directed(let number):
            if let key = lease.directedItems.first(where: { $0.number == number })?.orderingKey {
                releaseOrderingKey(key)
            }
        }
    }

    private mutating func releaseOrderingKey(_ key: String) {
        precondition(busyOrderingKeys[key] != nil, "an ordering key is released only while busy")
        busyOrderingKeys[key] = nil
    }

    private mutating func markBroadcastAnswered(_ sequence: Int64) {
        precondition(sequence > broadcastAnsweredThrough, "a broadcast entry is answered once")
        broadcastAnsweredAbove.insert(sequence)
        // Advance the watermark over a contiguous run; bounded by the entries answered above it.
        while broadcastAnsweredAbove.remove(broadcastAnsweredThrough + 1) != nil {
            broadcastAnsweredThrough += 1
        }
    }
}

// MARK: - Restart

extension AdapterQueue {
    /// Rebuilds a queue after a restart: broadcast entries answered above the watermark, the
    /// leases that were held (with their directed items), and the directed items still queued.
    public mutating func restore(
        broadcastAnsweredAbove answered: [Int64], leases stored: [StoredLease],
        leasedDirectedItems: [Int64: DirectedItem], queuedDirectedItems: [DirectedItem]
    ) {
        precondition(leases.isEmpty && ready.isEmpty, "restore runs once, on a new queue")
        for sequence in answered where sequence > broadcastAnsweredThrough { markBroadcastAnswered(sequence) }
        for lease in stored {
            precondition(lease.adapterID == adapterID)
            var directed: [DirectedItem] = []
            var attempts: [WorkItemID: Int] = [:]
            // Items answered before the restart stay answered: their answers are on disk.
            var answeredItems: Set<WorkItemID> = []
            for (item, attempt) in lease.items {
                attempts[item] = attempt
                switch item {
                case .broadcast(let sequence):
                    if sequence <= broadcastAnsweredThrough || broadcastAnsweredAbove.contains(sequence) {
                        answeredItems.insert(item)
                    } else {
                        broadcastOnLease.insert(sequence)
                    }
                case .directed(let number):
                    guard let record = leasedDirectedItems[number] else {
                        answeredItems.insert(item)
                        continue
                    }
                    directed.append(record)
                    if let key = record.orderingKey { busyOrderingKeys[key] = 1 }
                }
            }
            if answeredItems.count == lease.items.count { continue }
            leases[lease.number] = Lease(
                number: lease.number, items: lease.items.map(\.item), answered: answeredItems,
                expiresAtMilliseconds: lease.expiresAtMilliseconds, attempts: attempts, directedItems: directed)
        }
        ready = queuedDirectedItems.sorted { $0.number < $1.number }
    }
}
