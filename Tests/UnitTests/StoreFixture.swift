import Foundation
import Logging
import PostgresNIO
@testable import QueryHub
import Synchronization
import Testing

/// A store of one kind in a place of its own for one test — a fresh SQLite file, or a fresh
/// PostgreSQL schema — that can be opened again (as after a restart) and is removed afterwards,
/// so tests run side by side.
final class StoreFixture: Sendable {
    /// The kinds of store the suites run against.
    enum Kind: String, Sendable, CaseIterable, CustomTestStringConvertible {
        case sqlite, postgres
        var testDescription: String { self == .sqlite ? "SQLite" : "PostgreSQL" }
    }

    /// The server the PostgreSQL half runs against (`.ci/run` starts one and sets it), or nil.
    static let postgresURL: String? = {
        guard let url = ProcessInfo.processInfo.environment["QUERYHUB_POSTGRES_URL"], !url.isEmpty else { return nil }
        return url
    }()

    /// The kinds available here: SQLite always, PostgreSQL when `QUERYHUB_POSTGRES_URL` is set.
    static var available: [Kind] { postgresURL == nil ? [.sqlite] : [.sqlite, .postgres] }

    let kind: Kind
    /// The SQLite file, or the PostgreSQL schema.
    let location: String
    private let directory: URL?
    private let postgresStores = Mutex<[PostgresStore]>([])

    private init(kind: Kind) throws {
        self.kind = kind
        switch kind {
        case .sqlite:
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("store-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            self.directory = directory
            location = directory.appendingPathComponent("hub.sqlite").path
        case .postgres:
            directory = nil
            location = "queryhub_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        }
    }

    /// Opens the store (again): the same file or schema each time, migrated.
    func open() async throws -> any Store {
        switch kind {
        case .sqlite:
            return try SQLiteStore(path: location)
        case .postgres:
            return try await openPostgres()
        }
    }

    /// Opens the PostgreSQL store in this fixture's schema; the fixture shuts it down at the end.
    func openPostgres() async throws -> PostgresStore {
        let url = try #require(Self.postgresURL, "QUERYHUB_POSTGRES_URL is not set")
        var configuration = try PostgresStore.Configuration(url: url, maximumConnections: 4)
        configuration.schema = location
        var logger = Logger(label: "test.postgres")
        logger.logLevel = .warning
        let store = try await PostgresStore.open(configuration: configuration, logger: logger)
        postgresStores.withLock { $0.append(store) }
        return store
    }

    /// Runs `body` with a fresh fixture of `kind`, then removes what it made, also when `body` fails.
    static func with<Result>(_ kind: Kind, _ body: (StoreFixture) async throws -> Result) async throws -> Result {
        let fixture = try StoreFixture(kind: kind)
        do {
            let result = try await body(fixture)
            try await fixture.remove()
            return result
        } catch {
            try? await fixture.remove()
            throw error
        }
    }

    /// Runs `body` with one freshly opened store of `kind`.
    static func withStore<Result>(_ kind: Kind, _ body: (any Store) async throws -> Result) async throws -> Result {
        try await with(kind) { fixture in try await body(try await fixture.open()) }
    }

    /// Drops the schema (or deletes the directory) and shuts every opened client down.
    private func remove() async throws {
        if let directory { try? FileManager.default.removeItem(at: directory) }
        let stores = postgresStores.withLock { stores in
            defer { stores.removeAll() }
            return stores
        }
        var dropFailure: (any Error)?
        if let last = stores.last {
            // The schema name was made here from a UUID: a plain identifier, safe to write into SQL.
            do {
                try await last.client.query(PostgresQuery(unsafeSQL: "DROP SCHEMA IF EXISTS \(location) CASCADE"))
            } catch {
                dropFailure = error
            }
        }
        for store in stores { await store.shutdown() }
        if let dropFailure { throw dropFailure }
    }
}
