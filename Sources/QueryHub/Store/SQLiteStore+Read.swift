import Foundation
import GRDB

extension SQLiteStore {
    public func loadState() async throws -> StoreState {
        try await pool.read { database in
            var state = StoreState()
            state.queuedWorkItems = try Row.fetchAll(
                database, sql: "SELECT * FROM work_items WHERE state = 'queued' ORDER BY number"
            ).map(SQLiteStore.workItem(from:))
            state.leases = try Row.fetchAll(database, sql: "SELECT * FROM leases ORDER BY number").map(SQLiteStore.lease(from:))
            state.broadcastWatermarks = try Dictionary(
                uniqueKeysWithValues: Row.fetchAll(database, sql: "SELECT adapter, answered_through FROM broadcast_watermarks")
                    .map { ($0["adapter"] as String, $0["answered_through"] as Int64) })
            state.broadcastAnsweredAbove = try SQLiteStore.answeredAbove(state.broadcastWatermarks, in: database)
            let lowestWatermark = state.broadcastWatermarks.values.min() ?? 0
            state.broadcastLog = try Row.fetchAll(
                database,
                sql: "SELECT broadcast_sequence, court, instruction_id FROM instructions WHERE broadcast_sequence > ? ORDER BY broadcast_sequence",
                arguments: [lowestWatermark]
            ).map { ($0["broadcast_sequence"], $0["court"], $0["instruction_id"]) }
            state.highestWorkItemNumber = try Int64.fetchOne(database, sql: "SELECT max(number) FROM work_items") ?? 0
            state.highestLeaseNumber = try SQLiteStore.highestLeaseNumber(in: database)
            state.highestBroadcastSequence = try Int64.fetchOne(database, sql: "SELECT max(broadcast_sequence) FROM instructions") ?? 0
            state.highestResultCursor = try Int64.fetchOne(database, sql: "SELECT max(cursor) FROM result_events") ?? 0
            state.lastAuditEntry = try Row.fetchOne(database, sql: "SELECT * FROM audit ORDER BY sequence DESC LIMIT 1")
                .map(SQLiteStore.auditEntry(from:))
            state.instructionCount = try Int64.fetchOne(database, sql: "SELECT count(*) FROM instructions") ?? 0
            state.releasedMeasures = try SQLiteStore.releasedMeasures(in: database)
            return state
        }
    }

    /// Broadcast entries answered above each watermark: found-account receipts and no-account ranges.
    private static func answeredAbove(_ watermarks: [String: Int64], in database: Database) throws -> [String: [Int64]] {
        var result: [String: [Int64]] = [:]
        for (adapter, watermark) in watermarks {
            var sequences: [Int64] = []
            for row in try Row.fetchAll(
                database, sql: "SELECT first_sequence, last_sequence FROM broadcast_answers WHERE adapter = ? AND last_sequence > ?",
                arguments: [adapter, watermark])
            {
                let first: Int64 = row["first_sequence"]
                let last: Int64 = row["last_sequence"]
                sequences += Array(max(first, watermark + 1)...last)
            }
            for item in try String.fetchAll(
                database, sql: "SELECT item FROM receipts WHERE adapter = ? AND item LIKE 'B%'", arguments: [adapter])
            {
                if case .broadcast(let sequence)? = WorkItemID(wire: item), sequence > watermark { sequences.append(sequence) }
            }
            if !sequences.isEmpty { result[adapter] = sequences.sorted() }
        }
        return result
    }

    /// The measures named by accepted police releases. The hub accepted each document only after
    /// decoding it strictly (no duplicate keys), so SQLite's JSON reading finds the same field.
    private static func releasedMeasures(in database: Database) throws -> [(court: String, instructionID: String)] {
        try Row.fetchAll(
            database,
            sql: """
                SELECT court, json_extract(CAST(document AS TEXT), '$.releasedInstructionId') AS released
                FROM instructions WHERE kind = 'police.release' ORDER BY court, instruction_id
                """
        ).map { row in
            guard let released: String = row["released"] else {
                throw StoreError.corrupt("a police.release of \(row["court"] as String) names no releasedInstructionId")
            }
            return (row["court"], released)
        }
    }

    /// Lease numbers are never reused: ended leases are deleted, so the high-water mark is kept
    /// in `counters` as well.
    private static func highestLeaseNumber(in database: Database) throws -> Int64 {
        let counted = try Int64.fetchOne(database, sql: "SELECT value FROM counters WHERE name = 'lease'") ?? 0
        let held = try Int64.fetchOne(database, sql: "SELECT max(number) FROM leases") ?? 0
        return max(counted, held)
    }

