import Foundation
import HubProtocol

/// The receipt check of a hub with a control ledger: the sealed check (seal, rules, outcome), then
/// the receipt translated into what it tells the ledger. The core applies that in acceptance
/// order (``LedgerHook/answered(_:court:instructionID:adapterID:receivedAtMilliseconds:)``), and
/// a receipt that breaks the ledger's rules is stored flagged, not refused: the bank did what it
/// did, and the court must see it (R-E7).
///
/// For an answer to a measure it reads the instruction back from the store, because a bank's
/// "cannot assist" names no account and a deduct's receipt is checked against the special
/// account the deduct named (R-B17); a query's results need no instruction.
public struct LedgerReceiptCheck: ReceiptCheck {
    /// The seal, rules and outcome check.
    public let sealed: SealedReceiptCheck
    /// Where the instructions answered are read back.
    public let store: any Store

    /// The check over `sealed` reading instructions from `store`.
    public init(sealed: SealedReceiptCheck, store: any Store) {
        self.sealed = sealed
        self.store = store
    }

    public func check(
        receipt: [UInt8], sealJSON: String, outcome: String, item: WorkItemID, adapterID: String, court: String,
        instructionID: String
    ) async throws -> ReceiptVerdict {
        let document = try sealed.verifiedDocument(
            receipt: receipt, sealJSON: sealJSON, outcome: outcome, item: item, adapterID: adapterID,
            instructionID: instructionID)
        guard let bankCode = LedgerGate.bankCode(ofAdapter: adapterID), LedgerReceiptCheck.concernsLedger(document) else {
            return ReceiptVerdict()
        }
        var instruction: LedgerInstruction?
        if case .bankQueryResult = document {
            instruction = nil
        } else if case .broadcast = item {
            // The broadcast log holds only queries to every bank (DocumentIntake), and a query
            // tells the ledger nothing: no store read and no decoding per bank's answer, which
            // was 12 % of the hub's time at 1,000 banks (BENCHMARKS.md).
            return ReceiptVerdict()
        } else {
            guard let stored = try await store.instruction(court: court, instructionID: instructionID) else {
                throw ProblemError(.notFound, "item \(item) answers instruction \(instructionID), which is not stored")
            }
            do {
                instruction = LedgerTranslation.instruction(
                    try StrictJSONDecoder().decode(InstructionDocument.self, from: stored.document))
            } catch {
                // The hub accepted these bytes; reading them back cannot fail unless the store is damaged.
                throw StoreError.corrupt("instruction \(instructionID) of \(court) no longer decodes: \(error)")
            }
        }
        let report = LedgerTranslation.report(document, instruction: instruction, court: court, bankCode: bankCode)
        return ReceiptVerdict(flaggedReason: nil, ledgerReport: report)
    }

    /// True for the receipts a bank sends about accounts and measures on them.
    static func concernsLedger(_ document: ReceiptDocument) -> Bool {
        switch document {
        case .bankQueryResult, .bankFreezeResult, .bankRenewResult, .bankUnfreezeResult, .bankDeductResult, .cannotAssist,
            .bankNoAccountFound:
            return true
        default:
            return false
        }
    }
}
