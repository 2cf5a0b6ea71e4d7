import Foundation
import GRDB
import HubClient
import HubPKI
import HubProtocol
import Hummingbird
import HummingbirdTLS
import Logging
import NIOCore
import ServiceLifecycle

/// The machine's own limits, measured by the bench in the same run so that the hub's figures are
/// read as ratios to them.
struct MachineCeilings: Sendable {
    var sqliteRowsPerSecond: Double
    var echoRequestsPerSecond: Double
    var sm2VerificationsPerSecondPerCore: Double
    var ed25519VerificationsPerSecondPerCore: Double

    static func measure(seconds: Double, progress: @Sendable (String) -> Void) async throws -> MachineCeilings {
        progress("ceiling: SQLite durable inserts…")
        let sqlite = try sqliteRowsPerSecond(seconds: seconds)
        progress("ceiling: HTTPS echo over mutual TLS…")
        let echo = try await echoRequestsPerSecond(seconds: seconds)
        progress("ceiling: seal verifications…")
        return MachineCeilings(
            sqliteRowsPerSecond: sqlite, echoRequestsPerSecond: echo,
            sm2VerificationsPerSecondPerCore: try verificationsPerSecond(.sm2WithSM3, seconds: seconds),
            ed25519VerificationsPerSecondPerCore: try verificationsPerSecond(.ed25519, seconds: seconds))
    }

    /// Rows of ~200 bytes committed per second in transactions of 1,000, WAL, synchronous=FULL.
    static func sqliteRowsPerSecond(seconds: Double) throws -> Double {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hubd-bench-sqlite-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let queue = try DatabaseQueue(path: directory + "/ceiling.sqlite")
        try queue.writeWithoutTransaction { database in
            try database.execute(sql: "PRAGMA journal_mode = WAL")
            try database.execute(sql: "PRAGMA synchronous = FULL")
            try database.execute(sql: "CREATE TABLE item (id INTEGER PRIMARY KEY, instruction TEXT NOT NULL, adapter TEXT NOT NULL, payload BLOB NOT NULL)")
        }
        let synchronous = try queue.read { try Int.fetchOne($0, sql: "PRAGMA synchronous") }
        precondition(synchronous == 2, "synchronous must read back FULL (2)")
        let payload = [UInt8](repeating: 0x5A, count: 160)
        let start = Date()
        var rows = 0
        while Date().timeIntervalSince(start) < seconds && rows < 100_000_000 {
            try queue.write { database in
                let statement = try database.makeStatement(sql: "INSERT INTO item (id, instruction, adapter, payload) VALUES (?, ?, ?, ?)")
                for index in 0..<1_000 {
                    try statement.execute(arguments: [rows + index + 1, "BN-\(rows / 4_000)", "bank:SB\(index)", Data(payload)])
                }
            }
            rows += 1_000
        }
        return Double(rows) / Date().timeIntervalSince(start)
    }

    /// Verifications of a seal over a ~1 KB document per second on one core.
    static func verificationsPerSecond(_ algorithm: SealAlgorithm, seconds: Double) throws -> Double {
        let key = try SealPrivateKey.generate(algorithm)
        let document = [UInt8](repeating: 0x7B, count: 1_024)
        let seal = try Seal.sign(document, with: key, keyId: "bench#1")
        let start = Date()
        var count = 0
        while count % 100 != 0 || Date().timeIntervalSince(start) < seconds {
            try Seal.verify(document, seal: seal, publicKey: key.publicKey)
            count += 1
        }
        return Double(count) / Date().timeIntervalSince(start)
    }

    /// Requests per second of an echo route on Hummingbird with the hub's mutual-TLS
    /// configuration, from HubHTTPClient with 64 requests in flight.
    static func echoRequestsPerSecond(seconds: Double) async throws -> Double {
        let principal = try PrincipalIdentity(kind: .court, id: "京0105")
        let pki = try DevelopmentPKI.makeInMemory(principals: [principal])
        let router = Router()
        router.post("/echo") { request, _ -> ByteBuffer in try await request.body.collect(upTo: 65_536) }
        var logger = Logger(label: "bench.echo")
        logger.logLevel = .error
        let ports = AsyncStream<Int>.makeStream()
        let application = Application(
            router: router,
            server: try .tls(.http1(), tlsConfiguration: try makeServerTLSConfiguration(server: pki.server, trustRootsPEM: pki.authority.certificatePEM)),
            configuration: .init(address: .hostname("127.0.0.1", port: 0), serverName: "echo"),
            onServerRunning: { channel in ports.continuation.yield(channel.localAddress?.port ?? 0) },
            logger: logger)
        let group = ServiceGroup(configuration: .init(services: [application], logger: logger))
        let task = Task { try await group.run() }
        var port = 0
        for await found in ports.stream { port = found; break }
        let client = try HubHTTPClient(
            baseURL: "https://127.0.0.1:\(port)",
            tlsConfiguration: try makeClientTLSConfiguration(client: pki.client(principal), trustRootsPEM: pki.authority.certificatePEM),
            connectionPoolSize: 64)
        let body = [UInt8](repeating: 0x61, count: 300)
        let deadline = Date().addingTimeInterval(seconds)
        let start = Date()
        let count = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<64 {
                group.addTask {
                    var done = 0
                    while Date() < deadline {
                        if (try? await client.request(.POST, "/echo", body: body))?.statusCode == 200 { done += 1 }
                    }
                    return done
                }
            }
            return await group.reduce(0, +)
        }
        let rate = Double(count) / Date().timeIntervalSince(start)
        try? await client.shutdown()
        await group.triggerGracefulShutdown()
        _ = try? await task.value
        return rate
    }
}
