import Foundation
import Hummingbird
import HubPKI

/// A lease as an adapter receives it.
struct WorkView: Codable {
    struct ItemView: Codable {
        var itemId: String
        var instructionId: String
        var court: String
        var kind: String
        /// The court's exact sealed bytes, base64.
        var document: String
        var seal: String
        var route: String
        var attempt: Int
    }
    var leaseToken: String
    var leaseExpiresAt: String
    var items: [ItemView]
}

struct ExtendRequest: Codable {
    var leaseTokens: [String]
}

struct ReceiptBatch: Codable {
    struct Entry: Codable {
        var itemId: String
        var leaseToken: String
        var outcome: String
        /// The adapter's receipt bytes, base64.
        var receipt: String
        /// The adapter's seal (and Merkle proof), as a JSON string.
        var seal: String
    }
    var receipts: [Entry]
    /// Range answers (`bank.noAccountFoundRange`), see ``RangeEntry``.
    var ranges: [RangeEntry]

    init(receipts: [Entry], ranges: [RangeEntry] = []) {
        self.receipts = receipts
        self.ranges = ranges
    }

    private enum CodingKeys: String, CodingKey {
        case receipts, ranges
    }

    /// Either list may be left out (an adapter that answers only ranges, or only items).
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        receipts = try container.decodeIfPresent([Entry].self, forKey: .receipts) ?? []
        ranges = try container.decodeIfPresent([RangeEntry].self, forKey: .ranges) ?? []
    }
}

struct ReceiptResultView: Codable {
    var itemId: String
    var status: String
    var detail: String?
}

/// Lease tokens on the wire: `L` and the lease number. Numbers are never reused, so an old token
/// can never fence a new lease.
enum LeaseToken {
    static func text(_ number: Int64) -> String { "L\(number)" }
    static func number(_ text: String) -> Int64? {
        guard text.first == "L", let number = Int64(text.dropFirst()), number > 0 else { return nil }
        return number
    }
}

extension HubAPI {
    /// The longest a poll may hold for a batch after its first item is ready: longer would only
    /// delay answers (a court's query waits for its slowest bank).
    static let maximumLingerMilliseconds = 10_000

    func work(_ request: Request, _ context: HubRequestContext) async throws -> Response {
        let adapter = try HubAPI.parameter(context, "adapter")
        _ = try HubAPI.require(context, kind: context.principal?.kind == .police ? .police : .bank, id: adapter)
        let maximum = try HubAPI.integer(request, "max", default: 100, range: 1...maximumItemsPerPoll)
        let waitSeconds = try HubAPI.integer(request, "waitSeconds", default: 0, range: 0...maximumWaitSeconds)
        // Holding for a batch: return once `minItems` are ready or `lingerMilliseconds` after the
        // first item was (item 1 of BENCHMARKS.md's profile).
        let minimumItems = try HubAPI.integer(request, "minItems", default: 1, range: 1...maximum)
        let lingerMilliseconds = try HubAPI.integer(request, "lingerMilliseconds", default: 0, range: 0...HubAPI.maximumLingerMilliseconds)
        guard
            let lease = try await core.lease(
                adapterID: adapter, maximumItems: maximum, waitMilliseconds: Int64(waitSeconds) * 1_000,
                minimumItems: minimumItems, lingerMilliseconds: Int64(lingerMilliseconds), audit: context.auditContext)
        else {
            return Response(status: .noContent)
        }
        let view = WorkView(
            leaseToken: LeaseToken.text(lease.leaseNumber),
            leaseExpiresAt: Timestamps.rfc3339(milliseconds: lease.expiresAtMilliseconds),
            items: lease.items.map {
                WorkView.ItemView(
                    itemId: $0.item.description, instructionId: $0.instructionID, court: $0.court, kind: $0.kind,
                    document: Data($0.document).base64EncodedString(), seal: $0.sealJSON, route: $0.routeJSON,
                    attempt: $0.attempt)
            })
        return try HubAPI.json(view)
    }

    func extend(_ request: Request, _ context: HubRequestContext) async throws -> Response {
        let adapter = try HubAPI.parameter(context, "adapter")
        _ = try HubAPI.require(context, kind: context.principal?.kind == .police ? .police : .bank, id: adapter)
        let body = try await HubAPI.body(request, limit: 64 * 1024)
        guard let extend = try? JSONDecoder().decode(ExtendRequest.self, from: Data(body)) else {
            throw ProblemError(.badRequest, "expected {\"leaseTokens\": [\"L1\", …]}", field: "leaseTokens")
        }
        let numbers = try extend.leaseTokens.map { token in
            guard let number = LeaseToken.number(token) else {
                throw ProblemError(.badRequest, "\"\(token)\" is not a lease token", field: "leaseTokens")
            }
            return number
        }
        let results = try await core.extendLeases(adapterID: adapter, leaseNumbers: numbers)
        var view: [String: String] = [:]
        for (number, result) in results {
            switch result {
            case .success(let expires): view[LeaseToken.text(number)] = Timestamps.rfc3339(milliseconds: expires)
            case .failure(let refusal): view[LeaseToken.text(number)] = "refused: \(refusal)"
            }
        }
        return try HubAPI.json(["leases": view])
    }

