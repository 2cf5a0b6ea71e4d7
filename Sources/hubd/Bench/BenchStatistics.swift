import Foundation
import Histogram
import Synchronization

/// What the bench counts while it runs, shared by every court and bank task. One lock: the
/// updates are a few additions each, far below the cost of the requests they count.
final class BenchStatistics: Sendable {
    struct Counters: Sendable {
        var submitted = 0
        var accepted = 0
        var acceptedMeasures = 0
        var completed = 0
        var completedTwice = 0
        var completedUnknown = 0
        var itemsHandled = 0
        var itemsHandledTwice = 0
        var sealVerifications = 0
        var sealFailures = 0
        var hubRequests = 0
        var receiptEvents = 0
        var errors: [String: Int] = [:]
        /// Accept latency in microseconds.
        var acceptLatency = Histogram<UInt64>(highestTrackableValue: 120_000_000, numberOfSignificantValueDigits: .three)
        /// Submission to the `completed` event, in microseconds.
        var timeToResult = Histogram<UInt64>(highestTrackableValue: 600_000_000, numberOfSignificantValueDigits: .three)
    }

    /// An accepted instruction: when it was submitted and how many completions were seen.
    struct Pending: Sendable {
        var submittedAtMicroseconds: UInt64
        var completions: Int
    }

    let counters = Mutex(Counters())
    /// Accepted instructions by id (bounded by the run: the bench keeps them for the final checks).
    let instructions = Mutex([String: Pending]())
    /// (instruction, adapter) pairs the banks handled, hashed: a repeat is an item answered twice.
    let handledItems = Mutex(Set<Int>())

    static func nowMicroseconds() -> UInt64 { DispatchTime.now().uptimeNanoseconds / 1_000 }

    func error(_ kind: String) {
        counters.withLock { $0.errors[kind, default: 0] += 1 }
    }

    func accepted(id: String, startedAt: UInt64, measure: Bool) {
        let now = Self.nowMicroseconds()
        instructions.withLock { $0[id] = Pending(submittedAtMicroseconds: startedAt, completions: 0) }
        counters.withLock {
            $0.accepted += 1
            if measure { $0.acceptedMeasures += 1 }
            _ = $0.acceptLatency.record(now - startedAt)
        }
    }

    func completed(id: String) {
        let now = Self.nowMicroseconds()
        let start: UInt64?? = instructions.withLock { table in
            guard var pending = table[id] else { return .none }
            pending.completions += 1
            table[id] = pending
            return pending.completions == 1 ? .some(pending.submittedAtMicroseconds) : .some(nil)
        }
        counters.withLock {
            switch start {
            case .none: $0.completedUnknown += 1
            case .some(.none): $0.completedTwice += 1
            case .some(.some(let at)):
                $0.completed += 1
                _ = $0.timeToResult.record(now &- at)
            }
        }
    }

    func handled(instructionID: String, adapter: String) {
        var hasher = Hasher()
        hasher.combine(instructionID)
        hasher.combine(adapter)
        let key = hasher.finalize()
        let fresh = handledItems.withLock { $0.insert(key).inserted }
        counters.withLock {
            $0.itemsHandled += 1
            if !fresh { $0.itemsHandledTwice += 1 }
        }
    }

    var snapshot: Counters { counters.withLock { $0 } }
}
