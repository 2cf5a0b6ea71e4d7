import Foundation
import HubClient
import HubPKI
import Logging
import QueryHub
import ServiceLifecycle

/// A real hub in the test's process for any registry: SQLite on disk in a temporary directory,
/// HTTPS with mutual TLS on a free loopback port, certificates from `pki`. (UnitTests' LiveHub is
/// the same for the sample registry and its files.)
final class InProcessHub: Sendable {
    let configuration: HubConfiguration
    let registry: Registry
    let pki: DevelopmentPKIMaterial
    let runtime: HubRuntime
    let apiPort: Int
    private let group: ServiceGroup
    private let task: Task<Void, any Error>

    static func start(
        registry: Registry, pki: DevelopmentPKIMaterial, configure: (inout HubConfiguration) -> Void = { _ in }
    ) async throws -> InProcessHub {
        var configuration = HubConfiguration()
        configuration.dataDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("hub-\(UUID().uuidString)").path
        configuration.listenPort = 0
        configuration.operatorPort = 0
        configure(&configuration)
        try configuration.validate()
        try FileManager.default.createDirectory(atPath: configuration.dataDirectory, withIntermediateDirectories: true)
        var logger = Logger(label: "in-process-hub")
        logger.logLevel = .warning
        let store = try SQLiteStore(path: configuration.databasePath)
        let runtime = try await HubRuntime(configuration: configuration, registry: registry, store: store, logger: logger)
        let ports = AsyncStream<(String, Int)>.makeStream()
        let services = try runtime.services(
            tlsConfiguration: try makeServerTLSConfiguration(server: pki.server, trustRootsPEM: pki.authority.certificatePEM),
            onAPIRunning: { ports.continuation.yield(("api", $0)) },
            onOperatorRunning: { ports.continuation.yield(("operator", $0)) })
        let group = ServiceGroup(configuration: .init(services: services.map { .init(service: $0) }, logger: logger))
        let task = Task { try await group.run() }
        var found: [String: Int] = [:]
        for await (name, port) in ports.stream {
            found[name] = port
            if found.count == 2 { break }
        }
        guard let apiPort = found["api"] else { preconditionFailure("the API reports its port before the stream ends") }
        return InProcessHub(
            configuration: configuration, registry: registry, pki: pki, runtime: runtime, apiPort: apiPort, group: group, task: task)
    }

    private init(
        configuration: HubConfiguration, registry: Registry, pki: DevelopmentPKIMaterial, runtime: HubRuntime, apiPort: Int,
        group: ServiceGroup, task: Task<Void, any Error>
    ) {
        self.configuration = configuration
        self.registry = registry
        self.pki = pki
        self.runtime = runtime
        self.apiPort = apiPort
        self.group = group
        self.task = task
    }

    /// Shuts the hub down gracefully and removes its data directory.
    func stop() async {
        await group.triggerGracefulShutdown()
        _ = try? await task.value
        try? FileManager.default.removeItem(atPath: configuration.dataDirectory)
    }

    /// A client holding `principal`'s certificate, with a pool of `connections`.
    func client(_ principal: PrincipalIdentity, connections: Int = 1) throws -> HubHTTPClient {
        try HubHTTPClient(
            baseURL: "https://127.0.0.1:\(apiPort)",
            tlsConfiguration: try makeClientTLSConfiguration(client: pki.client(principal), trustRootsPEM: pki.authority.certificatePEM),
            connectionPoolSize: connections, requestTimeout: .seconds(60))
    }
}
