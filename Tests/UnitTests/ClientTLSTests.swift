import HubClient
import HubPKI
import Hummingbird
import HummingbirdTLS
import Logging
import NIOCore
import NIOSSL
import ServiceLifecycle
import Synchronization
import Testing

/// Mutual TLS end to end: a real Hummingbird server on 127.0.0.1 with the hub's server TLS
/// configuration, and real clients (``HubHTTPClient``) with and without the right certificates.
@Suite("Client and server mutual TLS")
struct ClientTLSTests {
    static let court = try! PrincipalIdentity(kind: .court, id: "京0105")
    static let bank = try! PrincipalIdentity(kind: .bank, id: "ICBC")
    /// The hub's PKI.
    static let ours = try! DevelopmentPKI.makeInMemory(principals: [court, bank])
    /// Another CA that issues a certificate for the very same principal.
    static let other = try! DevelopmentPKI.makeInMemory(principals: [court])

    static func serverTLS() throws -> TLSConfiguration {
        try makeServerTLSConfiguration(server: ours.server, trustRootsPEM: ours.authority.certificatePEM)
    }

    @Test("the server configuration demands a client certificate from our CA only")
    func serverConfigurationEnforcesMutualTLS() throws {
        let configuration = try Self.serverTLS()
        #expect(configuration.certificateVerification == .noHostnameVerification)
        #expect(configuration.minimumTLSVersion == .tlsv12)
        let roots = try NIOSSLCertificate.fromPEMBytes(Array(Self.ours.authority.certificatePEM.utf8))
        #expect(configuration.trustRoots == .certificates(roots))
        #expect(configuration.additionalTrustRoots.isEmpty)
    }

    @Test("a client with a certificate from our CA gets 200 and its principal", arguments: ["127.0.0.1", "localhost"])
    func trustedClientIsServed(host: String) async throws {
        let server = EchoServer()
        try await server.run(tls: Self.serverTLS()) { port in
            for principal in [Self.court, Self.bank] {
                let tls = try makeClientTLSConfiguration(
                    client: Self.ours.client(principal),
                    trustRootsPEM: Self.ours.authority.certificatePEM
                )
                let response = try await withClient("https://\(host):\(port)", tls) { client in
                    try await client.request(.GET, "/whoami")
                }
                #expect(response.statusCode == 200)
                #expect(response.bodyText == principal.description)
            }
        }
        #expect(server.handledRequests == 2)
    }

