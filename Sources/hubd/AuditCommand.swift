import ArgumentParser
import Foundation
import Logging
import QueryHub

/// `hubd audit verify`: walks the hash-chained audit log (R-G9) and names the first broken link.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Check the audit log.", subcommands: [Verify.self])

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Verify the audit chain; exit 1 naming the first broken link.")

        @Option(help: "The hub's data directory (its SQLite database).")
        var dataDirectory = "var/demo"

        @Option(help: "Verify the chain in this PostgreSQL database instead (postgres://user:password@host:port/database?sslmode=…&schema=…).")
        var postgresURL: String?

        func run() async throws {
            let store: any Store
            var postgres: PostgresStore?
            if let postgresURL {
                let logger = Logger(label: "hubd.audit")
                // Not open(): verifying reads the chain and never migrates the schema.
                let opened = PostgresStore(configuration: try PostgresStore.Configuration(url: postgresURL), logger: logger)
                postgres = opened
                store = opened
            } else {
                var configuration = HubConfiguration()
                configuration.dataDirectory = dataDirectory
                guard FileManager.default.fileExists(atPath: configuration.databasePath) else {
                    throw ValidationError("no database at \(configuration.databasePath)")
                }
                store = try SQLiteStore(path: configuration.databasePath)
            }
            do {
                try await verify(store)
            } catch {
                await postgres?.shutdown()
                throw error
            }
            await postgres?.shutdown()
        }

        private func verify(_ store: any Store) async throws {
            switch try await AuditVerification.verify(store: store) {
            case .intact(let count):
                print("audit chain verified: \(count) entries")
            case .broken(let link):
                FileHandle.standardError.write(Data("audit chain broken: \(link)\n".utf8))
                throw ExitCode(1)
            }
        }
    }
}

