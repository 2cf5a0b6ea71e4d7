import ArgumentParser
import Foundation
import HubPKI
import Logging
import QueryHub
import ServiceLifecycle

/// `hubd serve`: the hub, from a configuration file and the environment.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Run the hub: HTTPS with mutual TLS for courts and adapters, plain HTTP for operators.")

    @Option(help: "A JSON configuration file; QUERYHUB_* environment variables override it.")
    var config: String?

    func run() async throws {
        let configuration = try HubConfiguration.load(file: config, environment: ProcessInfo.processInfo.environment)
        let logger = HubLogging.bootstrap()
        guard configuration.registryFile != nil else {
            throw ValidationError("configuration setting registryFile: required by serve (hubd demo uses the sample registry)")
        }
        let registry = try Registry(json: Array(try Data(contentsOf: URL(fileURLWithPath: configuration.registryFile!))))
        let pki = try DevelopmentPKI.load(directory: configuration.pkiDirectory)
        try await HubProcess.run(configuration: configuration, registry: registry, pki: pki, logger: logger)
    }
}

/// Running a hub until SIGTERM or SIGINT, shared by serve and demo.
enum HubProcess {
    static func run(
        configuration: HubConfiguration, registry: Registry, pki: DevelopmentPKIMaterial, logger: Logger,
        extraServices: [any Service] = [], onRunning: @escaping @Sendable (Int, Int) async -> Void = { _, _ in }
    ) async throws {
        HubMetrics.shared.bootstrap()
        try FileManager.default.createDirectory(atPath: configuration.dataDirectory, withIntermediateDirectories: true)
        let store: any Store
        var postgres: PostgresStore?
        switch configuration.store {
        case "postgres":
            // One hub instance on PostgreSQL; several instances on one database are not supported
            // yet (docs/multi-instance.md): the queues and the ledger live in the instance's memory.
            let opened = try await PostgresStore.open(
                configuration: try PostgresStore.Configuration(url: configuration.postgresURL ?? ""), logger: logger)
            postgres = opened
            store = opened
        default:
            store = try SQLiteStore(path: configuration.databasePath)
        }
        defer { if let postgres { Task { await postgres.shutdown() } } }
        let runtime = try await HubRuntime(configuration: configuration, registry: registry, store: store, logger: logger)
        let tls = try makeServerTLSConfiguration(server: pki.server, trustRootsPEM: pki.authority.certificatePEM)
        let ports = PortPair()
        let services = try runtime.services(
            tlsConfiguration: tls,
            onAPIRunning: { port in if let both = await ports.set(api: port) { await onRunning(both.0, both.1) } },
            onOperatorRunning: { port in if let both = await ports.set(operator: port) { await onRunning(both.0, both.1) } })
        let group = ServiceGroup(
            configuration: .init(
                services: (services + extraServices).map { .init(service: $0) },
                gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }
}

/// Collects both bound ports, then reports them once.
actor PortPair {
    private var api: Int?
    private var operatorPort: Int?

    func set(api port: Int) -> (Int, Int)? {
        api = port
        return operatorPort.map { (port, $0) }
    }

    func set(operator port: Int) -> (Int, Int)? {
        operatorPort = port
        return api.map { ($0, port) }
    }
}

/// JSON log lines on standard error.
enum HubLogging {
    static func bootstrap() -> Logger {
        LoggingSystem.bootstrap { label in JSONLogHandler(label: label) }
        var logger = Logger(label: "hubd")
        logger.logLevel = .info
        return logger
    }
}
