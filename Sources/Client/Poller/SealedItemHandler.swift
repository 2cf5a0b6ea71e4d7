import Foundation
import HubProtocol

/// What every adapter does with an item before its system sees it, and with the receipt after:
/// verify the court's seal itself (R-B9, R-B10) — a broken seal is answered cannot-assist with
/// `documentSealInvalid` and never reaches the system —, decode the instruction strictly, hand it
/// to the system, and encode its receipt canonically.
public struct SealedItemHandler: Sendable {
    /// The bank's or police's system: an instruction in, a receipt out.
    public typealias System = @Sendable (InstructionDocument, Timestamp) async -> ReceiptDocument

    public let courtKeys: CourtSealKeys
    /// Who answers (the receipts' responder).
    public let responder: InstitutionCode
    public let clock: @Sendable () -> Timestamp
    public let system: System

    public init(courtKeys: CourtSealKeys, responder: InstitutionCode, clock: @escaping @Sendable () -> Timestamp, system: @escaping System) {
        self.courtKeys = courtKeys
        self.responder = responder
        self.clock = clock
        self.system = system
    }

    /// The answer to one item.
    public func answer(_ item: AdapterWorkItem) async -> AdapterAnswer {
        let now = clock()
        if let problem = courtKeys.problem(with: item) {
            return cannotAssist(item, reason: .documentSealInvalid, detail: problem, at: now)
        }
        let document: InstructionDocument
        do {
            document = try StrictJSONDecoder().decode(InstructionDocument.self, from: item.document)
        } catch {
            return cannotAssist(item, reason: .other, detail: "the instruction is not valid: \(error)", at: now)
        }
        let receipt = await system(document, now)
        return encode(receipt, item: item, at: now)
    }

    func encode(_ receipt: ReceiptDocument, item: AdapterWorkItem, at now: Timestamp) -> AdapterAnswer {
        do {
            return AdapterAnswer(outcome: receipt.kind.outcome, receipt: try CanonicalJSON.encode(receipt), header: receipt.header)
        } catch {
            return cannotAssist(item, reason: .other, detail: "the system's receipt could not be encoded: \(error)", at: now)
        }
    }

    /// A cannot-assist receipt (R-B21) for an item the system must not or could not act on.
    public func cannotAssist(_ item: AdapterWorkItem, reason: CannotAssistReason, detail: String, at now: Timestamp) -> AdapterAnswer {
        let instructionID = (try? InstructionID(item.instructionID)) ?? "unknown"
        let text = (try? WireText(String(detail.prefix(500)))) ?? "see the adapter's log"
        let receipt = ReceiptDocument.cannotAssist(
            CannotAssist(header: ReceiptHeader(instructionId: instructionID, responder: responder, respondedAt: now), reason: reason, detail: text))
        // A cannot-assist receipt built from valid parts always encodes.
        let bytes = (try? CanonicalJSON.encode(receipt)) ?? []
        return AdapterAnswer(outcome: ReceiptKind.cannotAssist.outcome, receipt: bytes)
    }
}
