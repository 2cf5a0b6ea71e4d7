import Foundation
import Logging

/// The loop every adapter runs against the hub: long-poll for work, hand each item to the bank's or
/// police's system, seal the answers as one batch, post them with the lease token, and keep the
/// lease alive while working. Delivery is at least once, so answers are remembered by item id and a
/// redelivered item gets the same answer again — the backend acts on an item once.
///
/// The hub gives out at most one item per account at a time, so the items of one lease can be
/// handled concurrently (up to ``Configuration/concurrency`` at once) without breaking the order of
/// measures on an account.
public actor AdapterPoller {
    /// The poller's limits.
    public struct Configuration: Sendable {
        public var adapterID: String
        public var maximumItemsPerPoll = 500
        public var waitSeconds = 20
        /// Once work is there, the hub holds the poll until this many items are ready …
        public var minimumItemsPerPoll = 1
        /// … or this many milliseconds after the first was (0: answer at once). Fewer, larger
        /// requests for an adapter that takes many items a second.
        public var lingerMilliseconds = 0
        /// Items handled at once.
        public var concurrency = 16
        /// How often a lease is extended while its items are being handled.
        public var heartbeatSeconds = 10
        /// Answers remembered for redelivered items (oldest forgotten first).
        public var rememberedAnswers = 100_000
        /// Backoff after a failed round: doubled each time from the initial to the maximum.
        public var initialBackoffMilliseconds = 200
        public var maximumBackoffMilliseconds = 10_000
        /// Answer runs of consecutive queries to every bank answered "no account found" with one
        /// `bank.noAccountFoundRange` each (false: every answer as its own receipt).
        public var answersRanges = true
        /// The longest a post of answers may take, also when the poller is being stopped: the
        /// answers of a batch the backend acted on are posted even after cancellation, within
        /// this bound.
        public var postTimeoutSeconds = 30

        public init(adapterID: String) {
            self.adapterID = adapterID
        }
    }

    /// Seals a batch of receipts: one batch-seal JSON string per receipt, in order.
    public typealias Sealer = @Sendable ([[UInt8]]) throws -> [String]
    /// Answers one item (the bank's or police's system).
    public typealias Handler = @Sendable (AdapterWorkItem) async -> AdapterAnswer

    public let configuration: Configuration
    private let client: HubHTTPClient
    private let handler: Handler
    private let sealer: Sealer
    private let logger: Logger
    private var remembered: [String: AdapterAnswer] = [:]
    private var rememberedOrder: [String] = []
    private var rememberedStart = 0
    /// Counters, for tests and the bench.
    public private(set) var itemsHandled = 0
    public private(set) var itemsRedelivered = 0
    public private(set) var receiptsAccepted = 0

    public init(configuration: Configuration, client: HubHTTPClient, handler: @escaping Handler, sealer: @escaping Sealer,
                logger: Logger = Logger(label: "adapter.poller")) {
        precondition(configuration.maximumItemsPerPoll >= 1 && configuration.concurrency >= 1)
        precondition((1...configuration.maximumItemsPerPoll).contains(configuration.minimumItemsPerPoll))
        precondition((0...10_000).contains(configuration.lingerMilliseconds), "the hub holds a poll at most 10 s for a batch")
        self.configuration = configuration
        self.client = client
        self.handler = handler
        self.sealer = sealer
        self.logger = logger
    }

    private var adapterPath: String {
        "/v1/adapters/" + (configuration.adapterID.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? configuration.adapterID)
    }

    /// Polls until the task is cancelled, backing off after failures.
    public func run() async {
        var backoff = configuration.initialBackoffMilliseconds
        while !Task.isCancelled {
            do {
                _ = try await pollOnce()
                backoff = configuration.initialBackoffMilliseconds
            } catch {
                if Task.isCancelled { return }
                logger.warning("poll failed; backing off", metadata: ["error": "\(error)", "backoffMilliseconds": "\(backoff)"])
                try? await Task.sleep(for: .milliseconds(backoff))
                backoff = min(backoff * 2, configuration.maximumBackoffMilliseconds)
            }
        }
    }

    /// One round: lease, handle, answer. Returns how many items the lease held (0 when none came).
    public func pollOnce() async throws -> Int {
        var path = adapterPath + "/work?max=\(configuration.maximumItemsPerPoll)&waitSeconds=\(configuration.waitSeconds)"
        if configuration.minimumItemsPerPoll > 1 && configuration.lingerMilliseconds > 0 {
            path += "&minItems=\(configuration.minimumItemsPerPoll)&lingerMilliseconds=\(configuration.lingerMilliseconds)"
        }
        let response = try await client.request(.GET, path, timeout: .seconds(configuration.waitSeconds + 30))
        if response.statusCode == 204 { return 0 }
        guard response.statusCode == 200 else { throw AdapterPollerError.hubRefused(status: response.statusCode, body: response.bodyText) }
        let lease = try AdapterLease.decode(response.body)
        let heartbeat = Task { [client, adapterPath, configuration] in
            while !Task.isCancelled {
                try await Task.sleep(for: .seconds(configuration.heartbeatSeconds))
                _ = try await client.request(.POST, adapterPath + "/leases/extend", body: Array(#"{"leaseTokens":["\#(lease.token)"]}"#.utf8))
            }
        }
        defer { heartbeat.cancel() }
        let answers = await handle(lease.items)
        try await postShielded(answers, items: lease.items, token: lease.token)
        return lease.items.count
    }

    /// Posts the answers in a task of its own, which a stop (cancellation of ``run()``) does not
    /// cancel: the backend has acted on the batch, so its answers must reach the hub — else they
    /// wait for the lease to expire and the items come again. Bounded by
    /// ``Configuration/postTimeoutSeconds`` (the request's own timeout).
    private func postShielded(_ answers: [AdapterAnswer], items: [AdapterWorkItem], token: String) async throws {
        let posting = Task { try await self.post(answers, items: items, token: token) }
        try await posting.value
    }

    /// Handles the items, at most ``Configuration/concurrency`` at once, reusing remembered answers.
    private func handle(_ items: [AdapterWorkItem]) async -> [AdapterAnswer] {
        var answers = [AdapterAnswer?](repeating: nil, count: items.count)
        var fresh: [(Int, AdapterWorkItem)] = []
        for (index, item) in items.enumerated() {
            if let known = remembered[item.itemID + "/" + item.instructionID] {
                answers[index] = known
                itemsRedelivered += 1
            } else {
                fresh.append((index, item))
            }
        }
        let handler = self.handler
        let width = configuration.concurrency
        await withTaskGroup(of: (Int, AdapterAnswer).self) { group in
            var next = 0
            while next < fresh.count && next < width {
                let (index, item) = fresh[next]
                group.addTask { (index, await handler(item)) }
                next += 1
            }
            for await (index, answer) in group {
                answers[index] = answer
                if next < fresh.count {
                    let (index, item) = fresh[next]
                    group.addTask { (index, await handler(item)) }
                    next += 1
                }
            }
        }
        for (index, item) in items.enumerated() { remember(item, answers[index]!) }
        itemsHandled += fresh.count
        return answers.map { $0! }
    }

    private func remember(_ item: AdapterWorkItem, _ answer: AdapterAnswer) {
        let key = item.itemID + "/" + item.instructionID
        if remembered.updateValue(answer, forKey: key) == nil { rememberedOrder.append(key) }
        // Forget the oldest beyond the bound; compact the order list now and then.
        while rememberedOrder.count - rememberedStart > configuration.rememberedAnswers {
            remembered[rememberedOrder[rememberedStart]] = nil
            rememberedStart += 1
        }
        if rememberedStart > 4_096 && rememberedStart * 2 > rememberedOrder.count {
            rememberedOrder.removeFirst(rememberedStart)
            rememberedStart = 0
        }
    }

    private func post(_ answers: [AdapterAnswer], items: [AdapterWorkItem], token: String) async throws {
        let runs = configuration.answersRanges ? NoAccountRuns.runs(items: items, answers: answers) : []
        var inRun = [Bool](repeating: false, count: items.count)
        for run in runs { for index in run.indices { inRun[index] = true } }
        let single = items.indices.filter { !inRun[$0] }
        // One batch seal over the per-item receipts and the range receipts together.
        let seals = try sealer(single.map { answers[$0].receipt } + runs.map(\.receipt))
        precondition(seals.count == single.count + runs.count, "the sealer seals every receipt")
        // A struct, not dictionaries: encoding 500 dictionaries was most of a post's cost.
        let entries = single.enumerated().map { position, index in
            ReceiptEntry(
                itemId: items[index].itemID, leaseToken: token, outcome: answers[index].outcome,
                receipt: Data(answers[index].receipt).base64EncodedString(), seal: seals[position])
        }
        let ranges = runs.enumerated().map { position, run in
            RangeEntry(
                firstItemId: run.firstItemID, lastItemId: run.lastItemID, leaseToken: token,
                receipt: Data(run.receipt).base64EncodedString(), seal: seals[single.count + position])
        }
        let body = try JSONEncoder().encode(ReceiptPost(receipts: entries, ranges: ranges.isEmpty ? nil : ranges))
        let response = try await client.request(
            .POST, adapterPath + "/receipts", body: Array(body), headers: [("content-type", "application/json")],
            timeout: .seconds(configuration.postTimeoutSeconds))
        switch response.statusCode {
        case 200:
            receiptsAccepted += items.count
        case 409:
            // The lease expired before the answers arrived: the hub delivers the items again and
            // the remembered answers go with them.
            logger.info("answers refused; the items come again", metadata: ["detail": "\(response.bodyText)"])
        default:
            throw AdapterPollerError.hubRefused(status: response.statusCode, body: response.bodyText)
        }
    }
}

/// One answer as `POST /v1/adapters/{adapter}/receipts` takes it.
struct ReceiptEntry: Encodable {
    var itemId: String
    var leaseToken: String
    var outcome: String
    /// The receipt's exact bytes, base64.
    var receipt: String
    /// The batch seal (and Merkle proof) as a JSON string.
    var seal: String
}

/// One range answer (`bank.noAccountFoundRange`) as `POST /v1/adapters/{adapter}/receipts` takes it.
struct RangeEntry: Encodable {
    var firstItemId: String
    var lastItemId: String
    var leaseToken: String
    /// The range receipt's exact bytes, base64.
    var receipt: String
    /// The batch seal (and Merkle proof) as a JSON string.
    var seal: String
}

/// The body of `POST /v1/adapters/{adapter}/receipts`.
struct ReceiptPost: Encodable {
    var receipts: [ReceiptEntry]
    /// Left out when there are none, so that the post is what hubs without ranges take.
    var ranges: [RangeEntry]?
}
