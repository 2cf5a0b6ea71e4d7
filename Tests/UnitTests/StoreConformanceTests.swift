import Foundation
import QueryHub
import Testing

/// The conformance suite every ``Store`` passes. Each scenario is written once, here, and run by
/// one suite per store: ``SQLiteStoreConformanceTests`` always, ``PostgresStoreConformanceTests``
/// when `QUERYHUB_POSTGRES_URL` names a server (CI always sets it).
enum StoreConformance {
    static func instruction(_ id: String, broadcast: Int64? = nil) -> StoredInstruction {
        StoredInstruction(
            court: "京0105", instructionID: id, kind: "bank.freeze", contentHash: Array(repeating: 7, count: 32),
            document: Array("{\"id\":\"\(id)\"}".utf8), sealJSON: "{}", serviceTimeMilliseconds: 1_000,
            broadcastSequence: broadcast, answerJSON: "{}")
    }

    static func roundTrip(_ store: any Store) async throws {
        var changes = StoreChanges()
        changes.instructions = [instruction("F-1"), instruction("Q-1", broadcast: 1)]
        changes.newWorkItems = [
            StoredWorkItem(number: 1, adapterID: "bank:ICBC", court: "京0105", instructionID: "F-1", orderingKey: "K", routeJSON: "{}")
        ]
        changes.leasesGranted = [
            StoredLease(number: 5, adapterID: "bank:ICBC", items: [(.directed(number: 1), 1), (.broadcast(sequence: 1), 1)], expiresAtMilliseconds: 9_000)
        ]
        changes.highestLeaseNumber = 5
        try await store.commit(changes)
        let state = try await store.loadState()
        #expect(state.queuedWorkItems.map(\.number) == [1])
        #expect(state.leases.map(\.number) == [5])
        #expect(state.leases.first?.items.map(\.item) == [.directed(number: 1), .broadcast(sequence: 1)])
        #expect(state.highestBroadcastSequence == 1 && state.highestLeaseNumber == 5)
        #expect(state.broadcastLog.map(\.instructionID) == ["Q-1"])
        #expect(state.instructionCount == 2)
        #expect(try await store.instruction(court: "京0105", instructionID: "F-1") == instruction("F-1"))
        #expect(try await store.broadcastInstruction(sequence: 1)?.instructionID == "Q-1")
        #expect(try await store.workItems(court: "京0105", instructionID: "F-1").map(\.orderingKey) == ["K"])

        // Ending the lease keeps the high-water mark: lease numbers are never reused.
        var end = StoreChanges()
        end.leasesEnded = [5]
        try await store.commit(end)
        #expect(try await store.loadState().highestLeaseNumber == 5)
    }

    static func receiptsAndEvents(_ store: any Store) async throws {
        var changes = StoreChanges()
        changes.instructions = [instruction("F-1")]
        changes.receipts = [
            StoredReceipt(court: "京0105", instructionID: "F-1", adapterID: "bank:ICBC", item: .directed(number: 1), outcome: "done",
                          body: [0, 1, 2, 255], sealJSON: "{\"k\":1}", receivedAtMilliseconds: 7, flaggedReason: "R-B7 amount above the limit"),
            StoredReceipt(court: "京0105", instructionID: "F-1", adapterID: "bank:CCB", item: .directed(number: 2), outcome: "done",
                          body: [], sealJSON: "{}", receivedAtMilliseconds: 8),
        ]
        changes.resultEvents = [
            StoredResultEvent(cursor: 1, court: "京0105", instructionID: "F-1", event: "receipt", adapterID: "bank:ICBC", atMilliseconds: 7),
            StoredResultEvent(cursor: 2, court: "京0105", instructionID: "F-1", event: "completed", adapterID: nil, atMilliseconds: 8),
            StoredResultEvent(cursor: 3, court: "沪0101", instructionID: "X", event: "receipt", adapterID: "bank:CCB", atMilliseconds: 9),
        ]
        try await store.commit(changes)
        let receipts = try await store.receipts(court: "京0105", instructionID: "F-1")
        #expect(receipts.map(\.adapterID) == ["bank:CCB", "bank:ICBC"])  // ordered by adapter
        #expect(receipts.last == changes.receipts[0])  // bytes, seal, flag and null flag all read back exactly
        #expect(try await store.receipt(court: "京0105", instructionID: "F-1", adapterID: "bank:CCB") == changes.receipts[1])
        #expect(try await store.receipt(court: "京0105", instructionID: "F-1", adapterID: "police:MPS") == nil)
        #expect(try await store.resultEvents(court: "京0105", after: 0, limit: 10) == Array(changes.resultEvents.prefix(2)))
        #expect(try await store.resultEvents(court: "京0105", after: 1, limit: 10).map(\.cursor) == [2])
        #expect(try await store.resultEvents(court: "京0105", after: 0, limit: 1).map(\.cursor) == [1])
        #expect(try await store.loadState().highestResultCursor == 3)
    }

