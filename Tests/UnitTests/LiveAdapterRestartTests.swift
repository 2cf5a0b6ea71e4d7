import BankAdapter
import Foundation
import HubClient
import HubProtocol
import QueryHub
import Testing

/// A bank adapter's process ending in the middle of a batch — killed, or stopped gracefully as on
/// SIGTERM — on the live network: the hub's lease fences the batch, delivers its items again when
/// the lease runs out, and the restarted adapter answers each once, the bank having acted once.
@Suite("Live network: adapters stopped and restarted mid-batch", .serialized)
struct LiveAdapterRestartTests {
    typealias Network = LiveNetwork

    static func yuan(_ text: String, _ currency: Currency = .cny) -> Money { BankFixture.yuan(text, currency) }

    static func account(_ number: AccountNumber, balance: String) -> SimulatedAccount {
        LiveNetworkTests.account(number, balance: balance)
    }

    static func on(_ account: SimulatedAccount) -> SampleMeasureCase { LiveNetworkTests.on(account) }

    @Test("a bank adapter killed in the middle of a batch loses nothing: after restart its leased items come back and each is answered once")
    func adapterKilledMidBatch() async throws {
        let accounts = (1...4).map { Self.account(AccountNumber(stringLiteral: "622202020030000000\($0)"), balance: "10000.00") }
        try await Network.with(accounts: ["ICBC": accounts], configure: { $0.leaseSeconds = 1 }) { network in
            let icbc = network.bank("ICBC")
            let ids = (1...4).map { "K-\($0)" }
            for (id, account) in zip(ids, accounts) {
                try await network.submit(try network.freeze(id, on: Self.on(account), amount: "5000.00"))
            }
            // The first adapter leases the batch (one item per account) and its bank acts on half of
            // it; then the process dies before it posts a single answer.
            let lease = try await Self.leaseRaw(icbc)
            #expect(lease.map(\.instructionID).sorted() == ids)
            let killedAt = network.now
            let handler = icbc.handler()
            for item in lease.prefix(2) { _ = await handler.answer(item) }
            let actedOn = Set(lease.prefix(2).map(\.instructionID))

            // Its lease (1 s) runs out; the restarted adapter has no memory, the bank its ledger.
            await network.advance(milliseconds: 1_500)
            let attempts = AttemptLog()
            let restarted = icbc.makePoller(handler: { item in
                await attempts.record(item)
                return await handler.answer(item)
            })
            #expect(try await icbc.deliver(restarted) == 4)
            #expect(await attempts.entries.map(\.instructionID).sorted() == ids, "every leased item came back")
            #expect(await attempts.entries.allSatisfy { $0.attempt == 2 })
            #expect(await restarted.receiptsAccepted == 4)

            for (id, account) in zip(ids, accounts) {
                let (status, receipts) = try await network.instruction(id)
                #expect(status == "completed")
                #expect(receipts.count == 1, "\(id) answered once: \(receipts)")
                let result = try #require(receipts.first?.document.freezeResult, "\(id)")
                #expect(result.held == Self.yuan("5000.00"))
                // The bank acted once: the items it had acted on before the crash got the same answer.
                let answeredBeforeCrash = result.header.respondedAt == killedAt
                #expect(answeredBeforeCrash == actedOn.contains(id), "\(id) responded at \(result.header.respondedAt)")
                let held = try #require(await icbc.account(account.number))
                #expect(held.freezes.map(\.instructionId.description) == [id])
                #expect(held.heldMinor == Self.yuan("5000.00").minorUnits)
            }
            #expect(try await icbc.deliver(restarted) == 0)
        }
    }

