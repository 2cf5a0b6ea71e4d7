import Foundation
import QueryHub
import Testing

/// Range answers as the core records them: the API checks a `bank.noAccountFoundRange` once and
/// hands the core one "no account found" per item of the range; the core must record them as the
/// per-item answers are recorded (one stored range, the same watermark) and judge each item alone.
@Suite("Hub core: range answers")
struct HubCoreRangeTests {
    static let context = HubCoreTests.context

    /// The answers the API hands the core for the range `first…last` under `lease`.
    static func range(_ sequences: ClosedRange<Int64>, lease: Int64, body: [UInt8] = Array("range".utf8)) -> [AnswerSubmission] {
        sequences.map {
            AnswerSubmission(item: .broadcast(sequence: $0), leaseNumber: lease, outcome: AnswerSubmission.noAccountFound, body: body,
                             sealJSON: "{\"range\":true}")
        }
    }

    /// A core with three queries to every bank, and ICBC's lease of all three.
    static func threeQueries(_ fixture: StoreFixture, clock: ManualClock) async throws -> (HubCore, Int64) {
        let core = try await HubCoreTests.core(fixture, clock: clock)
        for id in ["Q-1", "Q-2", "Q-3"] {
            _ = try await core.submit(HubCoreTests.submission(id, targets: .everyBank), audit: Self.context)
        }
        let lease = try #require(try await core.lease(adapterID: "bank:ICBC", maximumItems: 10, waitMilliseconds: 0, audit: Self.context))
        #expect(lease.items.map(\.item) == (1...3).map { .broadcast(sequence: $0) })
        return (core, lease.leaseNumber)
    }

    @Test("R-B8: a range of three queries is stored as one no-account range, and each court sees the bank under noAccountFound",
          arguments: StoreFixture.available)
    func recorded(store: StoreFixture.Kind) async throws { try await StoreFixture.with(store, Self.recorded) }

    static func recorded(_ fixture: StoreFixture) async throws {
        let (core, lease) = try await threeQueries(fixture, clock: ManualClock())
        #expect(try await core.answer(adapterID: "bank:ICBC", answers: range(1...3, lease: lease), audit: Self.context)
            == [.accepted, .accepted, .accepted])
        let store = try await fixture.open()
        for sequence: Int64 in 1...3 {
            let ranges = try await store.broadcastAnswers(sequence: sequence)
            #expect(ranges.map(\.adapterID) == ["bank:ICBC"])
            #expect(ranges.map(\.firstSequence) == [1] && ranges.map(\.lastSequence) == [3], "one row for the whole range")
            #expect(try await store.noAccountAdapters(sequence: sequence) == ["bank:ICBC"])
        }
        // The same range again: every item repeated, nothing changes.
        #expect(try await core.answer(adapterID: "bank:ICBC", answers: range(1...3, lease: lease), audit: Self.context)
            == [.repeated, .repeated, .repeated])
        #expect(try await store.broadcastAnswers(sequence: 2).count == 1)
    }

    @Test("R-B8: a range overlapping answered items: those are repeated (or conflict when answered otherwise), the rest taken",
          arguments: StoreFixture.available)
    func overlap(store: StoreFixture.Kind) async throws { try await StoreFixture.with(store, Self.overlap) }

    static func overlap(_ fixture: StoreFixture) async throws {
        let (core, lease) = try await threeQueries(fixture, clock: ManualClock())
        #expect(try await core.answer(adapterID: "bank:ICBC", answers: range(1...1, lease: lease), audit: Self.context) == [.accepted])
        let found = AnswerSubmission(item: .broadcast(sequence: 2), leaseNumber: lease, outcome: "done", body: [7], sealJSON: "{}")
        #expect(try await core.answer(adapterID: "bank:ICBC", answers: [found], audit: Self.context) == [.accepted])
        #expect(try await core.answer(adapterID: "bank:ICBC", answers: range(1...3, lease: lease), audit: Self.context)
            == [.repeated, .conflict, .accepted])
        let store = try await fixture.open()
        #expect(try await store.noAccountAdapters(sequence: 2) == [], "the query result stands")
        #expect(try await store.noAccountAdapters(sequence: 3) == ["bank:ICBC"])
    }

    @Test("a range under another bank's lease, or under an expired one, records nothing and every item comes again",
          arguments: StoreFixture.available)
    func fenced(store: StoreFixture.Kind) async throws { try await StoreFixture.with(store, Self.fenced) }

    static func fenced(_ fixture: StoreFixture) async throws {
        let clock = ManualClock()
        let (core, lease) = try await threeQueries(fixture, clock: clock)
        let ccb = try #require(try await core.lease(adapterID: "bank:CCB", maximumItems: 10, waitMilliseconds: 0, audit: Self.context))
        let foreign = try await core.answer(adapterID: "bank:ICBC", answers: range(1...3, lease: ccb.leaseNumber), audit: Self.context)
        #expect(foreign.allSatisfy { if case .refused = $0 { true } else { false } }, "\(foreign)")
        clock.advance(by: 1_500)  // past the 1 s lease
        let late = try await core.answer(adapterID: "bank:ICBC", answers: range(1...3, lease: lease), audit: Self.context)
        #expect(late.allSatisfy { if case .refused = $0 { true } else { false } }, "\(late)")
        let store = try await fixture.open()
        for sequence: Int64 in 1...3 { #expect(try await store.noAccountAdapters(sequence: sequence) == []) }
        let again = try #require(try await core.lease(adapterID: "bank:ICBC", maximumItems: 10, waitMilliseconds: 0, audit: Self.context))
        #expect(again.items.map(\.item) == (1...3).map { .broadcast(sequence: $0) })
        #expect(again.items.allSatisfy { $0.attempt == 2 })
    }
}
