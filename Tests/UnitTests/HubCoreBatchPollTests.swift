import Foundation
import Logging
import QueryHub
import Testing

/// Long polls that hold for a batch (`minItems`, `lingerMilliseconds`), and queries to every bank
/// completing behind the slowest bank — the throughput changes of BENCHMARKS.md's profile.
@Suite("Hub core: polls that hold for a batch")
struct HubCoreBatchPollTests {
    static let context = HubCoreTests.context

    @Test("a poll holding for 3 items is not answered with the first: it gets all 3 in one lease")
    func holdsForTheBatch() async throws {
        try await StoreFixture.with(.sqlite) { fixture in
            let clock = ManualClock()
            let core = try await HubCoreTests.core(fixture, clock: clock)
            // The manual clock stands still, so the linger never ends: only the count can end the hold.
            let poll = Task {
                try await core.lease(adapterID: "bank:ICBC", maximumItems: 10, waitMilliseconds: 60_000, minimumItems: 3,
                                     lingerMilliseconds: 60_000, audit: Self.context)
            }
            for index in 1...3 {
                _ = try await core.submit(HubCoreTests.submission("Q-\(index)", targets: .everyBank), audit: Self.context)
            }
            let lease = try #require(try await poll.value)
            #expect(lease.items.map(\.item) == [1, 2, 3].map { WorkItemID.broadcast(sequence: $0) })
        }
    }

    @Test("a measure that can go out ends the hold at once: a court waits on measures one at a time per account")
    func measureEndsTheHold() async throws {
        try await StoreFixture.with(.sqlite) { fixture in
            let clock = ManualClock()
            let core = try await HubCoreTests.core(fixture, clock: clock)
            _ = try await core.submit(HubCoreTests.submission("Q-1", targets: .everyBank), audit: Self.context)
            // Holding for 5 with a linger that never ends on this clock: only the measure can end it.
            let poll = Task {
                try await core.lease(adapterID: "bank:ICBC", maximumItems: 10, waitMilliseconds: 60_000, minimumItems: 5,
                                     lingerMilliseconds: 60_000, audit: Self.context)
            }
            _ = try await core.submit(HubCoreTests.submission("F-1", targets: HubCoreTests.freezeTarget), audit: Self.context)
            let lease = try #require(try await poll.value)
            #expect(lease.items.map(\.instructionID).sorted() == ["F-1", "Q-1"])
        }
    }

    @Test("once the linger has passed, a poll holding for more takes what is there")
    func lingerEnds() async throws {
        try await StoreFixture.with(.sqlite) { fixture in
            let store = try await fixture.open()
            // A real clock: the linger (20 ms) must pass; the wait (60 s) must not be what ends the poll.
            let core = HubCore(store: store, broadcastAdapters: [], logger: Logger(label: "test"),
                               clock: { Int64(Date().timeIntervalSince1970 * 1_000) })
            try await core.restore(adapters: HubCoreTests.adapters)
            _ = try await core.submit(HubCoreTests.submission("Q-1", targets: .everyBank), audit: Self.context)
            let lease = try await core.lease(adapterID: "bank:CCB", maximumItems: 10, waitMilliseconds: 60_000, minimumItems: 500,
                                             lingerMilliseconds: 20, audit: Self.context)
            #expect(lease?.items.map(\.item) == [.broadcast(sequence: 1)])
            // Without work, the same poll ends empty when its wait ends, not at the linger.
            #expect(try await core.lease(adapterID: "police:MPS", maximumItems: 10, waitMilliseconds: 0, minimumItems: 5,
                                         lingerMilliseconds: 20, audit: Self.context) == nil)
        }
    }

    @Test("queries to every bank complete in order, each when the slowest bank has answered it")
    func completionFollowsTheSlowestBank() async throws {
        try await StoreFixture.with(.sqlite) { fixture in
            let clock = ManualClock()
            let core = try await HubCoreTests.core(fixture, clock: clock)
            for index in 1...3 {
                _ = try await core.submit(HubCoreTests.submission("Q-\(index)", targets: .everyBank), audit: Self.context)
            }
            let store = try await fixture.open()
            // ICBC answers all three; CCB answers the first, then the other two.
            try await Self.answerNoAccount(core, bank: "bank:ICBC", maximumItems: 3)
            #expect(try await Self.completed(store) == [])
            try await Self.answerNoAccount(core, bank: "bank:CCB", maximumItems: 1)
            #expect(try await Self.completed(store) == ["Q-1"])
            try await Self.answerNoAccount(core, bank: "bank:CCB", maximumItems: 2)
            #expect(try await Self.completed(store) == ["Q-1", "Q-2", "Q-3"])
            #expect(try await store.noAccountAdapters(sequence: 2) == ["bank:CCB", "bank:ICBC"])
        }
    }

    static func answerNoAccount(_ core: HubCore, bank: String, maximumItems: Int) async throws {
        let lease = try #require(try await core.lease(adapterID: bank, maximumItems: maximumItems, waitMilliseconds: 0, audit: context))
        #expect(lease.items.count == maximumItems)
        let answers = lease.items.map {
            AnswerSubmission(item: $0.item, leaseNumber: lease.leaseNumber, outcome: AnswerSubmission.noAccountFound, body: [], sealJSON: "{}")
        }
        #expect(try await core.answer(adapterID: bank, answers: answers, audit: context) == answers.map { _ in .accepted })
    }

    static func completed(_ store: any Store) async throws -> [String] {
        try await store.resultEvents(court: "京0105", after: 0, limit: 100).filter { $0.event == "completed" }.map(\.instructionID)
    }
}
