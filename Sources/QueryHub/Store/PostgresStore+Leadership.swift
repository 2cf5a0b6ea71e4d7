import Logging
import PostgresNIO

/// Who leads the hub instances on one database, as the `hub_leadership` row says (issue 7).
public struct LeadershipRecord: Sendable, Equatable {
    /// Raised by one at every takeover; 0 before any instance has led.
    public var epoch: Int64
    /// The leader's instance name (empty before any instance has led).
    public var instance: String
    /// Where the leader serves the API, for the standbys to forward to.
    public var apiURL: String
}

extension PostgresStore {
    /// The first key of the two-key session advisory lock whose holder leads; the second is the
    /// hash of the schema name, so that hubs in different schemas of one database elect apart.
    static let leadershipLockKey: Int32 = 0x5148_4C44  // "QHLD"

    /// The leadership row, read through the pool.
    public func leadership() async throws -> LeadershipRecord {
        let rows = try await rows("SELECT epoch, instance, api_url FROM hub_leadership WHERE id = 1")
        guard let row = rows.first else { return LeadershipRecord(epoch: 0, instance: "", apiURL: "") }
        let (epoch, instance, apiURL) = try row.decode((Int64, String, String).self)
        return LeadershipRecord(epoch: epoch, instance: instance, apiURL: apiURL)
    }

    /// Opens the dedicated connection an instance holds the leadership lock on (outside the pool:
    /// the lock belongs to the session, and PostgreSQL releases it when the session ends — also
    /// when the process holding it is killed).
    public func openLeadershipLock() async throws -> LeadershipLock {
        let connection = try await PostgresConnection.connect(
            configuration: try configuration.connectionConfiguration(), id: 1, logger: logger)
        return LeadershipLock(connection: connection, schema: configuration.schemaForLocking, logger: logger)
    }
}

/// The session advisory lock whose holder is the one hub instance that applies (issue 7), on a
/// connection of its own. Whoever takes it raises the epoch in `hub_leadership` (``claim(instance:apiURL:)``)
/// before it reads the store, which fences every commit of the leader before it.
public final class LeadershipLock: Sendable {
    let connection: PostgresConnection
    let schema: String
    let logger: Logger

    init(connection: PostgresConnection, schema: String, logger: Logger) {
        self.connection = connection
        self.schema = schema
        self.logger = logger
    }

    /// Takes the lock if nobody holds it; true when this session holds it now. Never waits.
    public func tryAcquire() async throws -> Bool {
        let rows = try await connection.query(
            "SELECT pg_try_advisory_lock(\(PostgresStore.leadershipLockKey), hashtext(\(schema)))", logger: logger
        ).collect()
        return try rows.first?.decode(Bool.self) ?? false
    }

    /// Raises the epoch and names this instance as the leader; returns the new epoch. Waits for
    /// every commit of an older leader that still holds the row `FOR SHARE`.
    public func claim(instance: String, apiURL: String) async throws -> Int64 {
        let rows = try await connection.query(
            """
            UPDATE hub_leadership SET epoch = epoch + 1, instance = \(instance), api_url = \(apiURL), since = now()
            WHERE id = 1 RETURNING epoch
            """, logger: logger
        ).collect()
        guard let epoch = try rows.first?.decode(Int64.self) else {
            throw PostgresStoreError.invalidConfiguration("the hub_leadership row is missing: migrate the database")
        }
        return epoch
    }

    /// Throws when the session (and with it the lock) is gone or does not answer within
    /// `timeoutSeconds`: a leader that cannot prove it still holds the lock must stop.
    public func check(timeoutSeconds: Int = 2) async throws {
        precondition(timeoutSeconds > 0, "a check needs a deadline")
        if connection.isClosed { throw LeadershipLockError.connectionClosed }
        let connection = self.connection
        let logger = self.logger
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { _ = try await connection.query("SELECT 1", logger: logger).collect() }
            group.addTask {
                try await Task.sleep(for: .seconds(timeoutSeconds))
                // Closing fails the query, so the group does not wait on a connection that hangs.
                try? await connection.close()
                throw LeadershipLockError.unresponsive(seconds: timeoutSeconds)
            }
            defer { group.cancelAll() }
            try await group.next()
        }
    }

    /// Closes the session, which releases the lock if it is held.
    public func close() async {
        try? await connection.close()
    }
}

/// Why a leader no longer holds leadership.
public enum LeadershipLockError: Error, CustomStringConvertible, Equatable {
    /// The lock's connection was closed.
    case connectionClosed
    /// The lock's connection did not answer in time.
    case unresponsive(seconds: Int)

    /// A sentence saying what happened.
    public var description: String {
        switch self {
        case .connectionClosed: return "the connection holding the leadership lock was closed"
        case .unresponsive(let seconds): return "the connection holding the leadership lock did not answer within \(seconds) s"
        }
    }
}
