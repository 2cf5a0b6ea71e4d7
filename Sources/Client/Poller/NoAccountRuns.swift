import Foundation
import HubProtocol

/// Groups a lease's answers for `POST /v1/adapters/{adapter}/receipts`: each run of consecutive
/// queries to every bank (`B<n>`, `B<n+1>` …) answered "no account found" becomes one
/// `bank.noAccountFoundRange` receipt (R-B7, R-B8) — one line, one receipt, one audit path for the
/// run instead of one per query — and every other answer stays a per-item receipt.
struct NoAccountRuns {
    /// A run of at least this many items is answered as a range; shorter runs item by item.
    static let minimumRunLength = 2

    /// One range receipt and the answers (indices into the lease's items) it replaces.
    struct Run {
        var indices: Range<Int>
        var firstItemID: String
        var lastItemID: String
        /// The range receipt's canonical bytes.
        var receipt: [UInt8]
    }

    /// The runs found among `answers` to `items` (same order), at most
    /// ``BankNoAccountFoundRange/maximumInstructions`` items each. An answer whose receipt cannot
    /// be read as a `bank.noAccountFound` ends a run and stays per item.
    static func runs(items: [AdapterWorkItem], answers: [AdapterAnswer]) -> [Run] {
        precondition(items.count == answers.count, "one answer per item")
        var runs: [Run] = []
        var start = 0
        while start < items.count {
            var end = start
            var headers: [ReceiptHeader] = []
            var previous: Int64?
            while end < items.count, end - start < BankNoAccountFoundRange.maximumInstructions,
                let sequence = BankNoAccountFoundRange.broadcastSequence(of: items[end].itemID),
                previous.map({ sequence == $0 + 1 }) ?? true,
                let header = noAccountHeader(answers[end], item: items[end])
            {
                headers.append(header)
                previous = sequence
                end += 1
            }
            if end - start >= minimumRunLength, let run = run(items: items[start..<end], headers: headers) {
                runs.append(run)
                start = end
            } else {
                start = max(end, start + 1)
            }
        }
        return runs
    }

    /// The range receipt for a run; nil when an item's court or id is not a valid one (then the
    /// items are answered one by one, as the backend's receipts were).
    private static func run(items: ArraySlice<AdapterWorkItem>, headers: [ReceiptHeader]) -> Run? {
        guard let first = items.first, let last = items.last, let responder = headers.first?.responder,
            headers.allSatisfy({ $0.responder == responder })
        else { return nil }
        var instructions: [BankNoAccountFoundRange.CoveredInstruction] = []
        instructions.reserveCapacity(items.count)
        for item in items {
            guard let court = try? CourtCode(item.court), let instructionID = try? InstructionID(item.instructionID) else { return nil }
            instructions.append(BankNoAccountFoundRange.CoveredInstruction(court: court, instructionId: instructionID))
        }
        let respondedAt = headers.map(\.respondedAt).max()!
        let document = BankNoAccountFoundRange(
            responder: responder, respondedAt: respondedAt, firstItemId: first.itemID, lastItemId: last.itemID,
            instructions: instructions)
        guard (try? document.validate()) != nil, let bytes = try? CanonicalJSON.encode(document) else { return nil }
        return Run(indices: items.startIndex..<items.endIndex, firstItemID: first.itemID, lastItemID: last.itemID, receipt: bytes)
    }

    /// The header of a "no account found" receipt about this item's instruction, or nil for any
    /// other answer.
    private static func noAccountHeader(_ answer: AdapterAnswer, item: AdapterWorkItem) -> ReceiptHeader? {
        guard answer.outcome == ReceiptKind.bankNoAccountFound.outcome else { return nil }
        let header: ReceiptHeader
        if let known = answer.header {
            header = known
        } else {
            guard case .bankNoAccountFound(let receipt)? = try? StrictJSONDecoder().decode(ReceiptDocument.self, from: answer.receipt)
            else { return nil }
            header = receipt.header
        }
        return header.instructionId.description == item.instructionID ? header : nil
    }
}
