import HTTPTypes
import HubClient
import Hummingbird
import NIOCore
import NIOSSL

/// How a standby instance relays an API request to the leading instance (issue 7): the same
/// method, path, query, body and content type, over mutual TLS with the standby's own `hub`
/// certificate, with ``ForwardedCaller``'s headers naming the original caller. The leader's
/// answer comes back as it is. A leader that does not answer is a 503 `no-leader` with
/// `Retry-After: 1`: courts and adapters retry, and a court's retry with the same sealed bytes
/// is idempotent, because the leader decides by (court, instruction id).
public final class HubForwarder: Sendable {
    /// The leader's API URL this forwarder relays to.
    public let leaderURL: String
    let client: HubHTTPClient
    /// A forwarded long poll may take the longest wait plus this margin.
    let timeout: Duration
    /// Forwarded request bodies are at most this large (the API's own limit).
    static let maximumBodyBytes = 4 * 1024 * 1024
    /// Response headers relayed besides the body (everything else is the forwarder's own).
    static let relayedResponseHeaders: [HTTPField.Name] = [.contentType, .retryAfter, .location]

    /// A forwarder to `leaderURL`; `maximumWaitSeconds` bounds the longest long poll.
    public init(leaderURL: String, tlsConfiguration: TLSConfiguration, maximumWaitSeconds: Int) throws {
        precondition(maximumWaitSeconds >= 0, "a wait is not negative")
        self.leaderURL = leaderURL
        timeout = .seconds(maximumWaitSeconds + 30)
        // Each long poll held at the leader holds one connection: room for many adapters.
        client = try HubHTTPClient(
            baseURL: leaderURL, tlsConfiguration: tlsConfiguration, connectionPoolSize: 1_000, connectTimeout: .seconds(2),
            requestTimeout: timeout)
    }

    /// Relays `request` for `caller` and returns the leader's answer, or 503 when it gives none.
    public func forward(_ request: Request, caller: ForwardedCaller) async -> Response {
        let body: [UInt8]
        do {
            body = Array(try await request.body.collect(upTo: Self.maximumBodyBytes).readableBytesView)
        } catch {
            return Problem.tooLarge.response(detail: "the body is larger than \(Self.maximumBodyBytes) bytes")
        }
        var headers = caller.headers
        if let contentType = request.headers[.contentType] { headers.append((HTTPField.Name.contentType.rawName, contentType)) }
        let answer: HubHTTPResponse
        do {
            answer = try await client.request(
                methodName: request.method.rawValue, request.uri.string, body: body.isEmpty && request.method == .get ? nil : body,
                headers: headers, timeout: timeout)
        } catch {
            return Problem.noLeader.response(detail: "the leading instance at \(leaderURL) did not answer: \(error)", retryAfterSeconds: 1)
        }
        var fields = HTTPFields()
        for name in Self.relayedResponseHeaders {
            if let value = answer.headerValue(name.rawName) { fields[name] = value }
        }
        return Response(
            status: HTTPResponse.Status(code: answer.statusCode), headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: answer.body)))
    }

    /// Closes the forwarder's connections.
    public func shutdown() async {
        try? await client.shutdown()
    }
}
