import Logging
import PostgresNIO

extension PostgresStore {
    /// One schema version: the statements that take the schema from the version before to it.
    struct Migration: Sendable {
        var version: Int64
        /// One statement each: PostgresNIO sends every query as one extended-protocol statement.
        var statements: [String]
    }

    /// The first key of the two-key advisory lock that serialises migrations; the second is
    /// the hash of the schema name, so tests migrating their own schemas do not wait on each other.
    static let migrationLockKey: Int32 = 0x5148_4D47  // "QHMG"

    /// Versioned schema migrations, in order. Never edit a released version: add the next one.
    static let migrations: [Migration] = [
        Migration(version: 1, statements: schemaVersion1),
        Migration(version: 2, statements: schemaVersion2),
        Migration(version: 3, statements: schemaVersion3),
    ]

    /// Brings the schema up to the newest version this code knows, in one transaction that holds
    /// an advisory lock, so that two hubd instances starting at once migrate it exactly once.
    /// Idempotent: a schema already at the newest version is left untouched. Refuses a server
    /// whose commits are not durable and a schema newer than this code. Returns the versions
    /// applied (none when the schema was already current).
    @discardableResult
    public func migrate() async throws -> [Int64] {
        try await checkServer()
        let schema = configuration.schema
        let lockName = configuration.schemaForLocking
        let applied: [Int64] = try await inTransaction("BEGIN ISOLATION LEVEL READ COMMITTED") { connection in
            try await connection.query(
                "SELECT pg_advisory_xact_lock(\(PostgresStore.migrationLockKey), hashtext(\(lockName)))", logger: self.logger)
            if let schema {
                // Checked by Configuration to be a plain identifier: identifiers cannot be bound.
                try await connection.query(PostgresQuery(unsafeSQL: "CREATE SCHEMA IF NOT EXISTS \(schema)"), logger: self.logger)
            }
            try await connection.query(
                """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version BIGINT PRIMARY KEY,
                    applied_at TIMESTAMPTZ NOT NULL DEFAULT now())
                """, logger: self.logger)
            let current = try await connection.query("SELECT coalesce(max(version), 0) FROM schema_migrations", logger: self.logger)
                .collect().first?.decode(Int64.self) ?? 0
            return try await PostgresStore.apply(after: current, on: connection, logger: self.logger)
        }
        if !applied.isEmpty {
            logger.info("migrated the PostgreSQL schema", metadata: ["schema": "\(lockName)", "versions": "\(applied)"])
        }
        return applied
    }

    /// Applies every migration above `current`; returns the versions applied.
    private static func apply(after current: Int64, on connection: PostgresConnection, logger: Logger) async throws -> [Int64] {
        let known = migrations.last?.version ?? 0
        guard current <= known else { throw PostgresStoreError.schemaNewerThanCode(databaseVersion: current, knownVersion: known) }
        var applied: [Int64] = []
        for migration in migrations where migration.version > current {
            for statement in migration.statements {
                try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
            }
            try await connection.query("INSERT INTO schema_migrations (version) VALUES (\(migration.version))", logger: logger)
            applied.append(migration.version)
        }
        return applied
    }

    /// Drops the store's own schema with everything in it: the cleanup of a test or a bench run
    /// that migrated a schema of its own. Refuses a store without a schema of its own (the
    /// database's default), so it never drops a deployment's tables.
    public func dropSchema() async throws {
        guard let schema = configuration.schema else {
            throw PostgresStoreError.invalidConfiguration("only a store in a schema of its own may drop it")
        }
        // Checked by Configuration to be a plain identifier: identifiers cannot be bound.
        _ = try await rows(PostgresQuery(unsafeSQL: "DROP SCHEMA IF EXISTS \(schema) CASCADE"))
    }

    /// The schema version the database is at (0 before the first migration).
    public func schemaVersion() async throws -> Int64 {
        let exists = try await rows("SELECT to_regclass('schema_migrations') IS NOT NULL").first?.decode(Bool.self) ?? false
        guard exists else { return 0 }
        return try await rows("SELECT coalesce(max(version), 0) FROM schema_migrations").first?.decode(Int64.self) ?? 0
    }

