import Foundation
import NIOCore
import Hummingbird
import HubPKI

struct QueueView: Codable {
    var adapter: String
    var depth: Int
}

extension HubAPI {
    func queues(_ context: HubRequestContext) async throws -> Response {
        _ = try HubAPI.require(context, kind: .operator)
        let statistics = await core.currentStatistics
        let views = statistics.queueDepths.keys.sorted().map { QueueView(adapter: $0, depth: statistics.queueDepths[$0] ?? 0) }
        return try HubAPI.json(["queues": views])
    }

    func auditLog(_ request: Request, _ context: HubRequestContext) async throws -> Response {
        _ = try HubAPI.require(context, kind: .operator)
        let after = Int64(try HubAPI.integer(request, "after", default: 0, range: 0...Int.max))
        let limit = try HubAPI.integer(request, "max", default: 200, range: 1...5_000)
        return try HubAPI.json(["entries": try await store.auditEntries(after: after, limit: limit)])
    }
}

/// A registered seal key as adapters and courts fetch it to verify seals themselves.
struct SealKeyView: Codable {
    var owner: String
    var keyId: String
    var algorithm: String
    var publicKey: String
    var validFrom: String
    var validUntil: String
    var revokedAt: String?
}

extension HubAPI {
    /// The registry's seal keys (public material): adapters verify courts' seals with them (R-B9, R-B10).
    func sealKeys(_ context: HubRequestContext) async throws -> Response {
        guard context.principal != nil else { throw ProblemError(.unauthenticated, "no principal") }
        let views = registry.allSealKeys.map { record in
            SealKeyView(
                owner: record.owner.description, keyId: record.keyId, algorithm: record.publicKey.algorithm.rawValue,
                publicKey: record.publicKey.pemRepresentation,
                validFrom: Timestamps.rfc3339(milliseconds: record.validFromUnixMilliseconds),
                validUntil: Timestamps.rfc3339(milliseconds: record.validUntilUnixMilliseconds),
                revokedAt: record.revokedAtUnixMilliseconds.map(Timestamps.rfc3339(milliseconds:)))
        }
        return try HubAPI.json(["keys": views])
    }
}

extension HubAPI {
    /// The registry as the hub runs it (courts, officers, banks and their links, special accounts,
    /// seal keys), in the same JSON form a registry file has.
    func registryView(_ context: HubRequestContext) async throws -> Response {
        _ = try HubAPI.require(context, kind: .operator)
        return Response(
            status: .ok, headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(bytes: registry.jsonRepresentation())))
    }
}
