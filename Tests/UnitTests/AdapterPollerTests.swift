import Foundation
import HubClient
import HubPKI
import HubProtocol
import QueryHub
import Synchronization
import Testing

@Suite("Adapter poller against a live hub", .serialized)
struct AdapterPollerTests {
    static let chaoyang = try! CourtCode("京0105")

    @Test("R-B9, R-B10: the poller verifies the court's seal, answers with a batch seal, and every item is answered once")
    func pollAndAnswer() async throws {
        let hub = try await LiveHub.start()
        let court = try hub.client(try PrincipalIdentity(kind: .court, id: "京0105"))
        for index in 1...3 {
            let document = try SampleInstructions.queryEveryBank(
                registry: hub.setup.registry, court: Self.chaoyang, instructionID: "P-\(index)", issuedAtMilliseconds: HubRuntime.systemClock())
            #expect(try await court.request(.POST, "/v1/instructions", body: try hub.sealed(document, court: Self.chaoyang)).statusCode == 202)
        }
        let bank = try hub.client(try PrincipalIdentity(kind: .bank, id: "ICBC"))
        let keys = try await CourtSealKeys.fetch(from: bank)
        #expect(keys.keys["court:京0105#1"] != nil)
        let seen = Mutex<[String]>([])
        var configuration = AdapterPoller.Configuration(adapterID: "bank:ICBC")
        configuration.waitSeconds = 1
        let owner = SealKeyOwner.bank(code: "ICBC")
        let poller = AdapterPoller(
            configuration: configuration, client: bank,
            handler: { item in
                seen.withLock { $0.append(item.instructionID) }
                #expect(keys.problem(with: item) == nil)
                let receipt = #"{"kind":"bank.noAccountFound","header":{"instructionId":"\#(item.instructionID)","responder":"ICBC","respondedAt":"2026-12-01T09:30:41Z"}}"#
                return AdapterAnswer(outcome: "noAccountFound", receipt: Array(receipt.utf8))
            },
            sealer: ReceiptSealing.sealer(key: hub.setup.sealKeys[owner]!, keyId: Registry.sampleSealKeyID(for: owner)))
        #expect(try await poller.pollOnce() == 3)
        #expect(try await poller.pollOnce() == 0)
        #expect(seen.withLock { $0.sorted() } == ["P-1", "P-2", "P-3"])
        #expect(await poller.receiptsAccepted == 3)
        let view = try await court.request(.GET, "/v1/instructions/P-2")
        #expect((view.json["noAccountFound"] as? [String]) == ["bank:ICBC"])

        // A document whose bytes were changed after sealing is caught by the adapter itself.
        var tampered = AdapterWorkItem(
            itemID: "B9", instructionID: "X", court: "京0105", kind: "bank.query", document: Array("{}".utf8),
            seal: try Seal.sign(Array("other".utf8), with: hub.setup.sealKeys[.court(Self.chaoyang)]!, keyId: "court:京0105#1"), attempt: 1)
        #expect(keys.problem(with: tampered) != nil)
        tampered.seal = try Seal.sign(tampered.document, with: hub.setup.sealKeys[.court(try CourtCode("京0108"))]!, keyId: "court:京0105#1")
        #expect(keys.problem(with: tampered) != nil)
        for client in [court, bank] { try await client.shutdown() }
        await hub.stop()
    }

    @Test("R-B7, R-B8: runs of consecutive no-account answers go as one range each; other answers and runs of one stay per item",
          arguments: [true, false])
    func rangesForRuns(answersRanges: Bool) async throws {
        let hub = try await LiveHub.start()
        let court = try hub.client(try PrincipalIdentity(kind: .court, id: "京0105"))
        for index in 1...4 {
            let document = try SampleInstructions.queryEveryBank(
                registry: hub.setup.registry, court: Self.chaoyang, instructionID: "R-\(index)", issuedAtMilliseconds: HubRuntime.systemClock())
            #expect(try await court.request(.POST, "/v1/instructions", body: try hub.sealed(document, court: Self.chaoyang)).statusCode == 202)
        }
        let bank = try hub.client(try PrincipalIdentity(kind: .bank, id: "ICBC"))
        var configuration = AdapterPoller.Configuration(adapterID: "bank:ICBC")
        configuration.waitSeconds = 1
        configuration.answersRanges = answersRanges
        let owner = SealKeyOwner.bank(code: "ICBC")
        let sealer = ReceiptSealing.sealer(key: hub.setup.sealKeys[owner]!, keyId: Registry.sampleSealKeyID(for: owner))
        let sealed = Mutex<[String]>([])
        let poller = AdapterPoller(
            configuration: configuration, client: bank,
            handler: { item in
                let header = #"{"instructionId":"\#(item.instructionID)","responder":"ICBC","respondedAt":"2026-12-01T09:30:41Z"}"#
                // R-2 cannot be assisted: it splits the run into R-1 (alone) and R-3 … R-4.
                if item.instructionID == "R-2" {
                    return AdapterAnswer(outcome: "cannotAssist", receipt: Array(#"{"kind":"cannotAssist","header":\#(header),"reason":"other","detail":"test"}"#.utf8))
                }
                return AdapterAnswer(outcome: "noAccountFound", receipt: Array(#"{"kind":"bank.noAccountFound","header":\#(header)}"#.utf8))
            },
            sealer: { receipts in
                sealed.withLock { $0 += receipts.map { String(decoding: $0, as: UTF8.self) } }
                return try sealer(receipts)
            })
        #expect(try await poller.pollOnce() == 4)
        #expect(await poller.receiptsAccepted == 4)
        let kinds = sealed.withLock { $0 }.map { $0.contains("noAccountFoundRange") ? "range" : $0.contains("cannotAssist") ? "cannotAssist" : "item" }
        #expect(kinds == (answersRanges ? ["item", "cannotAssist", "range"] : ["item", "cannotAssist", "item", "item"]))
        for id in ["R-1", "R-3", "R-4"] {
            let view = try await court.request(.GET, "/v1/instructions/\(id)")
            #expect((view.json["noAccountFound"] as? [String]) == ["bank:ICBC"], "\(id): \(view.bodyText)")
        }
        let view = try await court.request(.GET, "/v1/instructions/R-2")
        #expect((view.json["receipts"] as? [[String: Any]])?.first?["outcome"] as? String == "cannotAssist")
        for client in [court, bank] { try await client.shutdown() }
        await hub.stop()
    }
}
