import Logging
import NIOCore
import PostgresNIO

// Each table's rows go in as a few statements that bind one array per column and `unnest` them,
// so a group commit of thousands of rows is a handful of round trips, each with a fixed SQL text.
// PostgresNIO cannot bind NULL inside an array, so a nullable column travels as a value array and
// a presence array (`CASE WHEN present THEN value END`).

extension PostgresStore {
    /// Applies one group commit inside the caller's transaction, in the same order as
    /// ``SQLiteStore``: instructions, work items, item updates, leases, answers, events, audit.
    static func write(_ changes: StoreChanges, on connection: PostgresConnection, logger: Logger) async throws {
        for batch in changes.instructions.slices(ofAtMost: maximumRowsPerStatement) {
            try await insertInstructions(batch, on: connection, logger: logger)
        }
        for batch in changes.newWorkItems.slices(ofAtMost: maximumRowsPerStatement) {
            try await insertWorkItems(batch, on: connection, logger: logger)
        }
        let updates = lastOfEach(changes.workItemUpdates) { $0.number }
        for batch in updates.slices(ofAtMost: maximumRowsPerStatement) {
            try await updateWorkItems(batch, on: connection, logger: logger)
        }
        try await writeLeases(changes, on: connection, logger: logger)
        for batch in changes.receipts.slices(ofAtMost: maximumRowsPerStatement) {
            try await insertReceipts(batch, on: connection, logger: logger)
        }
        for batch in changes.broadcastAnswerRanges.slices(ofAtMost: maximumRowsPerStatement) {
            try await insertAnswerRanges(batch, on: connection, logger: logger)
        }
        try await raiseWatermarks(changes.broadcastWatermarks, on: connection, logger: logger)
        for batch in changes.resultEvents.slices(ofAtMost: maximumRowsPerStatement) {
            try await insertResultEvents(batch, on: connection, logger: logger)
        }
        for batch in changes.events.slices(ofAtMost: maximumRowsPerStatement) {
            try await insertEvents(batch, on: connection, logger: logger)
        }
        try await writeAudit(changes.auditEntries, on: connection, logger: logger)
        if let number = changes.highestLeaseNumber {
            try await connection.query(
                """
                INSERT INTO counters (name, value) VALUES ('lease', \(number))
                ON CONFLICT (name) DO UPDATE SET value = greatest(counters.value, excluded.value)
                """, logger: logger)
        }
    }

    /// The last entry for each key, in first-seen order: later changes to the same row in one
    /// group commit override earlier ones, as applying them one by one would.
    static func lastOfEach<Element, Key: Hashable>(_ elements: [Element], key: (Element) -> Key) -> [Element] {
        var position: [Key: Int] = [:]
        var result: [Element] = []
        result.reserveCapacity(elements.count)
        for element in elements {
            if let index = position[key(element)] {
                result[index] = element
            } else {
                position[key(element)] = result.count
                result.append(element)
            }
        }
        assert(result.count == position.count)
        return result
    }

    private static func insertInstructions(_ rows: ArraySlice<StoredInstruction>, on connection: PostgresConnection, logger: Logger) async throws {
        let courts = rows.map(\.court), identifiers = rows.map(\.instructionID), kinds = rows.map(\.kind)
        let hashes = rows.map { ByteBuffer(bytes: $0.contentHash) }, documents = rows.map { ByteBuffer(bytes: $0.document) }
        let seals = rows.map(\.sealJSON), serviceTimes = rows.map(\.serviceTimeMilliseconds), answers = rows.map(\.answerJSON)
        let hasBroadcast = rows.map { $0.broadcastSequence != nil }, broadcasts = rows.map { $0.broadcastSequence ?? 0 }
        try await connection.query(
            """
            INSERT INTO instructions (court, instruction_id, kind, content_hash, document, seal, service_time_ms,
                broadcast_sequence, answer)
            SELECT court, instruction_id, kind, content_hash, document, seal, service_time_ms,
                CASE WHEN has_broadcast THEN broadcast_sequence END, answer
            FROM unnest(\(courts), \(identifiers), \(kinds), \(hashes), \(documents), \(seals), \(serviceTimes),
                \(hasBroadcast), \(broadcasts), \(answers))
            AS batch (court, instruction_id, kind, content_hash, document, seal, service_time_ms, has_broadcast,
                broadcast_sequence, answer)
            """, logger: logger)
    }

    private static func insertWorkItems(_ rows: ArraySlice<StoredWorkItem>, on connection: PostgresConnection, logger: Logger) async throws {
        let numbers = rows.map(\.number), adapters = rows.map(\.adapterID), courts = rows.map(\.court)
        let identifiers = rows.map(\.instructionID), routes = rows.map(\.routeJSON), states = rows.map(\.state.rawValue)
        let hasKey = rows.map { $0.orderingKey != nil }, keys = rows.map { $0.orderingKey ?? "" }
        let attempts = rows.map { Int64($0.attempts) }
        try await connection.query(
            """
            INSERT INTO work_items (number, adapter, court, instruction_id, ordering_key, route, state, attempts)
            SELECT number, adapter, court, instruction_id, CASE WHEN has_ordering_key THEN ordering_key END,
                route, state, attempts
            FROM unnest(\(numbers), \(adapters), \(courts), \(identifiers), \(hasKey), \(keys), \(routes), \(states), \(attempts))
            AS batch (number, adapter, court, instruction_id, has_ordering_key, ordering_key, route, state, attempts)
            """, logger: logger)
    }

