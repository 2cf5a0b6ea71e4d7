import Foundation
import HubClient
import HubPKI
import HubProtocol
import QueryHub
import Testing

/// Issue 6, item 4: many courts freeze one hot account at the same moment. The hub must give the
/// bank the freezes on that account strictly one at a time, in the order of their legal service
/// times (R-B20; equal times in the order accepted), so that the bank serves them in arrival order
/// (R-B13) and what they hold together never exceeds the balance.
///
/// 1,000 basic courts (`HOT_ACCOUNT_COURTS` overrides), each with its own certificate, Ed25519
/// seal key, judge and enforcement officer, post one `bank.freeze` each on the same ICBC account,
/// 100 at a time, to a hub running in this process. Then the test acts as ICBC: it polls with
/// `max=1000` and answers each freeze with a sealed `bank.freezeResult` from a small ledger with a
/// fixed balance; finally each court reads its receipt back. Nothing here measures time.
@Suite("A hot account frozen by many courts at once", .serialized)
struct HotAccountTests {
    /// 100…9,801 (99 intermediate courts of 99): at least enough to empty the account.
    static let courtCount = min(max(ProcessInfo.processInfo.environment["HOT_ACCOUNT_COURTS"].flatMap { Int($0) } ?? 1_000, 100), 9_801)
    static let account = AccountReference(bank: "ICBC", number: "6222020200112233445", currency: .cny)
    /// 300,000.00 CNY: about 60 freezes of 2,000–8,000 fill it, so most courts hold nothing.
    static let balance = Money(minorUnits: 30_000_000, currency: .cny)

    /// What one court was told when it posted its freeze.
    struct Acceptance: Sendable {
        let court: CourtCode
        let instructionID: String
        let serviceTimeMilliseconds: Int64
    }

    /// A freeze as ICBC received it, in delivery order.
    struct Delivery {
        let instructionID: String
        let itemNumber: Int
        let held: Money
    }

    @Test("issue 6, R-B13, R-B20: 1,000 courts freeze one account at once; ICBC gets them one at a time in service-time order; the sum held stays within the balance")
    func hotAccount() async throws {
        let network = try ManyCourts.make(basicCourts: Self.courtCount)
        let hub = try await InProcessHub.start(registry: network.registry, pki: network.pki)
        let courtClients = try network.courts.map { try hub.client(try PrincipalIdentity(kind: .court, id: $0.description)) }
        let bank = try hub.client(ManyCourts.bankPrincipal)
        do {
            let acceptances = try await postFreezes(network, clients: courtClients)
            try #require(acceptances.count == Self.courtCount, "every court's freeze must be accepted")
            var ledger = HotAccountBank(account: Self.account, balance: Self.balance)
            let deliveries = try await serveAsBank(network, client: bank, ledger: &ledger, expected: acceptances.count)
            checkOrder(deliveries, acceptances: acceptances)
            try await checkReceipts(acceptances, deliveries: deliveries, courts: network.courts, clients: courtClients)
            #expect(try ledger.totalHeld == Self.balance, "the freezes ask for more than the balance, so they hold all of it")
        } catch {
            await Self.shutdown(courtClients + [bank], hub: hub)
            throw error
        }
        await Self.shutdown(courtClients + [bank], hub: hub)
    }

    /// Every court posts its freeze, 100 in flight at once; returns the 202s in court order.
    private func postFreezes(_ network: ManyCourts, clients: [HubHTTPClient]) async throws -> [Acceptance] {
        let work = Array(zip(network.courts.indices, zip(network.courts, clients)))
        let results = try await concurrentMap(work, width: 100) { index, pair -> Acceptance? in
            let (court, client) = pair
            let instructionID = "HOT-" + Registry.sampleOfficerID(court: court, role: .judge).prefix { $0 != "-" }
            // 2,000.00 … 8,000.00 CNY, varied so that the freeze that empties the account is partial.
            let limit = Money(minorUnits: 200_000 + Int64(index * 37 % 7) * 100_000 + Int64(index % 3) * 3_333, currency: .cny)
            let document = try network.freezeDocument(
                court: court, instructionID: instructionID, account: Self.account, limit: limit,
                issuedAtMilliseconds: HubRuntime.systemClock())
            let response = try await client.request(.POST, "/v1/instructions", body: try network.sealed(document, court: court))
            guard response.statusCode == 202, let text = response.json["serviceTime"] as? String else {
                Issue.record("\(court) \(instructionID): \(response.statusCode) \(response.bodyText)")
                return nil
            }
            return Acceptance(court: court, instructionID: instructionID, serviceTimeMilliseconds: try Self.milliseconds(serviceTime: text))
        }
        return results.compactMap { $0 }
    }

