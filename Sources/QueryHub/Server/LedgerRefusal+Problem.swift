import HubProtocol

extension LedgerRefusal {
    /// The rule a refusal enforces, for the problem's detail and the refusal metric. Refusals about
    /// the freeze a measure names follow the measure: a renew's (R-B14), an unfreeze's (R-B13), a
    /// deduct's (R-B18).
    func rule(for instruction: LedgerInstruction) -> String {
        switch self {
        case .duplicateInstruction: return "R-B20"
        case .currencyMismatch, .amountNotPositive, .amountAboveOwed, .amountOutOfRange, .caseGuard: return "R-B10"
        case .periodInvalid: return "R-B11"
        case .renewalInvalid: return "R-B14"
        case .unfreezeAboveLimit, .tooManyLiveFreezes: return "R-B13"
        case .noSpecialAccountRegistered: return "R-B5"
        case .wrongSpecialAccount: return "R-B17"
        case .pensionNeedsOtherAssetsInsufficient: return "R-P1"
        case .priorityClaimFundsNotDeductible: return "R-B16"
        case .deductAboveHeld: return "R-B19"
        case .freezeNotFound, .freezeOwnedByAnotherCourt, .freezeOfAnotherCase, .freezeNotLive, .freezeNotConfirmed,
            .measureInFlight:
            switch instruction {
            case .freeze: return "R-B13"
            case .renew: return "R-B14"
            case .unfreeze: return "R-B13"
            case .deduct: return "R-B18"
            }
        }
    }

    /// The JSON path, in the court's document, of what the refusal is about.
    func field(for instruction: LedgerInstruction) -> String {
        let amountField: String
        switch instruction {
        case .freeze, .renew: amountField = "$.amountLimit"
        case .unfreeze, .deduct: amountField = "$.amount"
        }
        switch self {
        case .duplicateInstruction: return "$.header.instructionId"
        case .currencyMismatch(_, let found):
            // The amount owed is checked first; name it when it is the one in another currency.
            return found == instruction.header.amountOwed.currency ? "$.header.case.amountOwed.currency" : amountField + ".currency"
        case .amountNotPositive, .amountOutOfRange, .amountAboveOwed, .unfreezeAboveLimit, .priorityClaimFundsNotDeductible,
            .deductAboveHeld, .caseGuard:
            return amountField
        case .periodInvalid: return "$.period"
        case .renewalInvalid: return "$.newEndDate"
        case .freezeNotFound, .freezeOwnedByAnotherCourt, .freezeOfAnotherCase, .freezeNotLive, .freezeNotConfirmed,
            .measureInFlight:
            return "$.freezeInstructionId"
        case .noSpecialAccountRegistered, .wrongSpecialAccount: return "$.specialAccount"
        // R-P1: what the court must add is its finding, in the deduct's own field.
        case .pensionNeedsOtherAssetsInsufficient: return "$.otherAssetsInsufficient"
        case .tooManyLiveFreezes: return "$.account"
        }
    }

    /// What a court reads: the rule, the ledger's reason with the hub's court-qualified freeze ids
    /// put back as the court wrote them, and for the case guard the amount the case still allows.
    func problemDetail(for instruction: LedgerInstruction, allowed: Money?) -> String {
        var text = "\(rule(for: instruction)): \(description)"
        for freezeID in [instruction.freezeReference, instruction.header.instructionId].compactMap({ $0 }) {
            text = text.replacingOccurrences(of: freezeID.value, with: LedgerTranslation.parts(of: freezeID).id)
        }
        if let allowed {
            text += "; at most \(allowed.decimalString) \(allowed.currency.code) more may be frozen for this case"
        }
        return text
    }

    /// The amount a case still allows when the case guard refused a freeze: its cap less what it
    /// has reserved, never below zero.
    var caseGuardHeadroom: Money? {
        guard case .caseGuard(_, _, let cap, let reserved) = self else { return nil }
        return Money(minorUnits: max(0, cap.minorUnits - reserved.minorUnits), currency: cap.currency)
    }
}

extension ProblemError {
    /// The 422 `rule-violation` a court gets when the control ledger refuses `instruction`: the
    /// rule, the ledger's reason with ids as the court wrote them (and, for the case guard, what
    /// the case still allows), and the field of the court's document it is about.
    public static func ledgerRefusal(_ refusal: LedgerRefusal, instruction: LedgerInstruction, allowed: Money? = nil)
        -> ProblemError
    {
        ProblemError(
            .ruleViolation, refusal.problemDetail(for: instruction, allowed: allowed), field: refusal.field(for: instruction))
    }
}

extension LedgerInstruction {
    /// The freeze a renew, unfreeze or deduct names; nil for a freeze.
    public var freezeReference: LedgerInstructionID? {
        switch self {
        case .freeze: return nil
        case .renew(let renew): return renew.freezeId
        case .unfreeze(let unfreeze): return unfreeze.freezeId
        case .deduct(let deduct): return deduct.freezeId
        }
    }
}