    private static func updateWorkItems(
        _ rows: ArraySlice<(number: Int64, state: StoredWorkItem.State, attempts: Int)>, on connection: PostgresConnection, logger: Logger
    ) async throws {
        let numbers = rows.map { $0.number }, states = rows.map { $0.state.rawValue }, attempts = rows.map { Int64($0.attempts) }
        let updated = try await connection.query(
            """
            UPDATE work_items SET state = batch.state, attempts = batch.attempts
            FROM unnest(\(numbers), \(states), \(attempts))
                AS batch (number, state, attempts)
            WHERE work_items.number = batch.number
            RETURNING work_items.number
            """, logger: logger
        ).collect().map { try $0.decode(Int64.self) }
        guard updated.count == rows.count else {
            let missing = Set(numbers).subtracting(updated).sorted()
            throw StoreError.corrupt("work item \(missing.first ?? 0) missing")
        }
    }

    private static func writeLeases(_ changes: StoreChanges, on connection: PostgresConnection, logger: Logger) async throws {
        for rows in changes.leasesGranted.slices(ofAtMost: maximumRowsPerStatement) {
            let items = rows.map { lease in lease.items.map { "\($0.item):\($0.attempt)" }.joined(separator: ",") }
            let numbers = rows.map(\.number), adapters = rows.map(\.adapterID), expiries = rows.map(\.expiresAtMilliseconds)
            try await connection.query(
                """
                INSERT INTO leases (number, adapter, items, expires_ms)
                SELECT * FROM unnest(\(numbers), \(adapters), \(items), \(expiries))
                """, logger: logger)
        }
        let extensions = lastOfEach(changes.leasesExtended) { $0.number }
        for rows in extensions.slices(ofAtMost: maximumRowsPerStatement) {
            let numbers = rows.map { $0.number }, expiries = rows.map { $0.expiresAtMilliseconds }
            try await connection.query(
                """
                UPDATE leases SET expires_ms = batch.expires_ms
                FROM unnest(\(numbers), \(expiries)) AS batch (number, expires_ms)
                WHERE leases.number = batch.number
                """, logger: logger)
        }
        for numbers in changes.leasesEnded.slices(ofAtMost: maximumRowsPerStatement) {
            try await connection.query("DELETE FROM leases WHERE number = ANY(\(Array(numbers)))", logger: logger)
        }
    }

    private static func insertReceipts(_ rows: ArraySlice<StoredReceipt>, on connection: PostgresConnection, logger: Logger) async throws {
        let courts = rows.map(\.court), identifiers = rows.map(\.instructionID), adapters = rows.map(\.adapterID)
        let items = rows.map(\.item.description), outcomes = rows.map(\.outcome), bodies = rows.map { ByteBuffer(bytes: $0.body) }
        let seals = rows.map(\.sealJSON), receivedTimes = rows.map(\.receivedAtMilliseconds)
        let flagged = rows.map { $0.flaggedReason != nil }, reasons = rows.map { $0.flaggedReason ?? "" }
        try await connection.query(
            """
            INSERT INTO receipts (court, instruction_id, adapter, item, outcome, body, seal, received_ms, flagged_reason)
            SELECT court, instruction_id, adapter, item, outcome, body, seal, received_ms,
                CASE WHEN flagged THEN flagged_reason END
            FROM unnest(\(courts), \(identifiers), \(adapters), \(items), \(outcomes), \(bodies), \(seals),
                \(receivedTimes), \(flagged), \(reasons))
            AS batch (court, instruction_id, adapter, item, outcome, body, seal, received_ms, flagged, flagged_reason)
            """, logger: logger)
    }

    private static func insertAnswerRanges(
        _ rows: ArraySlice<StoredBroadcastAnswerRange>, on connection: PostgresConnection, logger: Logger
    ) async throws {
        let adapters = rows.map(\.adapterID), firsts = rows.map(\.firstSequence), lasts = rows.map(\.lastSequence)
        let receivedTimes = rows.map(\.receivedAtMilliseconds), seals = rows.map(\.sealJSON)
        try await connection.query(
            """
            INSERT INTO broadcast_answers (adapter, first_sequence, last_sequence, received_ms, seal)
            SELECT * FROM unnest(\(adapters), \(firsts), \(lasts), \(receivedTimes), \(seals))
            """, logger: logger)
    }

