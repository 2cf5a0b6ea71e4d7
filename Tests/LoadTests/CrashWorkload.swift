import Foundation
import HubClient
import HubProtocol
import QueryHub
import Synchronization

/// What a court's client saw when it posted one instruction.
enum ClientOutcome: Sendable, Equatable {
    /// 202: the hub promised the instruction is durable, with its service time.
    case accepted(serviceTime: String)
    /// A 4xx: the hub said no; nothing may have been stored.
    case refused(status: Int)
    /// The connection died (or a 5xx came back) after the request may have been sent: the
    /// instruction may or may not exist.
    case noAnswer(reason: String)

    var isAccepted: Bool {
        if case .accepted = self { return true }
        return false
    }

    var isRefusal: Bool {
        if case .refused = self { return true }
        return false
    }
}

/// One instruction a court posted, and what it was told.
struct SubmissionRecord: Sendable {
    let court: CourtCode
    let instructionID: String
    /// The exact request body (the sealed envelope), to post again.
    let body: [UInt8]
    /// True when the body was spoiled on purpose (a seal that does not match): the hub must refuse it.
    let spoiled: Bool
    var outcome: ClientOutcome
    /// For an unanswered instruction posted again after the last restart: what the repeat got.
    var repeatOutcome: ClientOutcome?
}

/// Everything the court clients posted, kept by the test.
final class SubmissionLog: Sendable {
    private let records = Mutex<[SubmissionRecord]>([])

    func append(_ record: SubmissionRecord) { records.withLock { $0.append(record) } }
    var all: [SubmissionRecord] { records.withLock { $0 } }
    func replace(_ updated: [SubmissionRecord]) { records.withLock { $0 = updated } }
}

/// A court system posting sealed `bank.query` instructions (to every bank) as fast as a small
/// pause allows, while the hub is killed and restarted under it.
struct CourtSubmitter: Sendable {
    let court: CourtCode
    let worker: Int
    let client: HubHTTPClient
    let setup: DevelopmentSetup
    /// Posts that failed before anything was sent (connection refused) are retried this often.
    static let maximumRefusedConnects = 1_000

    /// Posts until `stop` is set or the budget is spent. One in ten bodies is spoiled on purpose.
    func run(seed: UInt64, stop: Flag, budget: Budget, log: SubmissionLog) async throws {
        var random = SplitMix64(seed: seed)
        var sequence = 0
        // Bounded by the budget.
        while !stop.isSet, !Task.isCancelled, budget.take() {
            sequence += 1
            let instructionID = "CR-\(Registry.sampleOfficerID(court: court, role: .judge).prefix(6))-\(worker)-\(sequence)"
            let spoiled = random.chance(percent: 10)
            let body = try sealedBody(instructionID: instructionID, spoiled: spoiled)
            let outcome = await post(body)
            log.append(SubmissionRecord(court: court, instructionID: instructionID, body: body, spoiled: spoiled, outcome: outcome))
            try await Task.sleep(for: .milliseconds(20 + Int(random.next(below: 60))))
        }
    }

    /// The envelope: the query's exact bytes and the court's SM2 seal; spoiled means one more byte
    /// after sealing, so the seal no longer matches.
    func sealedBody(instructionID: String, spoiled: Bool) throws -> [UInt8] {
        let document = try SampleInstructions.queryEveryBank(
            registry: setup.registry, court: court, instructionID: instructionID, issuedAtMilliseconds: HubRuntime.systemClock())
        let owner = SealKeyOwner.court(court)
        guard let key = setup.sealKeys[owner] else { preconditionFailure("the sample has a seal key for \(owner)") }
        var sealed = try SealedDocument.seal(document, with: key, keyId: Registry.sampleSealKeyID(for: owner))
        if spoiled { sealed = SealedDocument(document: document + Array(" ".utf8), seal: sealed.seal) }
        return Array(try JSONEncoder().encode(sealed))
    }

    /// Posts once. A refused connection sent nothing, so the same bytes go again after a pause
    /// (the hub is down); any other failure after sending is an unanswered post.
    func post(_ body: [UInt8]) async -> ClientOutcome {
        for _ in 0..<Self.maximumRefusedConnects {
            do {
                let response = try await client.request(
                    .POST, "/v1/instructions", body: body, headers: [("content-type", "application/json")])
                switch response.statusCode {
                case 202: return .accepted(serviceTime: response.json["serviceTime"] as? String ?? "")
                case 400..<500: return .refused(status: response.statusCode)
                default: return .noAnswer(reason: "HTTP \(response.statusCode)")
                }
            } catch .connectionRefused {
                try? await Task.sleep(for: .milliseconds(25))
            } catch {
                return .noAnswer(reason: error.description)
            }
        }
        return .noAnswer(reason: "connection refused \(Self.maximumRefusedConnects) times")
    }
}

