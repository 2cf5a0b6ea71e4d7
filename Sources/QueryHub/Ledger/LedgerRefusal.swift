import HubProtocol

/// Why the ledger refused to let a measure reach the bank. Each case says what was wrong.
public enum LedgerRefusal: Error, Equatable, Sendable, CustomStringConvertible {
    /// An instruction with this id is already on the account.
    case duplicateInstruction(LedgerInstructionID)
    /// An amount is not in the account's currency.
    case currencyMismatch(expected: Currency, found: Currency)
    /// Amounts must be greater than zero.
    case amountNotPositive(Money)
    /// An amount above what the case is owed.
    case amountAboveOwed(amount: Money, owed: Money)
    /// An amount beyond the largest the hub accepts.
    case amountOutOfRange(Money)
    /// The freeze period is impossible or too long.
    case periodInvalid(String)
    /// A renewal must end later than the freeze does now, and at most a year after it is made.
    case renewalInvalid(String)
    /// The account carries no freeze with this id.
    case freezeNotFound(LedgerInstructionID)
    /// Renew, unfreeze and deduct may only refer to the issuing court's own freeze.
    case freezeOwnedByAnotherCourt(freeze: LedgerInstructionID, owner: LedgerCourt)
    /// The freeze was made for another case.
    case freezeOfAnotherCase(freeze: LedgerInstructionID, caseNumber: LedgerCase)
    /// The freeze has ended (lapsed, released, deducted, not executed).
    case freezeNotLive(freeze: LedgerInstructionID, state: FreezeState)
    /// The freeze has not been confirmed by the bank yet.
    case freezeNotConfirmed(LedgerInstructionID)
    /// Another measure on the freeze is still waiting for its receipt; one at a time per freeze.
    case measureInFlight(freeze: LedgerInstructionID, pending: LedgerInstructionID)
    /// A partial unfreeze of more than the freeze's limit.
    case unfreezeAboveLimit(amount: Money, limit: Money)
    /// The court has no special account registered for this currency (R-B5, R-B17).
    case noSpecialAccountRegistered(court: LedgerCourt, currency: Currency)
    /// The deduct names a target other than the court's registered special account (R-B17, R-B18).
    case wrongSpecialAccount(expected: LedgerSpecialAccount, found: LedgerSpecialAccount)
    /// A pension account may be deducted only when the debtor's other assets are not enough (R-P1).
    case pensionNeedsOtherAssetsInsufficient(AccountKey)
    /// The deduct would reach funds under a priority claim (R-B16).
    case priorityClaimFundsNotDeductible(requested: Money, deductible: Money, underReview: Bool)
    /// The deduct asks more than the court holds (plus unheld funds, when the deduct allows them).
    case deductAboveHeld(requested: Money, held: Money, unheldAvailable: Money)
    /// The account already carries the most live freezes the hub tracks.
    case tooManyLiveFreezes(limit: Int)
    /// The case-level guard: the case's total held would exceed what it is owed plus the allowance.
    case caseGuard(requested: Money, owed: Money, cap: Money, alreadyReserved: Money)

    public var description: String {
        switch self {
        case .duplicateInstruction(let id):
            return "instruction \(id) is already on this account"
        case .currencyMismatch(let expected, let found):
            return "amount in \(found), but the account is in \(expected)"
        case .amountNotPositive(let amount):
            return "amount \(amount) must be greater than zero"
        case .amountAboveOwed(let amount, let owed):
            return "amount \(amount) is more than the case is owed (\(owed))"
        case .amountOutOfRange(let amount):
            return "amount \(amount) is beyond the largest the hub accepts"
        case .periodInvalid(let detail):
            return "invalid freeze period: \(detail)"
        case .renewalInvalid(let detail):
            return "invalid renewal: \(detail)"
        case .freezeNotFound(let id):
            return "no freeze \(id) on this account"
        case .freezeOwnedByAnotherCourt(let freeze, let owner):
            return "freeze \(freeze) belongs to court \(owner), not the issuing court"
        case .freezeOfAnotherCase(let freeze, let caseNumber):
            return "freeze \(freeze) was made for case \(caseNumber)"
        case .freezeNotLive(let freeze, let state):
            return "freeze \(freeze) has ended (\(state))"
        case .freezeNotConfirmed(let freeze):
            return "freeze \(freeze) has not been confirmed by the bank yet"
        case .measureInFlight(let freeze, let pending):
            return "measure \(pending) on freeze \(freeze) is still waiting for the bank's receipt"
        case .unfreezeAboveLimit(let amount, let limit):
            return "unfreeze of \(amount) exceeds the freeze's limit of \(limit)"
        case .noSpecialAccountRegistered(let court, let currency):
            return "court \(court) has no registered special account for \(currency)"
        case .wrongSpecialAccount(let expected, let found):
            return "deduct target \(found) is not the court's registered special account \(expected)"
        case .pensionNeedsOtherAssetsInsufficient(let account):
            return "\(account) receives a pension, taken only when the debtor's other assets are not enough: "
                + "the deduct must state the court's finding, otherAssetsInsufficient: true"
        case .priorityClaimFundsNotDeductible(let requested, let deductible, let underReview):
            let review = underReview ? " and the court is reviewing the claim holder's objection" : ""
            return "deduct of \(requested) reaches priority-claim funds; at most \(deductible) is deductible\(review)"
        case .deductAboveHeld(let requested, let held, let unheld):
            return "deduct of \(requested) exceeds what the court holds (\(held)) plus unheld funds allowed (\(unheld))"
        case .tooManyLiveFreezes(let limit):
            return "the account already carries \(limit) live freezes"
        case .caseGuard(let requested, let owed, let cap, let reserved):
            return "freeze of \(requested) would take the case beyond its cap of \(cap) (owed \(owed)); "
                + "already held or requested: \(reserved)"
        }
    }
}
