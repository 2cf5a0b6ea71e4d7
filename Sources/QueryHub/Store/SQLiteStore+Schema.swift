import GRDB

extension SQLiteStore {
    /// Versioned schema migrations, applied at start-up.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { database in
            try database.execute(sql: """
                CREATE TABLE instructions (
                    court TEXT NOT NULL,
                    instruction_id TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    content_hash BLOB NOT NULL,
                    document BLOB NOT NULL,
                    seal TEXT NOT NULL,
                    service_time_ms INTEGER NOT NULL,
                    broadcast_sequence INTEGER UNIQUE,
                    answer TEXT NOT NULL,
                    PRIMARY KEY (court, instruction_id)
                ) WITHOUT ROWID;
                CREATE TABLE work_items (
                    number INTEGER PRIMARY KEY,
                    adapter TEXT NOT NULL,
                    court TEXT NOT NULL,
                    instruction_id TEXT NOT NULL,
                    ordering_key TEXT,
                    route TEXT NOT NULL,
                    state TEXT NOT NULL,
                    attempts INTEGER NOT NULL,
                    FOREIGN KEY (court, instruction_id) REFERENCES instructions (court, instruction_id)
                );
                CREATE INDEX work_items_by_instruction ON work_items (court, instruction_id);
                CREATE INDEX work_items_queued ON work_items (state) WHERE state = 'queued';
                CREATE TABLE leases (
                    number INTEGER PRIMARY KEY,
                    adapter TEXT NOT NULL,
                    items TEXT NOT NULL,
                    expires_ms INTEGER NOT NULL
                );
                CREATE TABLE receipts (
                    court TEXT NOT NULL,
                    instruction_id TEXT NOT NULL,
                    adapter TEXT NOT NULL,
                    item TEXT NOT NULL,
                    outcome TEXT NOT NULL,
                    body BLOB NOT NULL,
                    seal TEXT NOT NULL,
                    received_ms INTEGER NOT NULL,
                    flagged_reason TEXT,
                    PRIMARY KEY (court, instruction_id, adapter)
                ) WITHOUT ROWID;
                CREATE TABLE broadcast_answers (
                    adapter TEXT NOT NULL,
                    first_sequence INTEGER NOT NULL,
                    last_sequence INTEGER NOT NULL,
                    received_ms INTEGER NOT NULL,
                    seal TEXT NOT NULL,
                    PRIMARY KEY (adapter, first_sequence)
                ) WITHOUT ROWID;
                CREATE INDEX broadcast_answers_by_range ON broadcast_answers (first_sequence, last_sequence);
                CREATE TABLE broadcast_watermarks (
                    adapter TEXT PRIMARY KEY,
                    answered_through INTEGER NOT NULL
                ) WITHOUT ROWID;
                CREATE TABLE result_events (
                    cursor INTEGER PRIMARY KEY,
                    court TEXT NOT NULL,
                    instruction_id TEXT NOT NULL,
                    event TEXT NOT NULL,
                    adapter TEXT,
                    at_ms INTEGER NOT NULL
                );
                CREATE INDEX result_events_by_court ON result_events (court, cursor);
                CREATE TABLE counters (
                    name TEXT PRIMARY KEY,
                    value INTEGER NOT NULL
                ) WITHOUT ROWID;
                CREATE TABLE audit (
                    sequence INTEGER PRIMARY KEY,
                    at_ms INTEGER NOT NULL,
                    principal TEXT NOT NULL,
                    fingerprint TEXT NOT NULL,
                    client_address TEXT NOT NULL,
                    action TEXT NOT NULL,
                    outcome TEXT NOT NULL,
                    instruction_id TEXT,
                    detail TEXT NOT NULL,
                    previous_hash TEXT NOT NULL,
                    hash TEXT NOT NULL
                );
                -- The audit log is append-only: the database itself refuses changes to history.
                CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
                    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
                    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                """)
        }
        migrator.registerMigration("v2") { database in
            try database.execute(sql: SQLiteStore.schemaVersion2)
        }
        return migrator
    }

    /// Version 2: later police events (R-G4, R-G5), one row per distinct event of a measure, and
    /// an index that finds the accepted releases (R-G6) at start without reading every instruction.
    static let schemaVersion2 = """
        CREATE TABLE events (
            court TEXT NOT NULL,
            instruction_id TEXT NOT NULL,
            adapter TEXT NOT NULL,
            event_hash BLOB NOT NULL,
            body BLOB NOT NULL,
            seal TEXT NOT NULL,
            received_ms INTEGER NOT NULL,
            cursor INTEGER NOT NULL UNIQUE,
            PRIMARY KEY (court, instruction_id, adapter, event_hash),
            FOREIGN KEY (court, instruction_id) REFERENCES instructions (court, instruction_id)
        ) WITHOUT ROWID;
        CREATE INDEX instructions_police_releases ON instructions (court) WHERE kind = 'police.release';
        """
}
