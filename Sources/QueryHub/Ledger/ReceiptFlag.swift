import HubProtocol

/// Why a bank's receipt or report was kept aside instead of applied. A flagged report changes
/// nothing in the ledger; it is stored (``FlaggedReport``) and counted per ``Kind``.
public enum ReceiptFlag: Error, Equatable, Sendable, CustomStringConvertible {
    /// The kind of flag, for counting.
    public enum Kind: String, Sendable, CaseIterable {
        /// One kind per case of ``ReceiptFlag``, with the same name.
        case unknownInstruction, alreadyResolved, wrongResultKind, currencyMismatch
        case amountOutOfRange, heldAboveLimit, heldBeyondBalance, servedOutOfOrder
        case deductedAboveHeld, deductedAboveRequested, inconsistentAmounts, periodMismatch
    }

    /// No measure with this id is waiting on the account (or it was forgotten long ago).
    case unknownInstruction(LedgerInstructionID)
    /// The measure already has its receipt: an instruction resolves at most once per target.
    case alreadyResolved(LedgerInstructionID)
    /// A freeze answered as a deduct, or similar.
    case wrongResultKind(String)
    /// An amount is not in the account's currency.
    case currencyMismatch(expected: Currency, found: Currency)
    /// An amount is negative or beyond the largest the hub accepts.
    case amountOutOfRange(Money)
    /// The bank says it holds more than the freeze's limit.
    case heldAboveLimit(held: Money, limit: Money)
    /// Courts would hold more than the balance less priority-claim and protected funds.
    case heldBeyondBalance(held: Money, available: Money)
    /// A later freeze was served before an earlier one.
    case servedOutOfOrder(String)
    /// The bank deducted more than the court held (plus unheld funds the deduct allowed).
    case deductedAboveHeld(deducted: Money, deductible: Money)
    /// The bank deducted more than the court asked.
    case deductedAboveRequested(deducted: Money, requested: Money)
    /// The amounts in the receipt do not add up (R-B12 notHeld, R-B16 uncountedClaimFunds, R-B19
    /// remainingHeld, unfreeze).
    case inconsistentAmounts(String)
    /// The period in the receipt is not the one asked.
    case periodMismatch(String)

    /// The kind, for counters.
    public var kind: Kind {
        switch self {
        case .unknownInstruction: return .unknownInstruction
        case .alreadyResolved: return .alreadyResolved
        case .wrongResultKind: return .wrongResultKind
        case .currencyMismatch: return .currencyMismatch
        case .amountOutOfRange: return .amountOutOfRange
        case .heldAboveLimit: return .heldAboveLimit
        case .heldBeyondBalance: return .heldBeyondBalance
        case .servedOutOfOrder: return .servedOutOfOrder
        case .deductedAboveHeld: return .deductedAboveHeld
        case .deductedAboveRequested: return .deductedAboveRequested
        case .inconsistentAmounts: return .inconsistentAmounts
        case .periodMismatch: return .periodMismatch
        }
    }

    public var description: String {
        switch self {
        case .unknownInstruction(let id): return "no measure \(id) is waiting for a receipt on this account"
        case .alreadyResolved(let id): return "measure \(id) already has its receipt"
        case .wrongResultKind(let detail): return "receipt of the wrong kind: \(detail)"
        case .currencyMismatch(let expected, let found): return "amount in \(found), account in \(expected)"
        case .amountOutOfRange(let amount): return "amount \(amount) is negative or out of range"
        case .heldAboveLimit(let held, let limit): return "held \(held) is above the freeze's limit \(limit)"
        case .heldBeyondBalance(let held, let available):
            return "courts would hold \(held), beyond the \(available) the balance allows"
        case .servedOutOfOrder(let detail): return "freezes served out of order: \(detail)"
        case .deductedAboveHeld(let deducted, let deductible):
            return "deducted \(deducted), above the \(deductible) the court could take"
        case .deductedAboveRequested(let deducted, let requested):
            return "deducted \(deducted), above the \(requested) asked"
        case .inconsistentAmounts(let detail): return "amounts do not add up: \(detail)"
        case .periodMismatch(let detail): return "period mismatch: \(detail)"
        }
    }
}

/// A receipt or report the ledger refused to apply, kept for inspection (R-E7: what is forbidden
/// is blocked and traced).
public struct FlaggedReport: Sendable, Equatable {
    /// What was wrong.
    public let flag: ReceiptFlag
    /// The account it concerned.
    public let account: AccountKey
    /// The instruction it answered (nil for an account report).
    public let instructionId: LedgerInstructionID?
    /// The day it arrived.
    public let day: LedgerDay
    /// The receipt itself (nil for an account report).
    public let receipt: LedgerReceipt?
}
