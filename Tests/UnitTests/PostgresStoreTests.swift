import Foundation
import PostgresNIO
@testable import QueryHub
import Testing

/// The PostgreSQL store's own concerns, beyond the conformance suite: its URL, durability,
/// migrations and the append-only audit table.
@Suite("PostgreSQL store configuration")
struct PostgresStoreConfigurationTests {
    @Test("a URL gives host, port, user, percent-decoded password, database, TLS mode and schema")
    func parsesURL() throws {
        let configuration = try PostgresStore.Configuration(
            url: "postgres://hub%40court:p%2Fss%3Aword@db.example:6543/queryhub?sslmode=disable&schema=hub_a", maximumConnections: 16)
        #expect(configuration.host == "db.example" && configuration.port == 6543)
        #expect(configuration.username == "hub@court" && configuration.password == "p/ss:word")
        #expect(configuration.database == "queryhub" && configuration.schema == "hub_a")
        #expect(configuration.useTLS == false && configuration.maximumConnections == 16)
        let defaults = try PostgresStore.Configuration(url: "postgresql://hub@localhost")
        #expect(defaults.port == 5432 && defaults.password == nil && defaults.database == nil && defaults.schema == nil)
        #expect(defaults.useTLS)
    }

    @Test("a bad URL is refused with the reason", arguments: [
        ("mysql://hub@localhost/db", "invalid PostgreSQL URL: the scheme must be postgres:// or postgresql://"),
        ("postgres://localhost/db", "invalid PostgreSQL URL: the URL names no user"),
        ("postgres://hub@/db", "invalid PostgreSQL URL: the URL names no host"),
        ("postgres://hub@localhost/db?sslmode=verify-full", "invalid PostgreSQL URL: sslmode \"verify-full\" is not supported (disable or prefer)"),
        ("postgres://hub@localhost/db?pool=9", "invalid PostgreSQL URL: unknown URL parameter \"pool\" (sslmode or schema)"),
        ("postgres://hub@localhost:0/db", "invalid PostgreSQL URL: port 0 is outside 1…65535"),
    ])
    func refusesURL(url: String, reason: String) {
        let error = #expect(throws: PostgresStoreError.self) { try PostgresStore.Configuration(url: url) }
        #expect(error?.description == reason)
    }

    @Test("a schema name must be a plain identifier: it is written into SQL, never bound",
          arguments: ["Hub", "hub-a", "1hub", "hub; DROP TABLE audit", "", String(repeating: "a", count: 64)])
    func refusesSchema(name: String) {
        let encoded = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? name
        #expect(throws: PostgresStoreError.self) {
            try PostgresStore.Configuration(url: "postgres://hub@localhost/db?schema=\(encoded)")
        }
    }

    @Test("a password never appears in a redacted URL")
    func redactsPassword() {
        #expect(PostgresStore.Configuration.redacted("postgres://hub:secret@localhost/db") == "postgres://hub:***@localhost/db")
    }
}

@Suite("PostgreSQL store against a server",
       .enabled(if: StoreFixture.postgresURL != nil, "QUERYHUB_POSTGRES_URL is not set; .ci/run starts PostgreSQL and sets it"))
struct PostgresStoreTests {
    @Test("commits are durable: synchronous_commit and fsync are on, and the store checks them")
    func durability() async throws {
        try await StoreFixture.with(.postgres) { fixture in
            let store = try await fixture.openPostgres()
            try await store.checkServer()
            let settings = try await store.rows("SELECT current_setting('synchronous_commit'), current_setting('fsync')")
            let (synchronousCommit, fsync) = try #require(settings.first).decode((String, String).self)
            #expect(synchronousCommit == "on" && fsync == "on")
        }
    }

    @Test("migrations apply once: a second start and two concurrent starts leave one row per version")
    func migrationsAreIdempotent() async throws {
        try await StoreFixture.with(.postgres) { fixture in
            // Two instances starting at once on a schema that does not exist yet.
            async let first = fixture.openPostgres()
            async let second = fixture.openPostgres()
            let stores = try await [first, second]
            let third = try await fixture.openPostgres()
            try await third.migrate()
            #expect(try await third.schemaVersion() == PostgresStore.migrations.last?.version)
            let versions = try await stores[0].rows("SELECT version FROM schema_migrations ORDER BY version").map { try $0.decode(Int64.self) }
            #expect(versions == PostgresStore.migrations.map(\.version))
        }
    }

