import Foundation
import HubClient
import HubPKI
import HubProtocol
import QueryHub
import Testing

/// Range answers (`ranges` of `POST /v1/adapters/{adapter}/receipts`, one sealed
/// `bank.noAccountFoundRange`) over real HTTPS with mutual TLS: the court sees the bank under
/// `noAccountFound`, and every refusal leaves nothing recorded.
@Suite("Live hub: range answers", .serialized)
struct LiveRangeAnswerTests {
    static let ids = ["Q-1", "Q-2", "Q-3"]

    /// A leased item: its id, instruction and court.
    struct Item {
        var itemID: String
        var instructionID: String
        var court: String
    }

    /// The range receipt ICBC seals for `items`, naming `first` … `last` (the items' by default).
    static func rangeDocument(_ items: [Item], first: String? = nil, last: String? = nil) throws -> [UInt8] {
        let document = BankNoAccountFoundRange(
            responder: "ICBC", respondedAt: Timestamp(secondsSinceEpoch: 1_800_000_000), firstItemId: first ?? items.first!.itemID,
            lastItemId: last ?? items.last!.itemID,
            instructions: try items.map { .init(court: try CourtCode($0.court), instructionId: try InstructionID($0.instructionID)) })
        return try CanonicalJSON.encode(document)
    }

    /// A post with one range, sealed by `sealer`'s key (ICBC's unless told).
    static func rangePost(
        hub: LiveHub, receipt: [UInt8], first: String, last: String, token: String, sealedBy bank: String = "ICBC",
        sealedBytes: [UInt8]? = nil
    ) throws -> [UInt8] {
        let owner = SealKeyOwner.bank(code: bank)
        let seal = try BatchSeal.seal([sealedBytes ?? receipt], with: hub.setup.sealKeys[owner]!, keyId: Registry.sampleSealKeyID(for: owner))[0]
        let sealJSON = String(decoding: try JSONEncoder().encode(seal), as: UTF8.self)
        let entry = ["firstItemId": first, "lastItemId": last, "leaseToken": token, "receipt": Data(receipt).base64EncodedString(), "seal": sealJSON]
        return Array(try JSONEncoder().encode(["ranges": [entry]]))
    }

