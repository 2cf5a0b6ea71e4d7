import Foundation
import HubClient
import HubPKI
import HubProtocol
import QueryHub
import Testing

/// The endpoints not covered elsewhere, over mutual TLS: lease heartbeats, the result stream's long
/// poll, the operator's views, backpressure, and who may read what.
@Suite("Live hub: heartbeats, long polls, operators, backpressure", .serialized)
struct LiveOperatorTests {
    static let chaoyang = try! CourtCode("京0105")
    static let court = try! PrincipalIdentity(kind: .court, id: "京0105")
    static let otherCourt = try! PrincipalIdentity(kind: .court, id: "京0108")
    static let icbc = try! PrincipalIdentity(kind: .bank, id: "ICBC")

    func submitQuery(_ hub: LiveHub, _ client: HubHTTPClient, id: String) async throws -> HubHTTPResponse {
        let document = try SampleInstructions.queryEveryBank(
            registry: hub.setup.registry, court: Self.chaoyang, instructionID: id, issuedAtMilliseconds: HubRuntime.systemClock())
        return try await client.request(.POST, "/v1/instructions", body: try hub.sealed(document, court: Self.chaoyang))
    }

    @Test("a heartbeat extends a held lease and refuses an unknown one; the result stream's long poll wakes on a result")
    func heartbeatAndLongPoll() async throws {
        let hub = try await LiveHub.start()
        let court = try hub.client(Self.court)
        let bank = try hub.client(Self.icbc)
        #expect(try await submitQuery(hub, court, id: "H-1").statusCode == 202)
        let work = try await bank.request(.GET, "/v1/adapters/bank:ICBC/work?max=5")
        let token = try #require(work.json["leaseToken"] as? String)
        let extended = try await bank.request(
            .POST, "/v1/adapters/bank:ICBC/leases/extend", body: Array(#"{"leaseTokens":["\#(token)","L999999"]}"#.utf8))
        #expect(extended.statusCode == 200)
        let leases = extended.json["leases"] as? [String: String] ?? [:]
        #expect(leases[token]?.hasSuffix("Z") == true)
        #expect(leases["L999999"]?.hasPrefix("refused") == true)

        // A long poll on the court's results waits, and wakes when the last bank answers.
        let waiting = Task { try await court.request(.GET, "/v1/courts/\(segment("京0105"))/results?after=0&waitSeconds=20") }
        for adapter in hub.setup.registry.broadcastAdapterIDs.map(\.description) {
            let id = String(adapter.dropFirst("bank:".count))
            let client = id == "ICBC" ? bank : try hub.client(try PrincipalIdentity(kind: .bank, id: id))
            let lease = id == "ICBC" ? work : try await client.request(.GET, "/v1/adapters/\(segment(adapter))/work?max=5")
            let item = try #require((lease.json["items"] as? [[String: Any]])?.first?["itemId"] as? String)
            let receipt = Array(#"{"kind":"bank.noAccountFound","header":{"instructionId":"H-1","responder":"\#(id.prefix { $0 != "@" })","respondedAt":"2026-12-01T09:30:41Z"}}"#.utf8)
            let batch = try hub.receiptBatch(bank: String(id.prefix { $0 != "@" }), entries: [(item, lease.json["leaseToken"] as! String, "noAccountFound", receipt)])
            #expect(try await client.request(.POST, "/v1/adapters/\(segment(adapter))/receipts", body: batch).statusCode == 200)
            if id != "ICBC" { try await client.shutdown() }
        }
        let woken = try await waiting.value
        #expect((woken.json["events"] as? [[String: Any]])?.first?["event"] as? String == "completed")
        #expect(woken.json["cursor"] as? Int == 1)
        for client in [court, bank] { try await client.shutdown() }
        await hub.stop()
    }

    @Test("R-G9: operators see queues, the audit log and any court's instruction; a court may not name another court")
    func operatorViews() async throws {
        let hub = try await LiveHub.start()
        let court = try hub.client(Self.court)
        let other = try hub.client(Self.otherCourt)
        let ops = try hub.client(DevelopmentSetup.operatorPrincipal)
        #expect(try await submitQuery(hub, court, id: "O-1").statusCode == 202)
        let queues = try await ops.request(.GET, "/v1/operator/queues")
        #expect(queues.statusCode == 200)
        let depths = Dictionary(uniqueKeysWithValues: (queues.json["queues"] as? [[String: Any]] ?? []).map { ($0["adapter"] as! String, $0["depth"] as! Int) })
        #expect(depths["bank:ICBC"] == 1)
        #expect(depths["police:MPS"] == 0)
        let audit = try await ops.request(.GET, "/v1/operator/audit?after=0")
        let entries = audit.json["entries"] as? [[String: Any]] ?? []
        #expect(entries.first?["action"] as? String == "submit bank.query")
        #expect(entries.first?["principal"] as? String == "court:京0105")
        #expect(try await ops.request(.GET, "/v1/instructions/O-1?court=\(segment("京0105"))").statusCode == 200)
        #expect(try await other.request(.GET, "/v1/instructions/O-1?court=\(segment("京0105"))").statusCode == 403)
        #expect(try await court.request(.GET, "/v1/operator/queues").statusCode == 403)
        #expect(try await court.request(.GET, "/v1/operator/audit").statusCode == 403)
        let registry = try await ops.request(.GET, "/v1/operator/registry")
        #expect(registry.statusCode == 200)
        #expect(try Registry(json: registry.body).courts.count == hub.setup.registry.courts.count)
        #expect(try await court.request(.GET, "/v1/operator/registry").statusCode == 403)
        let keys = try await court.request(.GET, "/v1/registry/seal-keys")
        #expect((keys.json["keys"] as? [[String: Any]])?.contains { $0["keyId"] as? String == "court:京0105#1" } == true)
        for client in [court, other, ops] { try await client.shutdown() }
        await hub.stop()
    }

    @Test("a full hub answers 429 with Retry-After and stores nothing; the operator port reports health and metrics")
    func backpressure() async throws {
        let hub = try await LiveHub.start { $0.maximumOpenBroadcasts = 1 }
        let court = try hub.client(Self.court)
        #expect(try await submitQuery(hub, court, id: "B-1").statusCode == 202)
        let refused = try await submitQuery(hub, court, id: "B-2")
        #expect(refused.statusCode == 429)
        #expect(refused.headerValue("retry-after") != nil)
        #expect((refused.json["type"] as? String)?.hasSuffix("/overloaded") == true)
        #expect(try await court.request(.GET, "/v1/instructions/B-2").statusCode == 404)
        let plain = try HubHTTPClient(baseURL: "http://127.0.0.1:\(hub.operatorPort)", tlsConfiguration: nil)
        #expect(try await plain.request(.GET, "/healthz").statusCode == 200)
        #expect(try await plain.request(.GET, "/readyz").statusCode == 200)
        let metrics = try await plain.request(.GET, "/metrics")
        #expect(metrics.statusCode == 200)
        let dashboard = try await plain.request(.GET, "/dashboard")
        #expect(dashboard.bodyText.contains("queries awaiting every bank"))
        for client in [court, plain] { try await client.shutdown() }
        await hub.stop()
    }
}
