import Logging
import NIOCore
import PostgresNIO

extension PostgresStore {
    /// Reads everything a restart needs from one snapshot (a read-only repeatable-read
    /// transaction), so the parts agree with each other as ``SQLiteStore``'s single read does.
    public func loadState() async throws -> StoreState {
        try await inTransaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY") { connection in
            try await PostgresStore.loadState(on: connection, logger: self.logger)
        }
    }

    private static func loadState(on connection: PostgresConnection, logger: Logger) async throws -> StoreState {
        func rows(_ query: PostgresQuery) async throws -> [PostgresRow] {
            try await connection.query(query, logger: logger).collect()
        }
        func number(_ query: PostgresQuery) async throws -> Int64 {
            try await rows(query).first?.decode(Int64?.self) ?? 0
        }
        var state = StoreState()
        state.queuedWorkItems = try await rows("SELECT \(unescaped: workItemColumns) FROM work_items WHERE state = 'queued' ORDER BY number")
            .map(workItem(from:))
        state.leases = try await rows("SELECT number, adapter, items, expires_ms FROM leases ORDER BY number").map(lease(from:))
        for row in try await rows("SELECT adapter, answered_through FROM broadcast_watermarks") {
            let (adapter, answeredThrough) = try row.decode((String, Int64).self)
            state.broadcastWatermarks[adapter] = answeredThrough
        }
        state.broadcastAnsweredAbove = try await answeredAbove(state.broadcastWatermarks, on: connection, logger: logger)
        let lowestWatermark = state.broadcastWatermarks.values.min() ?? 0
        state.broadcastLog = try await rows(
            """
            SELECT broadcast_sequence, court, instruction_id FROM instructions
            WHERE broadcast_sequence > \(lowestWatermark) ORDER BY broadcast_sequence
            """
        ).map { try $0.decode((Int64, String, String).self) }.map { (sequence: $0.0, court: $0.1, instructionID: $0.2) }
        state.highestWorkItemNumber = try await number("SELECT max(number) FROM work_items")
        // Lease numbers are never reused: ended leases are deleted, so the high-water mark is kept in counters too.
        let countedLeases = try await number("SELECT value FROM counters WHERE name = 'lease'")
        let heldLeases = try await number("SELECT max(number) FROM leases")
        state.highestLeaseNumber = max(countedLeases, heldLeases)
        state.highestBroadcastSequence = try await number("SELECT max(broadcast_sequence) FROM instructions")
        state.highestResultCursor = try await number("SELECT max(cursor) FROM result_events")
        state.lastAuditEntry = try await rows("SELECT \(unescaped: auditColumns) FROM audit ORDER BY sequence DESC LIMIT 1")
            .first.map(auditEntry(from:))
        state.instructionCount = try await number("SELECT count(*) FROM instructions")
        state.releasedMeasures = try await releasedMeasures(on: connection, logger: logger)
        return state
    }

    /// The measures named by accepted police releases. The hub accepted each document only after
    /// decoding it strictly (no duplicate keys), so PostgreSQL's JSON reading finds the same field.
    private static func releasedMeasures(
        on connection: PostgresConnection, logger: Logger
    ) async throws -> [(court: String, instructionID: String)] {
        try await connection.query(
            """
            SELECT court, convert_from(document, 'UTF8')::jsonb ->> 'releasedInstructionId' FROM instructions
            WHERE kind = 'police.release' ORDER BY court COLLATE "C", instruction_id COLLATE "C"
            """, logger: logger
        ).collect().map { row in
            let (court, released) = try row.decode((String, String?).self)
            guard let released else { throw StoreError.corrupt("a police.release of \(court) names no releasedInstructionId") }
            return (court, released)
        }
    }

    /// Broadcast entries answered above each watermark: found-account receipts and no-account
    /// ranges, read for every adapter in two queries rather than two per adapter.
    private static func answeredAbove(
        _ watermarks: [String: Int64], on connection: PostgresConnection, logger: Logger
    ) async throws -> [String: [Int64]] {
        var result: [String: [Int64]] = [:]
        let ranges = try await connection.query(
            """
            SELECT answers.adapter, answers.first_sequence, answers.last_sequence
            FROM broadcast_answers answers JOIN broadcast_watermarks marks ON marks.adapter = answers.adapter
            WHERE answers.last_sequence > marks.answered_through
            """, logger: logger
        ).collect()
        for row in ranges {
            let (adapter, first, last) = try row.decode((String, Int64, Int64).self)
            guard let watermark = watermarks[adapter] else { continue }
            result[adapter, default: []] += Array(max(first, watermark + 1)...last)
        }
        let found = try await connection.query(
            """
            SELECT receipts.adapter, receipts.item
            FROM receipts JOIN broadcast_watermarks marks ON marks.adapter = receipts.adapter
            WHERE receipts.item LIKE 'B%'
            """, logger: logger
        ).collect()
        for row in found {
            let (adapter, item) = try row.decode((String, String).self)
            if let watermark = watermarks[adapter], case .broadcast(let sequence)? = WorkItemID(wire: item), sequence > watermark {
                result[adapter, default: []].append(sequence)
            }
        }
        return result.mapValues { $0.sorted() }
    }

    public func instruction(court: String, instructionID: String) async throws -> StoredInstruction? {
        try await rows(
            "SELECT \(unescaped: Self.instructionColumns) FROM instructions WHERE court = \(court) AND instruction_id = \(instructionID)"
        ).first.map(Self.instruction(from:))
    }

    public func broadcastInstruction(sequence: Int64) async throws -> StoredInstruction? {
        try await rows("SELECT \(unescaped: Self.instructionColumns) FROM instructions WHERE broadcast_sequence = \(sequence)")
            .first.map(Self.instruction(from:))
    }

    public func workItems(court: String, instructionID: String) async throws -> [StoredWorkItem] {
        try await rows(
            """
            SELECT \(unescaped: Self.workItemColumns) FROM work_items
            WHERE court = \(court) AND instruction_id = \(instructionID) ORDER BY number
            """
        ).map(Self.workItem(from:))
    }

    public func workItem(number: Int64) async throws -> StoredWorkItem? {
        try await rows("SELECT \(unescaped: Self.workItemColumns) FROM work_items WHERE number = \(number)")
            .first.map(Self.workItem(from:))
    }

    public func receipts(court: String, instructionID: String) async throws -> [StoredReceipt] {
        try await rows(
            """
            SELECT \(unescaped: Self.receiptColumns) FROM receipts
            WHERE court = \(court) AND instruction_id = \(instructionID) ORDER BY adapter COLLATE "C"
            """
        ).map(Self.receipt(from:))
    }

    public func receipt(court: String, instructionID: String, adapterID: String) async throws -> StoredReceipt? {
        try await rows(
            """
            SELECT \(unescaped: Self.receiptColumns) FROM receipts
            WHERE court = \(court) AND instruction_id = \(instructionID) AND adapter = \(adapterID)
            """
        ).first.map(Self.receipt(from:))
    }

    public func hasNoAccountAnswer(adapterID: String, sequence: Int64) async throws -> Bool {
        // The adapter's ranges never overlap: only its last range starting at or below `sequence` can hold it.
        let rows = try await rows(
            """
            SELECT last_sequence FROM broadcast_answers WHERE adapter = \(adapterID) AND first_sequence <= \(sequence)
            ORDER BY first_sequence DESC LIMIT 1
            """)
        guard let row = rows.first else { return false }
        return try row.decode(Int64.self) >= sequence
    }

    /// An adapter's ranges never overlap, so the only one that can hold `sequence` is its range
    /// with the greatest first sequence not above it: one seek on the primary key per adapter,
    /// the adapters walked on the same key (a loose index scan), not every range below `sequence`.
    public func broadcastAnswers(sequence: Int64) async throws -> [StoredBroadcastAnswerRange] {
        try await rows(
            """
            WITH RECURSIVE readers(adapter) AS (
                SELECT min(adapter) FROM broadcast_answers
                UNION ALL
                SELECT (SELECT min(adapter) FROM broadcast_answers WHERE adapter > readers.adapter)
                FROM readers WHERE readers.adapter IS NOT NULL
            )
            SELECT answers.adapter, answers.first_sequence, answers.last_sequence, answers.received_ms, answers.seal
            FROM readers JOIN broadcast_answers AS answers
                ON answers.adapter = readers.adapter
                AND answers.first_sequence = (
                    SELECT max(first_sequence) FROM broadcast_answers
                    WHERE adapter = readers.adapter AND first_sequence <= \(sequence))
            WHERE answers.last_sequence >= \(sequence)
            ORDER BY answers.adapter COLLATE "C"
            """
        ).map { row in
            let (adapter, first, last, received, seal) = try row.decode((String, Int64, Int64, Int64, String).self)
            return StoredBroadcastAnswerRange(
                adapterID: adapter, firstSequence: first, lastSequence: last, receivedAtMilliseconds: received, sealJSON: seal)
        }
    }

    public func resultEvents(court: String, after cursor: Int64, limit: Int) async throws -> [StoredResultEvent] {
        precondition(limit >= 1)
        return try await rows(
            """
            SELECT cursor, court, instruction_id, event, adapter, at_ms FROM result_events
            WHERE court = \(court) AND cursor > \(cursor) ORDER BY cursor LIMIT \(Int64(limit))
            """
        ).map { row in
            let (cursor, court, instruction, event, adapter, at) = try row.decode((Int64, String, String, String, String?, Int64).self)
            return StoredResultEvent(cursor: cursor, court: court, instructionID: instruction, event: event, adapterID: adapter, atMilliseconds: at)
        }
    }

    public func events(court: String, instructionID: String) async throws -> [StoredEvent] {
        try await rows(
            """
            SELECT court, instruction_id, adapter, event_hash, body, seal, received_ms, cursor FROM events
            WHERE court = \(court) AND instruction_id = \(instructionID) ORDER BY cursor
            """
        ).map { row in
            let (court, identifier, adapter, hash, body, seal, received, cursor) =
                try row.decode((String, String, String, ByteBuffer, ByteBuffer, String, Int64, Int64).self)
            let eventHash = Array(hash.readableBytesView)
            guard eventHash.count == 32 else { throw StoreError.corrupt("event of \(identifier) has a \(eventHash.count)-byte hash") }
            return StoredEvent(
                court: court, instructionID: identifier, adapterID: adapter, eventHash: eventHash,
                body: Array(body.readableBytesView), sealJSON: seal, receivedAtMilliseconds: received, cursor: cursor)
        }
    }

    public func auditEntries(after sequence: Int64, limit: Int) async throws -> [AuditEntry] {
        precondition(limit >= 1)
        return try await rows(
            "SELECT \(unescaped: Self.auditColumns) FROM audit WHERE sequence > \(sequence) ORDER BY sequence LIMIT \(Int64(limit))"
        ).map(Self.auditEntry(from:))
    }
}