    /// Acts as ICBC: each poll for up to 1,000 items must bring exactly one freeze (the others on
    /// the account wait), a second poll before answering must bring none, and the answer is a
    /// sealed freeze result from the ledger. Afterwards nothing is left.
    private func serveAsBank(_ network: ManyCourts, client: HubHTTPClient, ledger: inout HotAccountBank, expected: Int) async throws
        -> [Delivery]
    {
        var deliveries: [Delivery] = []
        for _ in 0..<expected {
            let work = try await client.request(.GET, "/v1/adapters/bank:ICBC/work?max=1000&waitSeconds=0")
            try #require(work.statusCode == 200, "freeze \(deliveries.count + 1) of \(expected) did not come: \(work.bodyText)")
            let items = work.json["items"] as? [[String: Any]] ?? []
            try #require(items.count == 1, "\(items.count) items on one account in one poll; they must come one at a time")
            let held = try await answer(items[0], leaseToken: work.json["leaseToken"] as? String ?? "", network: network, client: client, ledger: &ledger)
            let itemID = items[0]["itemId"] as? String ?? ""
            deliveries.append(Delivery(instructionID: items[0]["instructionId"] as? String ?? "", itemNumber: Int(itemID.dropFirst()) ?? -1, held: held))
        }
        let after = try await client.request(.GET, "/v1/adapters/bank:ICBC/work?max=1000&waitSeconds=0")
        #expect(after.statusCode == 204, "work left after every freeze was answered: \(after.bodyText)")
        return deliveries
    }

    /// Checks that the next freeze waits, serves this one from the ledger, and posts the sealed result.
    private func answer(
        _ item: [String: Any], leaseToken: String, network: ManyCourts, client: HubHTTPClient, ledger: inout HotAccountBank
    ) async throws -> Money {
        let waiting = try await client.request(.GET, "/v1/adapters/bank:ICBC/work?max=1000&waitSeconds=0")
        #expect(waiting.statusCode == 204, "a second freeze on the account was given out before the first was answered")
        #expect(item["attempt"] as? Int == 1 && item["kind"] as? String == "bank.freeze", "\(item)")
        let bytes = Array(Data(base64Encoded: item["document"] as? String ?? "") ?? Data())
        guard case .bankFreeze(let freeze) = try StrictJSONDecoder().decode(InstructionDocument.self, from: bytes) else {
            throw LoadTestFailure(description: "ICBC was given something other than a freeze: \(item)")
        }
        let ruling = freeze.header.legalDocuments.first { $0.kind == .ruling }
        let result = try ledger.freeze(
            instructionID: freeze.header.instructionId.description,
            authority: network.registry.court(freeze.header.court)?.name ?? freeze.header.court.description,
            rulingNumber: ruling?.number.description ?? "", requested: freeze.amountLimit, period: freeze.period,
            respondedAt: Timestamp(millisecondsSinceEpoch: HubRuntime.systemClock() / 1_000 * 1_000))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let receipt = Array(try encoder.encode(result))
        let owner = SealKeyOwner.bank(code: ManyCourts.bankCode)
        guard let key = network.sealKeys[owner] else { preconditionFailure("ICBC has a seal key") }
        let seal = try BatchSeal.seal([receipt], with: key, keyId: Registry.sampleSealKeyID(for: owner))[0]
        let body = try encoder.encode([
            "receipts": [[
                "itemId": item["itemId"] as? String ?? "", "leaseToken": leaseToken, "outcome": "done",
                "receipt": Data(receipt).base64EncodedString(), "seal": String(decoding: try encoder.encode(seal), as: UTF8.self),
            ]]
        ])
        let posted = try await client.request(.POST, "/v1/adapters/bank:ICBC/receipts", body: Array(body))
        let status = (posted.json["results"] as? [[String: Any]])?.first?["status"] as? String
        try #require(status == "accepted", "the freeze result was not taken: \(posted.statusCode) \(posted.bodyText)")
        return result.held
    }
}

