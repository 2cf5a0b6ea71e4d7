import Foundation
import HubPKI
import HubProtocol
import Hummingbird
import Logging
import Metrics
import NIOCore
import NIOSSL
import Prometheus
import ServiceLifecycle

/// One running hub: the store, the core restored from it, the API and operator listeners, and the
/// lease sweeper — everything `hubd serve` and `hubd demo` run, and what live tests start in-process.
public final class HubRuntime: Sendable {
    public let configuration: HubConfiguration
    public let registry: Registry
    public let store: any Store
    public let core: HubCore
    /// The control ledger in the hub, rebuilt from the store at start.
    public let ledger: LedgerGate
    let logger: Logger
    let clock: @Sendable () -> Int64

    /// Opens the store, restores the core from it and rebuilds the control ledger from it.
    /// `clock` is Unix milliseconds.
    public init(
        configuration: HubConfiguration, registry: Registry, store: any Store, logger: Logger,
        clock: @escaping @Sendable () -> Int64 = HubRuntime.systemClock
    ) async throws {
        self.configuration = configuration
        self.registry = registry
        self.store = store
        self.logger = logger
        self.clock = clock
        ledger = LedgerGate(registry: registry, logger: logger, clock: clock)
        core = HubCore(
            store: store, broadcastAdapters: [], limits: configuration.coreLimits, logger: logger, ledger: ledger, clock: clock)
        let broadcast = Set(registry.broadcastAdapterIDs.map(\.description))
        try await core.restore(adapters: registry.adapters.map { ($0.description, broadcast.contains($0.description)) })
        // No request is served before the services run, so the ledger is whole before the first.
        _ = try await ledger.rebuild(from: store, throughAuditSequence: await core.lastAuditSequence)
    }

    /// Unix milliseconds from the system clock.
    public static let systemClock: @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970 * 1_000) }

    /// The services to run in a ``ServiceGroup``: the HTTPS API, the operator port, the sweeper.
    public func services(
        tlsConfiguration: TLSConfiguration,
        onAPIRunning: @escaping @Sendable (Int) async -> Void = { _ in },
        onOperatorRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) throws -> [any Service] {
        let apiApplication = try HubServer.apiApplication(
            api: makeAPI(), host: configuration.listenHost, port: configuration.listenPort, tlsConfiguration: tlsConfiguration,
            logger: logger, onServerRunning: { channel in await onAPIRunning(channel.localAddress?.port ?? 0) })
        let operatorApplication = HubServer.operatorApplication(
            core: core, metricsText: { await HubMetrics.shared.text(core: self.core) }, host: configuration.operatorHost,
            port: configuration.operatorPort, logger: logger, ledger: ledger,
            onServerRunning: { channel in await onOperatorRunning(channel.localAddress?.port ?? 0) })
        return [apiApplication, operatorApplication, LeaseSweeper(core: core), LedgerTicker(ledger: ledger)]
    }
}

extension HubRuntime {
    /// The API over this runtime's core, store, ledger and registry, with the configured limits.
    public func makeAPI() -> HubAPI {
        var api = HubAPI(
            core: core, store: store, intake: DocumentIntake(registry: registry, clock: clock),
            receiptCheck: LedgerReceiptCheck(sealed: SealedReceiptCheck(registry: registry, clock: clock), store: store),
            registry: registry)
        api.ledger = ledger
        api.eventCheck = SealedReceiptCheck(registry: registry, clock: clock)
        api.maximumItemsPerPoll = configuration.maximumItemsPerPoll
        api.maximumWaitSeconds = configuration.maximumWaitSeconds
        return api
    }
}

/// Ends expired leases every second, so that an adapter that died has its items put back (or
/// dead-lettered) even when it never polls again.
struct LeaseSweeper: Service {
    let core: HubCore

    func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            try? await Task.sleep(for: .seconds(1))
            try? await core.sweepExpiredLeases()
        }
    }
}

extension HubCore {
    /// Ends every expired lease now (see ``expireLeases(now:)``).
    public func sweepExpiredLeases() async throws {
        try await expireLeases(now: clock())
    }
}

/// Moves the control ledger's day forward once a minute, so that freezes nobody touches still
/// lapse on time and their warnings fall due (R-B14, R-E7). A minute is plenty: the ledger works
/// in whole days, and an account touched by a measure or a receipt catches up by itself first.
struct LedgerTicker: Service {
    let ledger: LedgerGate
    var intervalSeconds = 60

    func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            ledger.advance()
            // Cancelled on graceful shutdown, so that stopping the hub does not wait a minute.
            _ = try? await cancelWhenGracefulShutdown { [intervalSeconds] in
                try await Task.sleep(for: .seconds(intervalSeconds))
            }
        }
    }
}
