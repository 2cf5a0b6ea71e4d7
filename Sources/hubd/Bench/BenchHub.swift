import Foundation
#if canImport(Glibc)
import Glibc
#endif
import HubPKI
import Logging
import NIOSSL
import QueryHub
import ServiceLifecycle

/// The hub the bench drives, started in this process, with the bench nation's registry and PKI,
/// HTTPS with mutual TLS on free loopback ports. On SQLite (synchronous=FULL, the default) in a
/// temporary directory; on PostgreSQL (`--store postgres`) in a schema of its own, dropped at the
/// end, as one instance or two (issue 7): the first leads, the second forwards to it.
final class BenchHub: BenchHubHandle, Sendable {
    /// Where the courts post: the leader, or with two instances the standby (every submission pays
    /// the forwarding hop).
    let courtURL: String
    /// Where the banks poll: the leader.
    let bankURL: String
    let directory: String
    /// Each instance's services, stopped in reverse order at stop.
    private let running: [RunningServices]
    /// The PostgreSQL stores, one per instance, shut down (the bench's schema dropped) at stop.
    private let stores: [PostgresStore]
    /// The instances on PostgreSQL, whose forwarders are closed at stop.
    private let instances: [HubInstance]

    /// The URL courts post to, for the progress line.
    var baseURL: String { courtURL == bankURL ? courtURL : "\(courtURL) (courts) and \(bankURL) (banks)" }

    static func start(nation: BenchNation, settings: BenchSettings) async throws -> BenchHub {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hubd-bench-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var configuration = configuration(directory: directory, settings: settings)
        var logger = Logger(label: "bench.hub")
        logger.logLevel = .error
        let tls = try makeServerTLSConfiguration(server: nation.pki.server, trustRootsPEM: nation.pki.authority.certificatePEM)
        guard settings.store == "postgres" else {
            let store = try SQLiteStore(path: configuration.databasePath)
            let runtime = try await HubRuntime(configuration: configuration, registry: nation.registry, store: store, logger: logger)
            let running = try await runtime.start(tlsConfiguration: tls)
            let url = "https://127.0.0.1:\(running.apiPort)"
            return BenchHub(courtURL: url, bankURL: url, directory: directory, running: [running.services], stores: [], instances: [])
        }
        var urls: [String] = []
        var running: [RunningServices] = []
        var stores: [PostgresStore] = []
        var instances: [HubInstance] = []
        let schemaURL = try postgresURL(settings)
        for number in 1...settings.instances {
            configuration.instanceName = "hub-\(number)"
            let store = try await PostgresStore.open(configuration: try PostgresStore.Configuration(url: schemaURL), logger: logger)
            stores.append(store)
            let (services, instance) = try await startInstance(
                configuration: configuration, nation: nation, store: store, tls: tls, logger: logger)
            urls.append("https://127.0.0.1:\(services.apiPort)")
            running.append(services)
            instances.append(instance)
            // The first leads before the second starts, so that the second forwards to it.
            try await waitUntilLeading(instance, leads: number == 1)
        }
        return BenchHub(
            courtURL: urls.last!, bankURL: urls[0], directory: directory, running: running, stores: stores, instances: instances)
    }

    /// The hub's settings for a run: the bench's limits, ephemeral ports.
    static func configuration(directory: String, settings: BenchSettings) -> HubConfiguration {
        var configuration = HubConfiguration()
        configuration.dataDirectory = directory
        configuration.listenPort = 0
        configuration.operatorPort = 0
        configuration.maximumItemsPerPoll = max(configuration.maximumItemsPerPoll, settings.pollBatch)
        configuration.maximumWaitSeconds = 5
        configuration.maximumQueuedItemsPerAdapter = 1_000_000
        configuration.maximumOpenBroadcasts = settings.maximumOpenBroadcasts
        configuration.maximumOpenBroadcastItems = settings.maximumOpenBroadcastItems
        return configuration
    }

    /// The bench's URL with a fresh schema of its own.
    private static func postgresURL(_ settings: BenchSettings) throws -> String {
        guard let url = settings.postgresURL else { throw BenchError.hubDidNotStart("--store postgres needs --postgres-url or QUERYHUB_POSTGRES_URL") }
        let schema = "hubd_bench_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
        return url + (url.contains("?") ? "&" : "?") + "schema=\(schema)"
    }

    /// One instance on its own store; its API URL is known once its listener is bound (port 0).
    private static func startInstance(
        configuration: HubConfiguration, nation: BenchNation, store: PostgresStore, tls: TLSConfiguration, logger: Logger
    ) async throws -> (RunningServices, HubInstance) {
        let principal = try PrincipalIdentity(kind: .hub, id: configuration.instanceName)
        // A fixed port, known before the instance starts: it may claim leadership (and publish
        // its URL) before its listener has bound.
        var configured = configuration
        configured.listenPort = try freeLoopbackPort()
        configured.advertisedURL = "https://127.0.0.1:\(configured.listenPort)"
        let instance = HubInstance(
            configuration: configured, registry: nation.registry, store: store,
            forwardingTLS: try makeClientTLSConfiguration(client: nation.pki.client(principal), trustRootsPEM: nation.pki.authority.certificatePEM),
            logger: logger)
        return (try await instance.start(tlsConfiguration: tls), instance)
    }

    private static func waitUntilLeading(_ instance: HubInstance, leads: Bool) async throws {
        // Bounded: 600 checks of 50 ms (a restore of an empty schema takes well under a second).
        for _ in 0..<600 {
            switch instance.role.current {
            case .leader where leads, .forwarding where !leads: return
            default: try await Task.sleep(for: .milliseconds(50))
            }
        }
        throw BenchError.hubDidNotStart("\(instance.configuration.instanceName) did not \(leads ? "lead" : "follow the leader") within 30 s")
    }

    /// A TCP port free on loopback now: bound to port 0, read back, released.
    static func freeLoopbackPort() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw BenchError.hubDidNotStart("socket() failed: errno \(errno)") }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bind(descriptor, socketAddress, length) == 0 && getsockname(descriptor, socketAddress, &length) == 0
            }
        }
        guard bound else { throw BenchError.hubDidNotStart("cannot bind a loopback port: errno \(errno)") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    private init(
        courtURL: String, bankURL: String, directory: String, running: [RunningServices], stores: [PostgresStore], instances: [HubInstance]
    ) {
        self.instances = instances
        self.courtURL = courtURL
        self.bankURL = bankURL
        self.directory = directory
        self.running = running
        self.stores = stores
    }

    /// Stops the hub, drops the bench's PostgreSQL schema and deletes its directory.
    func stop() async {
        for services in running.reversed() { await services.stop() }
        for instance in instances { await instance.shutdown() }
        if let store = stores.first { try? await store.dropSchema() }
        for store in stores { await store.shutdown() }
        try? FileManager.default.removeItem(atPath: directory)
    }
}