    @Test("a client without a certificate is refused at the TLS handshake")
    func clientWithoutCertificateIsRefused() async throws {
        let server = EchoServer()
        try await server.run(tls: Self.serverTLS()) { port in
            var tls = TLSConfiguration.makeClientConfiguration()
            tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMBytes(Array(Self.ours.authority.certificatePEM.utf8)))
            let error = await requestError("https://127.0.0.1:\(port)", tls)
            // The server's alert 116, certificate_required (TLS 1.3 reports it after the client's Finished).
            #expect(error?.tlsFailureDetail?.contains("TLSV1_ALERT_CERTIFICATE_REQUIRED") == true, "\(String(describing: error))")
        }
        #expect(server.handledRequests == 0)
    }

    @Test("a client with a certificate from another CA is refused, even for a real principal's name")
    func clientFromAnotherAuthorityIsRefused() async throws {
        let server = EchoServer()
        try await server.run(tls: Self.serverTLS()) { port in
            let tls = try makeClientTLSConfiguration(
                client: Self.other.client(Self.court),
                trustRootsPEM: Self.ours.authority.certificatePEM
            )
            let error = await requestError("https://127.0.0.1:\(port)", tls)
            // The server's alert 48, unknown_ca.
            #expect(error?.tlsFailureDetail?.contains("TLSV1_ALERT_UNKNOWN_CA") == true, "\(String(describing: error))")
        }
        #expect(server.handledRequests == 0)
    }

    @Test("a client that does not trust our CA refuses the server")
    func clientRefusesUntrustedServer() async throws {
        let server = EchoServer()
        try await server.run(tls: Self.serverTLS()) { port in
            let tls = try makeClientTLSConfiguration(
                client: Self.ours.client(Self.court),
                trustRootsPEM: Self.other.authority.certificatePEM
            )
            let error = await requestError("https://127.0.0.1:\(port)", tls)
            #expect(error?.tlsFailureDetail?.contains("CERTIFICATE_VERIFY_FAILED") == true, "\(String(describing: error))")
        }
        #expect(server.handledRequests == 0)
    }

    @Test("a client limited to TLS 1.1 is refused: the server requires TLS 1.2 or later")
    func oldProtocolVersionIsRefused() async throws {
        let server = EchoServer()
        try await server.run(tls: Self.serverTLS()) { port in
            var tls = try makeClientTLSConfiguration(
                client: Self.ours.client(Self.court),
                trustRootsPEM: Self.ours.authority.certificatePEM
            )
            tls.minimumTLSVersion = .tlsv1
            tls.maximumTLSVersion = .tlsv11
            let error = await requestError("https://127.0.0.1:\(port)", tls)
            // The server's alert 70, protocol_version.
            #expect(error?.tlsFailureDetail?.contains("TLSV1_ALERT_PROTOCOL_VERSION") == true, "\(String(describing: error))")
        }
        #expect(server.handledRequests == 0)
    }

    #if os(Linux)
    @Test("a client refuses a server whose certificate does not name the address it dialled")
    func clientVerifiesServerName() async throws {
        // Linux routes all of 127.0.0.0/8 to loopback; the certificate names only 127.0.0.1.
        let server = EchoServer()
        try await server.run(tls: Self.serverTLS(), host: "127.0.0.2") { port in
            let tls = try makeClientTLSConfiguration(
                client: Self.ours.client(Self.court),
                trustRootsPEM: Self.ours.authority.certificatePEM
            )
            let error = await requestError("https://127.0.0.2:\(port)", tls)
            #expect(error?.tlsFailureDetail?.contains("failedToValidateHostname") == true, "\(String(describing: error))")
        }
        #expect(server.handledRequests == 0)
    }
    #endif

    @Test("a body above the client's limit is refused; one at the limit is read whole")
    func responseBodyLimit() async throws {
        let server = EchoServer()
        try await server.run(tls: Self.serverTLS()) { port in
            let tls = try makeClientTLSConfiguration(client: Self.ours.client(Self.court), trustRootsPEM: Self.ours.authority.certificatePEM)
            let atLimit = try await withClient("https://127.0.0.1:\(port)", tls, maximumResponseBodyBytes: EchoServer.largeBodyBytes) {
                try await $0.request(.GET, "/large")
            }
            #expect(atLimit.body.count == EchoServer.largeBodyBytes)
            let error = await requestError(
                "https://127.0.0.1:\(port)",
                tls,
                path: "/large",
                maximumResponseBodyBytes: EchoServer.largeBodyBytes - 1
            )
            #expect(error == .responseBodyTooLarge(limitBytes: EchoServer.largeBodyBytes - 1))
        }
    }

    @Test("a request the server never answers ends with a timeout")
    func requestTimeout() async throws {
        let server = EchoServer()
        try await server.run(tls: Self.serverTLS()) { port in
            let tls = try makeClientTLSConfiguration(client: Self.ours.client(Self.court), trustRootsPEM: Self.ours.authority.certificatePEM)
            let client = try HubHTTPClient(baseURL: "https://127.0.0.1:\(port)", tlsConfiguration: tls)
            do throws(HubClientError) {
                _ = try await client.request(.GET, "/hang", timeout: .milliseconds(300))
                Issue.record("the hanging request returned")
            } catch {
                #expect(error == .timeout(phase: "request"))
            }
            try await client.shutdown()
        }
    }

    @Test("nothing listening is a refused connection")
    func connectionRefused() async throws {
        // Port 1 (tcpmux) has no listener on a test machine.
        let client = try HubHTTPClient(baseURL: "http://127.0.0.1:1", tlsConfiguration: nil)
        do throws(HubClientError) {
            _ = try await client.request(.GET, "/healthz")
            Issue.record("a request to a closed port succeeded")
        } catch {
            #expect(error == .connectionRefused(host: "127.0.0.1", port: 1))
        }
        try await client.shutdown()
    }

    @Test("a client misconfigured for the hub is refused before any connection")
    func invalidConfiguration() throws {
        #expect(throws: HubClientError.self) {
            try HubHTTPClient(baseURL: "https://127.0.0.1:8443", tlsConfiguration: nil)
        }
        #expect(throws: HubClientError.self) {
            try HubHTTPClient(baseURL: "ftp://127.0.0.1:8443", tlsConfiguration: nil)
        }
        #expect(throws: HubClientError.self) {
            try HubHTTPClient(baseURL: "http://127.0.0.1:8443/v1", tlsConfiguration: nil)
        }
        #expect(throws: HubClientError.self) {
            try HubHTTPClient(baseURL: "http://127.0.0.1:8443", tlsConfiguration: nil, connectionPoolSize: 0)
        }
    }
}

