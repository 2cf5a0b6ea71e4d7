import Foundation

/// Why the core refused an operation as a whole.
public enum HubCoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A commit failed earlier; the core stopped (fail-stop) until a restart.
    case stopped(reason: String)
    /// A bound was reached (HTTP 429 with Retry-After).
    case overloaded(String)
    /// The adapter is unknown to the core.
    case unknownAdapter(String)

    public var description: String {
        switch self {
        case .stopped(let reason): return "the hub stopped after a storage failure: \(reason)"
        case .overloaded(let what): return "the hub is at a limit: \(what)"
        case .unknownAdapter(let adapter): return "no adapter \"\(adapter)\" is registered"
        }
    }
}

extension HubCore {
    /// Appends `changes` to the pending group commit (in the order the core made them) and returns
    /// once the commit holding them is durable.
    func durable(_ changes: StoreChanges) async throws {
        if let failure { throw HubCoreError.stopped(reason: failure) }
        pending.append(changes)
        pendingCount += 1
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            pendingWaiters.append(continuation)
            if !flushing {
                flushing = true
                Task { await self.flushLoop() }
            }
        }
    }

    /// Writes pending changes one commit at a time until none are left; each commit carries every
    /// change that arrived while the previous one was being written.
    private func flushLoop() async {
        while !pendingWaiters.isEmpty {
            let batch = pending
            let waiters = pendingWaiters
            let batchSize = pendingCount
            pending = StoreChanges()
            pendingWaiters = []
            pendingCount = 0
            let started = ContinuousClock.now
            do {
                try await store.commit(batch)
            } catch {
                let reason = String(describing: error)
                failure = reason
                logger.critical("commit failed; the hub stops accepting work", metadata: ["error": "\(reason)"])
                for waiter in waiters { waiter.resume(throwing: HubCoreError.stopped(reason: reason)) }
                for waiter in pendingWaiters { waiter.resume(throwing: HubCoreError.stopped(reason: reason)) }
                pendingWaiters = []
                break
            }
            let elapsed = ContinuousClock.now - started
            statistics.commits += 1
            statistics.lastCommitBatchSize = batchSize
            statistics.lastCommitMilliseconds = Double(elapsed.components.seconds) * 1_000
                + Double(elapsed.components.attoseconds) / 1e15
            CoreMetrics.recordCommit(batchSize: batchSize, seconds: statistics.lastCommitMilliseconds / 1_000)
            for waiter in waiters { waiter.resume() }
            wakeWaiters(batch)
        }
        flushing = false
    }

    /// Tells long polls that their work or results may have arrived. A long poll holding for a
    /// batch is woken only once its adapter has the items it waits for, so a query to every bank
    /// does not wake thousands of holding polls to look and wait again.
    private func wakeWaiters(_ batch: StoreChanges) {
        var adapters = Set(batch.newWorkItems.map(\.adapterID))
        if batch.instructions.contains(where: { $0.broadcastSequence != nil }) {
            // Only the banks waiting now: O(waiting), not O(banks).
            adapters.formUnion(workWaiters.keys.filter { broadcastAdapters.contains($0) })
        }
        adapters.formUnion(workFreed)
        workFreed = []
        for adapter in adapters {
            guard let waiting = workWaiters[adapter] else { continue }
            let available = queues[adapter]?.availableItemCount(broadcastHead: readableHead(of: adapter)) ?? 0
            let measureReady = queues[adapter]?.hasLeasableDirectedItem ?? false
            var holding: [UUID: WorkWaiter] = [:]
            for (token, waiter) in waiting {
                if waiter.minimumItems <= max(available, 1) || measureReady {
                    waiter.continuation.resume()
                } else {
                    holding[token] = waiter
                }
            }
            workWaiters[adapter] = holding.isEmpty ? nil : holding
        }
        for court in Set(batch.resultEvents.map(\.court)) {
            for waiter in (resultWaiters.removeValue(forKey: court) ?? [:]).values { waiter.resume() }
        }
    }

    /// Waits until `adapterID` may have `minimumItems` items ready (1: any new work), or
    /// `timeoutMilliseconds` pass.
    func waitForWork(adapterID: String, minimumItems: Int, timeoutMilliseconds: Int64) async {
        await waitOn(.work(minimumItems: minimumItems), key: adapterID, timeoutMilliseconds: timeoutMilliseconds)
    }

    /// Waits until new results may be there for `court`, or `timeoutMilliseconds` pass.
    public func waitForResults(court: String, timeoutMilliseconds: Int64) async {
        await waitOn(.results, key: court, timeoutMilliseconds: timeoutMilliseconds)
    }

    enum WaitTable { case work(minimumItems: Int), results }

    private func waitOn(_ table: WaitTable, key: String, timeoutMilliseconds: Int64) async {
        guard timeoutMilliseconds > 0 else { return }
        let token = UUID()
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            switch table {
            case .work(let minimumItems):
                workWaiters[key, default: [:]][token] = WorkWaiter(continuation: continuation, minimumItems: minimumItems)
            case .results: resultWaiters[key, default: [:]][token] = continuation
            }
            Task {
                try? await Task.sleep(for: .milliseconds(timeoutMilliseconds))
                self.timeOut(table, key: key, token: token)
            }
        }
    }

    private func timeOut(_ table: WaitTable, key: String, token: UUID) {
        // Already woken by new work: nothing to do.
        let waiter: CheckedContinuation<Void, Never>?
        switch table {
        case .work:
            waiter = workWaiters[key]?.removeValue(forKey: token)?.continuation
            if workWaiters[key]?.isEmpty == true { workWaiters[key] = nil }
        case .results:
            waiter = resultWaiters[key]?.removeValue(forKey: token)
            if resultWaiters[key]?.isEmpty == true { resultWaiters[key] = nil }
        }
        waiter?.resume()
    }
}
