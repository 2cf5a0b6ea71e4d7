/// Lets at most `width` callers run a section at once; the others wait, in arrival order,
/// without holding a thread.
///
/// Why: checking a post of receipts is CPU work (a strict decode and an audit path per receipt).
/// With a thousand banks posting at once, every post was checked concurrently; on a few cores
/// they all shared the CPU and all finished late, and a court's submission (a 202 that needs
/// about a millisecond of CPU) queued behind all of them — accept p99 of seconds (item 7 of
/// BENCHMARKS.md's profile). Through the gate the posts are checked a few at a time and a
/// submission waits for at most those few.
public actor AdmissionGate {
    /// The most callers inside at once.
    public let width: Int
    private var inside = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []
    private var waitingHead = 0

    /// A gate for `width` callers at a time.
    public init(width: Int) {
        precondition(width >= 1)
        self.width = width
    }

    /// Runs `body` once admitted; leaves the gate when it returns or throws.
    public func admitted<Result: Sendable>(_ body: @Sendable () async throws -> Result) async rethrows -> Result {
        await enter()
        defer { leave() }
        return try await body()
    }

    /// Callers waiting to enter.
    public var waitingCount: Int { waiting.count - waitingHead }

    private func enter() async {
        if inside < width {
            inside += 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    private func leave() {
        guard waitingHead < waiting.count else {
            precondition(inside >= 1, "a caller leaves only after entering")
            inside -= 1
            return
        }
        // The place passes straight to the next caller: `inside` stays the same.
        let next = waiting[waitingHead]
        waitingHead += 1
        if waitingHead > 1_024 && waitingHead * 2 > waiting.count {
            waiting.removeFirst(waitingHead)
            waitingHead = 0
        }
        next.resume()
    }
}
