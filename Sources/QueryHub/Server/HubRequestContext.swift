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
    /// The original client's address when another hub instance forwarded the request (issue 7).
    public var forwardedClientAddress: String?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }

    /// Requests are small sealed documents: refuse more than 4 MiB before decoding.
    public var maxUploadSize: Int { 4 * 1024 * 1024 }

    /// The client's address, as text.
    public var clientAddress: String {
        if let forwardedClientAddress { return forwardedClientAddress }
        return channel.remoteAddress.map { "\($0.ipAddress ?? "?"):\($0.port ?? 0)" } ?? "unknown"
    }

    /// The caller as the audit chain records it.
    public var auditContext: AuditContext {
        AuditContext(
            principal: principal?.description ?? "anonymous", certificateFingerprint: certificateFingerprint,
            clientAddress: clientAddress)
    }
}

/// Reads the client certificate that the TLS handshake verified against the hub's CA and turns
/// its subject into a principal. A request without one never reaches a route. A request that
/// another hub instance forwarded speaks for the caller its headers name (``ForwardedCaller``).
public struct PrincipalMiddleware: RouterMiddleware {
    public typealias Context = HubRequestContext

    public init() {}

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        switch await Self.caller(request, context: context) {
        case .failure(let problem):
            return problem.response
        case .success(let caller):
            context.principal = caller.principal
            context.certificateFingerprint = caller.certificateFingerprint
            if ForwardedCaller.isPresent(in: request.headers) { context.forwardedClientAddress = caller.clientAddress }
            return try await next(request, context)
        }
    }

    /// The TLS peer as a caller, before forwarding headers are considered.
    static func peer(context: Context) async -> Result<ForwardedCaller, ProblemError> {
        guard let certificate = try? await context.channel.nioSSL_peerCertificate().get(), let der = try? certificate.toDERBytes() else {
            return .failure(ProblemError(.unauthenticated, "no verified client certificate"))
        }
        do {
            let principal = try PrincipalIdentity(certificateDERBytes: der)
            return .success(
                ForwardedCaller(
                    principal: principal, certificateFingerprint: CertificateFingerprint.sha256Hex(derBytes: der),
                    clientAddress: context.clientAddress))
        } catch {
            return .failure(ProblemError(.unauthenticated, "the client certificate names no principal: \(error)"))
        }
    }

    /// Whom the request speaks for: its TLS peer, or the caller a forwarding hub instance names.
    static func caller(_ request: Request, context: Context) async -> Result<ForwardedCaller, ProblemError> {
        switch await peer(context: context) {
        case .failure(let problem): return .failure(problem)
        case .success(let peer): return ForwardedCaller.resolve(peer: peer, fields: request.headers)
        }
    }
}
