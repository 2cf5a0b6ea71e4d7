import Foundation
import QueryHub
import Testing

/// Later police events in the core, without HTTP: stored once however often and however
/// concurrently they arrive, announced once, and refused for a released measure (R-G4 … R-G6).
@Suite("Police events in the core")
struct HubCoreEventTests {
    static let policeTarget = Submission.Targets.adapters([.init(adapterID: "police:MPS", orderingKey: nil, routeJSON: "{}")])

    static func measure(_ id: String, kind: String = "police.seizeVehicle") -> Submission {
        var submission = HubCoreTests.submission(id, bytes: "\(kind) \(id)", targets: policeTarget)
        submission.kind = kind
        return submission
    }

    static func event(_ id: String, _ text: String) -> EventSubmission {
        EventSubmission(court: "京0105", instructionID: id, body: Array(text.utf8), sealJSON: "{}")
    }

    @Test("R-G4: the same event posted eight times at once is stored and announced once", arguments: StoreFixture.available)
    func concurrentRepeats(store: StoreFixture.Kind) async throws { try await StoreFixture.with(store, Self.concurrentRepeats) }

    static func concurrentRepeats(_ fixture: StoreFixture) async throws {
        let core = try await HubCoreTests.core(fixture, clock: ManualClock())
        _ = try await core.submit(measure("S-1"), audit: HubCoreTests.context)
        let results = try await withThrowingTaskGroup(of: [EventResult].self) { group in
            for _ in 1...8 {
                group.addTask {
                    try await core.recordEvents(adapterID: "police:MPS", events: [event("S-1", "seen")], audit: HubCoreTests.context)
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        #expect(results.filter { $0 == .accepted }.count == 1)
        #expect(results.filter { $0 == .repeated }.count == 7)
        let store = try await fixture.open()
        #expect(try await store.events(court: "京0105", instructionID: "S-1").map(\.body) == [Array("seen".utf8)])
        let stream = try await store.resultEvents(court: "京0105", after: 0, limit: 100)
        #expect(stream.filter { $0.event == "event" }.map(\.adapterID) == ["police:MPS"])
        // Another event of the measure, and the first again beside it in one batch.
        let batch = [event("S-1", "seen again"), event("S-1", "seen"), event("S-1", "seen again")]
        #expect(try await core.recordEvents(adapterID: "police:MPS", events: batch, audit: HubCoreTests.context) == [.accepted, .repeated, .repeated])
        #expect(try await store.events(court: "京0105", instructionID: "S-1").count == 2)
    }

    @Test("R-G6: after the court's release is accepted the measure's events are not stored; others still are", arguments: StoreFixture.available)
    func released(store: StoreFixture.Kind) async throws { try await StoreFixture.with(store, Self.released) }

    static func released(_ fixture: StoreFixture) async throws {
        let core = try await HubCoreTests.core(fixture, clock: ManualClock())
        _ = try await core.submit(measure("S-2"), audit: HubCoreTests.context)
        _ = try await core.submit(measure("L-2", kind: "police.locatePerson"), audit: HubCoreTests.context)
        #expect(try await core.recordEvents(adapterID: "police:MPS", events: [event("S-2", "before")], audit: HubCoreTests.context) == [.accepted])
        var release = measure("R-2", kind: "police.release")
        release.releasedInstructionID = "S-2"
        _ = try await core.submit(release, audit: HubCoreTests.context)
        #expect(await core.isReleased(court: "京0105", instructionID: "S-2"))
        #expect(await !core.isReleased(court: "京0105", instructionID: "L-2"))
        let results = try await core.recordEvents(
            adapterID: "police:MPS", events: [event("S-2", "after"), event("L-2", "found")], audit: HubCoreTests.context)
        #expect(results == [.released, .accepted])
        let store = try await fixture.open()
        #expect(try await store.events(court: "京0105", instructionID: "S-2").map(\.body) == [Array("before".utf8)])
        #expect(try await store.events(court: "京0105", instructionID: "L-2").count == 1)
    }
}
