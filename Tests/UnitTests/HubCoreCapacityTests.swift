import Foundation
import Logging
import QueryHub
import Testing

/// The hub's back-pressure on queries to every bank: open queries, and items out (open queries ×
/// banks), so that the same limit holds back a registry of 4,000 banks sooner than one of 1,000.
@Suite("Hub core capacity: queries to every bank")
struct HubCoreCapacityTests {
    static let context = AuditContext(principal: "court:京0105", certificateFingerprint: "00", clientAddress: "127.0.0.1:1")
    static let banks = ["bank:B1", "bank:B2", "bank:B3", "bank:B4"]

    static func core(_ fixture: StoreFixture, maximumItems: Int, maximumQueries: Int = 100) async throws -> HubCore {
        var limits = HubCore.Limits()
        limits.maximumOpenBroadcasts = maximumQueries
        limits.maximumOpenBroadcastItems = maximumItems
        let clock = ManualClock()
        let core = HubCore(store: try await fixture.open(), broadcastAdapters: [], limits: limits, logger: Logger(label: "test"), clock: { clock.milliseconds })
        try await core.restore(adapters: banks.map { ($0, true) })
        return core
    }

    static func query(_ id: String) -> Submission {
        Submission(court: "京0105", instructionID: id, kind: "bank.query", contentHash: Array(SHA256Bytes.of(id)),
                   document: Array(id.utf8), sealJSON: "{}", targets: .everyBank)
    }

    /// Whether the core refused the query as overloaded (429); other outcomes and errors are returned as a failure.
    static func isRefusedAsOverloaded(_ core: HubCore, _ id: String) async throws -> Bool {
        do {
            _ = try await core.submit(query(id), audit: context)
            return false
        } catch HubCoreError.overloaded(let reason) {
            #expect(reason.contains("items out"), "the reason names the items: \(reason)")
            return true
        }
    }

    @Test("open queries × banks above maximumOpenBroadcastItems is refused; answers from every bank make room again")
    func itemsBoundQueries() async throws {
        try await StoreFixture.with(.sqlite) { fixture in
            // 4 banks, at most 10 items out: 2 queries (8 items) fit, a third (12) does not.
            let core = try await Self.core(fixture, maximumItems: 10)
            #expect(try await core.submit(Self.query("Q-1"), audit: Self.context) != .conflict)
            #expect(try await core.submit(Self.query("Q-2"), audit: Self.context) != .conflict)
            #expect(try await Self.isRefusedAsOverloaded(core, "Q-3"))
            // Every bank answers the first query: it closes, and 2 queries fit again.
            for bank in Self.banks {
                let lease = try #require(try await core.lease(adapterID: bank, maximumItems: 1, waitMilliseconds: 0, audit: Self.context))
                #expect(lease.items.map(\.item) == [.broadcast(sequence: 1)])
                let answer = AnswerSubmission(item: .broadcast(sequence: 1), leaseNumber: lease.leaseNumber,
                                              outcome: AnswerSubmission.noAccountFound, body: [], sealJSON: "{}")
                #expect(try await core.answer(adapterID: bank, answers: [answer], audit: Self.context) == [.accepted])
            }
            #expect(try await Self.isRefusedAsOverloaded(core, "Q-3") == false)
            #expect(try await Self.isRefusedAsOverloaded(core, "Q-4"))
        }
    }

    @Test("a limit below the number of banks still lets one query in at a time, never none")
    func oneQueryAlwaysFits() async throws {
        try await StoreFixture.with(.sqlite) { fixture in
            let core = try await Self.core(fixture, maximumItems: 3)
            #expect(try await Self.isRefusedAsOverloaded(core, "Q-1") == false)
            #expect(try await Self.isRefusedAsOverloaded(core, "Q-2"))
        }
    }

    @Test("the open-query limit still holds on its own when items are plentiful")
    func queriesBoundQueries() async throws {
        try await StoreFixture.with(.sqlite) { fixture in
            let core = try await Self.core(fixture, maximumItems: 1_000, maximumQueries: 1)
            _ = try await core.submit(Self.query("Q-1"), audit: Self.context)
            await #expect(throws: HubCoreError.self) { try await core.submit(Self.query("Q-2"), audit: Self.context) }
        }
    }
}
