import Foundation
import QueryHub
import Testing

/// The conformance suite every ``Store`` passes. Each test runs against every store available
/// here (SQLite always; PostgreSQL where configured).
@Suite("Store conformance")
struct StoreConformanceTests {
    static func stores() throws -> [(name: String, store: any Store)] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return [("sqlite", try SQLiteStore(path: directory.appendingPathComponent("hub.sqlite").path))]
    }

    static func instruction(_ id: String, broadcast: Int64? = nil) -> StoredInstruction {
        StoredInstruction(
            court: "京0105", instructionID: id, kind: "bank.freeze", contentHash: Array(repeating: 7, count: 32),
            document: Array("{\"id\":\"\(id)\"}".utf8), sealJSON: "{}", serviceTimeMilliseconds: 1_000,
            broadcastSequence: broadcast, answerJSON: "{}")
    }

    @Test("SQLite runs with synchronous = FULL, so a commit is durable before it returns")
    func durability() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let store = try SQLiteStore(path: directory.appendingPathComponent("hub.sqlite").path)
        #expect(try store.synchronousLevel() == 2)
    }

    @Test("what is committed reads back, and a restart sees queued items, leases and counters")
    func roundTrip() async throws {
        for (name, store) in try Self.stores() {
            var changes = StoreChanges()
            changes.instructions = [Self.instruction("F-1"), Self.instruction("Q-1", broadcast: 1)]
            changes.newWorkItems = [
                StoredWorkItem(number: 1, adapterID: "bank:ICBC", court: "京0105", instructionID: "F-1", orderingKey: "K", routeJSON: "{}")
            ]
            changes.leasesGranted = [
                StoredLease(number: 5, adapterID: "bank:ICBC", items: [(.directed(number: 1), 1), (.broadcast(sequence: 1), 1)], expiresAtMilliseconds: 9_000)
            ]
            changes.highestLeaseNumber = 5
            try await store.commit(changes)
            let state = try await store.loadState()
            #expect(state.queuedWorkItems.map(\.number) == [1], "\(name)")
            #expect(state.leases.map(\.number) == [5], "\(name)")
            #expect(state.leases.first?.items.map(\.item) == [.directed(number: 1), .broadcast(sequence: 1)], "\(name)")
            #expect(state.highestBroadcastSequence == 1 && state.highestLeaseNumber == 5, "\(name)")
            #expect(try await store.instruction(court: "京0105", instructionID: "F-1") == Self.instruction("F-1"), "\(name)")
            #expect(try await store.broadcastInstruction(sequence: 1)?.instructionID == "Q-1", "\(name)")

            // Ending the lease keeps the high-water mark: lease numbers are never reused.
            var end = StoreChanges()
            end.leasesEnded = [5]
            try await store.commit(end)
            #expect(try await store.loadState().highestLeaseNumber == 5, "\(name)")
        }
    }

    @Test("a failing commit leaves nothing behind: one transaction per group commit")
    func atomicity() async throws {
        for (name, store) in try Self.stores() {
            var first = StoreChanges()
            first.instructions = [Self.instruction("A")]
            try await store.commit(first)
            var second = StoreChanges()
            second.instructions = [Self.instruction("B"), Self.instruction("A")]  // "A" again: violates the key
            await #expect(throws: (any Error).self, "\(name)") { try await store.commit(second) }
            #expect(try await store.instruction(court: "京0105", instructionID: "B") == nil, "\(name)")
        }
    }

    @Test("no-account answers are stored as ranges and found per broadcast entry")
    func compactAnswers() async throws {
        for (name, store) in try Self.stores() {
            var changes = StoreChanges()
            changes.instructions = (1...3).map { Self.instruction("Q-\($0)", broadcast: Int64($0)) }
            changes.broadcastAnswerRanges = [
                StoredBroadcastAnswerRange(adapterID: "bank:ICBC", firstSequence: 1, lastSequence: 3, receivedAtMilliseconds: 5, sealJSON: "{}"),
                StoredBroadcastAnswerRange(adapterID: "bank:CCB", firstSequence: 2, lastSequence: 2, receivedAtMilliseconds: 5, sealJSON: "{}"),
            ]
            changes.broadcastWatermarks = ["bank:ICBC": 3, "bank:CCB": 0]
            try await store.commit(changes)
            #expect(try await store.broadcastAnswers(sequence: 2).map(\.adapterID) == ["bank:CCB", "bank:ICBC"], "\(name)")
            #expect(try await store.broadcastAnswers(sequence: 3).map(\.adapterID) == ["bank:ICBC"], "\(name)")
            let state = try await store.loadState()
            #expect(state.broadcastAnsweredAbove["bank:CCB"] == [2], "\(name)")
            #expect(state.broadcastWatermarks == ["bank:ICBC": 3, "bank:CCB": 0], "\(name)")
        }
    }

    @Test("R-G9: the audit log is append-only and its chain verifies; a changed entry is named")
    func auditChain() async throws {
        for (name, store) in try Self.stores() {
            var chain = AuditChain(continuingAfter: nil)
            var changes = StoreChanges()
            for index in 1...5 {
                changes.auditEntries.append(
                    chain.append(atMilliseconds: Int64(index), principal: "court:京0105", certificateFingerprint: "ab",
                                 clientAddress: "127.0.0.1:1", action: "submit", outcome: "accepted", instructionID: "I\(index)", detail: ""))
            }
            try await store.commit(changes)
            let entries = try await store.auditEntries(after: 0, limit: 100)
            #expect(entries.count == 5, "\(name)")
            #expect(AuditChain.firstBreak(in: entries, after: nil) == nil, "\(name)")
            var tampered = entries
            tampered[2].detail = "changed"
            #expect(AuditChain.firstBreak(in: tampered, after: nil) == .hashMismatch(sequence: 3), "\(name)")
            // A gap in sequence numbers is refused by the store itself.
            var gap = StoreChanges()
            var skipped = chain.append(atMilliseconds: 9, principal: "p", certificateFingerprint: "", clientAddress: "",
                                       action: "a", outcome: "o", instructionID: nil, detail: "")
            skipped.sequence += 1
            gap.auditEntries = [skipped]
            await #expect(throws: StoreError.self, "\(name)") { try await store.commit(gap) }
        }
    }
}