    static func atomicity(_ store: any Store) async throws {
        var first = StoreChanges()
        first.instructions = [instruction("A")]
        try await store.commit(first)
        var second = StoreChanges()
        second.instructions = [instruction("B"), instruction("A")]  // "A" again: violates the key
        second.newWorkItems = [StoredWorkItem(number: 1, adapterID: "bank:ICBC", court: "京0105", instructionID: "B", orderingKey: nil, routeJSON: "{}")]
        await #expect(throws: (any Error).self) { try await store.commit(second) }
        #expect(try await store.instruction(court: "京0105", instructionID: "B") == nil)
        #expect(try await store.workItem(number: 1) == nil)
        // The store is usable after a failed commit (its connection was rolled back, not left in a transaction).
        var third = StoreChanges()
        third.instructions = [instruction("B")]
        try await store.commit(third)
        #expect(try await store.loadState().instructionCount == 2)
    }

    static func updatesInOrder(_ store: any Store) async throws {
        var changes = StoreChanges()
        changes.instructions = [instruction("F-1")]
        changes.newWorkItems = [1, 2].map {
            StoredWorkItem(number: $0, adapterID: "bank:ICBC", court: "京0105", instructionID: "F-1", orderingKey: nil, routeJSON: "{}")
        }
        changes.leasesGranted = [StoredLease(number: 1, adapterID: "bank:ICBC", items: [(.directed(number: 1), 1)], expiresAtMilliseconds: 100)]
        try await store.commit(changes)
        var updates = StoreChanges()
        updates.workItemUpdates = [(1, .answered, 1), (2, .deadLettered, 3), (1, .queued, 2)]  // item 1 twice: the later wins
        updates.leasesExtended = [(1, 200), (1, 300)]
        try await store.commit(updates)
        #expect(try await store.workItem(number: 1).map { [$0.state.rawValue, "\($0.attempts)"] } == ["queued", "2"])
        #expect(try await store.workItem(number: 2).map { [$0.state.rawValue, "\($0.attempts)"] } == ["deadLettered", "3"])
        #expect(try await store.loadState().leases.map(\.expiresAtMilliseconds) == [300])
        // An update of an item that does not exist is refused, and nothing of its commit stays.
        var missing = StoreChanges()
        missing.workItemUpdates = [(2, .answered, 4), (9, .answered, 1)]
        await #expect(throws: StoreError.corrupt("work item 9 missing")) { try await store.commit(missing) }
        #expect(try await store.workItem(number: 2)?.state == .deadLettered)
    }

