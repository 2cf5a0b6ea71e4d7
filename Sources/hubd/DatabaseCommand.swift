import ArgumentParser
import Foundation
import Logging
import QueryHub

/// `hubd db`: the hub's database.
struct DatabaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Manage the hub's PostgreSQL database.",
        subcommands: [MigrateDatabase.self]
    )
}

/// `hubd db migrate --postgres-url postgres://user:password@host:5432/database`.
struct MigrateDatabase: AsyncParsableCommand {
    /// The environment variable read when `--postgres-url` is absent, so that a password need not
    /// appear in the process list.
    static let urlVariable = "HUBD_POSTGRES_URL"

    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Bring the PostgreSQL schema up to this hubd's version.",
        discussion: """
            Applies the schema migrations not yet applied, in one transaction under an advisory lock, \
            so running it while other hubd instances start is safe, and running it again changes nothing. \
            Refuses a server with synchronous_commit or fsync off, and a schema newer than this hubd. \
            hubd also migrates at start-up; this command lets an operator do it ahead of a rollout.
            """
    )

    @Option(name: .customLong("postgres-url"),
            help: "postgres://user:password@host:port/database[?sslmode=disable&schema=name]; default: $\(MigrateDatabase.urlVariable).")
    var postgresURL: String?

    func run() async throws {
        guard let url = postgresURL ?? ProcessInfo.processInfo.environment[Self.urlVariable], !url.isEmpty else {
            throw ValidationError("give --postgres-url or set \(Self.urlVariable)")
        }
        let configuration: PostgresStore.Configuration
        do {
            configuration = try PostgresStore.Configuration(url: url, maximumConnections: 1)
        } catch {
            throw ValidationError(error.description)
        }
        var logger = Logger(label: "hubd.db")
        logger.logLevel = .warning
        let store = PostgresStore(configuration: configuration, logger: logger)
        do {
            let applied = try await store.migrate()
            let version = try await store.schemaVersion()
            let place = "\(configuration.host):\(configuration.port)/\(configuration.database ?? configuration.username)"
                + (configuration.schema.map { " schema \($0)" } ?? "")
            print(applied.isEmpty
                ? "schema already at version \(version) (\(place))"
                : "applied migrations \(applied.map(String.init).joined(separator: ", ")); schema now at version \(version) (\(place))")
            await store.shutdown()
        } catch {
            await store.shutdown()
            // PostgresNIO's errors describe themselves only when reflected (to keep query data out
            // of logs by default); the operator needs the server's message here.
            FileHandle.standardError.write(Data("hubd db migrate: \(String(reflecting: error))\n".utf8))
            throw ExitCode.failure
        }
    }
}
