import AsyncHTTPClient
import Logging
import NIOCore
import NIOHTTP1
import NIOSSL

/// The HTTPS client every party outside the hub uses (courts, bank and police adapters, the
/// bench): a thin wrapper around AsyncHTTPClient that keeps a pool of mutual-TLS connections to
/// one hub and returns whole responses with a bounded body.
///
/// Create one per hub and share it; call ``shutdown()`` when done (AsyncHTTPClient requires it).
public final class HubHTTPClient: Sendable {
    /// AsyncHTTPClient's default of 8 connections per host throttles a busy adapter or the bench.
    public static let defaultConnectionPoolSize = 64
    /// Responses above this many bytes are refused unless configured otherwise.
    public static let defaultMaximumResponseBodyBytes = 16 << 20

    /// `scheme://host:port` every request path is appended to, without a trailing slash.
    public let baseURL: String
    /// The most bytes of a response body read before failing with `responseBodyTooLarge`.
    public let maximumResponseBodyBytes: Int
    /// The time one request may take, from sending to the last body byte, unless overridden.
    public let requestTimeout: Duration
    /// The host and port of `baseURL`, to name them in errors.
    private let endpoint: (host: String, port: Int)
    private let client: HTTPClient
    private let logger: Logger

    /// Creates a client for the hub at `baseURL`.
    ///
    /// - Parameters:
    ///   - baseURL: `https://host:port` (or `http://` without TLS, for plain local tests).
    ///   - tlsConfiguration: required for `https`, e.g. from `makeClientTLSConfiguration`.
    ///   - connectionPoolSize: the most concurrent HTTP/1 connections to the hub.
    ///   - connectTimeout: the limit on establishing TCP (the TLS handshake has its own).
    ///   - requestTimeout: the default limit on a whole request; long polls need more than
    ///     their wait time.
    ///   - maximumResponseBodyBytes: responses above this are refused.
    ///   - retriesConnectionEstablishment: whether a failing connect is retried until the
    ///     request's deadline. Off by default: a refused connection or a refused certificate is
    ///     reported at once, and the caller (a poller) applies its own backoff.
    ///   - logger: where AsyncHTTPClient logs background activity and requests.
    public init(
        baseURL: String,
        tlsConfiguration: TLSConfiguration?,
        connectionPoolSize: Int = defaultConnectionPoolSize,
        connectTimeout: Duration = .seconds(5),
        requestTimeout: Duration = .seconds(30),
        maximumResponseBodyBytes: Int = defaultMaximumResponseBodyBytes,
        retriesConnectionEstablishment: Bool = false,
        logger: Logger = Logger(label: "hub.client")
    ) throws(HubClientError) {
        guard (1...10_000).contains(connectionPoolSize) else {
            throw HubClientError.invalidRequest(reason: "connection pool size \(connectionPoolSize) is outside 1...10000")
        }
        guard maximumResponseBodyBytes > 0, connectTimeout > .zero, requestTimeout > .zero else {
            throw HubClientError.invalidRequest(reason: "limits and timeouts must be positive")
        }
        self.baseURL = try Self.validatedBaseURL(baseURL, hasTLS: tlsConfiguration != nil)
        self.endpoint = try Self.endpoint(of: self.baseURL)
        self.maximumResponseBodyBytes = maximumResponseBodyBytes
        self.requestTimeout = requestTimeout
        self.logger = logger

        var pool = HTTPClient.Configuration.ConnectionPool(
            idleTimeout: .seconds(60),
            concurrentHTTP1ConnectionsPerHostSoftLimit: connectionPoolSize
        )
        pool.retryConnectionEstablishment = retriesConnectionEstablishment
        var configuration = HTTPClient.Configuration(
            tlsConfiguration: tlsConfiguration,
            redirectConfiguration: .disallow,
            timeout: HTTPClient.Configuration.Timeout(connect: TimeAmount(connectTimeout)),
            connectionPool: pool,
            decompression: .disabled
        )
        // The hub speaks HTTP/1.1; pinning it keeps the pool size meaningful.
        configuration.httpVersion = .http1Only
        self.client = HTTPClient(
            eventLoopGroup: HTTPClient.defaultEventLoopGroup,
            configuration: configuration,
            backgroundActivityLogger: logger
        )
    }

