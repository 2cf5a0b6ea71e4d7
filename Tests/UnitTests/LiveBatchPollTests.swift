import Foundation
import HubClient
import HubPKI
import HubProtocol
import QueryHub
import Testing

/// `GET /v1/adapters/{adapter}/work` holding for a batch (`minItems`, `lingerMilliseconds`), over
/// real HTTPS with mutual TLS.
@Suite("Live hub: polls that hold for a batch", .serialized)
struct LiveBatchPollTests {
    @Test("a poll for at least 2 items gets both queries in one lease; out-of-range holds are refused naming the parameter")
    func holdForABatch() async throws {
        let hub = try await LiveHub.start()
        defer { Task { await hub.stop() } }
        let court = try hub.client(LiveAPITests.courtPrincipal)
        for id in ["Q-1", "Q-2"] {
            let document = try SampleInstructions.queryEveryBank(
                registry: hub.setup.registry, court: LiveAPITests.chaoyang, instructionID: id, issuedAtMilliseconds: HubRuntime.systemClock())
            let accepted = try await court.request(.POST, "/v1/instructions", body: try hub.sealed(document, court: LiveAPITests.chaoyang))
            #expect(accepted.statusCode == 202, "\(accepted.bodyText)")
        }
        let bank = try hub.client(LiveAPITests.icbc)
        let work = try await bank.request(.GET, "/v1/adapters/bank:ICBC/work?max=10&waitSeconds=5&minItems=2&lingerMilliseconds=5000")
        #expect(work.statusCode == 200, "\(work.bodyText)")
        #expect((work.json["items"] as? [[String: Any]])?.compactMap { $0["instructionId"] as? String }.sorted() == ["Q-1", "Q-2"])
        for (query, field) in [("max=10&minItems=11", "minItems"), ("max=10&minItems=2&lingerMilliseconds=10001", "lingerMilliseconds")] {
            let refused = try await bank.request(.GET, "/v1/adapters/bank:ICBC/work?\(query)")
            #expect(refused.statusCode == 400, "\(query): \(refused.bodyText)")
            #expect(refused.json["field"] as? String == field)
        }
        try await bank.shutdown()
        try await court.shutdown()
    }
}