    static func compactAnswers(_ store: any Store) async throws {
        var changes = StoreChanges()
        changes.instructions = (1...3).map { instruction("Q-\($0)", broadcast: Int64($0)) }
        changes.broadcastAnswerRanges = [
            StoredBroadcastAnswerRange(adapterID: "bank:ICBC", firstSequence: 1, lastSequence: 3, receivedAtMilliseconds: 5, sealJSON: "{}"),
            StoredBroadcastAnswerRange(adapterID: "bank:CCB", firstSequence: 2, lastSequence: 2, receivedAtMilliseconds: 5, sealJSON: "{}"),
        ]
        changes.broadcastWatermarks = ["bank:ICBC": 3, "bank:CCB": 0]
        changes.receipts = [
            StoredReceipt(court: "京0105", instructionID: "Q-3", adapterID: "bank:CCB", item: .broadcast(sequence: 3), outcome: "done",
                          body: [1], sealJSON: "{}", receivedAtMilliseconds: 6)
        ]
        try await store.commit(changes)
        #expect(try await store.broadcastAnswers(sequence: 2).map(\.adapterID) == ["bank:CCB", "bank:ICBC"])
        #expect(try await store.broadcastAnswers(sequence: 3).map(\.adapterID) == ["bank:ICBC"])
        #expect(try await store.noAccountAdapters(sequence: 2) == ["bank:CCB", "bank:ICBC"])
        #expect(try await store.noAccountAdapters(sequence: 4) == [])
        // One seek per adapter: the range that holds the entry, not one that merely starts below it.
        #expect(try await store.hasNoAccountAnswer(adapterID: "bank:ICBC", sequence: 3))
        #expect(try await store.hasNoAccountAnswer(adapterID: "bank:CCB", sequence: 2))
        #expect(try await !store.hasNoAccountAnswer(adapterID: "bank:CCB", sequence: 3))  // a found-account receipt
        #expect(try await !store.hasNoAccountAnswer(adapterID: "bank:CCB", sequence: 1))
        #expect(try await !store.hasNoAccountAnswer(adapterID: "bank:ABC", sequence: 2))
        let state = try await store.loadState()
        #expect(state.broadcastAnsweredAbove["bank:CCB"] == [2, 3])  // a no-account range and a found-account receipt
        #expect(state.broadcastAnsweredAbove["bank:ICBC"] == nil)
        #expect(state.broadcastWatermarks == ["bank:ICBC": 3, "bank:CCB": 0])
        #expect(state.broadcastLog.map(\.sequence) == [1, 2, 3])  // read from the lowest watermark on
        // A watermark never moves back.
        var lower = StoreChanges()
        lower.broadcastWatermarks = ["bank:ICBC": 1, "bank:CCB": 2]
        try await store.commit(lower)
        #expect(try await store.loadState().broadcastWatermarks == ["bank:ICBC": 3, "bank:CCB": 2])
    }

    /// A query to every bank fans out: one group commit may hold thousands of rows per table,
    /// more than one statement carries in the PostgreSQL store.
    static func largeGroupCommit(_ store: any Store) async throws {
        let count = 12_001
        var changes = StoreChanges()
        changes.instructions = [instruction("F-1")]
        changes.newWorkItems = (1...Int64(count)).map {
            StoredWorkItem(number: $0, adapterID: "bank:B\($0)", court: "京0105", instructionID: "F-1",
                           orderingKey: $0.isMultiple(of: 2) ? nil : "K\($0)", routeJSON: "{}")
        }
        changes.broadcastAnswerRanges = (1...Int64(count)).map {
            StoredBroadcastAnswerRange(adapterID: "bank:B\($0)", firstSequence: 1, lastSequence: 1, receivedAtMilliseconds: $0, sealJSON: "{}")
        }
        try await store.commit(changes)
        let items = try await store.workItems(court: "京0105", instructionID: "F-1")
        #expect(items == changes.newWorkItems)
        #expect(try await store.broadcastAnswers(sequence: 1).count == count)
        #expect(try await store.loadState().highestWorkItemNumber == Int64(count))
    }

    static func policeInstruction(_ id: String, kind: String, court: String = "京0105", document: String? = nil) -> StoredInstruction {
        var stored = instruction(id)
        stored.court = court
        stored.kind = kind
        stored.document = Array((document ?? "{\"id\":\"\(id)\"}").utf8)
        return stored
    }

    static func event(_ id: String, hash: UInt8, cursor: Int64, adapter: String = "police:MPS", court: String = "京0105") -> StoredEvent {
        StoredEvent(court: court, instructionID: id, adapterID: adapter, eventHash: Array(repeating: hash, count: 32),
                    body: [hash, 0, 255], sealJSON: "{\"seal\":\(hash)}", receivedAtMilliseconds: 100 * cursor, cursor: cursor)
    }

