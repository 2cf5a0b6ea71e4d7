import Foundation
import HubProtocol
import Hummingbird

/// A range answer as `POST /v1/adapters/{adapter}/receipts` takes it beside the per-item
/// receipts: a bank's one sealed `bank.noAccountFoundRange` for the broadcast items
/// `firstItemId` … `lastItemId`, all held under `leaseToken`.
struct RangeEntry: Codable {
    var firstItemId: String
    var lastItemId: String
    var leaseToken: String
    /// The range receipt's exact bytes, base64.
    var receipt: String
    /// The adapter's batch seal (and Merkle proof) over those bytes, as a JSON string.
    var seal: String
}

/// A range whose seal, rules and instructions were checked, as the per-item answers the core
/// records: one "no account found" per item, each carrying the range's bytes and seal.
struct CheckedRange {
    var firstItemId: String
    var lastItemId: String
    var answers: [AnswerSubmission]
}

/// What became of one range: `accepted` (every item taken now or before, at least one now),
/// `repeated` (every item was answered "no account found" before), `conflict` (some item had
/// another answer; the rest were taken) or `refused` (the lease does not hold the items: nothing
/// taken, they are delivered again).
struct RangeResultView: Codable {
    var firstItemId: String
    var lastItemId: String
    var status: String
    var detail: String?
}

/// The response to a post with ranges.
struct ReceiptResponseView: Codable {
    var results: [ReceiptResultView]
    var ranges: [RangeResultView]
}

extension HubAPI {
    /// Checks each range once: its seal (one audit path and, per batch, one signature), its rules,
    /// that it names the items its entry names, and that its instructions are, item by item, the
    /// broadcast log's (R-B7, R-B8). Any failure refuses the whole post: nothing is recorded.
    func checkedRanges(_ entries: [RangeEntry], receiptCount: Int, adapter: String) async throws -> [CheckedRange] {
        var checked: [CheckedRange] = []
        var items = receiptCount
        for (index, entry) in entries.enumerated() {
            let field = "ranges[\(index)]"
            guard let lease = LeaseToken.number(entry.leaseToken) else {
                throw ProblemError(.badRequest, "\"\(entry.leaseToken)\" is not a lease token", field: field + ".leaseToken")
            }
            guard let bytes = Data(base64Encoded: entry.receipt) else {
                throw ProblemError(.badRequest, "the range receipt is not base64", field: field + ".receipt")
            }
            let body = Array(bytes)
            let document = try eventCheck.verifiedRange(receipt: body, sealJSON: entry.seal, adapterID: adapter, field: field)
            guard document.firstItemId == entry.firstItemId, document.lastItemId == entry.lastItemId else {
                throw ProblemError(
                    .malformed,
                    "\(field) names \(entry.firstItemId) … \(entry.lastItemId); its sealed receipt \(document.firstItemId) … \(document.lastItemId)",
                    field: field + ".firstItemId")
            }
            let sequences = document.sequences
            items += sequences.count
            guard items <= maximumItemsPerPoll else {
                throw ProblemError(.badRequest, "at most \(maximumItemsPerPoll) items answered per batch", field: field)
            }
            try await matchBroadcastLog(document, adapter: adapter, field: field)
            let answers = sequences.map { sequence in
                AnswerSubmission(
                    item: .broadcast(sequence: sequence), leaseNumber: lease, outcome: AnswerSubmission.noAccountFound, body: body,
                    sealJSON: entry.seal)
            }
            checked.append(CheckedRange(firstItemId: entry.firstItemId, lastItemId: entry.lastItemId, answers: answers))
        }
        return checked
    }

    /// Each item of the range is a query to every bank this adapter reads, and the instruction the
    /// range lists for it is the one the hub's broadcast log holds there.
    private func matchBroadcastLog(_ document: BankNoAccountFoundRange, adapter: String, field: String) async throws {
        let sequences = Array(document.sequences)
        let owners = try await core.instructions(of: sequences.map { WorkItemID.broadcast(sequence: $0) }, adapterID: adapter)
        for (offset, sequence) in sequences.enumerated() {
            guard let owner = owners[offset] else {
                throw ProblemError(.notFound, "\(adapter) has no item B\(sequence)", field: field + ".lastItemId")
            }
            let listed = document.instructions[offset]
            guard listed.court.description == owner.court, listed.instructionId.description == owner.instructionID else {
                throw ProblemError(
                    .malformed,
                    "item B\(sequence) is instruction \(owner.instructionID) of \(owner.court); the range lists \(listed.instructionId) of \(listed.court)",
                    field: field + ".receipt.instructions[\(offset)]")
            }
        }
    }

    /// One view per range, summing its items' results.
    static func rangeResultViews(ranges: [CheckedRange], results: ArraySlice<AnswerResult>) -> [RangeResultView] {
        var views: [RangeResultView] = []
        var next = results.startIndex
        for range in ranges {
            let own = results[next..<(next + range.answers.count)]
            next += range.answers.count
            views.append(rangeResultView(range, results: own))
        }
        return views
    }

    private static func rangeResultView(_ range: CheckedRange, results: ArraySlice<AnswerResult>) -> RangeResultView {
        var view = RangeResultView(firstItemId: range.firstItemId, lastItemId: range.lastItemId, status: "accepted")
        let accepted = results.filter { $0 == .accepted }.count
        let repeated = results.filter { $0 == .repeated }.count
        let conflicts = zip(range.answers, results).filter { $0.1 == .conflict }.map(\.0.item.description)
        if let refusal = results.lazy.compactMap({ result -> QueueRefusal? in
            if case .refused(let refusal) = result { return refusal }
            return nil
        }).first {
            view.status = "refused"
            view.detail = "\(results.count - accepted - repeated) of \(results.count) items refused (\(refusal)); \(accepted) accepted"
        } else if !conflicts.isEmpty {
            view.status = "conflict"
            view.detail = "another answer was accepted before for \(conflicts.prefix(8).joined(separator: ","))\(conflicts.count > 8 ? ",…" : ""); \(accepted) accepted, \(repeated) repeated"
        } else if accepted == 0 {
            view.status = "repeated"
        } else if repeated > 0 {
            view.detail = "\(accepted) accepted, \(repeated) repeated"
        }
        return view
    }
}