    public func instruction(court: String, instructionID: String) async throws -> StoredInstruction? {
        try await pool.read { database in
            try Row.fetchOne(
                database, sql: "SELECT * FROM instructions WHERE court = ? AND instruction_id = ?",
                arguments: [court, instructionID]
            ).map(SQLiteStore.instruction(from:))
        }
    }

    public func broadcastInstruction(sequence: Int64) async throws -> StoredInstruction? {
        try await pool.read { database in
            try Row.fetchOne(database, sql: "SELECT * FROM instructions WHERE broadcast_sequence = ?", arguments: [sequence])
                .map(SQLiteStore.instruction(from:))
        }
    }

    public func workItems(court: String, instructionID: String) async throws -> [StoredWorkItem] {
        try await pool.read { database in
            try Row.fetchAll(
                database, sql: "SELECT * FROM work_items WHERE court = ? AND instruction_id = ? ORDER BY number",
                arguments: [court, instructionID]
            ).map(SQLiteStore.workItem(from:))
        }
    }

    public func workItem(number: Int64) async throws -> StoredWorkItem? {
        try await pool.read { database in
            try Row.fetchOne(database, sql: "SELECT * FROM work_items WHERE number = ?", arguments: [number])
                .map(SQLiteStore.workItem(from:))
        }
    }

    public func receipts(court: String, instructionID: String) async throws -> [StoredReceipt] {
        try await pool.read { database in
            try Row.fetchAll(
                database, sql: "SELECT * FROM receipts WHERE court = ? AND instruction_id = ? ORDER BY adapter",
                arguments: [court, instructionID]
            ).map(SQLiteStore.receipt(from:))
        }
    }

    public func receipt(court: String, instructionID: String, adapterID: String) async throws -> StoredReceipt? {
        try await pool.read { database in
            try Row.fetchOne(
                database, sql: "SELECT * FROM receipts WHERE court = ? AND instruction_id = ? AND adapter = ?",
                arguments: [court, instructionID, adapterID]
            ).map(SQLiteStore.receipt(from:))
        }
    }

    public func broadcastAnswers(sequence: Int64) async throws -> [StoredBroadcastAnswerRange] {
        try await pool.read { database in
            try Row.fetchAll(
                database,
                sql: SQLiteStore.rangesHolding(columns: "answers.adapter, answers.first_sequence, answers.last_sequence, answers.received_ms, answers.seal"),
                arguments: [sequence]
            ).map {
                StoredBroadcastAnswerRange(
                    adapterID: $0[0], firstSequence: $0[1], lastSequence: $0[2], receivedAtMilliseconds: $0[3], sealJSON: $0[4])
            }
        }
    }

    public func noAccountAdapters(sequence: Int64) async throws -> [String] {
        try await pool.read { database in
            try String.fetchAll(database, sql: SQLiteStore.rangesHolding(columns: "answers.adapter"), arguments: [sequence])
        }
    }

    public func hasNoAccountAnswer(adapterID: String, sequence: Int64) async throws -> Bool {
        try await pool.read { database in
            // The adapter's ranges never overlap: only its last range starting at or below `sequence` can hold it.
            let last = try Int64.fetchOne(
                database,
                sql: "SELECT last_sequence FROM broadcast_answers WHERE adapter = ? AND first_sequence <= ? ORDER BY first_sequence DESC LIMIT 1",
                arguments: [adapterID, sequence])
            return (last ?? 0) >= sequence
        }
    }

    /// The ranges that hold sequence `?1`, ordered by adapter. An adapter's ranges never overlap
    /// (it answers an entry once), so the only candidate is its range with the greatest first
    /// sequence not above `?1`: one seek on the primary key (adapter, first_sequence) per adapter,
    /// the adapters walked on the same key (a loose index scan), instead of every range that
    /// starts at or below `?1` (item 4 of BENCHMARKS.md's profile).
    static func rangesHolding(columns: String) -> String {
        """
        WITH RECURSIVE readers(adapter) AS (
            SELECT min(adapter) FROM broadcast_answers
            UNION ALL
            SELECT (SELECT min(adapter) FROM broadcast_answers WHERE adapter > readers.adapter)
            FROM readers WHERE readers.adapter IS NOT NULL
        )
        SELECT \(columns) FROM readers JOIN broadcast_answers AS answers
            ON answers.adapter = readers.adapter
            AND answers.first_sequence = (
                SELECT max(first_sequence) FROM broadcast_answers WHERE adapter = readers.adapter AND first_sequence <= ?1)
        WHERE answers.last_sequence >= ?1
        ORDER BY answers.adapter
        """
    }