// MARK: Helpers

extension HubClientError {
    /// The detail of a TLS failure; nil for any other error.
    var tlsFailureDetail: String? {
        if case .tlsFailure(let detail) = self { return detail }
        return nil
    }
}

/// Runs `body` with a fresh client and always shuts the client down.
private func withClient<Value: Sendable>(
    _ baseURL: String,
    _ tls: TLSConfiguration,
    maximumResponseBodyBytes: Int = HubHTTPClient.defaultMaximumResponseBodyBytes,
    _ body: (HubHTTPClient) async throws -> Value
) async throws -> Value {
    let client = try HubHTTPClient(
        baseURL: baseURL,
        tlsConfiguration: tls,
        maximumResponseBodyBytes: maximumResponseBodyBytes
    )
    do {
        let value = try await body(client)
        try await client.shutdown()
        return value
    } catch {
        try await client.shutdown()
        throw error
    }
}

/// The client error of one request that is expected to fail; nil if it succeeded.
private func requestError(
    _ baseURL: String,
    _ tls: TLSConfiguration,
    path: String = "/whoami",
    maximumResponseBodyBytes: Int = HubHTTPClient.defaultMaximumResponseBodyBytes
) async -> HubClientError? {
    do {
        _ = try await withClient(baseURL, tls, maximumResponseBodyBytes: maximumResponseBodyBytes) {
            try await $0.request(.GET, path)
        }
        return nil
    } catch let error as HubClientError {
        return error
    } catch {
        Issue.record("unexpected error type: \(error)")
        return nil
    }
}

/// A request context that keeps the connection's channel, to read the peer certificate.
struct PeerCertificateRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let channel: any Channel

    init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.channel = source.channel
    }
}

/// A tiny real HTTPS server: `/whoami` echoes the principal of the client certificate,
/// `/large` returns ``largeBodyBytes`` bytes, `/hang` answers only when the server stops.
final class EchoServer: Sendable {
    static let largeBodyBytes = 4_096
    private let handled = Mutex(0)
    private let hang = AsyncStream.makeStream(of: Void.self)

    /// How many requests reached a handler: a refused handshake never does.
    var handledRequests: Int { handled.withLock { $0 } }

    func run(
        tls: TLSConfiguration,
        host: String = "127.0.0.1",
        _ body: (Int) async throws -> Void
    ) async throws {
        var logger = Logger(label: "test.echo-server")
        logger.logLevel = .critical
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let app = Application(
            router: makeRouter(),
            server: try .tls(.http1(), tlsConfiguration: tls),
            configuration: .init(address: .hostname(host, port: 0)),
            onServerRunning: { channel in
                portContinuation.yield(channel.localAddress?.port ?? 0)
                portContinuation.finish()
            },
            logger: logger
        )
        let serviceGroup = ServiceGroup(
            configuration: .init(services: [app], gracefulShutdownSignals: [], logger: logger)
        )
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                // If the server fails to start, end the wait for its port.
                defer { portContinuation.finish() }
                try await serviceGroup.run()
            }
            var portIterator = ports.makeAsyncIterator()
            let port = await portIterator.next() ?? 0
            do {
                try #require(port > 0, "the server did not start")
                try await body(port)
            } catch {
                hang.continuation.finish()
                await serviceGroup.triggerGracefulShutdown()
                try await group.waitForAll()
                throw error
            }
            hang.continuation.finish()
            await serviceGroup.triggerGracefulShutdown()
            try await group.waitForAll()
        }
    }

    private func makeRouter() -> Router<PeerCertificateRequestContext> {
        let router = Router(context: PeerCertificateRequestContext.self)
        router.get("whoami") { _, context -> String in
            self.handled.withLock { $0 += 1 }
            guard let certificate = try await context.channel.nioSSL_peerCertificate().get() else {
                throw HTTPError(.unauthorized, message: "no client certificate")
            }
            return try PrincipalIdentity(certificateDERBytes: certificate.toDERBytes()).description
        }
        router.get("large") { _, _ -> String in
            self.handled.withLock { $0 += 1 }
            return String(repeating: "a", count: Self.largeBodyBytes)
        }
        router.get("hang") { _, _ -> String in
            self.handled.withLock { $0 += 1 }
            for await _ in self.hang.stream {}
            return "released"
        }
        return router
    }
}
