import Foundation
import HubClient
import HubPKI
import Logging
import QueryHub
import ServiceLifecycle
import Testing

/// Issue 7: one hub instance on PostgreSQL switches its listener from standby to leader without
/// rebinding, and says its role on the operator port.
@Suite("A hub instance's role on PostgreSQL",
       .enabled(if: StoreFixture.postgresURL != nil, "QUERYHUB_POSTGRES_URL is not set; .ci/run starts PostgreSQL and sets it"))
struct HubInstanceTests {
    @Test("issue 7: a standby whose leader does not answer says 503 no-leader with Retry-After: 1; when the lock comes free it leads on the same port")
    func standbyThenLeader() async throws {
        try await StoreFixture.with(.postgres) { fixture in
            // Another instance holds the lock and names a URL nobody listens on.
            let other = try await fixture.openPostgres().openLeadershipLock()
            #expect(try await other.tryAcquire())
            let otherEpoch = try await other.claim(instance: "hub-9", apiURL: "https://127.0.0.1:1")
            var configuration = HubConfiguration()
            configuration.dataDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("instance-\(UUID().uuidString)").path
            configuration.listenPort = 0
            configuration.operatorPort = 0
            configuration.store = "postgres"
            defer { try? FileManager.default.removeItem(atPath: configuration.dataDirectory) }
            let setup = try DevelopmentSetup.prepare(configuration)
            let running = try await RunningInstance.start(configuration: configuration, setup: setup, store: try await fixture.openPostgres())
            let court = try running.client(setup, PrincipalIdentity(kind: .court, id: "京0105"))
            do {
                try await running.waitUntil { if case .forwarding = $0 { return true } else { return false } }
                let refused = try await court.request(.GET, "/v1/instructions/NONE")
                #expect(refused.statusCode == 503 && refused.headerValue("retry-after") == "1", "\(refused.bodyText)")
                #expect(refused.json["type"] as? String == Problem.noLeader.type, "\(refused.bodyText)")
                let standby = try await running.operatorText("/readyz")
                #expect(standby == "ready: standby hub-1, forwarding to hub-9 at https://127.0.0.1:1, epoch \(otherEpoch)\n")
                // The other instance's session ends: this one takes over on the port it already listens on.
                await other.close()
                try await running.waitUntil { if case .leader = $0 { return true } else { return false } }
                let served = try await court.request(.GET, "/v1/instructions/NONE")
                #expect(served.statusCode == 404 && served.json["type"] as? String == Problem.notFound.type, "\(served.bodyText)")
                #expect(try await running.operatorText("/readyz").hasPrefix("ready: leader hub-1, epoch \(otherEpoch + 1),"))
                #expect(try await running.operatorText("/metrics").contains("hub_leadership_epoch \(otherEpoch + 1)"))
            } catch {
                try? await court.shutdown()
                await running.stop()
                throw error
            }
            try? await court.shutdown()
            await running.stop()
        }
    }
}

/// A ``HubInstance`` running in this process on free loopback ports.
private struct RunningInstance {
    let instance: HubInstance
    let running: RunningServices

    var apiPort: Int { running.apiPort }
    var operatorPort: Int { running.operatorPort }

    static func start(configuration: HubConfiguration, setup: DevelopmentSetup, store: PostgresStore) async throws -> RunningInstance {
        HubMetrics.shared.bootstrap()
        var logger = Logger(label: "hub-instance-test")
        logger.logLevel = .warning
        let principal = try PrincipalIdentity(kind: .hub, id: configuration.instanceName)
        let instance = HubInstance(
            configuration: configuration, registry: setup.registry, store: store,
            forwardingTLS: try makeClientTLSConfiguration(client: setup.pki.client(principal), trustRootsPEM: setup.pki.authority.certificatePEM),
            logger: logger)
        let running = try await instance.start(
            tlsConfiguration: try makeServerTLSConfiguration(server: setup.pki.server, trustRootsPEM: setup.pki.authority.certificatePEM))
        return RunningInstance(instance: instance, running: running)
    }

    func client(_ setup: DevelopmentSetup, _ principal: PrincipalIdentity) throws -> HubHTTPClient {
        try HubHTTPClient(
            baseURL: "https://127.0.0.1:\(apiPort)",
            tlsConfiguration: try makeClientTLSConfiguration(client: setup.pki.client(principal), trustRootsPEM: setup.pki.authority.certificatePEM))
    }

    /// Waits (at most 10 s) until the instance's role satisfies `condition`.
    func waitUntil(_ condition: (InstanceRole) -> Bool) async throws {
        for _ in 0..<200 {
            if condition(instance.role.current) { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("the role is still \(instance.role.current.name) after 10 s")
    }

    func operatorText(_ path: String) async throws -> String {
        let client = try HubHTTPClient(baseURL: "http://127.0.0.1:\(operatorPort)", tlsConfiguration: nil, connectionPoolSize: 1)
        let text = try await client.request(.GET, path).bodyText
        try? await client.shutdown()
        return text
    }

    func stop() async {
        await running.stop()
        await instance.shutdown()
    }
}
