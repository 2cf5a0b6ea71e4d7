import Foundation
import GRDB

/// The embedded store: SQLite in WAL mode through GRDB, `synchronous = FULL` so that a commit is
/// on disk before ``commit(_:)`` returns. Many requests share one transaction (the hub's group
/// commit), so one fsync covers them all.
public final class SQLiteStore: Store {
    let pool: DatabasePool
    /// The database file.
    public let path: String

    /// Opens (creating if needed) the database at `path` and applies the schema migrations.
    public init(path: String) throws {
        self.path = path
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { database in
            try database.execute(sql: "PRAGMA foreign_keys = ON")
        }
        pool = try DatabasePool(path: path, configuration: configuration)
        // GRDB sets synchronous = NORMAL on its writer after prepareDatabase; with NORMAL a
        // committed transaction can be lost on power failure. Set FULL afterwards and check it.
        try pool.writeWithoutTransaction { database in
            try database.execute(sql: "PRAGMA synchronous = FULL")
            let level = try Int.fetchOne(database, sql: "PRAGMA synchronous")
            guard level == 2 else { throw StoreError.durabilityNotConfirmed(synchronousLevel: level ?? -1) }
        }
        try SQLiteStore.migrator.migrate(pool)
    }

    /// The `synchronous` level the writer connection runs with (2 = FULL).
    public func synchronousLevel() throws -> Int {
        try pool.writeWithoutTransaction { try Int.fetchOne($0, sql: "PRAGMA synchronous") ?? -1 }
    }

    public func commit(_ changes: StoreChanges) async throws {
        if changes.isEmpty { return }
        try await pool.write { database in
            try SQLiteStore.write(changes, to: database)
        }
    }
}

/// A failure of the store itself (not of a request).
public enum StoreError: Error, CustomStringConvertible, Equatable {
    case durabilityNotConfirmed(synchronousLevel: Int)
    case corrupt(String)
    case auditChainGap(expected: Int64, got: Int64)

    public var description: String {
        switch self {
        case .durabilityNotConfirmed(let level):
            return "SQLite runs with synchronous=\(level), not FULL (2): commits would not be durable"
        case .corrupt(let what): return "the store holds something unreadable: \(what)"
        case .auditChainGap(let expected, let got):
            return "audit entry \(got) does not follow \(expected - 1)"
        }
    }
}