    public func resultEvents(court: String, after cursor: Int64, limit: Int) async throws -> [StoredResultEvent] {
        precondition(limit >= 1)
        return try await pool.read { database in
            try Row.fetchAll(
                database, sql: "SELECT * FROM result_events WHERE court = ? AND cursor > ? ORDER BY cursor LIMIT ?",
                arguments: [court, cursor, limit]
            ).map {
                StoredResultEvent(
                    cursor: $0["cursor"], court: $0["court"], instructionID: $0["instruction_id"], event: $0["event"],
                    adapterID: $0["adapter"], atMilliseconds: $0["at_ms"])
            }
        }
    }

    public func events(court: String, instructionID: String) async throws -> [StoredEvent] {
        try await pool.read { database in
            try Row.fetchAll(
                database, sql: "SELECT * FROM events WHERE court = ? AND instruction_id = ? ORDER BY cursor",
                arguments: [court, instructionID]
            ).map {
                StoredEvent(
                    court: $0["court"], instructionID: $0["instruction_id"], adapterID: $0["adapter"],
                    eventHash: [UInt8]($0["event_hash"] as Data), body: [UInt8]($0["body"] as Data), sealJSON: $0["seal"],
                    receivedAtMilliseconds: $0["received_ms"], cursor: $0["cursor"])
            }
        }
    }

    public func auditEntries(after sequence: Int64, limit: Int) async throws -> [AuditEntry] {
        precondition(limit >= 1)
        return try await pool.read { database in
            try Row.fetchAll(
                database, sql: "SELECT * FROM audit WHERE sequence > ? ORDER BY sequence LIMIT ?", arguments: [sequence, limit]
            ).map(SQLiteStore.auditEntry(from:))
        }
    }
}

// MARK: - Row decoding

extension SQLiteStore {
    static func instruction(from row: Row) -> StoredInstruction {
        StoredInstruction(
            court: row["court"], instructionID: row["instruction_id"], kind: row["kind"],
            contentHash: [UInt8](row["content_hash"] as Data), document: [UInt8](row["document"] as Data),
            sealJSON: row["seal"], serviceTimeMilliseconds: row["service_time_ms"],
            broadcastSequence: row["broadcast_sequence"], answerJSON: row["answer"])
    }

    static func workItem(from row: Row) -> StoredWorkItem {
        StoredWorkItem(
            number: row["number"], adapterID: row["adapter"], court: row["court"], instructionID: row["instruction_id"],
            orderingKey: row["ordering_key"], routeJSON: row["route"],
            state: StoredWorkItem.State(rawValue: row["state"]) ?? .queued, attempts: row["attempts"])
    }

    static func lease(from row: Row) throws -> StoredLease {
        let text: String = row["items"]
        let items: [(item: WorkItemID, attempt: Int)] = try text.split(separator: ",").map { part in
            let pieces = part.split(separator: ":")
            guard pieces.count == 2, let item = WorkItemID(wire: String(pieces[0])), let attempt = Int(pieces[1]) else {
                throw StoreError.corrupt("lease item \"\(part)\"")
            }
            return (item, attempt)
        }
        return StoredLease(number: row["number"], adapterID: row["adapter"], items: items, expiresAtMilliseconds: row["expires_ms"])
    }

    static func receipt(from row: Row) throws -> StoredReceipt {
        let itemText: String = row["item"]
        guard let item = WorkItemID(wire: itemText) else { throw StoreError.corrupt("receipt item \"\(itemText)\"") }
        return StoredReceipt(
            court: row["court"], instructionID: row["instruction_id"], adapterID: row["adapter"], item: item,
            outcome: row["outcome"], body: [UInt8](row["body"] as Data), sealJSON: row["seal"],
            receivedAtMilliseconds: row["received_ms"], flaggedReason: row["flagged_reason"])
    }

    static func auditEntry(from row: Row) -> AuditEntry {
        AuditEntry(
            sequence: row["sequence"], atMilliseconds: row["at_ms"], principal: row["principal"],
            certificateFingerprint: row["fingerprint"], clientAddress: row["client_address"], action: row["action"],
            outcome: row["outcome"], instructionID: row["instruction_id"], detail: row["detail"],
            previousHash: row["previous_hash"], hash: row["hash"])
    }
}
