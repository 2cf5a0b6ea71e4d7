import Foundation
import HubClient
import HubPKI
import Logging
import QueryHub

/// A real hub in the test's process for any registry: SQLite on disk in a temporary directory,
/// HTTPS with mutual TLS on a free loopback port, certificates from `pki`. (UnitTests' LiveHub is
/// the same for the sample registry and its files.)
final class InProcessHub: Sendable {
    let configuration: HubConfiguration
    let registry: Registry
    let pki: DevelopmentPKIMaterial
    private let running: RunningHub

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
        let running = try await runtime.start(
            tlsConfiguration: try makeServerTLSConfiguration(server: pki.server, trustRootsPEM: pki.authority.certificatePEM))
        return InProcessHub(configuration: configuration, registry: registry, pki: pki, running: running)
    }

    private init(configuration: HubConfiguration, registry: Registry, pki: DevelopmentPKIMaterial, running: RunningHub) {
        self.configuration = configuration
        self.registry = registry
        self.pki = pki
        self.running = running
    }

    var runtime: HubRuntime { running.runtime }
    var apiPort: Int { running.apiPort }

    /// Shuts the hub down gracefully and removes its data directory.
    func stop() async {
        await running.stop()
        try? FileManager.default.removeItem(atPath: configuration.dataDirectory)
    }

    /// A client holding `principal`'s certificate, with a pool of `connections`.
    func client(_ principal: PrincipalIdentity, connections: Int = 1) throws -> HubHTTPClient {
        try HubHTTPClient(
            baseURL: "https://127.0.0.1:\(apiPort)",
            tlsConfiguration: try makeClientTLSConfiguration(client: pki.client(principal), trustRootsPEM: pki.authority.certificatePEM),
            // A load test opens a thousand connections at once on a small, busy machine: the
            // handshakes queue, so connecting may take far longer than a client's usual 5 s.
            connectionPoolSize: connections, connectTimeout: .seconds(60), requestTimeout: .seconds(60))
    }
}
