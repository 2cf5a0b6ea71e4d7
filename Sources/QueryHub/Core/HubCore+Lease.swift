extension HubCore {
    /// Registers an adapter so that it gets a queue (bank adapters also read the broadcast log).
    /// It starts after the broadcasts already in the log: older queries were not for it.
    public func registerAdapter(_ adapterID: String, readsBroadcasts: Bool) async throws {
        guard queues[adapterID] == nil else { return }
        queues[adapterID] = AdapterQueue(adapterID: adapterID, limits: limits.queue, broadcastAnsweredThrough: broadcastHead)
        if readsBroadcasts && !broadcastAdapters.contains(adapterID) {
            broadcastAdapters.append(adapterID)
            broadcastAdapters.sort()
        }
        var changes = StoreChanges()
        changes.broadcastWatermarks[adapterID] = broadcastHead
        try await durable(changes)
    }

    /// Long poll: leases up to `maximumItems` items to `adapterID`, waiting up to
    /// `waitMilliseconds` for work to arrive. Durable before it returns, so that a restart keeps
    /// the lease. Returns nil when the wait ended with nothing to give.
    public func lease(adapterID: String, maximumItems: Int, waitMilliseconds: Int64, audit context: AuditContext)
        async throws -> GrantedLease?
    {
        precondition(maximumItems >= 1)
        let deadline = clock() + waitMilliseconds
        // Bounded: each round either returns or waits for new work or the deadline.
        while true {
            if let failure { throw HubCoreError.stopped(reason: failure) }
            guard queues[adapterID] != nil else { throw HubCoreError.unknownAdapter(adapterID) }
            if let granted = try await takeLease(adapterID: adapterID, maximumItems: maximumItems, context: context) {
                return granted
            }
            let remaining = deadline - clock()
            if remaining <= 0 { return nil }
            await waitForWork(adapterID: adapterID, timeoutMilliseconds: remaining)
        }
    }

    private func takeLease(adapterID: String, maximumItems: Int, context: AuditContext) async throws -> GrantedLease? {
        let now = clock()
        try await expireLeases(now: now)
        let leaseNumber = nextLeaseNumber
        let count = min(maximumItems, limits.maximumItemsPerLease)
        // Only bank adapters read the broadcast log; police adapters see none of it.
        let readableHead = broadcastAdapters.contains(adapterID) ? broadcastHead : 0
        guard
            let lease = queues[adapterID]!.lease(
                leaseNumber: leaseNumber, maximumItems: count, broadcastHead: readableHead,
                nowMilliseconds: now, leaseMilliseconds: limits.leaseMilliseconds)
        else { return nil }
        nextLeaseNumber += 1
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
    func expireLeases(now: Int64) async throws {
        var changes = StoreChanges()
        for adapterID in queues.keys.sorted() {
            let expiredLeaseNumbers = queues[adapterID]!.leases.values
                .filter { $0.expiresAtMilliseconds <= now }.map(\.number)
            guard !expiredLeaseNumbers.isEmpty else { continue }
            let outcomes = queues[adapterID]!.expireLeases(nowMilliseconds: now)
            changes.leasesEnded += expiredLeaseNumbers
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
        if !changes.isEmpty { try await durable(changes) }
    }
}
