import Foundation
import Hummingbird
import Logging
import Metrics
import NIOSSL
import ServiceLifecycle
import Synchronization

/// One of several hub instances on one PostgreSQL database (issue 7). Every instance serves the
/// whole API; exactly one at a time — the leader — applies, and the others forward to it.
///
/// The leader is whoever holds a session advisory lock (``LeadershipLock``). On winning it, an
/// instance raises the epoch in `hub_leadership`, fences its store to that epoch (every commit of
/// an older leader fails from then on), restores its core and ledger from the store exactly as a
/// restart does (``HubRuntime``), and installs the native router in its listener. No state lives
/// only in an instance: the leader's memory is a cache of the database, rebuilt at takeover.
///
/// Leading is for life: a leader whose lock connection fails, whose commit is fenced or fails,
/// stops (its leadership service throws, so `hubd serve` exits non-zero and its supervisor starts
/// it again as a standby). PostgreSQL releases the lock of a dead session, so a standby takes over
/// within about ``pollMilliseconds`` of the database noticing.
public final class HubInstance: Sendable {
    public let configuration: HubConfiguration
    public let registry: Registry
    public let store: PostgresStore
    /// What the listener does now: serve, forward or refuse.
    public let role = InstanceRoleHolder()
    /// The client TLS a standby forwards with: this instance's `hub` certificate.
    let forwardingTLS: TLSConfiguration
    let logger: Logger
    let clock: @Sendable () -> Int64
    /// The leader's runtime, once this instance leads.
    private let leading = Mutex<HubRuntime?>(nil)
    /// One forwarder per leader URL seen, kept until the instance stops (few: one per instance).
    private let forwarders = Mutex<[String: HubForwarder]>([:])
    /// How often a standby tries the lock and rereads who leads, and a leader checks its lock.
    public static let pollMilliseconds = 300
    /// The most distinct leader URLs one instance keeps forwarders for.
    static let maximumForwarders = 64

    /// An instance on `store` (migrated), forwarding with `forwardingTLS` while it does not lead.
    public init(
        configuration: HubConfiguration, registry: Registry, store: PostgresStore, forwardingTLS: TLSConfiguration, logger: Logger,
        clock: @escaping @Sendable () -> Int64 = HubRuntime.systemClock
    ) {
        self.configuration = configuration
        self.registry = registry
        self.store = store
        self.forwardingTLS = forwardingTLS
        self.logger = logger
        self.clock = clock
    }

    /// The runtime this instance leads with; nil while it is a standby.
    public var runtime: HubRuntime? { leading.withLock { $0 } }

    /// The services to run: the API listener (serving, forwarding or refusing by role), the
    /// operator port (saying the role) and the leadership loop.
    public func services(
        tlsConfiguration: TLSConfiguration,
        onAPIRunning: @escaping @Sendable (Int) async -> Void = { _ in },
        onOperatorRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) throws -> [any Service] {
        let api = try HubServer.apiApplication(
            responder: InstanceResponder(role: role), host: configuration.listenHost, port: configuration.listenPort,
            tlsConfiguration: tlsConfiguration, logger: logger,
            onServerRunning: { channel in await onAPIRunning(channel.localAddress?.port ?? 0) })
        let operatorPort = HubServer.operatorApplication(
            readiness: { await self.readiness() }, dashboard: { await self.dashboard() }, metricsText: { await self.metricsText() },
            host: configuration.operatorHost, port: configuration.operatorPort, logger: logger,
            onServerRunning: { channel in await onOperatorRunning(channel.localAddress?.port ?? 0) })
        return [api, operatorPort, LeadershipService(instance: self)]
    }

    /// Closes the forwarders' connections; call after the services have stopped.
    public func shutdown() async {
        let all = forwarders.withLock { forwarders in
            defer { forwarders = [:] }
            return Array(forwarders.values)
        }
        for forwarder in all { await forwarder.shutdown() }
    }

    // MARK: - Roles

    /// Takes leadership: raise the epoch, fence the store, restore, then serve natively.
    func lead(lock: LeadershipLock) async throws -> HubRuntime {
        let epoch = try await lock.claim(instance: configuration.instanceName, apiURL: configuration.effectiveAdvertisedURL)
        store.fence(epoch: epoch)
        logger.info(
            "this instance leads: restoring from the store",
            metadata: ["instance": "\(configuration.instanceName)", "epoch": "\(epoch)"])
        let runtime = try await HubRuntime(configuration: configuration, registry: registry, store: store, logger: logger, clock: clock)
        leading.withLock { $0 = runtime }
        role.set(.leader(epoch: epoch, responder: HubServer.apiResponder(api: runtime.makeAPI())))
        logger.info("this instance leads: serving", metadata: ["epoch": "\(epoch)", "url": "\(configuration.effectiveAdvertisedURL)"])
        return runtime
    }

