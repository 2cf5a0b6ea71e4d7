extension HubCore {
    /// Registers an adapter so that it gets a queue (bank adapters also read the broadcast log).
    /// It starts after the broadcasts already in the log: older queries were not for it.
    public func registerAdapter(_ adapterID: String, readsBroadcasts: Bool) async throws {
        guard queues[adapterID] == nil else { return }
        queues[adapterID] = AdapterQueue(adapterID: adapterID, limits: limits.queue, broadcastAnsweredThrough: broadcastHead)
        if readsBroadcasts { broadcastAdapters.insert(adapterID, watermark: broadcastHead) }
        var changes = StoreChanges()
        changes.broadcastWatermarks[adapterID] = broadcastHead
        try await durable(changes)
    }

    /// Long poll: leases up to `maximumItems` items to `adapterID`, waiting up to
    /// `waitMilliseconds` for work to arrive. Durable before it returns, so that a restart keeps
    /// the lease. Returns nil when the wait ended with nothing to give.
    ///
    /// Holding for a batch (like Kafka's `fetch.min.bytes` with a linger): once work is there the
    /// poll still holds until `minimumItems` are ready or `lingerMilliseconds` have passed since it
    /// first saw work, so that thousands of banks each make a few large requests rather than one
    /// per item that just arrived. `minimumItems` 1 (or a linger of 0) answers at once, and so
    /// does a directed item (a measure) that can go out: measures are few, and a court waits on
    /// them one at a time per account.
    public func lease(
        adapterID: String, maximumItems: Int, waitMilliseconds: Int64, minimumItems: Int = 1, lingerMilliseconds: Int64 = 0,
        audit context: AuditContext
    ) async throws -> GrantedLease? {
        precondition(maximumItems >= 1 && minimumItems >= 1 && waitMilliseconds >= 0 && lingerMilliseconds >= 0)
        let batch = min(minimumItems, maximumItems, limits.maximumItemsPerLease)
        let deadline = clock() + waitMilliseconds
        var lingerEnds: Int64?
        // Bounded: each round either returns or waits for the adapter's work to change, the end
        // of the linger or the deadline.
        while true {
            if let failure { throw HubCoreError.stopped(reason: failure) }
            guard queues[adapterID] != nil else { throw HubCoreError.unknownAdapter(adapterID) }
            try await expireLeases(now: clock())
            let now = clock()
            let available = queues[adapterID]!.availableItemCount(broadcastHead: readableHead(of: adapterID))
            if available > 0 && lingerEnds == nil { lingerEnds = now + lingerMilliseconds }
            let lingering = available > 0 && available < batch && now < lingerEnds! && now < deadline
                && !queues[adapterID]!.hasLeasableDirectedItem
            if available > 0 && !lingering,
                let granted = try await takeLease(adapterID: adapterID, maximumItems: maximumItems, context: context)
            {
                return granted
            }
            if now >= deadline { return nil }
            if lingering {
                await waitForWork(adapterID: adapterID, minimumItems: batch, timeoutMilliseconds: min(lingerEnds!, deadline) - now)
            } else {
                await waitForWork(adapterID: adapterID, minimumItems: 1, timeoutMilliseconds: deadline - now)
            }
        }
    }

    /// The highest broadcast entry `adapterID` may read: only bank adapters read the broadcast
    /// log; police adapters see none of it.
    func readableHead(of adapterID: String) -> Int64 {
        broadcastAdapters.contains(adapterID) ? broadcastHead : 0
    }

    private func takeLease(adapterID: String, maximumItems: Int, context: AuditContext) async throws -> GrantedLease? {
        let now = clock()
        try await expireLeases(now: now)
        let leaseNumber = nextLeaseNumber
        let count = min(maximumItems, limits.maximumItemsPerLease)
        guard
            let lease = queues[adapterID]!.lease(
                leaseNumber: leaseNumber, maximumItems: count, broadcastHead: readableHead(of: adapterID),
                nowMilliseconds: now, leaseMilliseconds: limits.leaseMilliseconds)
        else { return nil }
        nextLeaseNumber += 1
        earliestLeaseExpiry = min(earliestLeaseExpiry, lease.expiresAtMilliseconds)
        let items = lease.items.map { item in leasedItem(item, attempt: lease.attempts[item] ?? 1) }
        var changes = StoreChanges()
        changes.leasesGranted.append(
            StoredLease(
                number: leaseNumber, adapterID: adapterID, items: lease.items.map { ($0, lease.attempts[$0] ?? 1) },
                expiresAtMilliseconds: lease.expiresAtMilliseconds))
        changes.highestLeaseNumber = leaseNumber
        changes.auditEntries.append(
            audit.append(
                atMilliseconds: now, principal: context.principal, certificateFingerprint: context.certificateFingerprint,
                clientAddress: context.clientAddress, action: "lease", outcome: "granted", instructionID: nil,
                detail: "lease \(leaseNumber): \(items.count) items"))
        statistics.itemsLeased += items.count
        try await durable(changes)
        return GrantedLease(leaseNumber: leaseNumber, expiresAtMilliseconds: lease.expiresAtMilliseconds, items: items)
    }

    private func leasedItem(_ item: WorkItemID, attempt: Int) -> LeasedItem {
        switch item {
        case .broadcast(let sequence):
            guard let entry = broadcastEntries[sequence] else {
                preconditionFailure("broadcast entry \(sequence) is open while an adapter has not answered it")
            }
            return LeasedItem(
                item: item, court: entry.court, instructionID: entry.instructionID, kind: entry.kind,
                document: entry.document, sealJSON: entry.sealJSON, routeJSON: #"{"route":"T2T-broadcast"}"#,
                attempt: attempt)
        case .directed(let number):
            guard let entry = directedEntries[number] else {
                preconditionFailure("directed item \(number) is kept while queued or leased")
            }
            return LeasedItem(
                item: item, court: entry.court, instructionID: entry.instructionID, kind: entry.kind,
                document: entry.document, sealJSON: entry.sealJSON, routeJSON: entry.routeJSON, attempt: attempt)
        }
    }

    /// The adapter's heartbeat: extends its held leases.
    public func extendLeases(adapterID: String, leaseNumbers: [Int64]) async throws -> [Int64: Result<Int64, QueueRefusal>] {
        guard queues[adapterID] != nil else { throw HubCoreError.unknownAdapter(adapterID) }
        let now = clock()
        var results: [Int64: Result<Int64, QueueRefusal>] = [:]
        var changes = StoreChanges()
        for number in leaseNumbers.prefix(limits.queue.maximumLeases) {
            do {
                try queues[adapterID]!.extend(leaseNumber: number, nowMilliseconds: now, leaseMilliseconds: limits.leaseMilliseconds)
                let expires = now + limits.leaseMilliseconds
                results[number] = .success(expires)
                changes.leasesExtended.append((number, expires))
            } catch {
                results[number] = .failure(error)
            }
        }
        try await durable(changes)
        return results
    }

    /// Ends expired leases: their items go back to the queue, or to the dead letters after the
    /// last attempt (recorded as a `deadLettered` answer, so the court sees the target resolved).
    /// Walks the queues only once the earliest expiry may have passed, not on every poll: with
    /// thousands of banks a walk per poll cost O(banks) per request.
    func expireLeases(now: Int64) async throws {
        guard now >= earliestLeaseExpiry else { return }
        var changes = StoreChanges()
        var earliest = Int64.max
        for adapterID in queues.keys.sorted() {
            let expiredLeaseNumbers = queues[adapterID]!.leases.values
                .filter { $0.expiresAtMilliseconds <= now }.map(\.number)
            guard !expiredLeaseNumbers.isEmpty else {
                earliest = min(earliest, queues[adapterID]!.leases.values.map(\.expiresAtMilliseconds).min() ?? .max)
                continue
            }
            let outcomes = queues[adapterID]!.expireLeases(nowMilliseconds: now)
            earliest = min(earliest, queues[adapterID]!.leases.values.map(\.expiresAtMilliseconds).min() ?? .max)
            changes.leasesEnded += expiredLeaseNumbers
            workFreed.insert(adapterID)
            statistics.leasesExpired += expiredLeaseNumbers.count
            CoreMetrics.recordLeaseExpiries(expiredLeaseNumbers.count)
            for outcome in outcomes {
                switch outcome {
                case .requeued(.directed(let number), let nextAttempt):
                    changes.workItemUpdates.append((number, .queued, nextAttempt - 1))
                case .requeued(.broadcast, _):
                    break
                case .deadLettered(let item):
                    statistics.itemsDeadLettered += 1
                    recordDeadLetter(item, adapterID: adapterID, now: now, into: &changes)
                }
            }
        }
        // Extensions only move expiries later, so this stays a lower bound until the next walk.
        earliestLeaseExpiry = earliest
        if !changes.isEmpty { try await durable(changes) }
    }
}
