import Hummingbird
import HubPKI
import NIOCore
import NIOSSL

/// The request context of the hub's API: who is calling (from the verified client certificate)
/// and from where.
public struct HubRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The connection, to read the peer certificate that mutual TLS verified.
    public let channel: any Channel
    /// Set by ``PrincipalMiddleware`` before any route runs.
    public var principal: PrincipalIdentity?
    /// Hex SHA-256 of the client certificate's DER, for the audit chain.
    public var certificateFingerprint: String = ""

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }

    /// Requests are small sealed documents: refuse more than 4 MiB before decoding.
    public var maxUploadSize: Int { 4 * 1024 * 1024 }

    /// The client's address, as text.
    public var clientAddress: String {
        channel.remoteAddress.map { "\($0.ipAddress ?? "?"):\($0.port ?? 0)" } ?? "unknown"
    }

    /// The caller as the audit chain records it.
    public var auditContext: AuditContext {
        AuditContext(
            principal: principal?.description ?? "anonymous", certificateFingerprint: certificateFingerprint,
            clientAddress: clientAddress)
    }
}

/// Reads the client certificate that the TLS handshake verified against the hub's CA and turns
/// its subject into a principal. A request without one never reaches a route.
public struct PrincipalMiddleware: RouterMiddleware {
    public typealias Context = HubRequestContext

    public init() {}

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        guard let certificate = try? await context.channel.nioSSL_peerCertificate().get() else {
            return Problem.unauthenticated.response(detail: "no verified client certificate")
        }
        let der = try certificate.toDERBytes()
        do {
            context.principal = try PrincipalIdentity(certificateDERBytes: der)
        } catch {
            return Problem.unauthenticated.response(detail: "the client certificate names no principal: \(error)")
        }
        context.certificateFingerprint = CertificateFingerprint.sha256Hex(derBytes: der)
        return try await next(request, context)
    }
}
