import AsyncHTTPClient
import NIOCore
import NIOPosix
import NIOSSL

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension HubClientError {
    /// Sorts the errors AsyncHTTPClient, NIO and NIOSSL throw into the few cases a caller acts on.
    /// `host` and `port` are the client's endpoint, named when the connection is refused.
    init(classifying error: any Error, host: String, port: Int, maximumResponseBodyBytes: Int) {
        switch error {
        case let error as HubClientError:
            self = error
        case is NIOTooManyBytesError:
            self = .responseBodyTooLarge(limitBytes: maximumResponseBodyBytes)
        case let error as NIOConnectionError:
            self = Self(connectionError: error)
        case let error as IOError where error.errnoCode == ECONNREFUSED:
            self = .connectionRefused(host: host, port: port)
        case let error as NIOSSLError:
            self = .tlsFailure(detail: "\(error)")
        case let error as BoringSSLError:
            self = .tlsFailure(detail: "\(error)")
        case let error as NIOSSLExtraError:
            self = .tlsFailure(detail: "\(error)")
        case let error as HTTPClientError:
            self = Self(httpClientError: error)
        default:
            self = .other(detail: "\(error)")
        }
    }

    private init(connectionError: NIOConnectionError) {
        let refused = connectionError.connectionErrors.contains { failure in
            (failure.error as? IOError)?.errnoCode == ECONNREFUSED
        }
        if refused {
            self = .connectionRefused(host: connectionError.host, port: connectionError.port)
        } else {
            self = .connectionFailed(detail: "\(connectionError)")
        }
    }

    private init(httpClientError: HTTPClientError) {
        switch httpClientError {
        case .connectTimeout:
            self = .timeout(phase: "connect")
        case .tlsHandshakeTimeout:
            self = .timeout(phase: "TLS handshake")
        case .readTimeout:
            self = .timeout(phase: "read")
        case .writeTimeout:
            self = .timeout(phase: "write")
        case .deadlineExceeded, .getConnectionFromPoolTimeout:
            self = .timeout(phase: "request")
        case .remoteConnectionClosed, .uncleanShutdown:
            self = .connectionClosed(detail: "\(httpClientError)")
        case .alreadyShutdown:
            self = .shutDown
        default:
            self = .other(detail: "\(httpClientError)")
        }
    }
}