// MARK: - The checks

extension HotAccountTests {
    /// R-B20, R-B13: every accepted freeze came exactly once, in the order of service times, with
    /// equal times in the order accepted (item numbers increase).
    private func checkOrder(_ deliveries: [Delivery], acceptances: [Acceptance]) {
        let serviceTimes = Dictionary(uniqueKeysWithValues: acceptances.map { ($0.instructionID, $0.serviceTimeMilliseconds) })
        #expect(deliveries.map(\.instructionID).sorted() == serviceTimes.keys.sorted(), "each accepted freeze comes exactly once")
        for (earlier, later) in zip(deliveries, deliveries.dropFirst()) {
            let (first, second) = (serviceTimes[earlier.instructionID] ?? .max, serviceTimes[later.instructionID] ?? .min)
            #expect(first <= second, "\(later.instructionID) (served at \(second)) came after \(earlier.instructionID) (\(first))")
            #expect(earlier.itemNumber < later.itemNumber, "item D\(later.itemNumber) came after D\(earlier.itemNumber)")
        }
    }

    /// Each court reads its freeze back: completed, ICBC's one sealed result holding what the
    /// ledger held for it. Together they hold at most the balance (R-B11, R-B12); in arrival order
    /// the first freezes hold their whole limit, then one part of it, then the rest nothing (R-B13).
    private func checkReceipts(
        _ acceptances: [Acceptance], deliveries: [Delivery], courts: [CourtCode], clients: [HubHTTPClient]
    ) async throws {
        let clientsByCourt = Dictionary(uniqueKeysWithValues: zip(courts, clients))
        let readBack = try await concurrentMap(acceptances, width: 100) { acceptance -> (String, BankFreezeResult?) in
            let view = try await clientsByCourt[acceptance.court]!.request(.GET, "/v1/instructions/\(acceptance.instructionID)")
            let targets = view.json["receipts"] as? [[String: Any]] ?? []
            guard view.json["status"] as? String == "completed", targets.count == 1, targets[0]["adapter"] as? String == "bank:ICBC",
                  let encoded = targets[0]["receipt"] as? String, let bytes = Data(base64Encoded: encoded),
                  case .bankFreezeResult(let result) = try StrictJSONDecoder().decode(ReceiptDocument.self, from: Array(bytes))
            else {
                Issue.record("\(acceptance.court) \(acceptance.instructionID): \(view.bodyText)")
                return (acceptance.instructionID, nil)
            }
            // The bank reports what the rules ask, so the hub's ledger agrees with every receipt.
            #expect(targets[0]["flagged"] == nil, "\(acceptance.instructionID): the hub flagged an honest receipt: \(targets[0]["flagged"] ?? "")")
            return (acceptance.instructionID, result)
        }
        let results = Dictionary(uniqueKeysWithValues: readBack)
        var total = Money.zero(.cny)
        var emptied = false
        for delivery in deliveries {
            guard let result = results[delivery.instructionID] ?? nil else { continue }
            #expect(result.held == delivery.held && result.header.instructionId.description == delivery.instructionID)
            total = try total.adding(result.held)
            #expect(!emptied || result.held.isZero, "\(delivery.instructionID) holds \(result.held) after the account was emptied")
            if result.held != result.requested { emptied = true }
        }
        #expect(try !Self.balance.isLess(than: total), "the freezes hold \(total), more than the balance \(Self.balance)")
        #expect(emptied, "the account must run out for the order to matter")
        #expect(results.values.contains { $0?.held.isZero == true }, "the freezes after the account was emptied hold nothing")
    }

    /// A 202's service time in Unix milliseconds. The hub writes every instant with three fraction
    /// digits (`….000Z` too), which the wire format's own `Timestamp` refuses for whole seconds;
    /// the whole-second form is read here as such.
    static func milliseconds(serviceTime text: String) throws -> Int64 {
        let wireForm = text.hasSuffix(".000Z") ? String(text.dropLast(5)) + "Z" : text
        return try Timestamp(wireForm).millisecondsSinceEpoch
    }

    static func shutdown(_ clients: [HubHTTPClient], hub: InProcessHub) async {
        _ = try? await concurrentMap(clients, width: 100) { client in try? await client.shutdown() }
        await hub.stop()
    }
}