// MARK: - Row decoding (columns are named in each SELECT, so decoding is by position)

extension PostgresStore {
    static let instructionColumns =
        "court, instruction_id, kind, content_hash, document, seal, service_time_ms, broadcast_sequence, answer"
    static let workItemColumns = "number, adapter, court, instruction_id, ordering_key, route, state, attempts"
    static let receiptColumns = "court, instruction_id, adapter, item, outcome, body, seal, received_ms, flagged_reason"
    static let auditColumns =
        "sequence, at_ms, principal, fingerprint, client_address, action, outcome, instruction_id, detail, previous_hash, hash"

    static func instruction(from row: PostgresRow) throws -> StoredInstruction {
        let (court, identifier, kind, hash, document, seal, serviceTime, broadcast, answer) =
            try row.decode((String, String, String, ByteBuffer, ByteBuffer, String, Int64, Int64?, String).self)
        return StoredInstruction(
            court: court, instructionID: identifier, kind: kind, contentHash: Array(hash.readableBytesView),
            document: Array(document.readableBytesView), sealJSON: seal, serviceTimeMilliseconds: serviceTime,
            broadcastSequence: broadcast, answerJSON: answer)
    }

    static func workItem(from row: PostgresRow) throws -> StoredWorkItem {
        let (number, adapter, court, identifier, orderingKey, route, stateText, attempts) =
            try row.decode((Int64, String, String, String, String?, String, String, Int64).self)
        guard let state = StoredWorkItem.State(rawValue: stateText) else { throw StoreError.corrupt("work item \(number) state \"\(stateText)\"") }
        return StoredWorkItem(
            number: number, adapterID: adapter, court: court, instructionID: identifier, orderingKey: orderingKey,
            routeJSON: route, state: state, attempts: Int(attempts))
    }