    /// Sends one request and reads the whole response.
    ///
    /// - Parameters:
    ///   - method: the HTTP method.
    ///   - path: the path and query, starting with `/`, e.g. `/v1/instructions/abc`.
    ///   - body: the request body, sent with a Content-Length; nil for none.
    ///   - headers: extra header fields.
    ///   - timeout: the limit on this request, instead of the client's `requestTimeout`.
    /// - Returns: the response, whatever its status code.
    /// - Throws: ``HubClientError`` when no complete response was received.
    public func request(
        _ method: HTTPMethod,
        _ path: String,
        body: [UInt8]? = nil,
        headers: [(String, String)] = [],
        timeout: Duration? = nil
    ) async throws(HubClientError) -> HubHTTPResponse {
        guard path.hasPrefix("/") else {
            throw HubClientError.invalidRequest(reason: "path \"\(path)\" must start with \"/\"")
        }
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = method
        for (name, value) in headers {
            request.headers.add(name: name, value: value)
        }
        if let body {
            request.body = .bytes(body)
        }
        let deadline = NIODeadline.now() + TimeAmount(timeout ?? requestTimeout)
        do {
            let response = try await client.execute(request, deadline: deadline, logger: logger)
            let bytes = try await response.body.collect(upTo: maximumResponseBodyBytes)
            return HubHTTPResponse(
                statusCode: Int(response.status.code),
                headers: response.headers.map { (name: $0.name, value: $0.value) },
                body: Array(bytes.readableBytesView)
            )
        } catch {
            throw classify(error)
        }
    }

    /// ``request(_:_:body:headers:timeout:)`` with the method by name (`GET`, `POST`, …), for a
    /// caller that relays requests and does not import NIOHTTP1 (a hub instance forwarding to
    /// the leader).
    public func request(
        methodName: String, _ path: String, body: [UInt8]? = nil, headers: [(String, String)] = [], timeout: Duration? = nil
    ) async throws(HubClientError) -> HubHTTPResponse {
        try await request(HTTPMethod(rawValue: methodName), path, body: body, headers: headers, timeout: timeout)
    }

    /// Closes every connection. Call once, when no request is in flight any more.
    public func shutdown() async throws(HubClientError) {
        do {
            try await client.shutdown()
        } catch {
            throw classify(error)
        }
    }

    private func classify(_ error: any Error) -> HubClientError {
        HubClientError(
            classifying: error,
            host: endpoint.host,
            port: endpoint.port,
            maximumResponseBodyBytes: maximumResponseBodyBytes
        )
    }

    /// The host and port of a validated base URL; the port defaults to the scheme's.
    private static func endpoint(of baseURL: String) throws(HubClientError) -> (host: String, port: Int) {
        let defaultPort = baseURL.hasPrefix("https://") ? 443 : 80
        let authority = baseURL.drop(while: { $0 != "/" }).dropFirst(2)
        let hostEnd: Substring.Index
        if authority.hasPrefix("[") {
            // An IPv6 literal, e.g. [::1]:8443.
            guard let closing = authority.firstIndex(of: "]") else {
                throw HubClientError.invalidRequest(reason: "base URL \"\(baseURL)\" has an unclosed IPv6 bracket")
            }
            hostEnd = authority.index(after: closing)
        } else {
            hostEnd = authority.firstIndex(of: ":") ?? authority.endIndex
        }
        let host = authority[..<hostEnd].trimmingPrefix("[").replacing("]", with: "")
        let portText = authority[hostEnd...].dropFirst()
        guard !host.isEmpty else {
            throw HubClientError.invalidRequest(reason: "base URL \"\(baseURL)\" has no host")
        }
        if portText.isEmpty { return (String(host), defaultPort) }
        guard let port = Int(portText), (1...65_535).contains(port) else {
            throw HubClientError.invalidRequest(reason: "base URL \"\(baseURL)\" has an invalid port \"\(portText)\"")
        }
        return (String(host), port)
    }

    private static func validatedBaseURL(_ text: String, hasTLS: Bool) throws(HubClientError) -> String {
        let trimmed = text.hasSuffix("/") ? String(text.dropLast()) : text
        let isHTTPS = trimmed.hasPrefix("https://")
        guard isHTTPS || trimmed.hasPrefix("http://") else {
            throw HubClientError.invalidRequest(reason: "base URL \"\(text)\" must start with https:// or http://")
        }
        let afterScheme = trimmed.drop(while: { $0 != "/" }).dropFirst(2)
        guard !afterScheme.isEmpty, !afterScheme.contains("/") else {
            throw HubClientError.invalidRequest(reason: "base URL \"\(text)\" must be scheme://host:port, without a path")
        }
        if isHTTPS && !hasTLS {
            throw HubClientError.invalidRequest(reason: "an https URL needs a TLS configuration (the hub requires mutual TLS)")
        }
        if !isHTTPS && hasTLS {
            throw HubClientError.invalidRequest(reason: "a TLS configuration was given for a plain http URL")
        }
        return trimmed
    }
}
