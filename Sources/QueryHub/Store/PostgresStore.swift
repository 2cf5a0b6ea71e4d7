import Foundation
import Logging
import PostgresNIO
import Synchronization

/// The store for several hub instances: PostgreSQL through PostgresNIO, with the same tables and
/// the same meaning as ``SQLiteStore``.
///
/// Every ``commit(_:)`` is one transaction on one leased connection (`BEGIN` … `COMMIT`; on any
/// error `ROLLBACK` and the error is rethrown, so nothing partial is ever visible), written with
/// a few array-bound statements per table rather than a statement per row, because a query to
/// every bank fans out into thousands of rows. The server's `synchronous_commit` must be on:
/// ``migrate()`` refuses a server that would acknowledge a commit before it is on disk.
///
/// The store owns its PostgresNIO client and the task that runs it; call ``shutdown()`` when done.
public final class PostgresStore: Store {
    /// At most this many rows go into one statement; a larger batch is written in several.
    static let maximumRowsPerStatement = 5_000

    let client: PostgresClient
    let logger: Logger
    /// What the store was opened with.
    public let configuration: Configuration
    /// Runs the client's connection pool for the store's lifetime.
    private let runTask: Task<Void, Never>
    /// The leadership epoch every commit must still hold (issue 7); nil: no fencing (one
    /// instance without leadership, tests, tools).
    private let fencingEpoch = Mutex<Int64?>(nil)

    /// Starts a client for `configuration`; the schema is not touched until ``migrate()``.
    /// Prefer ``open(configuration:logger:)``, which migrates too.
    public init(configuration: Configuration, logger: Logger) {
        let client = PostgresClient(configuration: configuration.clientConfiguration, backgroundLogger: logger)
        self.client = client
        self.logger = logger
        self.configuration = configuration
        // Started immediately, so the client is running before the first query asks it for a connection.
        self.runTask = Task.immediate { await client.run() }
    }

    /// Starts a client, checks that commits are durable and applies the schema migrations.
    /// On failure the client is shut down before the error is thrown.
    public static func open(configuration: Configuration, logger: Logger) async throws -> PostgresStore {
        let store = PostgresStore(configuration: configuration, logger: logger)
        do {
            try await store.migrate()
            return store
        } catch {
            await store.shutdown()
            throw error
        }
    }

    deinit {
        // A store dropped without shutdown() must not leave its pool running.
        runTask.cancel()
    }

    /// Closes every connection and stops the client; the store cannot be used afterwards.
    public func shutdown() async {
        runTask.cancel()
        await runTask.value
    }

    /// From now on, every commit first checks, inside its transaction, that the leadership row
    /// is still at `epoch`, and fails with ``PostgresStoreError/fenced(ownEpoch:currentEpoch:)``
    /// otherwise. Set once, by the instance that won `epoch`, before it restores.
    public func fence(epoch: Int64) {
        precondition(epoch > 0, "epochs start at 1")
        fencingEpoch.withLock { current in
            precondition(current == nil, "an instance leads at most once: it exits when it loses leadership")
            current = epoch
        }
    }

    public func commit(_ changes: StoreChanges) async throws {
        if changes.isEmpty { return }
        let epoch = fencingEpoch.withLock { $0 }
        try await inTransaction("BEGIN ISOLATION LEVEL READ COMMITTED") { connection in
            if let epoch { try await PostgresStore.checkEpoch(epoch, on: connection, logger: self.logger) }
            try await PostgresStore.write(changes, on: connection, logger: self.logger)
        }
    }

    /// Reads the leadership epoch under `FOR SHARE` and refuses a commit from an older leader.
    /// The share lock is what makes the fence tight: a new leader's `UPDATE … SET epoch` waits for
    /// every commit that read the old epoch to end, so whatever an old leader committed is in the
    /// store before the new leader restores from it, and nothing it commits comes after.
    static func checkEpoch(_ epoch: Int64, on connection: PostgresConnection, logger: Logger) async throws {
        let rows = try await connection.query("SELECT epoch FROM hub_leadership WHERE id = 1 FOR SHARE", logger: logger).collect()
        let current = try rows.first?.decode(Int64.self) ?? -1
        guard current == epoch else { throw PostgresStoreError.fenced(ownEpoch: epoch, currentEpoch: current) }
    }

    /// Runs `body` between `begin` and `COMMIT` on one leased connection. On any error the
    /// transaction is rolled back and the body's error is rethrown unchanged; a connection whose
    /// rollback fails is closed, so the pool never hands out a connection inside a transaction.
    func inTransaction<Result: Sendable>(
        _ begin: PostgresQuery, _ body: @Sendable (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        try await client.withConnection { connection in
            try await connection.query(begin, logger: self.logger)
            do {
                let result = try await body(connection)
                try await connection.query("COMMIT", logger: self.logger)
                return result
            } catch {
                do {
                    try await connection.query("ROLLBACK", logger: self.logger)
                } catch let rollbackError {
                    self.logger.error("rollback failed; closing the connection", metadata: ["error": "\(String(reflecting: rollbackError))"])
                    try? await connection.close()
                }
                throw error
            }
        }
    }

    /// Runs one query on a pooled connection and collects its rows (reads are bounded by their
    /// `LIMIT` or by the size of what they read).
    func rows(_ query: PostgresQuery) async throws -> [PostgresRow] {
        try await client.query(query, logger: logger).collect()
    }

    /// Connects once, outside the pool, and checks the server: a wrong password or an unreachable
    /// host fails here at once with the server's or the socket's own reason (the pool would retry
    /// for about a minute and then report only that it gave up), and a server with
    /// `synchronous_commit` or `fsync` off is refused, since a commit acknowledged to a court
    /// could then be lost in a crash.
    public func checkServer() async throws {
        let connection = try await PostgresConnection.connect(
            configuration: try configuration.connectionConfiguration(), id: 0, logger: logger)
        do {
            for setting in ["synchronous_commit", "fsync"] {
                let rows = try await connection.query("SELECT current_setting(\(setting))", logger: logger).collect()
                let value = try rows.first?.decode(String.self) ?? "(none)"
                guard value != "off" else { throw PostgresStoreError.durabilityNotConfirmed(setting: setting, value: value) }
            }
            try await connection.close()
        } catch {
            try? await connection.close()
            throw error
        }
    }
}