/// What the bank clients saw, for the final checks.
struct BankTally: Sendable {
    var receiptsAccepted = 0
    var receiptsRepeated = 0
    var receiptsRefused = 0
    var conflicts: [String] = []
}

/// The receipts a bank has written, by item id, shared by its pollers: an item delivered again
/// (its lease expired in a crash) is answered with the same bytes. Bounded by the posts.
final class ReceiptCache: Sendable {
    private let receipts = Mutex<[String: [UInt8]]>([:])

    /// The receipt written for `itemID` before, or the one `make` writes now.
    func receipt(for itemID: String, make: () -> [UInt8]) -> [UInt8] {
        receipts.withLock { cache in
            if let written = cache[itemID] { return written }
            let receipt = make()
            cache[itemID] = receipt
            return receipt
        }
    }
}

/// One poller of a bank adapter, answering every query "no account found" with a batch seal.
/// A bank runs several at once, sharing their leases' adapter and a ``ReceiptCache``.
struct BankAnswerer: Sendable {
    let adapter: String
    let bankCode: String
    let client: HubHTTPClient
    let sealKey: SealPrivateKey
    let cache: ReceiptCache
    /// The most times one receipt batch is posted again after the connection died.
    static let maximumRepostAttempts = 200

    /// Polls and answers until `stop` is set.
    func run(stop: Flag) async throws -> BankTally {
        var tally = BankTally()
        // Bounded by `stop`: the test sets it once the hub has nothing left to give.
        while !stop.isSet, !Task.isCancelled {
            guard let work = try? await client.request(.GET, "/v1/adapters/\(segment(adapter))/work?max=100&waitSeconds=1"),
                  work.statusCode == 200, let token = work.json["leaseToken"] as? String,
                  let items = work.json["items"] as? [[String: Any]], !items.isEmpty
            else {
                try await Task.sleep(for: .milliseconds(25))
                continue
            }
            var entries: [(itemID: String, receipt: [UInt8])] = []
            for item in items {
                guard let itemID = item["itemId"] as? String, let instructionID = item["instructionId"] as? String else {
                    throw LoadTestFailure(description: "a work item without its item or instruction id: \(item)")
                }
                let receipt = cache.receipt(for: itemID) { noAccountReceipt(instructionID) }
                entries.append((itemID, receipt))
            }
            try await answer(entries, leaseToken: token, tally: &tally)
        }
        return tally
    }

    /// Posts one sealed batch; posts it again while the connection dies under it (the lease may
    /// survive the crash), until the hub answers.
    private func answer(_ entries: [(itemID: String, receipt: [UInt8])], leaseToken: String, tally: inout BankTally) async throws {
        let body = try receiptBatch(entries, leaseToken: leaseToken)
        for _ in 0..<Self.maximumRepostAttempts {
            let response: HubHTTPResponse
            do {
                response = try await client.request(.POST, "/v1/adapters/\(segment(adapter))/receipts", body: body)
            } catch {
                try await Task.sleep(for: .milliseconds(50))
                continue
            }
            guard response.statusCode == 200 else {
                // 409: the lease expired while the hub was down; the items come again.
                tally.receiptsRefused += entries.count
                return
            }
            for result in response.json["results"] as? [[String: Any]] ?? [] {
                switch result["status"] as? String {
                case "accepted": tally.receiptsAccepted += 1
                case "repeated": tally.receiptsRepeated += 1
                case "refused": tally.receiptsRefused += 1
                default: tally.conflicts.append("\(adapter) \(result)")
                }
            }
            return
        }
    }

    private func noAccountReceipt(_ instructionID: String) -> [UInt8] {
        let respondedAt = Timestamp(millisecondsSinceEpoch: HubRuntime.systemClock() / 1_000 * 1_000)
        return Array(
            #"{"kind":"bank.noAccountFound","header":{"instructionId":"\#(instructionID)","responder":"\#(bankCode)","respondedAt":"\#(respondedAt)"}}"#
                .utf8)
    }

    /// The batch as the adapter posts it: one SM2 seal over the Merkle root, a proof per receipt.
    private func receiptBatch(_ entries: [(itemID: String, receipt: [UInt8])], leaseToken: String) throws -> [UInt8] {
        let owner = SealKeyOwner.bank(code: bankCode)
        let seals = try BatchSeal.seal(entries.map(\.receipt), with: sealKey, keyId: Registry.sampleSealKeyID(for: owner))
        let encoder = JSONEncoder()
        let receipts = try zip(entries, seals).map { entry, seal -> [String: String] in
            [
                "itemId": entry.itemID, "leaseToken": leaseToken, "outcome": AnswerSubmission.noAccountFound,
                "receipt": Data(entry.receipt).base64EncodedString(), "seal": String(decoding: try encoder.encode(seal), as: UTF8.self),
            ]
        }
        return Array(try encoder.encode(["receipts": receipts]))
    }
}