    static func lease(from row: PostgresRow) throws -> StoredLease {
        let (number, adapter, text, expires) = try row.decode((Int64, String, String, Int64).self)
        let items: [(item: WorkItemID, attempt: Int)] = try text.split(separator: ",").map { part in
            let pieces = part.split(separator: ":")
            guard pieces.count == 2, let item = WorkItemID(wire: String(pieces[0])), let attempt = Int(pieces[1]) else {
                throw StoreError.corrupt("lease item \"\(part)\"")
            }
            return (item, attempt)
        }
        return StoredLease(number: number, adapterID: adapter, items: items, expiresAtMilliseconds: expires)
    }

    static func receipt(from row: PostgresRow) throws -> StoredReceipt {
        let (court, identifier, adapter, itemText, outcome, body, seal, received, flagged) =
            try row.decode((String, String, String, String, String, ByteBuffer, String, Int64, String?).self)
        guard let item = WorkItemID(wire: itemText) else { throw StoreError.corrupt("receipt item \"\(itemText)\"") }
        return StoredReceipt(
            court: court, instructionID: identifier, adapterID: adapter, item: item, outcome: outcome,
            body: Array(body.readableBytesView), sealJSON: seal, receivedAtMilliseconds: received, flaggedReason: flagged)
    }

    static func auditEntry(from row: PostgresRow) throws -> AuditEntry {
        let (sequence, at, principal, fingerprint, address, action, outcome, instruction, detail, previous, hash) =
            try row.decode((Int64, Int64, String, String, String, String, String, String?, String, String, String).self)
        return AuditEntry(
            sequence: sequence, atMilliseconds: at, principal: principal, certificateFingerprint: fingerprint,
            clientAddress: address, action: action, outcome: outcome, instructionID: instruction, detail: detail,
            previousHash: previous, hash: hash)
    }
}
