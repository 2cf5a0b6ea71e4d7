import Foundation
import Logging
import QueryHub
import Synchronization
import Testing

/// A clock the test moves by hand.
final class ManualClock: Sendable {
    private let now: Mutex<Int64>
    init(milliseconds: Int64 = 1_800_000_000_000) { now = Mutex(milliseconds) }
    var milliseconds: Int64 { now.withLock { $0 } }
    func advance(by milliseconds: Int64) { now.withLock { $0 += milliseconds } }
}

/// Every scenario runs over SQLite, and over PostgreSQL when `QUERYHUB_POSTGRES_URL` is set.
@Suite("Hub core over a real store")
struct HubCoreTests {
    static let context = AuditContext(principal: "court:京0105", certificateFingerprint: "00", clientAddress: "127.0.0.1:1")
    static let adapters: [(id: String, readsBroadcasts: Bool)] = [("bank:ICBC", true), ("bank:CCB", true), ("police:MPS", false)]

    static func core(_ fixture: StoreFixture, clock: ManualClock) async throws -> HubCore {
        var limits = HubCore.Limits()
        limits.leaseMilliseconds = 1_000
        limits.queue = AdapterQueue.Limits(maximumAttempts: 3, maximumQueuedItems: 100, maximumLeases: 8)
        let core = HubCore(store: try await fixture.open(), broadcastAdapters: [], limits: limits,
                           logger: Logger(label: "test"), clock: { clock.milliseconds })
        try await core.restore(adapters: adapters)
        return core
    }

    static func submission(_ id: String, bytes: String = "doc", targets: Submission.Targets) -> Submission {
        Submission(court: "京0105", instructionID: id, kind: "bank.freeze", contentHash: Array(SHA256Bytes.of(bytes)),
                   document: Array(bytes.utf8), sealJSON: "{}", targets: targets)
    }

    static let freezeTarget = Submission.Targets.adapters([.init(adapterID: "bank:ICBC", orderingKey: "ICBC/6222/CNY", routeJSON: "{}")])

    @Test("accept, lease, answer: the court's instruction completes once; a repeat returns the first answer; other bytes conflict",
          arguments: StoreFixture.available)
    func lifecycle(store: StoreFixture.Kind) async throws { try await StoreFixture.with(store, Self.lifecycle) }

    static func lifecycle(_ fixture: StoreFixture) async throws {
        let clock = ManualClock()
        let core = try await Self.core(fixture, clock: clock)
        guard case .accepted(let answer) = try await core.submit(Self.submission("F-1", targets: Self.freezeTarget), audit: Self.context) else {
            Issue.record("not accepted"); return
        }
        #expect(answer.contains("\"id\":\"F-1\""))
        #expect(try await core.submit(Self.submission("F-1", targets: Self.freezeTarget), audit: Self.context) == .repeated(answerJSON: answer))
        #expect(try await core.submit(Self.submission("F-1", bytes: "other", targets: Self.freezeTarget), audit: Self.context) == .conflict)

        let lease = try #require(try await core.lease(adapterID: "bank:ICBC", maximumItems: 10, waitMilliseconds: 0, audit: Self.context))
        #expect(lease.items.map(\.instructionID) == ["F-1"])
        #expect(lease.items.first?.document == Array("doc".utf8))
        let receipt = AnswerSubmission(item: lease.items[0].item, leaseNumber: lease.leaseNumber, outcome: "done", body: [1, 2], sealJSON: "{}")
        #expect(try await core.answer(adapterID: "bank:ICBC", answers: [receipt], audit: Self.context) == [.accepted])
        // An identical repeat changes nothing; a different answer for the same item conflicts.
        #expect(try await core.answer(adapterID: "bank:ICBC", answers: [receipt], audit: Self.context) == [.repeated])
        var different = receipt
        different.body = [9]
        #expect(try await core.answer(adapterID: "bank:ICBC", answers: [different], audit: Self.context) == [.conflict])
    }

    @Test("a bank cannot answer another bank's item", arguments: StoreFixture.available)
    func isolation(store: StoreFixture.Kind) async throws { try await StoreFixture.with(store, Self.isolation) }

    static func isolation(_ fixture: StoreFixture) async throws {
        let clock = ManualClock()
        let core = try await Self.core(fixture, clock: clock)
        _ = try await core.submit(Self.submission("F-2", targets: Self.freezeTarget), audit: Self.context)
        let lease = try #require(try await core.lease(adapterID: "bank:ICBC", maximumItems: 10, waitMilliseconds: 0, audit: Self.context))
        let stolen = AnswerSubmission(item: lease.items[0].item, leaseNumber: lease.leaseNumber, outcome: "done", body: [1], sealJSON: "{}")
        #expect(try await core.answer(adapterID: "bank:CCB", answers: [stolen], audit: Self.context) == [.unknownItem])
        #expect(try await core.lease(adapterID: "bank:CCB", maximumItems: 10, waitMilliseconds: 0, audit: Self.context) == nil)
    }