    /// R-G4, R-G5: later events of a measure read back oldest first, per measure; an identical
    /// repeat (same court, measure, adapter and hash) changes nothing. R-G6: a restart learns the
    /// measures accepted releases name.
    static func laterEvents(_ store: any Store) async throws {
        var changes = StoreChanges()
        changes.instructions = [
            policeInstruction("S-1", kind: "police.seizeVehicle"), policeInstruction("L-1", kind: "police.locatePerson"),
            policeInstruction("S-1", kind: "police.seizeVehicle", court: "沪0101"),
            policeInstruction("R-1", kind: "police.release", document: #"{"kind":"police.release","releasedInstructionId":"S-1"}"#),
        ]
        changes.events = [event("S-1", hash: 1, cursor: 1), event("L-1", hash: 2, cursor: 2), event("S-1", hash: 3, cursor: 3, court: "沪0101")]
        try await store.commit(changes)
        var later = StoreChanges()
        // The first again under a new cursor (an identical repeat), then a new one, in the same commit.
        later.events = [event("S-1", hash: 1, cursor: 4), event("S-1", hash: 5, cursor: 5), event("S-1", hash: 1, cursor: 6, adapter: "police:GA")]
        try await store.commit(later)
        #expect(try await store.events(court: "京0105", instructionID: "S-1") == [
            event("S-1", hash: 1, cursor: 1), event("S-1", hash: 5, cursor: 5), event("S-1", hash: 1, cursor: 6, adapter: "police:GA"),
        ])
        #expect(try await store.events(court: "京0105", instructionID: "L-1") == [event("L-1", hash: 2, cursor: 2)])
        #expect(try await store.events(court: "沪0101", instructionID: "S-1").map(\.cursor) == [3])
        #expect(try await store.events(court: "京0105", instructionID: "R-1").isEmpty)
        // An event of an instruction the store does not hold is refused, and nothing of its commit stays.
        var orphan = StoreChanges()
        orphan.events = [event("L-1", hash: 7, cursor: 7), event("X-9", hash: 8, cursor: 8)]
        await #expect(throws: (any Error).self) { try await store.commit(orphan) }
        #expect(try await store.events(court: "京0105", instructionID: "L-1").count == 1)
        let released = try await store.loadState().releasedMeasures
        #expect(released.map { "\($0.court)/\($0.instructionID)" } == ["京0105/S-1"])
    }

    static func auditChain(_ store: any Store) async throws {
        var chain = AuditChain(continuingAfter: nil)
        var changes = StoreChanges()
        for index in 1...5 {
            changes.auditEntries.append(
                chain.append(atMilliseconds: Int64(index), principal: "court:京0105", certificateFingerprint: "ab",
                             clientAddress: "127.0.0.1:1", action: "submit", outcome: "accepted",
                             instructionID: index == 3 ? nil : "I\(index)", detail: ""))
        }
        try await store.commit(changes)
        let entries = try await store.auditEntries(after: 0, limit: 100)
        #expect(entries == changes.auditEntries)
        #expect(try await store.auditEntries(after: 2, limit: 2).map(\.sequence) == [3, 4])
        #expect(try await store.loadState().lastAuditEntry == changes.auditEntries.last)
        #expect(AuditChain.firstBreak(in: entries, after: nil) == nil)
        var tampered = entries
        tampered[2].detail = "changed"
        #expect(AuditChain.firstBreak(in: tampered, after: nil) == .hashMismatch(sequence: 3))
        // A gap in sequence numbers is refused by the store itself.
        var gap = StoreChanges()
        var skipped = chain.append(atMilliseconds: 9, principal: "p", certificateFingerprint: "", clientAddress: "",
                                   action: "a", outcome: "o", instructionID: nil, detail: "")
        skipped.sequence += 1
        gap.auditEntries = [skipped]
        await #expect(throws: StoreError.auditChainGap(expected: 6, got: 7)) { try await store.commit(gap) }
    }
}

