import Foundation
import Hummingbird
import HummingbirdTLS
import Logging
import NIOCore
import NIOSSL
import ServiceLifecycle

/// Builds the hub's two listeners: the API over HTTPS with mutual TLS only, and the operator's
/// plain-HTTP port (`/healthz`, `/readyz`, `/metrics`), bound to loopback by default.
public enum HubServer {
    /// The HTTPS API application. `tlsConfiguration` must verify client certificates (mutual TLS).
    public static func apiApplication(
        api: HubAPI, host: String, port: Int, tlsConfiguration: TLSConfiguration, logger: Logger,
        onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }
    ) throws -> some ApplicationProtocol {
        precondition(
            tlsConfiguration.certificateVerification != .none,
            "the API serves mutual TLS only: client certificates must be verified")
        let router = Hummingbird.Router(context: HubRequestContext.self)
        api.register(on: router)
        return Application(
            router: router,
            server: try .tls(.http1(), tlsConfiguration: tlsConfiguration),
            configuration: .init(address: .hostname(host, port: port), serverName: "queryhub"),
            onServerRunning: onServerRunning,
            logger: logger)
    }

    /// The HTTPS API application of one instance among several on one database (issue 7): one
    /// responder that serves, forwards or refuses by the instance's role.
    public static func apiApplication(
        responder: InstanceResponder, host: String, port: Int, tlsConfiguration: TLSConfiguration, logger: Logger,
        onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }
    ) throws -> some ApplicationProtocol {
        precondition(
            tlsConfiguration.certificateVerification != .none,
            "the API serves mutual TLS only: client certificates must be verified")
        return Application(
            responder: responder,
            server: try .tls(.http1(), tlsConfiguration: tlsConfiguration),
            configuration: .init(address: .hostname(host, port: port), serverName: "queryhub"),
            onServerRunning: onServerRunning,
            logger: logger)
    }

    /// The native router's responder: the API's routes behind its middleware, as the leading
    /// instance installs it at takeover.
    public static func apiResponder(api: HubAPI) -> any HTTPResponder<HubRequestContext> {
        let router = Hummingbird.Router(context: HubRequestContext.self)
        api.register(on: router)
        return router.buildResponder()
    }

    /// Every route of the operator port, as (method, path): checked against openapi.yaml.
    public static let operatorRoutes: [(method: String, path: String)] = [
        ("GET", "/healthz"),
        ("GET", "/readyz"),
        ("GET", "/metrics"),
    ]

    /// The operator port: health, readiness and Prometheus metrics.
    public static func operatorApplication(
        core: HubCore, metricsText: @escaping @Sendable () async -> String, host: String, port: Int, logger: Logger,
        ledger: LedgerGate? = nil, onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        operatorApplication(
            readiness: {
                if let reason = await core.failureReason { return (false, "stopped: \(reason)") }
                return (true, "ready")
            },
            dashboard: {
                Dashboard.page(
                    await core.currentStatistics, failure: await core.failureReason,
                    nowMilliseconds: Int64(Date().timeIntervalSince1970 * 1_000), ledger: ledger)
            },
            metricsText: metricsText, host: host, port: port, logger: logger, onServerRunning: onServerRunning)
    }

    /// The operator port from what it reports: `readiness` is (ready, one line saying why),
    /// `dashboard` an HTML page. For an instance among several (issue 7) both say its role.
    public static func operatorApplication(
        readiness: @escaping @Sendable () async -> (ready: Bool, line: String), dashboard: @escaping @Sendable () async -> String,
        metricsText: @escaping @Sendable () async -> String, host: String, port: Int, logger: Logger,
        onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let router = Hummingbird.Router()
        router.get("/healthz") { _, _ in "ok\n" }
        router.get("/readyz") { _, _ -> Response in
            let (ready, line) = await readiness()
            return Response(status: ready ? .ok : .serviceUnavailable, body: .init(byteBuffer: ByteBuffer(string: line + "\n")))
        }
        router.get("/dashboard") { _, _ -> Response in
            let page = await dashboard()
            return Response(
                status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: page)))
        }
        router.get("/metrics") { _, _ -> Response in
            Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4"],
                body: .init(byteBuffer: ByteBuffer(string: await metricsText())))
        }
        return Application(
            router: router, configuration: .init(address: .hostname(host, port: port), serverName: "queryhub-operator"),
            onServerRunning: onServerRunning, logger: logger)
    }
}
