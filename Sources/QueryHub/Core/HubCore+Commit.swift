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

    /// Tells long polls that their work or results may have arrived.
    private func wakeWaiters(_ batch: StoreChanges) {
        var adapters = Set(batch.newWorkItems.map(\.adapterID))
        if batch.instructions.contains(where: { $0.broadcastSequence != nil }) {
            adapters.formUnion(broadcastAdapters)
        }
        if !batch.leasesEnded.isEmpty || !batch.workItemUpdates.isEmpty { adapters.formUnion(workWaiters.keys) }
        for adapter in adapters {
            for waiter in (workWaiters.removeValue(forKey: adapter) ?? [:]).values { waiter.resume() }
        }
        for court in Set(batch.resultEvents.map(\.court)) {
            for waiter in (resultWaiters.removeValue(forKey: court) ?? [:]).values { waiter.resume() }
        }
    }

    /// Waits until new work may be there for `adapterID`, or `timeoutMilliseconds` pass.
    func waitForWork(adapterID: String, timeoutMilliseconds: Int64) async {
        await waitOn(.work, key: adapterID, timeoutMilliseconds: timeoutMilliseconds)
    }

    /// Waits until new results may be there for `court`, or `timeoutMilliseconds` pass.
    public func waitForResults(court: String, timeoutMilliseconds: Int64) async {
        await waitOn(.results, key: court, timeoutMilliseconds: timeoutMilliseconds)
    }

    enum WaitTable { case work, results }

    private func waitOn(_ table: WaitTable, key: String, timeoutMilliseconds: Int64) async {
        guard timeoutMilliseconds > 0 else { return }
        let token = UUID()
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            switch table {
            case .work: workWaiters[key, default: [:]][token] = continuation
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
            waiter = workWaiters[key]?.removeValue(forKey: token)
            if workWaiters[key]?.isEmpty == true { workWaiters[key] = nil }
        case .results:
            waiter = resultWaiters[key]?.removeValue(forKey: token)
            if resultWaiters[key]?.isEmpty == true { resultWaiters[key] = nil }
        }
        waiter?.resume()
    }
}