    /// Three queries to every bank, and ICBC's lease of them.
    static func threeQueries(_ hub: LiveHub, clock: ManualClock, bank: HubHTTPClient) async throws -> (token: String, items: [Item]) {
        for id in ids {
            let document = try SampleInstructions.queryEveryBank(
                registry: hub.setup.registry, court: LiveAPITests.chaoyang, instructionID: id, issuedAtMilliseconds: clock.milliseconds)
            #expect(try await hub.submit(document, court: LiveAPITests.chaoyang).statusCode == 202)
        }
        let work = try await bank.request(.GET, "/v1/adapters/bank:ICBC/work?max=10")
        #expect(work.statusCode == 200, "\(work.bodyText)")
        let items = (work.json["items"] as? [[String: Any]] ?? []).map {
            Item(itemID: $0["itemId"] as! String, instructionID: $0["instructionId"] as! String, court: $0["court"] as! String)
        }
        #expect(items.map(\.instructionID) == ids)
        return (try #require(work.json["leaseToken"] as? String), items)
    }

    /// The adapters the court sees under `noAccountFound` of each query.
    static func noAccount(_ hub: LiveHub, court: HubHTTPClient) async throws -> [[String]] {
        var lists: [[String]] = []
        for id in ids {
            lists.append((try await court.request(.GET, "/v1/instructions/\(id)").json["noAccountFound"] as? [String] ?? []).sorted())
        }
        return lists
    }

    @Test("R-B7, R-B8: a bank answers three queries with one sealed range; the court sees it under noAccountFound; a repeat is repeated")
    func rangeAnswered() async throws {
        let clock = ManualClock()
        let hub = try await LiveHub.start(clock: { clock.milliseconds })
        defer { Task { await hub.stop() } }
        let bank = try hub.client(LiveAPITests.icbc)
        let court = try hub.client(LiveAPITests.courtPrincipal)
        let (token, items) = try await Self.threeQueries(hub, clock: clock, bank: bank)
        let receipt = try Self.rangeDocument(items)
        let body = try Self.rangePost(hub: hub, receipt: receipt, first: items[0].itemID, last: items[2].itemID, token: token)
        let answered = try await bank.request(.POST, "/v1/adapters/bank:ICBC/receipts", body: body)
        #expect(answered.statusCode == 200, "\(answered.bodyText)")
        #expect((answered.json["ranges"] as? [[String: Any]])?.first?["status"] as? String == "accepted", "\(answered.bodyText)")
        #expect(try await Self.noAccount(hub, court: court) == Array(repeating: ["bank:ICBC"], count: 3))
        let again = try await bank.request(.POST, "/v1/adapters/bank:ICBC/receipts", body: body)
        #expect(again.statusCode == 200, "\(again.bodyText)")
        #expect((again.json["ranges"] as? [[String: Any]])?.first?["status"] as? String == "repeated", "\(again.bodyText)")
        #expect(try await bank.request(.GET, "/v1/adapters/bank:ICBC/work?max=10").statusCode == 204, "nothing comes again")
        for client in [bank, court] { try await client.shutdown() }
    }

    @Test("refused whole, nothing recorded: a tampered instruction list, a bad seal, a directed item, an item not the bank's, a foreign or expired lease")
    func refusals() async throws {
        let clock = ManualClock()
        let hub = try await LiveHub.start(configure: { $0.leaseSeconds = 1 }, clock: { clock.milliseconds })
        defer { Task { await hub.stop() } }
        let bank = try hub.client(LiveAPITests.icbc)
        let ccb = try hub.client(LiveAPITests.ccb)
        let court = try hub.client(LiveAPITests.courtPrincipal)
        let (token, items) = try await Self.threeQueries(hub, clock: clock, bank: bank)
        let (first, last) = (items[0].itemID, items[2].itemID)
        let post = { (body: [UInt8]) in try await bank.request(.POST, "/v1/adapters/bank:ICBC/receipts", body: body) }

        // The list names Q-2 where the log has Q-1 (R-B8: the bank's answer must be about that query).
        let swapped = try Self.rangeDocument([items[1], items[0], items[2]], first: first, last: last)
        let tampered = try await post(try Self.rangePost(hub: hub, receipt: swapped, first: first, last: last, token: token))
        #expect(tampered.statusCode == 400 && tampered.json["field"] as? String == "ranges[0].receipt.instructions[0]", "\(tampered.bodyText)")
        // Sealed by another bank's key; and bytes changed after sealing.
        let good = try Self.rangeDocument(items)
        let foreignSeal = try await post(try Self.rangePost(hub: hub, receipt: good, first: first, last: last, token: token, sealedBy: "CCB"))
        #expect(foreignSeal.statusCode == 400 && (foreignSeal.json["type"] as? String)?.hasSuffix("/bad-seal") == true, "\(foreignSeal.bodyText)")
        let changed = try await post(try Self.rangePost(hub: hub, receipt: good, first: first, last: last, token: token, sealedBytes: swapped))
        #expect(changed.statusCode == 400 && changed.json["field"] as? String == "ranges[0].seal", "\(changed.bodyText)")
        // A directed item's id inside the range, and items past the log's head.
        let directed = try Self.rangeDocument(items, last: "D1")
        let withDirected = try await post(try Self.rangePost(hub: hub, receipt: directed, first: first, last: "D1", token: token))
        #expect(withDirected.statusCode == 400 && withDirected.json["field"] as? String == "ranges[0].receipt.lastItemId", "\(withDirected.bodyText)")
        let beyond = items + [Item(itemID: "B4", instructionID: "Q-4", court: items[0].court)]
        let pastHead = try await post(try Self.rangePost(hub: hub, receipt: try Self.rangeDocument(beyond), first: first, last: "B4", token: token))
        #expect(pastHead.statusCode == 404, "\(pastHead.bodyText)")
        // CCB's lease token fences nothing of ICBC's.
        let ccbWork = try await ccb.request(.GET, "/v1/adapters/bank:CCB/work?max=10")
        let ccbToken = try #require(ccbWork.json["leaseToken"] as? String)
        let foreignLease = try await post(try Self.rangePost(hub: hub, receipt: good, first: first, last: last, token: ccbToken))
        #expect(foreignLease.statusCode == 409 && foreignLease.json["field"] as? String == "ranges[0]", "\(foreignLease.bodyText)")
        #expect(try await Self.noAccount(hub, court: court) == [[], [], []], "nothing recorded")

        // The lease expires: the range is refused and the items come again, answered then.
        clock.advance(by: 1_500)
        let expired = try await post(try Self.rangePost(hub: hub, receipt: good, first: first, last: last, token: token))
        #expect(expired.statusCode == 409, "\(expired.bodyText)")
        #expect(try await Self.noAccount(hub, court: court) == [[], [], []], "nothing recorded")
        let again = try await bank.request(.GET, "/v1/adapters/bank:ICBC/work?max=10")
        let newToken = try #require(again.json["leaseToken"] as? String)
        #expect((again.json["items"] as? [[String: Any]])?.compactMap { $0["attempt"] as? Int } == [2, 2, 2])
        let answered = try await post(try Self.rangePost(hub: hub, receipt: good, first: first, last: last, token: newToken))
        #expect((answered.json["ranges"] as? [[String: Any]])?.first?["status"] as? String == "accepted", "\(answered.bodyText)")
        #expect(try await Self.noAccount(hub, court: court) == Array(repeating: ["bank:ICBC"], count: 3))
        for client in [bank, ccb, court] { try await client.shutdown() }
    }
}
