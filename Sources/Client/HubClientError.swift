/// Why a request to the hub failed before an HTTP response was received. An HTTP error status
/// (4xx, 5xx) is not an error here: it is a ``HubHTTPResponse`` the caller inspects.
public enum HubClientError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The client was built with, or asked for, something that cannot be requested.
    case invalidRequest(reason: String)
    /// Nothing listens at the address: the hub is down or the URL is wrong.
    case connectionRefused(host: String, port: Int)
    /// The TCP connection could not be made for another reason (DNS, unreachable network…).
    case connectionFailed(detail: String)
    /// The TLS handshake failed or TLS broke: an untrusted server certificate, a host name that
    /// does not match it, the server refusing our client certificate (or its absence), or a
    /// protocol version below TLS 1.2. The detail carries BoringSSL's reason.
    case tlsFailure(detail: String)
    /// A time limit passed; `phase` says which (connect, TLS handshake, read, write, request).
    case timeout(phase: String)
    /// The response body was larger than the configured limit.
    case responseBodyTooLarge(limitBytes: Int)
    /// The server closed the connection before the response was complete.
    case connectionClosed(detail: String)
    /// The client was already shut down.
    case shutDown
    /// Any other failure, with the underlying error's description.
    case other(detail: String)

    public var description: String {
        switch self {
        case .invalidRequest(let reason):
            return "invalid request: \(reason)"
        case .connectionRefused(let host, let port):
            return "connection refused by \(host):\(port); is the hub running there?"
        case .connectionFailed(let detail):
            return "cannot connect: \(detail)"
        case .tlsFailure(let detail):
            return "TLS failed (an untrusted certificate, a name mismatch, a refused or missing client "
                + "certificate, or an old protocol version): \(detail)"
        case .timeout(let phase):
            return "timed out during \(phase)"
        case .responseBodyTooLarge(let limitBytes):
            return "the response body exceeds the limit of \(limitBytes) bytes"
        case .connectionClosed(let detail):
            return "the server closed the connection: \(detail)"
        case .shutDown:
            return "the client has been shut down"
        case .other(let detail):
            return "request failed: \(detail)"
        }
    }
}
