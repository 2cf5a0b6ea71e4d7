import Foundation
import HubClient
import HubPKI
import HubProtocol
import QueryHub
import Synchronization
import Testing

/// The hub over real HTTPS with mutual TLS, SQLite on disk, real seals.
@Suite("Live hub over mutual TLS", .serialized)
struct LiveAPITests {
    static let chaoyang = try! CourtCode("京0105")
    static let haidian = try! CourtCode("京0108")
    static let courtPrincipal = try! PrincipalIdentity(kind: .court, id: "京0105")
    static let otherCourt = try! PrincipalIdentity(kind: .court, id: "京0108")
    static let icbc = try! PrincipalIdentity(kind: .bank, id: "ICBC")
    static let ccb = try! PrincipalIdentity(kind: .bank, id: "CCB")

    static func noAccountReceipt(_ instructionID: String) -> [UInt8] {
        Array(#"{"kind":"bank.noAccountFound","header":{"instructionId":"\#(instructionID)","responder":"ICBC","respondedAt":"2026-12-01T09:30:41Z"}}"#.utf8)
    }

    @Test("R-B20, R-B7: a sealed query is accepted with its service time; a repeat gets the first answer; other bytes conflict")
    func submitIdempotently() async throws {
        let hub = try await LiveHub.start()
        defer { Task { await hub.stop() } }
        let court = try hub.client(Self.courtPrincipal)
        let document = try SampleInstructions.queryEveryBank(
            registry: hub.setup.registry, court: Self.chaoyang, instructionID: "Q-1", issuedAtMilliseconds: HubRuntime.systemClock())
        let first = try await court.request(.POST, "/v1/instructions", body: try hub.sealed(document, court: Self.chaoyang))
        #expect(first.statusCode == 202, "\(first.bodyText)")
        #expect(first.json["id"] as? String == "Q-1")
        #expect((first.json["serviceTime"] as? String)?.hasSuffix("Z") == true)
        let repeated = try await court.request(.POST, "/v1/instructions", body: try hub.sealed(document, court: Self.chaoyang))
        #expect(repeated.statusCode == 202)
        #expect(repeated.body == first.body)
        let issuedAt = HubRuntime.systemClock()
        let changed = try SampleInstructions.queryEveryBank(
            registry: hub.setup.registry, court: Self.chaoyang, instructionID: "Q-1", issuedAtMilliseconds: issuedAt, partyName: "李四")
        let conflict = try await court.request(.POST, "/v1/instructions", body: try hub.sealed(changed, court: Self.chaoyang))
        #expect(conflict.statusCode == 409)
        #expect(conflict.headerValue("content-type") == "application/problem+json")
        #expect((conflict.json["type"] as? String)?.hasSuffix("/conflict") == true)
        try await court.shutdown()
    }

    @Test("R-B9, R-G9: seals are checked and bad input changes nothing")
    func refusals() async throws {
        let hub = try await LiveHub.start()
        defer { Task { await hub.stop() } }
        let court = try hub.client(Self.courtPrincipal)
        let document = try SampleInstructions.queryEveryBank(
            registry: hub.setup.registry, court: Self.chaoyang, instructionID: "Q-2", issuedAtMilliseconds: HubRuntime.systemClock())
        // The seal of another court over the document: refused, nothing stored.
        let wrongSeal = try hub.sealed(document, court: Self.haidian)
        var tampered = try JSONSerialization.jsonObject(with: Data(wrongSeal)) as! [String: Any]
        tampered["document"] = Data(document).base64EncodedString()
        let badSeal = try await court.request(.POST, "/v1/instructions", body: Array(try JSONSerialization.data(withJSONObject: tampered)))
        #expect(badSeal.statusCode == 400, "\(badSeal.bodyText)")
        #expect((badSeal.json["type"] as? String)?.hasSuffix("/bad-seal") == true)
        // Changed bytes under a valid seal.
        var envelope = try JSONSerialization.jsonObject(with: Data(try hub.sealed(document, court: Self.chaoyang))) as! [String: Any]
        envelope["document"] = Data(document + [0x20]).base64EncodedString()
        let changed = try await court.request(.POST, "/v1/instructions", body: Array(try JSONSerialization.data(withJSONObject: envelope)))
        #expect(changed.statusCode == 400)
        // Malformed envelope: a problem naming the field.
        let malformed = try await court.request(.POST, "/v1/instructions", body: Array(#"{"document":"AA==","seal":{},"extra":1}"#.utf8))
        #expect(malformed.statusCode == 400)
        #expect(malformed.json["field"] != nil)
        let lookup = try await court.request(.GET, "/v1/instructions/Q-2")
        #expect(lookup.statusCode == 404)
        // A court may not submit in another court's name.
        let foreign = try SampleInstructions.queryEveryBank(
            registry: hub.setup.registry, court: Self.haidian, instructionID: "Q-3", issuedAtMilliseconds: HubRuntime.systemClock())
        let impersonation = try await court.request(.POST, "/v1/instructions", body: try hub.sealed(foreign, court: Self.haidian))
        #expect(impersonation.statusCode == 400 || impersonation.statusCode == 403)
        try await court.shutdown()
    }

    @Test("a query reaches every bank; each answers no account with a batch seal; the court sees it completed")
    func fanOutAndAnswer() async throws {
        let hub = try await LiveHub.start()
        defer { Task { await hub.stop() } }
        let court = try hub.client(Self.courtPrincipal)
        let document = try SampleInstructions.queryEveryBank(
            registry: hub.setup.registry, court: Self.chaoyang, instructionID: "Q-4", issuedAtMilliseconds: HubRuntime.systemClock())
        #expect(try await court.request(.POST, "/v1/instructions", body: try hub.sealed(document, court: Self.chaoyang)).statusCode == 202)
        let broadcastAdapters = hub.setup.registry.broadcastAdapterIDs.map(\.description)
        for adapter in broadcastAdapters {
            let bankCode = String(adapter.dropFirst("bank:".count).prefix { $0 != "@" })
            let principal = try PrincipalIdentity(kind: .bank, id: String(adapter.dropFirst("bank:".count)))
            let bank = try hub.client(principal)
            let work = try await bank.request(.GET, "/v1/adapters/\(segment(adapter))/work?max=10&waitSeconds=1")
            #expect(work.statusCode == 200, "\(adapter): \(work.bodyText)")
            let items = work.json["items"] as? [[String: Any]] ?? []
            try #require(items.count == 1)
            // The court's exact sealed bytes reach the bank unchanged.
            #expect(items.first?["document"] as? String == Data(document).base64EncodedString())
            let token = try #require(work.json["leaseToken"] as? String)
            let batch = try hub.receiptBatch(bank: bankCode, entries: [(items[0]["itemId"] as! String, token, "noAccountFound", Self.noAccountReceipt("Q-4"))])
            let answered = try await bank.request(.POST, "/v1/adapters/\(segment(adapter))/receipts", body: batch)
            #expect(answered.statusCode == 200, "\(adapter): \(answered.bodyText)")
            try await bank.shutdown()
        }
        let view = try await court.request(.GET, "/v1/instructions/Q-4")
        #expect(view.json["status"] as? String == "completed", "\(view.bodyText)")
        #expect((view.json["noAccountFound"] as? [String])?.sorted() == broadcastAdapters.sorted())
        let results = try await court.request(.GET, "/v1/courts/\(segment("京0105"))/results?after=0")
        let events = results.json["events"] as? [[String: Any]] ?? []
        #expect(events.map { $0["event"] as? String } == ["completed"])
        try await court.shutdown()
    }

    @Test("a store that fails while the hub answers gives a 503 problem+json with Retry-After, not a bare 500; the same read succeeds once the store is back")
    func storeFailureIsAProblem() async throws {
        let failing = Mutex<FailingStore?>(nil)
        let hub = try await LiveHub.start(store: { path in
            let store = try FailingStore(path: path)
            failing.withLock { $0 = store }
            return store
        })
        defer { Task { await hub.stop() } }
        let store = try #require(failing.withLock { $0 })
        let court = try hub.client(Self.courtPrincipal)
        let document = try SampleInstructions.queryEveryBank(
            registry: hub.setup.registry, court: Self.chaoyang, instructionID: "Q-9", issuedAtMilliseconds: HubRuntime.systemClock())
        #expect(try await court.request(.POST, "/v1/instructions", body: try hub.sealed(document, court: Self.chaoyang)).statusCode == 202)
        store.failingReads.withLock { $0 = true }
        let failed = try await court.request(.GET, "/v1/instructions/Q-9")
        #expect(failed.statusCode == 503, "\(failed.bodyText)")
        #expect(failed.headerValue("content-type") == "application/problem+json")
        #expect(failed.headerValue("retry-after") == "1")
        #expect((failed.json["type"] as? String)?.hasSuffix("/store-failure") == true, "\(failed.bodyText)")
        #expect((failed.json["detail"] as? String)?.contains("/v1/instructions/Q-9") == true, "\(failed.bodyText)")
        store.failingReads.withLock { $0 = false }
        let read = try await court.request(.GET, "/v1/instructions/Q-9")
        #expect(read.statusCode == 200 && read.json["id"] as? String == "Q-9", "\(read.bodyText)")
        try await court.shutdown()
    }

    @Test("R-G9: a bank cannot lease another's work; a court cannot read another court's results or instruction")
    func isolation() async throws {
        let hub = try await LiveHub.start()
        defer { Task { await hub.stop() } }
        let court = try hub.client(Self.courtPrincipal)
        let document = try SampleInstructions.queryEveryBank(
            registry: hub.setup.registry, court: Self.chaoyang, instructionID: "Q-5", issuedAtMilliseconds: HubRuntime.systemClock())
        _ = try await court.request(.POST, "/v1/instructions", body: try hub.sealed(document, court: Self.chaoyang))
        let ccb = try hub.client(Self.ccb)
        #expect(try await ccb.request(.GET, "/v1/adapters/bank:ICBC/work?max=10").statusCode == 403)
        #expect(try await ccb.request(.POST, "/v1/instructions", body: try hub.sealed(document, court: Self.chaoyang)).statusCode == 403)
        let other = try hub.client(Self.otherCourt)
        #expect(try await other.request(.GET, "/v1/courts/\(segment("京0105"))/results").statusCode == 403)
        #expect(try await other.request(.GET, "/v1/instructions/Q-5").statusCode == 404)
        for client in [court, ccb, other] { try await client.shutdown() }
    }

    @Test("fencing: a receipt under an expired lease is refused and the item is delivered again")
    func fencing() async throws {
        let hub = try await LiveHub.start { $0.leaseSeconds = 1 }
        defer { Task { await hub.stop() } }
        let court = try hub.client(Self.courtPrincipal)
        let document = try SampleInstructions.queryEveryBank(
            registry: hub.setup.registry, court: Self.chaoyang, instructionID: "Q-6", issuedAtMilliseconds: HubRuntime.systemClock())
        _ = try await court.request(.POST, "/v1/instructions", body: try hub.sealed(document, court: Self.chaoyang))
        let bank = try hub.client(Self.icbc)
        let first = try await bank.request(.GET, "/v1/adapters/bank:ICBC/work?max=10")
        let oldToken = first.json["leaseToken"] as! String
        let itemID = (first.json["items"] as! [[String: Any]])[0]["itemId"] as! String
        try await Task.sleep(for: .milliseconds(1_500))
        let late = try await bank.request(
            .POST, "/v1/adapters/bank:ICBC/receipts",
            body: try hub.receiptBatch(bank: "ICBC", entries: [(itemID, oldToken, "noAccountFound", Self.noAccountReceipt("Q-6"))]))
        #expect(late.statusCode == 409, "\(late.bodyText)")
        let again = try await bank.request(.GET, "/v1/adapters/bank:ICBC/work?max=10")
        #expect(again.statusCode == 200)
        #expect((again.json["items"] as? [[String: Any]])?.first?["itemId"] as? String == itemID)
        #expect((again.json["items"] as? [[String: Any]])?.first?["attempt"] as? Int == 2)
        #expect(again.json["leaseToken"] as? String != oldToken)
        for client in [court, bank] { try await client.shutdown() }
    }

    @Test("no client certificate, or one from another CA, is refused at the handshake")
    func mutualTLSOnly() async throws {
        let hub = try await LiveHub.start()
        defer { Task { await hub.stop() } }
        let anonymous = try HubHTTPClient(
            baseURL: "https://127.0.0.1:\(hub.apiPort)",
            tlsConfiguration: {
                var configuration = TLSConfiguration.makeClientConfiguration()
                configuration.trustRoots = .certificates(try NIOSSLCertificate.fromPEMBytes(Array(hub.setup.pki.authority.certificatePEM.utf8)))
                return configuration
            }())
        await #expect(throws: HubClientError.self) { try await anonymous.request(.GET, "/v1/operator/queues") }
        let foreign = try DevelopmentPKI.makeInMemory(principals: [Self.courtPrincipal])
        let impostor = try HubHTTPClient(
            baseURL: "https://127.0.0.1:\(hub.apiPort)",
            tlsConfiguration: try makeClientTLSConfiguration(
                certificatePEM: foreign.client(Self.courtPrincipal).certificatePEM, keyPEM: foreign.client(Self.courtPrincipal).privateKeyPEM,
                trustRootsPEM: hub.setup.pki.authority.certificatePEM))
        await #expect(throws: HubClientError.self) { try await impostor.request(.GET, "/v1/instructions/x") }
        try? await anonymous.shutdown()
        try? await impostor.shutdown()
    }
}

import NIOSSL