@Suite("Store conformance: SQLite")
struct SQLiteStoreConformanceTests {
    @Test("SQLite runs with synchronous = FULL, so a commit is durable before it returns")
    func durability() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try SQLiteStore(path: directory.appendingPathComponent("hub.sqlite").path)
        #expect(try store.synchronousLevel() == 2)
    }

    @Test("what is committed reads back, and a restart sees queued items, leases and counters")
    func roundTrip() async throws { try await StoreFixture.withStore(.sqlite, StoreConformance.roundTrip) }

    @Test("receipts (bytes, seals, flags) and result events read back exactly, per court and after a cursor")
    func receiptsAndEvents() async throws { try await StoreFixture.withStore(.sqlite, StoreConformance.receiptsAndEvents) }

    @Test("a failing commit leaves nothing behind: one transaction per group commit")
    func atomicity() async throws { try await StoreFixture.withStore(.sqlite, StoreConformance.atomicity) }

    @Test("later changes to a row in one commit win; an update of a missing item is refused")
    func updatesInOrder() async throws { try await StoreFixture.withStore(.sqlite, StoreConformance.updatesInOrder) }

    @Test("no-account answers are stored as ranges and found per broadcast entry")
    func compactAnswers() async throws { try await StoreFixture.withStore(.sqlite, StoreConformance.compactAnswers) }

    @Test("a fan-out group commit of 12,001 rows per table commits and reads back")
    func largeGroupCommit() async throws { try await StoreFixture.withStore(.sqlite, StoreConformance.largeGroupCommit) }

    @Test("R-G9: the audit log is append-only and its chain verifies; a changed entry is named")
    func auditChain() async throws { try await StoreFixture.withStore(.sqlite, StoreConformance.auditChain) }

    @Test("R-G4, R-G5, R-G6: police events read back oldest first per measure, a repeat is a no-op, releases survive a restart")
    func laterEvents() async throws { try await StoreFixture.withStore(.sqlite, StoreConformance.laterEvents) }
}

/// The same scenarios against PostgreSQL. Without `QUERYHUB_POSTGRES_URL` these are reported as
/// skipped (not passed): `.ci/run` starts a throwaway server and sets the variable.
@Suite("Store conformance: PostgreSQL",
       .enabled(if: StoreFixture.postgresURL != nil, "QUERYHUB_POSTGRES_URL is not set; .ci/run starts PostgreSQL and sets it"))
struct PostgresStoreConformanceTests {
    @Test("what is committed reads back, and a restart sees queued items, leases and counters")
    func roundTrip() async throws { try await StoreFixture.withStore(.postgres, StoreConformance.roundTrip) }

    @Test("receipts (bytes, seals, flags) and result events read back exactly, per court and after a cursor")
    func receiptsAndEvents() async throws { try await StoreFixture.withStore(.postgres, StoreConformance.receiptsAndEvents) }

    @Test("a failing commit leaves nothing behind: one transaction per group commit")
    func atomicity() async throws { try await StoreFixture.withStore(.postgres, StoreConformance.atomicity) }

    @Test("later changes to a row in one commit win; an update of a missing item is refused")
    func updatesInOrder() async throws { try await StoreFixture.withStore(.postgres, StoreConformance.updatesInOrder) }

    @Test("no-account answers are stored as ranges and found per broadcast entry")
    func compactAnswers() async throws { try await StoreFixture.withStore(.postgres, StoreConformance.compactAnswers) }

    @Test("a fan-out group commit of 12,001 rows per table commits and reads back")
    func largeGroupCommit() async throws { try await StoreFixture.withStore(.postgres, StoreConformance.largeGroupCommit) }

    @Test("R-G9: the audit log is append-only and its chain verifies; a changed entry is named")
    func auditChain() async throws { try await StoreFixture.withStore(.postgres, StoreConformance.auditChain) }

    @Test("R-G4, R-G5, R-G6: police events read back oldest first per measure, a repeat is a no-op, releases survive a restart")
    func laterEvents() async throws { try await StoreFixture.withStore(.postgres, StoreConformance.laterEvents) }
}