    @Test("a bank adapter stopped gracefully (as on SIGTERM) in the middle of a batch finishes it and its answers reach the hub: nothing comes again, each is answered once")
    func adapterStoppedMidBatch() async throws {
        let accounts = (1...4).map { Self.account(AccountNumber(stringLiteral: "622202020040000000\($0)"), balance: "10000.00") }
        try await Network.with(accounts: ["ICBC": accounts], configure: { $0.leaseSeconds = 1 }) { network in
            let icbc = network.bank("ICBC")
            let ids = (1...4).map { "G-\($0)" }
            for (id, account) in zip(ids, accounts) {
                try await network.submit(try network.freeze(id, on: Self.on(account), amount: "5000.00"))
            }
            // The adapter runs as `hubd bank-adapter` does, one item at a time. The bank answers two
            // items; the third is in the bank's system when the stop comes. The poller finishes the
            // batch it holds (the bank acts on every item) and posts its answers in a task the stop
            // does not cancel (bounded by the post's timeout): they reach the hub before the
            // stopped adapter's run ends, and nothing comes again.
            let handler = icbc.handler()
            let (inFlight, signal) = AsyncStream<Void>.makeStream()
            let attempts = AttemptLog()
            let poller = icbc.makePoller(concurrency: 1) { item in
                await attempts.record(item)
                if await attempts.entries.count == 3 {
                    signal.yield()
                    try? await Task.sleep(for: .seconds(3_600))  // until the stop cancels it
                }
                return await handler.answer(item)
            }
            let running = Task { await poller.run() }
            for await _ in inFlight { break }
            running.cancel()  // what the graceful-shutdown handler does on SIGTERM
            await running.value
            #expect(await attempts.entries.map(\.instructionID).sorted() == ids, "the stopped adapter handled its batch, and no more")
            #expect(await attempts.entries.allSatisfy { $0.attempt == 1 })
            let stoppedAt = network.now
            for account in accounts {
                #expect(await icbc.account(account.number)?.freezes.count == 1, "the bank acted before the stop")
            }
            #expect(await poller.receiptsAccepted == 4, "the stopped adapter's answers reached the hub")

            // Past the lease (1 s): had the answers not reached the hub, the items would come again.
            await network.advance(milliseconds: 1_500)
            let again = AttemptLog()
            let restarted = icbc.makePoller { item in
                await again.record(item)
                return await handler.answer(item)
            }
            #expect(try await icbc.deliver(restarted) == 0, "nothing is delivered again")
            #expect(await again.entries.isEmpty)
            for (id, account) in zip(ids, accounts) {
                let (status, receipts) = try await network.instruction(id)
                #expect(status == "completed" && receipts.count == 1, "\(id) answered once: \(receipts)")
                let result = try #require(receipts.first?.document.freezeResult, "\(id)")
                #expect(result.held == Self.yuan("5000.00"))
                #expect(result.header.respondedAt == stoppedAt, "the bank's first answer, given before the stop")
                let bank = try #require(await icbc.account(account.number))
                #expect(bank.freezes.map(\.instructionId.description) == [id], "the bank acted on \(id) once")
            }
            #expect(try await icbc.deliver(restarted) == 0)
        }
    }

    /// Leases the bank's work over plain HTTPS, as an adapter that never answers would.
    static func leaseRaw(_ bank: NetworkBank) async throws -> [AdapterWorkItem] {
        let work = try await bank.client.request(.GET, "/v1/adapters/\(segment(bank.adapterID))/work?max=50")
        try #require(work.statusCode == 200, "\(work.bodyText)")
        let items = try #require(work.json["items"] as? [[String: Any]])
        return try items.map { item in
            let document = try #require((item["document"] as? String).flatMap { Data(base64Encoded: $0) })
            let seal = try JSONDecoder().decode(Seal.self, from: Data(try #require(item["seal"] as? String).utf8))
            return AdapterWorkItem(
                itemID: try #require(item["itemId"] as? String), instructionID: try #require(item["instructionId"] as? String),
                court: try #require(item["court"] as? String), kind: try #require(item["kind"] as? String), document: Array(document),
                seal: seal, attempt: try #require(item["attempt"] as? Int))
        }
    }
}

/// The items a handler saw, in order.
actor AttemptLog {
    private(set) var entries: [(instructionID: String, attempt: Int)] = []

    func record(_ item: AdapterWorkItem) {
        entries.append((item.instructionID, item.attempt))
    }
}
