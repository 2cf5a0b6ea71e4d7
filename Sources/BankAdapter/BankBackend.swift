import HubProtocol

/// The service-provider interface a bank's core system implements to meet the hub (R-B1).
///
/// A real bank implements this protocol over its core banking system; the reference
/// implementation is ``SimulatedBank``. The bank adapter's poller takes work items from the hub,
/// verifies the court's seal, decodes the instruction strictly, calls ``handle(_:receivedAt:)`` and
/// seals and posts the receipt it returns. The backend never sees the network, the seals or the
/// leases: it answers one decoded instruction with one receipt.
///
/// What a conforming backend promises:
/// - Every bank instruction is answered with the matching receipt kind: `bank.query` with
///   `bank.queryResult` or `bank.noAccountFound` (R-B8); `bank.freeze` with `bank.freezeResult`
///   (R-B11 … R-B13); `bank.renew` with `bank.renewResult` (R-B14); `bank.unfreeze` with
///   `bank.unfreezeResult`; `bank.deduct` with `bank.deductResult` (R-B18, R-B19). When it cannot
///   carry a measure out it answers `cannotAssist` with a reason from ``CannotAssistReason``
///   (R-B21); an instruction that is not a bank measure is answered that way too.
/// - Results reflect only the bank's own data at the time it handled the instruction (R-B8).
/// - The same instruction id is answered with the same receipt every time: delivery is at least
///   once, and the hub treats a different answer to an answered item as a conflict.
/// - It may be called from many tasks at once; measures on one account are applied in the order
///   they are handled (the hub delivers them in order, one at a time per account).
public protocol BankBackend: Sendable {
    /// Carries out one instruction and returns the receipt to seal.
    ///
    /// - Parameters:
    ///   - document: the court's instruction, decoded and validated (``StrictJSONDecoder``).
    ///   - receivedAt: when the bank took the work item from the hub; the receipt's
    ///     `respondedAt` is no earlier.
    func handle(_ document: InstructionDocument, receivedAt: Timestamp) async -> ReceiptDocument
}