    @Test("a query to every bank is one log entry; it completes when every bank has answered no account",
          arguments: StoreFixture.available)
    func broadcast(store: StoreFixture.Kind) async throws { try await StoreFixture.with(store, Self.broadcast) }

    static func broadcast(_ fixture: StoreFixture) async throws {
        let clock = ManualClock()
        let core = try await Self.core(fixture, clock: clock)
        _ = try await core.submit(Self.submission("Q-1", targets: .everyBank), audit: Self.context)
        for bank in ["bank:ICBC", "bank:CCB"] {
            let lease = try #require(try await core.lease(adapterID: bank, maximumItems: 10, waitMilliseconds: 0, audit: Self.context))
            #expect(lease.items.map(\.item) == [.broadcast(sequence: 1)])
            let answer = AnswerSubmission(item: .broadcast(sequence: 1), leaseNumber: lease.leaseNumber,
                                          outcome: AnswerSubmission.noAccountFound, body: [], sealJSON: "{}")
            #expect(try await core.answer(adapterID: bank, answers: [answer], audit: Self.context) == [.accepted])
        }
        #expect(try await core.lease(adapterID: "police:MPS", maximumItems: 10, waitMilliseconds: 0, audit: Self.context) == nil)
        let store = try await fixture.open()
        let events = try await store.resultEvents(court: "京0105", after: 0, limit: 10)
        #expect(events.map(\.event) == ["completed"])
        #expect(try await store.broadcastAnswers(sequence: 1).count == 2)
    }

    @Test("a restart keeps what was accepted and leased; an expired lease's item comes back; old tokens stay fenced",
          arguments: StoreFixture.available)
    func restart(store: StoreFixture.Kind) async throws { try await StoreFixture.with(store, Self.restart) }

    static func restart(_ fixture: StoreFixture) async throws {
        let clock = ManualClock()
        var leaseNumber: Int64 = 0
        do {
            let core = try await Self.core(fixture, clock: clock)
            _ = try await core.submit(Self.submission("F-3", targets: Self.freezeTarget), audit: Self.context)
            let lease = try #require(try await core.lease(adapterID: "bank:ICBC", maximumItems: 10, waitMilliseconds: 0, audit: Self.context))
            leaseNumber = lease.leaseNumber
        }
        clock.advance(by: 5_000)  // the lease expires while the hub is down
        let core = try await Self.core(fixture, clock: clock)
        let again = try #require(try await core.lease(adapterID: "bank:ICBC", maximumItems: 10, waitMilliseconds: 0, audit: Self.context))
        #expect(again.items.map(\.instructionID) == ["F-3"])
        #expect(again.items.first?.attempt == 2)
        #expect(again.leaseNumber > leaseNumber)
        let late = AnswerSubmission(item: again.items[0].item, leaseNumber: leaseNumber, outcome: "done", body: [1], sealJSON: "{}")
        #expect(try await core.answer(adapterID: "bank:ICBC", answers: [late], audit: Self.context)
                == [.refused(.leaseNotHeld(leaseNumber: leaseNumber))])
        #expect(try await core.submit(Self.submission("F-3", targets: Self.freezeTarget), audit: Self.context) != .conflict)
    }

    @Test("R-G9: every submission, lease and receipt is in the audit chain, which verifies", arguments: StoreFixture.available)
    func auditTrail(store: StoreFixture.Kind) async throws { try await StoreFixture.with(store, Self.auditTrail) }

    static func auditTrail(_ fixture: StoreFixture) async throws {
        let clock = ManualClock()
        let core = try await Self.core(fixture, clock: clock)
        _ = try await core.submit(Self.submission("F-4", targets: Self.freezeTarget), audit: Self.context)
        _ = try await core.lease(adapterID: "bank:ICBC", maximumItems: 10, waitMilliseconds: 0, audit: Self.context)
        let entries = try await fixture.open().auditEntries(after: 0, limit: 100)
        #expect(entries.map(\.action) == ["submit bank.freeze", "lease"])
        #expect(entries.allSatisfy { $0.principal == "court:京0105" && $0.clientAddress == "127.0.0.1:1" })
        #expect(AuditChain.firstBreak(in: entries, after: nil) == nil)
    }
}

import Crypto

enum SHA256Bytes {
    static func of(_ text: String) -> [UInt8] { Array(SHA256.hash(data: Array(text.utf8))) }
}