    private static func raiseWatermarks(_ watermarks: [String: Int64], on connection: PostgresConnection, logger: Logger) async throws {
        let sorted = watermarks.sorted { $0.key < $1.key }  // a fixed order: concurrent upserts never deadlock
        for rows in sorted.slices(ofAtMost: maximumRowsPerStatement) {
            let adapters = rows.map(\.key), answeredThrough = rows.map(\.value)
            try await connection.query(
                """
                INSERT INTO broadcast_watermarks (adapter, answered_through)
                SELECT * FROM unnest(\(adapters), \(answeredThrough))
                ON CONFLICT (adapter) DO UPDATE
                    SET answered_through = greatest(broadcast_watermarks.answered_through, excluded.answered_through)
                """, logger: logger)
        }
    }

    private static func insertResultEvents(_ rows: ArraySlice<StoredResultEvent>, on connection: PostgresConnection, logger: Logger) async throws {
        let cursors = rows.map(\.cursor), courts = rows.map(\.court), identifiers = rows.map(\.instructionID)
        let events = rows.map(\.event), times = rows.map(\.atMilliseconds)
        let hasAdapter = rows.map { $0.adapterID != nil }, adapters = rows.map { $0.adapterID ?? "" }
        try await connection.query(
            """
            INSERT INTO result_events (cursor, court, instruction_id, event, adapter, at_ms)
            SELECT cursor, court, instruction_id, event, CASE WHEN has_adapter THEN adapter END, at_ms
            FROM unnest(\(cursors), \(courts), \(identifiers), \(events), \(hasAdapter), \(adapters), \(times))
            AS batch (cursor, court, instruction_id, event, has_adapter, adapter, at_ms)
            """, logger: logger)
    }

    /// An event already stored under the same key is left unchanged: an identical repeat is a no-op.
    private static func insertEvents(_ rows: ArraySlice<StoredEvent>, on connection: PostgresConnection, logger: Logger) async throws {
        let courts = rows.map(\.court), identifiers = rows.map(\.instructionID), adapters = rows.map(\.adapterID)
        let hashes = rows.map { ByteBuffer(bytes: $0.eventHash) }, bodies = rows.map { ByteBuffer(bytes: $0.body) }
        let seals = rows.map(\.sealJSON), receivedTimes = rows.map(\.receivedAtMilliseconds), cursors = rows.map(\.cursor)
        try await connection.query(
            """
            INSERT INTO events (court, instruction_id, adapter, event_hash, body, seal, received_ms, cursor)
            SELECT * FROM unnest(\(courts), \(identifiers), \(adapters), \(hashes), \(bodies), \(seals), \(receivedTimes), \(cursors))
            ON CONFLICT (court, instruction_id, adapter, event_hash) DO NOTHING
            """, logger: logger)
    }

    private static func writeAudit(_ entries: [AuditEntry], on connection: PostgresConnection, logger: Logger) async throws {
        guard !entries.isEmpty else { return }
        let last = try await connection.query("SELECT coalesce(max(sequence), 0) FROM audit", logger: logger)
            .collect().first?.decode(Int64.self) ?? 0
        // The chain is single and unbroken: each entry follows the last one written.
        for (offset, entry) in entries.enumerated() where entry.sequence != last + 1 + Int64(offset) {
            throw StoreError.auditChainGap(expected: last + 1 + Int64(offset), got: entry.sequence)
        }
        for rows in entries.slices(ofAtMost: maximumRowsPerStatement) {
            try await insertAuditEntries(rows, on: connection, logger: logger)
        }
    }

    private static func insertAuditEntries(_ rows: ArraySlice<AuditEntry>, on connection: PostgresConnection, logger: Logger) async throws {
        let sequences = rows.map(\.sequence), times = rows.map(\.atMilliseconds), principals = rows.map(\.principal)
        let fingerprints = rows.map(\.certificateFingerprint), addresses = rows.map(\.clientAddress)
        let actions = rows.map(\.action), outcomes = rows.map(\.outcome), details = rows.map(\.detail)
        let hasInstruction = rows.map { $0.instructionID != nil }, instructions = rows.map { $0.instructionID ?? "" }
        let previousHashes = rows.map(\.previousHash), hashes = rows.map(\.hash)
        try await connection.query(
            """
            INSERT INTO audit (sequence, at_ms, principal, fingerprint, client_address, action, outcome,
                instruction_id, detail, previous_hash, hash)
            SELECT sequence, at_ms, principal, fingerprint, client_address, action, outcome,
                CASE WHEN has_instruction THEN instruction_id END, detail, previous_hash, hash
            FROM unnest(\(sequences), \(times), \(principals), \(fingerprints), \(addresses), \(actions), \(outcomes),
                \(hasInstruction), \(instructions), \(details), \(previousHashes), \(hashes))
            AS batch (sequence, at_ms, principal, fingerprint, client_address, action, outcome, has_instruction,
                instruction_id, detail, previous_hash, hash)
            """, logger: logger)
    }
}

extension Array {
    /// Consecutive slices of at most `size` elements (none for an empty array).
    func slices(ofAtMost size: Int) -> [ArraySlice<Element>] {
        precondition(size >= 1, "a chunk holds at least one element")
        return stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
