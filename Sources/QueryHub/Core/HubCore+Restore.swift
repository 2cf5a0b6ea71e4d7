extension HubCore {
    /// Rebuilds memory from the store after a start or a crash: queued and leased items, open
    /// broadcast entries, watermarks, counters and the audit chain. Leases that expired while the
    /// hub was down are expired at once, so their items go back to the queue.
    public func restore(adapters: [(id: String, readsBroadcasts: Bool)]) async throws {
        precondition(queues.isEmpty, "restore runs once, before any request")
        let state = try await store.loadState()
        broadcastHead = state.highestBroadcastSequence
        nextWorkItemNumber = state.highestWorkItemNumber + 1
        nextLeaseNumber = state.highestLeaseNumber + 1
        nextResultCursor = state.highestResultCursor + 1
        audit = AuditChain(continuingAfter: state.lastAuditEntry)
        releasedMeasures = Set(state.releasedMeasures.map { HubCore.key(court: $0.court, instructionID: $0.instructionID) })
        var newcomers = StoreChanges()
        for adapter in adapters {
            // An adapter seen for the first time starts at the head: it was not there for older
            // queries. Its watermark is written now, so that the next start knows it.
            let watermark = state.broadcastWatermarks[adapter.id] ?? broadcastHead
            if state.broadcastWatermarks[adapter.id] == nil { newcomers.broadcastWatermarks[adapter.id] = watermark }
            queues[adapter.id] = AdapterQueue(adapterID: adapter.id, limits: limits.queue, broadcastAnsweredThrough: watermark)
        }
        try await store.commit(newcomers)
        try await restoreBroadcastEntries(state)
        try await restoreDirected(state)
        // After the queues are restored: answers above a watermark may have raised it.
        broadcastAdapters = BroadcastWatermarks()
        for adapter in adapters where adapter.readsBroadcasts {
            broadcastAdapters.insert(adapter.id, watermark: queues[adapter.id]!.broadcastAnsweredThrough)
        }
        let lowest = broadcastAdapters.lowest ?? broadcastHead
        broadcastCompletedThrough = lowest
        for sequence in broadcastEntries.keys where sequence <= lowest { broadcastEntries[sequence] = nil }
        try await expireLeases(now: clock())
        logger.info(
            "restored",
            metadata: [
                "instructions": "\(state.instructionCount)", "queuedItems": "\(state.queuedWorkItems.count)",
                "leases": "\(state.leases.count)", "openBroadcasts": "\(broadcastEntries.count)",
            ])
    }

    private func restoreBroadcastEntries(_ state: StoreState) async throws {
        for entry in state.broadcastLog {
            guard let instruction = try await store.instruction(court: entry.court, instructionID: entry.instructionID) else {
                throw StoreError.corrupt("broadcast entry \(entry.sequence) names a missing instruction")
            }
            broadcastEntries[entry.sequence] = BroadcastEntry(
                court: instruction.court, instructionID: instruction.instructionID, kind: instruction.kind,
                document: instruction.document, sealJSON: instruction.sealJSON)
        }
    }

    private func restoreDirected(_ state: StoreState) async throws {
        var byAdapter: [String: [StoredWorkItem]] = [:]
        for item in state.queuedWorkItems {
            byAdapter[item.adapterID, default: []].append(item)
            guard let instruction = try await store.instruction(court: item.court, instructionID: item.instructionID) else {
                throw StoreError.corrupt("work item \(item.number) names a missing instruction")
            }
            directedEntries[item.number] = DirectedEntry(
                court: item.court, instructionID: item.instructionID, kind: instruction.kind, document: instruction.document,
                sealJSON: instruction.sealJSON, routeJSON: item.routeJSON, adapterID: item.adapterID)
            let key = HubCore.key(court: item.court, instructionID: item.instructionID)
            openTargets[key, default: 0] += 1
        }
        let leasesByAdapter = Dictionary(grouping: state.leases, by: \.adapterID)
        for adapterID in queues.keys {
            let items = byAdapter[adapterID] ?? []
            let leases = leasesByAdapter[adapterID] ?? []
            var leasedAttempts: [WorkItemID: Int] = [:]
            for lease in leases { for (item, attempt) in lease.items { leasedAttempts[item] = attempt } }
            var leasedRecords: [Int64: AdapterQueue.DirectedItem] = [:]
            var queued: [AdapterQueue.DirectedItem] = []
            for item in items {
                var record = AdapterQueue.DirectedItem(number: item.number, orderingKey: item.orderingKey, attempts: item.attempts)
                if let attempt = leasedAttempts[.directed(number: item.number)] {
                    // Out on a lease when the hub stopped: that delivery counts.
                    record.attempts = attempt
                    leasedRecords[item.number] = record
                } else {
                    queued.append(record)
                }
            }
            queues[adapterID]!.restore(
                broadcastAnsweredAbove: state.broadcastAnsweredAbove[adapterID] ?? [], leases: leases,
                leasedDirectedItems: leasedRecords, queuedDirectedItems: queued)
        }
    }
}