    @Test("a schema migrated by a newer hubd is refused, naming both versions")
    func refusesNewerSchema() async throws {
        try await StoreFixture.with(.postgres) { fixture in
            let store = try await fixture.openPostgres()
            try await store.client.query("INSERT INTO schema_migrations (version) VALUES (99)")
            let known = try #require(PostgresStore.migrations.last?.version)
            await #expect(throws: PostgresStoreError.schemaNewerThanCode(databaseVersion: 99, knownVersion: known)) {
                try await store.migrate()
            }
        }
    }

    @Test("R-G9: the database refuses UPDATE, DELETE and TRUNCATE of the audit table", arguments: [
        "UPDATE audit SET detail = 'changed'", "DELETE FROM audit", "TRUNCATE audit",
    ])
    func auditIsAppendOnly(statement: String) async throws {
        try await StoreFixture.with(.postgres) { fixture in
            let store = try await fixture.openPostgres()
            var chain = AuditChain(continuingAfter: nil)
            var changes = StoreChanges()
            changes.auditEntries = [
                chain.append(atMilliseconds: 1, principal: "court:京0105", certificateFingerprint: "ab", clientAddress: "127.0.0.1:1",
                             action: "submit", outcome: "accepted", instructionID: "I1", detail: "")
            ]
            try await store.commit(changes)
            let refusal = await #expect(throws: PSQLError.self) {
                try await store.client.query(PostgresQuery(unsafeSQL: statement))
            }
            #expect(refusal?.serverInfo?[.message]?.hasPrefix("the audit log is append-only") == true)
            #expect(try await store.auditEntries(after: 0, limit: 10) == changes.auditEntries)
        }
    }

    @Test("issue 7: one session holds leadership at a time; a takeover raises the epoch and fences the old leader's commits")
    func leadershipFencesTheOldLeader() async throws {
        try await StoreFixture.with(.postgres) { fixture in
            let old = try await fixture.openPostgres()
            let new = try await fixture.openPostgres()
            #expect(try await old.leadership() == LeadershipRecord(epoch: 0, instance: "", apiURL: ""))
            let oldLock = try await old.openLeadershipLock()
            let newLock = try await new.openLeadershipLock()
            #expect(try await oldLock.tryAcquire())
            #expect(try await !newLock.tryAcquire(), "the lock is held by the other session")
            let oldEpoch = try await oldLock.claim(instance: "hub-1", apiURL: "https://10.0.0.1:8443")
            old.fence(epoch: oldEpoch)
            try await old.commit(Self.oneAuditEntry(sequence: 1, previous: nil))
            // The old leader's session ends (as when its process is killed): the lock is free.
            await oldLock.close()
            #expect(try await newLock.tryAcquire())
            let newEpoch = try await newLock.claim(instance: "hub-2", apiURL: "https://10.0.0.2:8443")
            #expect(newEpoch == oldEpoch + 1)
            #expect(try await new.leadership() == LeadershipRecord(epoch: newEpoch, instance: "hub-2", apiURL: "https://10.0.0.2:8443"))
            let entries = try await new.auditEntries(after: 0, limit: 10)
            await #expect(throws: PostgresStoreError.fenced(ownEpoch: oldEpoch, currentEpoch: newEpoch)) {
                try await old.commit(Self.oneAuditEntry(sequence: 2, previous: entries.last))
            }
            new.fence(epoch: newEpoch)
            try await new.commit(Self.oneAuditEntry(sequence: 2, previous: entries.last))
            #expect(try await new.auditEntries(after: 0, limit: 10).count == 2, "the old leader's refused commit left nothing")
            try await newLock.check()
            await newLock.close()
            await #expect(throws: LeadershipLockError.connectionClosed) { try await newLock.check() }
        }
    }

    static func oneAuditEntry(sequence: Int64, previous: AuditEntry?) -> StoreChanges {
        var chain = AuditChain(continuingAfter: previous)
        var changes = StoreChanges()
        changes.auditEntries = [
            chain.append(atMilliseconds: sequence, principal: "court:京0105", certificateFingerprint: "ab", clientAddress: "127.0.0.1:1",
                         action: "submit", outcome: "accepted", instructionID: "I\(sequence)", detail: "")
        ]
        return changes
    }
}