    func receipts(_ request: Request, _ context: HubRequestContext) async throws -> Response {
        let adapter = try HubAPI.parameter(context, "adapter")
        _ = try HubAPI.require(context, kind: context.principal?.kind == .police ? .police : .bank, id: adapter)
        let body = try await HubAPI.body(request)
        // The checks are CPU work: a few posts at a time, so that submissions do not wait behind
        // a thousand posts sharing the cores (``AdmissionGate``). The commit waits outside.
        let (answers, ranges) = try await receiptGate.admitted { try await checkedAnswers(body: body, adapter: adapter) }
        // A range is recorded exactly as its items' per-item "no account found" answers would be
        // (same ranges in the store, same watermarks, same refusals): one list for the core.
        let results = try await core.answer(
            adapterID: adapter, answers: answers + ranges.flatMap(\.answers), audit: context.auditContext)
        return try HubAPI.receiptResponse(
            answers: answers, results: Array(results.prefix(answers.count)), ranges: ranges,
            rangeResults: results.dropFirst(answers.count))
    }

    /// Decodes a post of receipts and checks each (seal, rules, instruction), in order.
    private func checkedAnswers(body: [UInt8], adapter: String) async throws -> ([AnswerSubmission], [CheckedRange]) {
        let batch: ReceiptBatch
        do {
            batch = try JSONDecoder().decode(ReceiptBatch.self, from: Data(body))
        } catch {
            throw ProblemError(.badRequest, "the receipt batch is not valid: \(error)", field: "receipts")
        }
        guard batch.receipts.count <= maximumItemsPerPoll else {
            throw ProblemError(.badRequest, "at most \(maximumItemsPerPoll) receipts per batch", field: "receipts")
        }
        guard batch.ranges.count <= maximumItemsPerPoll else {
            throw ProblemError(.badRequest, "at most \(maximumItemsPerPoll) ranges per batch", field: "ranges")
        }
        guard !batch.receipts.isEmpty || !batch.ranges.isEmpty else {
            throw ProblemError(.badRequest, "the batch has neither receipts nor ranges", field: "receipts")
        }
        let ranges = try await checkedRanges(batch.ranges, receiptCount: batch.receipts.count, adapter: adapter)
        return (try await checkedReceipts(batch, adapter: adapter), ranges)
    }

    /// The per-item receipts of a batch, each checked (seal, rules, instruction), in order.
    private func checkedReceipts(_ batch: ReceiptBatch, adapter: String) async throws -> [AnswerSubmission] {
        // One hop into the core for the whole batch, not one per receipt: the core is shared with
        // every bank's polls and every court's submissions.
        let owners = try await core.instructions(of: batch.receipts.map { WorkItemID(wire: $0.itemId) }, adapterID: adapter)
        var answers: [AnswerSubmission] = []
        for (index, entry) in batch.receipts.enumerated() {
            guard let item = WorkItemID(wire: entry.itemId) else {
                throw ProblemError(.badRequest, "\"\(entry.itemId)\" is not an item id", field: "receipts[\(index)].itemId")
            }
            guard let lease = LeaseToken.number(entry.leaseToken) else {
                throw ProblemError(.badRequest, "\"\(entry.leaseToken)\" is not a lease token", field: "receipts[\(index)].leaseToken")
            }
            guard let receiptBytes = Data(base64Encoded: entry.receipt) else {
                throw ProblemError(.badRequest, "the receipt is not base64", field: "receipts[\(index)].receipt")
            }
            guard let owner = owners[index] else {
                throw ProblemError(.notFound, "\(adapter) has no item \(entry.itemId)", field: "receipts[\(index)].itemId")
            }
            let verdict = try await receiptCheck.check(
                receipt: Array(receiptBytes), sealJSON: entry.seal, outcome: entry.outcome, item: item, adapterID: adapter,
                court: owner.court, instructionID: owner.instructionID)
            answers.append(
                AnswerSubmission(item: item, leaseNumber: lease, outcome: entry.outcome, body: Array(receiptBytes),
                                 sealJSON: entry.seal, flaggedReason: verdict.flaggedReason, ledgerReport: verdict.ledgerReport))
        }
        return answers
    }

    static func receiptResponse(
        answers: [AnswerSubmission], results: [AnswerResult], ranges: [CheckedRange] = [],
        rangeResults: ArraySlice<AnswerResult> = []
    ) throws -> Response {
        let views = zip(answers, results).map { answer, result -> ReceiptResultView in
            switch result {
            case .accepted: return ReceiptResultView(itemId: answer.item.description, status: "accepted")
            case .repeated: return ReceiptResultView(itemId: answer.item.description, status: "repeated")
            case .conflict:
                return ReceiptResultView(itemId: answer.item.description, status: "conflict",
                                         detail: "another answer for this item was accepted before")
            case .refused(let refusal):
                return ReceiptResultView(itemId: answer.item.description, status: "refused", detail: refusal.description)
            case .unknownItem:
                return ReceiptResultView(itemId: answer.item.description, status: "unknown", detail: "no such item for this adapter")
            }
        }
        let rangeViews = rangeResultViews(ranges: ranges, results: rangeResults)
        let succeeded = (results + rangeResults).contains { $0 == .accepted || $0 == .repeated }
        if !succeeded, let first = views.first {
            // Nothing in the batch was taken: answer with the problem of the first item.
            let problem: Problem = first.status == "unknown" ? .notFound : .conflict
            return problem.response(detail: "\(first.itemId): \(first.detail ?? first.status)", field: "receipts[0]")
        }
        if !succeeded, let first = rangeViews.first {
            return Problem.conflict.response(
                detail: "\(first.firstItemId) … \(first.lastItemId): \(first.detail ?? first.status)", field: "ranges[0]")
        }
        guard !ranges.isEmpty else { return try json(["results": views]) }
        return try json(ReceiptResponseView(results: views, ranges: rangeViews))
    }
}
