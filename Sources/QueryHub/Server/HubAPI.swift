import Foundation
import HTTPTypes
import Hummingbird
import HubPKI
import NIOCore

/// The hub's HTTPS API (see `openapi.yaml`): courts submit and read, adapters poll and answer,
/// operators look. Every route checks that the caller owns what it touches (R-G9).
public struct HubAPI: Sendable {
    public let core: HubCore
    public let store: any Store
    public let intake: any InstructionIntake
    public let receiptCheck: any ReceiptCheck
    /// The registry, for the seal keys adapters fetch.
    public let registry: Registry
    /// The control ledger, for the operator's view of it; nil on a hub without one.
    public var ledger: LedgerGate?
    /// Upper bounds of a poll.
    public var maximumItemsPerPoll = 1_000
    public var maximumWaitSeconds = 60
    /// The most police events one post carries (at most ``HubCore/maximumEventsPerBatch``).
    public var maximumEventsPerBatch = 500
    /// The check of police events' seals and documents (R-G4, R-G5); by default on the system
    /// clock, which decides which of the office's seal keys is valid.
    public var eventCheck: SealedReceiptCheck
    /// Posts of receipts checked at once: about one per core (``AdmissionGate``).
    public let receiptGate = AdmissionGate(width: max(2, ProcessInfo.processInfo.activeProcessorCount))

    public init(core: HubCore, store: any Store, intake: any InstructionIntake, receiptCheck: any ReceiptCheck, registry: Registry) {
        self.registry = registry
        self.core = core
        self.store = store
        self.intake = intake
        self.receiptCheck = receiptCheck
        self.eventCheck = SealedReceiptCheck(registry: registry, clock: { Int64(Date().timeIntervalSince1970 * 1_000) })
    }

    /// Every route the API registers, as (method, path template): checked against openapi.yaml.
    public static let routes: [(method: String, path: String)] = [
        ("POST", "/v1/instructions"),
        ("GET", "/v1/instructions/{id}"),
        ("GET", "/v1/courts/{court}/results"),
        ("GET", "/v1/adapters/{adapter}/work"),
        ("POST", "/v1/adapters/{adapter}/leases/extend"),
        ("POST", "/v1/adapters/{adapter}/receipts"),
        ("POST", "/v1/adapters/{adapter}/events"),
        ("GET", "/v1/operator/queues"),
        ("GET", "/v1/operator/ledger"),
        ("GET", "/v1/operator/audit"),
        ("GET", "/v1/registry/seal-keys"),
        ("GET", "/v1/operator/registry"),
    ]

    /// Adds the routes to `router`, behind the principal middleware.
    public func register(on router: Hummingbird.Router<HubRequestContext>) {
        router.add(middleware: LogRequestsMiddleware(.info))
        router.add(middleware: MetricsMiddleware())
        router.add(middleware: ProblemMiddleware())
        router.add(middleware: PrincipalMiddleware())
        router.post("/v1/instructions") { request, context in try await submit(request, context) }
        router.get("/v1/instructions/:id") { request, context in try await instruction(request, context) }
        router.get("/v1/courts/:court/results") { request, context in try await results(request, context) }
        router.get("/v1/adapters/:adapter/work") { request, context in try await work(request, context) }
        router.post("/v1/adapters/:adapter/leases/extend") { request, context in try await extend(request, context) }
        router.post("/v1/adapters/:adapter/receipts") { request, context in try await receipts(request, context) }
        router.post("/v1/adapters/:adapter/events") { request, context in try await events(request, context) }
        router.get("/v1/operator/queues") { _, context in try await queues(context) }
        router.get("/v1/operator/ledger") { request, context in try await ledgerView(request, context) }
        router.get("/v1/operator/audit") { request, context in try await auditLog(request, context) }
        router.get("/v1/registry/seal-keys") { _, context in try await sealKeys(context) }
        router.get("/v1/operator/registry") { _, context in try await registryView(context) }
    }

    // MARK: - Helpers

    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        return Response(
            status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func rawJSON(_ text: String, status: HTTPResponse.Status) -> Response {
        Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func body(_ request: Request, limit: Int = 4 * 1024 * 1024) async throws -> [UInt8] {
        do {
            let buffer = try await request.body.collect(upTo: limit)
            return Array(buffer.readableBytesView)
        } catch {
            throw ProblemError(.tooLarge, "the body is larger than \(limit) bytes")
        }
    }

    static func require(_ context: HubRequestContext, kind: PrincipalKind, id: String? = nil) throws -> PrincipalIdentity {
        guard let principal = context.principal else { throw ProblemError(.unauthenticated, "no principal") }
        guard principal.kind == kind || principal.kind == .operator else {
            throw ProblemError(.forbidden, "\(principal) is not a \(kind.rawValue)")
        }
        if let id, principal.kind != .operator, principal.description != id, principal.id != id {
            throw ProblemError(.forbidden, "\(principal) may not act for \(id)")
        }
        return principal
    }

    /// A path parameter, percent-decoded (court codes and branch adapters carry Chinese).
    static func parameter(_ context: HubRequestContext, _ name: String) throws -> String {
        let raw = try context.parameters.require(name)
        guard let decoded = raw.removingPercentEncoding else {
            throw ProblemError(.badRequest, "the \(name) in the path is not valid percent-encoding", field: name)
        }
        return decoded
    }

    static func integer(_ request: Request, _ name: String, default value: Int, range: ClosedRange<Int>) throws -> Int {
        guard let text = request.uri.queryParameters[name[...]] else { return value }
        guard let number = Int(String(text)), range.contains(number) else {
            throw ProblemError(.badRequest, "\(name) must be an integer in \(range.lowerBound)...\(range.upperBound)", field: name)
        }
        return number
    }

    static func coreFailure(_ error: HubCoreError) -> ProblemError {
        switch error {
        case .stopped(let reason): return ProblemError(.unavailable, reason)
        case .overloaded(let what): return ProblemError(.overloaded, what, retryAfterSeconds: 1)
        case .unknownAdapter(let adapter): return ProblemError(.notFound, "no adapter \(adapter)")
        }
    }
}

/// Turns thrown ``ProblemError``s and core errors into problem+json responses.
struct ProblemMiddleware: RouterMiddleware {
    typealias Context = HubRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let problem as ProblemError {
            return problem.response
        } catch let error as HubCoreError {
            return HubAPI.coreFailure(error).response
        } catch let error as HTTPError {
            return Problem.notFound.response(detail: "\(request.method) \(request.uri.path): \(error.status)")
        } catch {
            // Every refusal above is the client's; anything else is the hub's own failure — its
            // store, above all. The operator gets the error; the client a problem it can act on:
            // retry, which is safe because submissions and answers are idempotent.
            context.logger.error(
                "request failed inside the hub", metadata: ["path": "\(request.uri.path)", "error": "\(error)"])
            return Problem.storeFailure.response(
                detail: "\(request.method) \(request.uri.path) could not be completed: the hub's store failed (\(type(of: error))); retry later",
                retryAfterSeconds: 1)
        }
    }
}
