import ArgumentParser
import Foundation
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

        func run() async throws {
            var configuration = HubConfiguration()
            configuration.dataDirectory = dataDirectory
            guard FileManager.default.fileExists(atPath: configuration.databasePath) else {
                throw ValidationError("no database at \(configuration.databasePath)")
            }
            let store = try SQLiteStore(path: configuration.databasePath)
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