    /// Version 1: the tables of ``SQLiteStore``'s schema, with PostgreSQL types.
    static let schemaVersion1: [String] = [
        """
        CREATE TABLE instructions (
            court TEXT NOT NULL,
            instruction_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            content_hash BYTEA NOT NULL,
            document BYTEA NOT NULL,
            seal TEXT NOT NULL,
            service_time_ms BIGINT NOT NULL,
            broadcast_sequence BIGINT UNIQUE,
            answer TEXT NOT NULL,
            PRIMARY KEY (court, instruction_id))
        """,
        """
        CREATE TABLE work_items (
            number BIGINT PRIMARY KEY,
            adapter TEXT NOT NULL,
            court TEXT NOT NULL,
            instruction_id TEXT NOT NULL,
            ordering_key TEXT,
            route TEXT NOT NULL,
            state TEXT NOT NULL,
            attempts BIGINT NOT NULL,
            FOREIGN KEY (court, instruction_id) REFERENCES instructions (court, instruction_id))
        """,
        "CREATE INDEX work_items_by_instruction ON work_items (court, instruction_id)",
        "CREATE INDEX work_items_queued ON work_items (number) WHERE state = 'queued'",
        """
        CREATE TABLE leases (
            number BIGINT PRIMARY KEY,
            adapter TEXT NOT NULL,
            items TEXT NOT NULL,
            expires_ms BIGINT NOT NULL)
        """,
        """
        CREATE TABLE receipts (
            court TEXT NOT NULL,
            instruction_id TEXT NOT NULL,
            adapter TEXT NOT NULL,
            item TEXT NOT NULL,
            outcome TEXT NOT NULL,
            body BYTEA NOT NULL,
            seal TEXT NOT NULL,
            received_ms BIGINT NOT NULL,
            flagged_reason TEXT,
            PRIMARY KEY (court, instruction_id, adapter))
        """,
        // A restart reads each bank's found-account answers to broadcasts (items "B…").
        "CREATE INDEX receipts_broadcast_by_adapter ON receipts (adapter) WHERE item LIKE 'B%'",
        """
        CREATE TABLE broadcast_answers (
            adapter TEXT NOT NULL,
            first_sequence BIGINT NOT NULL,
            last_sequence BIGINT NOT NULL,
            received_ms BIGINT NOT NULL,
            seal TEXT NOT NULL,
            PRIMARY KEY (adapter, first_sequence),
            CHECK (first_sequence <= last_sequence))
        """,
        "CREATE INDEX broadcast_answers_by_range ON broadcast_answers (first_sequence, last_sequence)",
        """
        CREATE TABLE broadcast_watermarks (
            adapter TEXT PRIMARY KEY,
            answered_through BIGINT NOT NULL)
        """,
        """
        CREATE TABLE result_events (
            cursor BIGINT PRIMARY KEY,
            court TEXT NOT NULL,
            instruction_id TEXT NOT NULL,
            event TEXT NOT NULL,
            adapter TEXT,
            at_ms BIGINT NOT NULL)
        """,
        "CREATE INDEX result_events_by_court ON result_events (court, cursor)",
        """
        CREATE TABLE counters (
            name TEXT PRIMARY KEY,
            value BIGINT NOT NULL)
        """,
        """
        CREATE TABLE audit (
            sequence BIGINT PRIMARY KEY,
            at_ms BIGINT NOT NULL,
            principal TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            client_address TEXT NOT NULL,
            action TEXT NOT NULL,
            outcome TEXT NOT NULL,
            instruction_id TEXT,
            detail TEXT NOT NULL,
            previous_hash TEXT NOT NULL,
            hash TEXT NOT NULL)
        """,
        // R-G9: the audit log is append-only; the database itself refuses changes to history.
        """
        CREATE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'the audit log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
        END
        $$
        """,
        """
        CREATE TRIGGER audit_no_change BEFORE UPDATE OR DELETE ON audit
            FOR EACH ROW EXECUTE FUNCTION audit_refuse_change()
        """,
        """
        CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit
            FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change()
        """,
    ]

    /// Version 2: later police events (R-G4, R-G5), as in ``SQLiteStore``'s version 2.
    static let schemaVersion2: [String] = [
        """
        CREATE TABLE events (
            court TEXT NOT NULL,
            instruction_id TEXT NOT NULL,
            adapter TEXT NOT NULL,
            event_hash BYTEA NOT NULL,
            body BYTEA NOT NULL,
            seal TEXT NOT NULL,
            received_ms BIGINT NOT NULL,
            cursor BIGINT NOT NULL UNIQUE,
            PRIMARY KEY (court, instruction_id, adapter, event_hash),
            FOREIGN KEY (court, instruction_id) REFERENCES instructions (court, instruction_id),
            CHECK (octet_length(event_hash) = 32))
        """,
        "CREATE INDEX instructions_police_releases ON instructions (court) WHERE kind = 'police.release'",
    ]

    /// Version 3: who leads the hub instances sharing this database (issue 7). One row: the
    /// epoch, raised by every instance that wins leadership, fences every older leader's commits
    /// (``PostgresStore/commit(_:)`` checks it under `FOR SHARE`), and the leader's name and URL
    /// tell the standbys where to forward.
    static let schemaVersion3: [String] = [
        """
        CREATE TABLE hub_leadership (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            epoch BIGINT NOT NULL CHECK (epoch >= 0),
            instance TEXT NOT NULL,
            api_url TEXT NOT NULL,
            since TIMESTAMPTZ NOT NULL DEFAULT now())
        """,
        "INSERT INTO hub_leadership (id, epoch, instance, api_url) VALUES (1, 0, '', '')",
    ]
}
