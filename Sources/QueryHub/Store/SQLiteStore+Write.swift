import Foundation
import GRDB

extension SQLiteStore {
    /// Applies one group commit inside the caller's transaction.
    static func write(_ changes: StoreChanges, to database: Database) throws {
        for instruction in changes.instructions {
            try database.execute(
                sql: """
                    INSERT INTO instructions (court, instruction_id, kind, content_hash, document, seal,
                        service_time_ms, broadcast_sequence, answer) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    instruction.court, instruction.instructionID, instruction.kind, Data(instruction.contentHash),
                    Data(instruction.document), instruction.sealJSON, instruction.serviceTimeMilliseconds,
                    instruction.broadcastSequence, instruction.answerJSON,
                ])
        }
        for item in changes.newWorkItems {
            try database.execute(
                sql: """
                    INSERT INTO work_items (number, adapter, court, instruction_id, ordering_key, route, state, attempts)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    item.number, item.adapterID, item.court, item.instructionID, item.orderingKey,
                    item.routeJSON, item.state.rawValue, item.attempts,
                ])
        }
        for update in changes.workItemUpdates {
            try database.execute(
                sql: "UPDATE work_items SET state = ?, attempts = ? WHERE number = ?",
                arguments: [update.state.rawValue, update.attempts, update.number])
            guard database.changesCount == 1 else { throw StoreError.corrupt("work item \(update.number) missing") }
        }
        try writeLeases(changes, to: database)
        try writeAnswers(changes, to: database)
        for event in changes.resultEvents {
            try database.execute(
                sql: "INSERT INTO result_events (cursor, court, instruction_id, event, adapter, at_ms) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [event.cursor, event.court, event.instructionID, event.event, event.adapterID, event.atMilliseconds])
        }
        try writeEvents(changes.events, to: database)
        try writeAudit(changes.auditEntries, to: database)
        if let number = changes.highestLeaseNumber {
            try database.execute(
                sql: """
                    INSERT INTO counters (name, value) VALUES ('lease', ?)
                    ON CONFLICT (name) DO UPDATE SET value = max(value, excluded.value)
                    """,
                arguments: [number])
        }
    }

    private static func writeLeases(_ changes: StoreChanges, to database: Database) throws {
        for lease in changes.leasesGranted {
            let items = lease.items.map { "\($0.item):\($0.attempt)" }.joined(separator: ",")
            try database.execute(
                sql: "INSERT INTO leases (number, adapter, items, expires_ms) VALUES (?, ?, ?, ?)",
                arguments: [lease.number, lease.adapterID, items, lease.expiresAtMilliseconds])
        }
        for extension_ in changes.leasesExtended {
            try database.execute(
                sql: "UPDATE leases SET expires_ms = ? WHERE number = ?",
                arguments: [extension_.expiresAtMilliseconds, extension_.number])
        }
        for number in changes.leasesEnded {
            try database.execute(sql: "DELETE FROM leases WHERE number = ?", arguments: [number])
        }
    }

    private static func writeAnswers(_ changes: StoreChanges, to database: Database) throws {
        for receipt in changes.receipts {
            try database.execute(
                sql: """
                    INSERT INTO receipts (court, instruction_id, adapter, item, outcome, body, seal, received_ms, flagged_reason)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    receipt.court, receipt.instructionID, receipt.adapterID, receipt.item.description,
                    receipt.outcome, Data(receipt.body), receipt.sealJSON, receipt.receivedAtMilliseconds,
                    receipt.flaggedReason,
                ])
        }
        for range in changes.broadcastAnswerRanges {
            try database.execute(
                sql: """
                    INSERT INTO broadcast_answers (adapter, first_sequence, last_sequence, received_ms, seal)
                    VALUES (?, ?, ?, ?, ?)
                    """,
                arguments: [range.adapterID, range.firstSequence, range.lastSequence, range.receivedAtMilliseconds, range.sealJSON])
        }
        for (adapter, answeredThrough) in changes.broadcastWatermarks {
            try database.execute(
                sql: """
                    INSERT INTO broadcast_watermarks (adapter, answered_through) VALUES (?, ?)
                    ON CONFLICT (adapter) DO UPDATE SET answered_through = max(answered_through, excluded.answered_through)
                    """,
                arguments: [adapter, answeredThrough])
        }
    }

    /// An event already stored under the same key is left unchanged: an identical repeat is a no-op.
    private static func writeEvents(_ events: [StoredEvent], to database: Database) throws {
        for event in events {
            try database.execute(
                sql: """
                    INSERT INTO events (court, instruction_id, adapter, event_hash, body, seal, received_ms, cursor)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (court, instruction_id, adapter, event_hash) DO NOTHING
                    """,
                arguments: [
                    event.court, event.instructionID, event.adapterID, Data(event.eventHash), Data(event.body),
                    event.sealJSON, event.receivedAtMilliseconds, event.cursor,
                ])
        }
    }

    private static func writeAudit(_ entries: [AuditEntry], to database: Database) throws {
        guard !entries.isEmpty else { return }
        var expected = (try Int64.fetchOne(database, sql: "SELECT max(sequence) FROM audit") ?? 0) + 1
        for entry in entries {
            // The chain is single and unbroken: each entry follows the last one written.
            guard entry.sequence == expected else { throw StoreError.auditChainGap(expected: expected, got: entry.sequence) }
            try database.execute(
                sql: """
                    INSERT INTO audit (sequence, at_ms, principal, fingerprint, client_address, action, outcome,
                        instruction_id, detail, previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    entry.sequence, entry.atMilliseconds, entry.principal, entry.certificateFingerprint,
                    entry.clientAddress, entry.action, entry.outcome, entry.instructionID, entry.detail,
                    entry.previousHash, entry.hash,
                ])
            expected += 1
        }
    }
}
