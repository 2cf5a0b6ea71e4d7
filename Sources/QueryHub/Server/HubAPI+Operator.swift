import Foundation
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
