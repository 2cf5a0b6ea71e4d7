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
        let router = Hummingbird.Router()
        router.get("/healthz") { _, _ in "ok\n" }
        router.get("/readyz") { _, _ -> Response in
            if let reason = await core.failureReason {
                return Response(status: .serviceUnavailable, body: .init(byteBuffer: ByteBuffer(string: "stopped: \(reason)\n")))
            }
            return Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: "ready\n")))
        }
        router.get("/dashboard") { _, _ -> Response in
            let page = Dashboard.page(
                await core.currentStatistics, failure: await core.failureReason,
                nowMilliseconds: Int64(Date().timeIntervalSince1970 * 1_000), ledger: ledger)
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
