import Foundation
import HubPKI
import Logging
import QueryHub
import ServiceLifecycle

/// The hub the bench drives, started in this process: SQLite (synchronous=FULL) in a temporary
/// directory, the bench nation's registry and PKI, HTTPS with mutual TLS on a free loopback port.
final class BenchHub: Sendable {
    let runtime: HubRuntime
    let apiPort: Int
    let directory: String
    private let group: ServiceGroup
    private let task: Task<Void, any Error>

    var baseURL: String { "https://127.0.0.1:\(apiPort)" }

    static func start(nation: BenchNation, settings: BenchSettings) async throws -> BenchHub {
        var configuration = HubConfiguration()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hubd-bench-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        configuration.dataDirectory = directory
        configuration.listenPort = 0
        configuration.operatorPort = 0
        configuration.maximumItemsPerPoll = max(configuration.maximumItemsPerPoll, settings.pollBatch)
        configuration.maximumWaitSeconds = 5
        configuration.maximumQueuedItemsPerAdapter = 1_000_000
        configuration.maximumOpenBroadcasts = settings.maximumOpenBroadcasts
        var logger = Logger(label: "bench.hub")
        logger.logLevel = .error
        let store = try SQLiteStore(path: configuration.databasePath)
        let runtime = try await HubRuntime(configuration: configuration, registry: nation.registry, store: store, logger: logger)
        let ports = AsyncStream<(String, Int)>.makeStream()
        let services = try runtime.services(
            tlsConfiguration: try makeServerTLSConfiguration(server: nation.pki.server, trustRootsPEM: nation.pki.authority.certificatePEM),
            onAPIRunning: { ports.continuation.yield(("api", $0)) },
            onOperatorRunning: { ports.continuation.yield(("operator", $0)) })
        let group = ServiceGroup(configuration: .init(services: services.map { .init(service: $0) }, logger: logger))
        let task = Task { try await group.run() }
        var found: [String: Int] = [:]
        for await (name, port) in ports.stream {
            found[name] = port
            if found.count == 2 { break }
        }
        guard let apiPort = found["api"], apiPort > 0 else { throw BenchError.hubDidNotStart("no API port") }
        return BenchHub(runtime: runtime, apiPort: apiPort, directory: directory, group: group, task: task)
    }

    private init(runtime: HubRuntime, apiPort: Int, directory: String, group: ServiceGroup, task: Task<Void, any Error>) {
        self.runtime = runtime
        self.apiPort = apiPort
        self.directory = directory
        self.group = group
        self.task = task
    }

    /// Stops the hub and deletes its directory.
    func stop() async {
        await group.triggerGracefulShutdown()
        _ = try? await task.value
        try? FileManager.default.removeItem(atPath: directory)
    }
}
