import ArgumentParser
import Foundation
import HubPKI
import Logging
import NIOSSL
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
        let tls = try makeServerTLSConfiguration(server: pki.server, trustRootsPEM: pki.authority.certificatePEM)
        let ports = PortPair()
        let onAPIRunning: @Sendable (Int) async -> Void = { port in if let both = await ports.set(api: port) { await onRunning(both.0, both.1) } }
        let onOperatorRunning: @Sendable (Int) async -> Void = { port in
            if let both = await ports.set(operator: port) { await onRunning(both.0, both.1) }
        }
        if configuration.store == "postgres" {
            try await runInstance(
                configuration: configuration, registry: registry, pki: pki, tls: tls, logger: logger, extraServices: extraServices,
                onAPIRunning: onAPIRunning, onOperatorRunning: onOperatorRunning)
            return
        }
        let store = try SQLiteStore(path: configuration.databasePath)
        let runtime = try await HubRuntime(configuration: configuration, registry: registry, store: store, logger: logger)
        let services = try runtime.services(tlsConfiguration: tls, onAPIRunning: onAPIRunning, onOperatorRunning: onOperatorRunning)
        try await runGroup(services + extraServices, logger: logger)
    }

    /// One of several instances on one PostgreSQL database (issue 7): it leads when it wins the
    /// leadership lock and forwards to the leader otherwise; one instance alone simply leads.
    /// Exits non-zero (the group's error) when, leading, it loses the lock or its commits fail.
    static func runInstance(
        configuration: HubConfiguration, registry: Registry, pki: DevelopmentPKIMaterial, tls: TLSConfiguration, logger: Logger,
        extraServices: [any Service], onAPIRunning: @escaping @Sendable (Int) async -> Void,
        onOperatorRunning: @escaping @Sendable (Int) async -> Void
    ) async throws {
        let principal = try PrincipalIdentity(kind: .hub, id: configuration.instanceName)
        guard let credential = pki.clients[principal] else {
            throw ValidationError(
                "no client certificate for \(principal) in \(configuration.pkiDirectory): a standby forwards with it "
                    + "(hubd keys init --dir \(configuration.pkiDirectory) --principal \(principal))")
        }
        let store = try await PostgresStore.open(
            configuration: try PostgresStore.Configuration(url: configuration.postgresURL ?? ""), logger: logger)
        let instance = HubInstance(
            configuration: configuration, registry: registry, store: store,
            forwardingTLS: try makeClientTLSConfiguration(client: credential, trustRootsPEM: pki.authority.certificatePEM), logger: logger)
        do {
            let services = try instance.services(tlsConfiguration: tls, onAPIRunning: onAPIRunning, onOperatorRunning: onOperatorRunning)
            try await runGroup(services + extraServices, logger: logger)
        } catch {
            await instance.shutdown()
            await store.shutdown()
            throw error
        }
        await instance.shutdown()
        await store.shutdown()
    }

    private static func runGroup(_ services: [any Service], logger: Logger) async throws {
        let group = ServiceGroup(
            configuration: .init(
                services: services.map { .init(service: $0) }, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
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

/// JSON log lines on standard error, at `QUERYHUB_LOG_LEVEL` (trace, debug, info — the default —,
/// notice, warning, error, critical). At info the API logs every request; the bench runs its
/// child hub at warning so that 16,000 banks' polls are not also 16,000 log lines a second.
enum HubLogging {
    /// The environment variable naming the level.
    static let levelVariable = "QUERYHUB_LOG_LEVEL"

    static func bootstrap() -> Logger {
        let text = ProcessInfo.processInfo.environment[levelVariable] ?? "info"
        let level = Logger.Level(rawValue: text) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = JSONLogHandler(label: label)
            handler.logLevel = level
            return handler
        }
        var logger = Logger(label: "hubd")
        logger.logLevel = level
        if Logger.Level(rawValue: text) == nil { logger.warning("\(levelVariable)=\(text) is not a log level; logging at info") }
        return logger
    }
}