    /// Rereads who leads and forwards to it (or refuses, when no other instance leads).
    func follow() async {
        guard let record = try? await store.leadership() else {
            role.set(.standby(leader: nil))
            return
        }
        // Before anyone led, or while the row still names this instance from an earlier life.
        guard record.epoch > 0, record.instance != configuration.instanceName, !record.apiURL.isEmpty else {
            role.set(.standby(leader: record))
            return
        }
        do {
            role.set(.forwarding(leader: record, forwarder: try forwarder(to: record.apiURL)))
        } catch {
            logger.error("cannot forward to the leader", metadata: ["url": "\(record.apiURL)", "error": "\(error)"])
            role.set(.standby(leader: record))
        }
    }

    private func forwarder(to url: String) throws -> HubForwarder {
        if let existing = forwarders.withLock({ $0[url] }) { return existing }
        let made = try HubForwarder(leaderURL: url, tlsConfiguration: forwardingTLS, maximumWaitSeconds: configuration.maximumWaitSeconds)
        let (kept, surplus) = forwarders.withLock { forwarders -> (HubForwarder, HubForwarder?) in
            if let raced = forwarders[url] { return (raced, made) }
            precondition(forwarders.count < Self.maximumForwarders, "at most \(Self.maximumForwarders) leader URLs in one instance's life")
            forwarders[url] = made
            return (made, nil)
        }
        if let surplus { Task { await surplus.shutdown() } }
        return kept
    }

    // MARK: - Operator port

    func readiness() async -> (ready: Bool, line: String) {
        let role = role.current
        switch role {
        case .leader(let epoch, _):
            if let reason = await runtime?.core.failureReason { return (false, "stopped: \(reason)") }
            return (true, "ready: leader \(configuration.instanceName), epoch \(epoch), \(configuration.effectiveAdvertisedURL)")
        case .forwarding(let leader, _):
            return (true, "ready: standby \(configuration.instanceName), forwarding to \(leader.instance) at \(leader.apiURL), epoch \(leader.epoch)")
        case .standby(let leader):
            return (false, "standby \(configuration.instanceName): no leader to forward to (epoch \(leader?.epoch ?? 0))")
        }
    }

    func dashboard() async -> String {
        if let runtime {
            return Dashboard.page(
                await runtime.core.currentStatistics, failure: await runtime.core.failureReason,
                nowMilliseconds: clock(), ledger: runtime.ledger)
        }
        let (_, line) = await readiness()
        return "<!doctype html><title>QueryHub standby</title><p>\(line.replacingOccurrences(of: "<", with: "&lt;"))</p>"
    }

    func metricsText() async -> String {
        let role = role.current
        Gauge(label: "hub_instance_leader").record(role.name == "leader" ? 1 : 0)
        Gauge(label: "hub_leadership_epoch").record(role.epoch ?? 0)
        if let runtime { return await HubMetrics.shared.text(core: runtime.core) }
        return HubMetrics.shared.text()
    }
}

/// Why a leading instance stopped.
public enum HubInstanceError: Error, CustomStringConvertible {
    /// The core stopped (a commit failed or was fenced).
    case coreStopped(reason: String)
    /// The lock's connection failed: another instance may lead now.
    case lostLeadership(reason: String)

    /// A sentence saying what happened.
    public var description: String {
        switch self {
        case .coreStopped(let reason): return "the leading instance stopped applying: \(reason)"
        case .lostLeadership(let reason): return "the leading instance lost its leadership lock: \(reason)"
        }
    }
}

/// The leadership loop: a standby tries the lock every ``HubInstance/pollMilliseconds`` and
/// follows whoever leads; the winner leads until the instance shuts down, and throws (ending the
/// instance) when its lock or its core fails. While leading it also ends expired leases every
/// second and moves the ledger's day once a minute (``LeaseSweeper``, ``LedgerTicker``).
struct LeadershipService: Service {
    let instance: HubInstance

    func run() async throws {
        let lock = try await instance.store.openLeadershipLock()
        do {
            try await campaign(lock: lock)
        } catch {
            await lock.close()
            throw error
        }
        await lock.close()
    }

    private func campaign(lock: LeadershipLock) async throws {
        // Bounded by the instance's life: one round per poll interval until shutdown.
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            if try await lock.tryAcquire() {
                let runtime = try await instance.lead(lock: lock)
                try await hold(lock: lock, runtime: runtime)
                return
            }
            await instance.follow()
            await pause()
        }
    }

    /// Leads until shutdown; throws when the lock's connection or the core fails.
    private func hold(lock: LeadershipLock, runtime: HubRuntime) async throws {
        var lastSweep = ContinuousClock.now
        var lastTick = ContinuousClock.now
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            if let reason = await runtime.core.failureReason { throw HubInstanceError.coreStopped(reason: reason) }
            do {
                try await lock.check()
            } catch {
                throw HubInstanceError.lostLeadership(reason: "\(error)")
            }
            if ContinuousClock.now - lastSweep >= .seconds(1) {
                try? await runtime.core.sweepExpiredLeases()
                lastSweep = .now
            }
            if ContinuousClock.now - lastTick >= .seconds(60) {
                runtime.ledger.advance()
                lastTick = .now
            }
            await pause()
        }
    }

    private func pause() async {
        _ = try? await cancelWhenGracefulShutdown {
            try await Task.sleep(for: .milliseconds(HubInstance.pollMilliseconds))
        }
    }
}
