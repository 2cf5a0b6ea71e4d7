import HubProtocol

/// Checks before dispatch: what must never reach a bank is refused here, with its reason.
extension AccountLedger {
    /// Why `instruction` may not be sent, or nil when it may. Does not change the account.
    func refusal(for instruction: LedgerInstruction, today: LedgerDay, context: LedgerContext) -> LedgerRefusal? {
        let header = instruction.header
        precondition(header.account == key, "instruction routed to the wrong account")
        if knows(header.instructionId) { return .duplicateInstruction(header.instructionId) }
        if let refusal = checkAmount(header.amountOwed, owed: nil, context: context) { return refusal }
        switch instruction {
        case .freeze(let freeze):
            return freezeRefusal(freeze, today: today, context: context)
        case .renew(let renew):
            if let refusal = ownedFreezeRefusal(renew.freezeId, header: header) { return refusal }
            return renewalRefusal(renew, today: today, context: context)
        case .unfreeze(let unfreeze):
            if let refusal = ownedFreezeRefusal(unfreeze.freezeId, header: header) { return refusal }
            guard let amount = unfreeze.amount else { return nil }
            if let refusal = checkAmount(amount, owed: header.amountOwed, context: context) { return refusal }
            let freeze = book.freezes[book.index(of: unfreeze.freezeId)!]
            if amount.minorUnits > freeze.limitMinor {
                return .unfreezeAboveLimit(amount: amount, limit: context.money(freeze.limitMinor, key))
            }
            return nil
        case .deduct(let deduct):
            if let refusal = ownedFreezeRefusal(deduct.freezeId, header: header) { return refusal }
            if let refusal = checkAmount(deduct.amount, owed: header.amountOwed, context: context) { return refusal }
            return deductRefusal(deduct, context: context)
        }
    }

    /// Amounts are in the account's currency, positive, within range, and at most what is owed.
    private func checkAmount(_ amount: Money, owed: Money?, context: LedgerContext) -> LedgerRefusal? {
        guard amount.currency == key.currency else {
            return .currencyMismatch(expected: key.currency, found: amount.currency)
        }
        guard amount.isPositive else { return .amountNotPositive(amount) }
        guard amount.minorUnits <= context.configuration.maximumAmountMinorUnits else {
            return .amountOutOfRange(amount)
        }
        if let owed, amount.minorUnits > owed.minorUnits { return .amountAboveOwed(amount: amount, owed: owed) }
        return nil
    }

    private func freezeRefusal(_ freeze: FreezeInstruction, today: LedgerDay, context: LedgerContext) -> LedgerRefusal?
    {
        let header = freeze.header
        if let refusal = checkAmount(freeze.amount, owed: header.amountOwed, context: context) { return refusal }
        guard freeze.start >= today else {
            return .periodInvalid("starts \(freeze.start), before the day it is made (\(today))")
        }
        guard freeze.end >= freeze.start else {
            return .periodInvalid("ends \(freeze.end), before it starts (\(freeze.start))")
        }
        let latestEnd = freeze.start.adding(months: context.configuration.maximumFreezeMonths)
        guard freeze.end <= latestEnd else {
            return .periodInvalid("ends \(freeze.end), after the longest allowed end \(latestEnd)")
        }
        let limit = context.configuration.maximumLiveFreezesPerAccount
        guard book.liveCount < limit else { return .tooManyLiveFreezes(limit: limit) }
        return nil
    }

    /// Renew, unfreeze and deduct refer to a live, confirmed freeze of the issuing court and case,
    /// with no other measure on it still waiting for its receipt.
    private func ownedFreezeRefusal(_ freezeId: LedgerInstructionID, header: MeasureHeader) -> LedgerRefusal? {
        guard let index = book.index(of: freezeId) else { return .freezeNotFound(freezeId) }
        let freeze = book.freezes[index]
        guard freeze.court == header.court else {
            return .freezeOwnedByAnotherCourt(freeze: freezeId, owner: freeze.court)
        }
        guard freeze.caseNumber == header.caseNumber else {
            return .freezeOfAnotherCase(freeze: freezeId, caseNumber: freeze.caseNumber)
        }
        guard freeze.state.isLive else { return .freezeNotLive(freeze: freezeId, state: freeze.state) }
        guard freeze.state.isConfirmed else { return .freezeNotConfirmed(freezeId) }
        if let inFlight = freeze.measureInFlight { return .measureInFlight(freeze: freezeId, pending: inFlight) }
        return nil
    }

    private func renewalRefusal(_ renew: RenewInstruction, today: LedgerDay, context: LedgerContext) -> LedgerRefusal? {
        let freeze = book.freezes[book.index(of: renew.freezeId)!]
        guard renew.newEnd > freeze.end else {
            return .renewalInvalid("new end \(renew.newEnd) is not after the current end \(freeze.end)")
        }
        let latestEnd = today.adding(months: context.configuration.maximumFreezeMonths)
        guard renew.newEnd <= latestEnd else {
            return .renewalInvalid("new end \(renew.newEnd) is after \(latestEnd), the longest allowed from today")
        }
        return nil
    }

    private func deductRefusal(_ deduct: DeductInstruction, context: LedgerContext) -> LedgerRefusal? {
        let court = deduct.header.court
        guard let expected = context.specialAccounts.target(court: court, currency: deduct.creditCurrency) else {
            return .noSpecialAccountRegistered(court: court, currency: deduct.creditCurrency)
        }
        guard deduct.target == expected else { return .wrongSpecialAccount(expected: expected, found: deduct.target) }
        if case .pension = kind, !deduct.otherAssetsInsufficient { return .pensionNeedsOtherAssetsInsufficient(key) }
        let freeze = book.freezes[book.index(of: deduct.freezeId)!]
        let unheld = deduct.includeUnheldFunds ? book.unheldAvailableMinor(before: nextArrival) : 0
        let deductible = freeze.heldMinor + unheld
        guard deduct.amount.minorUnits > deductible else { return nil }
        let claimFunds = claimFundsMinor
        if claimFunds > 0, deduct.amount.minorUnits <= deductible + claimFunds {
            return .priorityClaimFundsNotDeductible(
                requested: deduct.amount, deductible: context.money(deductible, key),
                underReview: claims.contains { $0.underReview })
        }
        return .deductAboveHeld(
            requested: deduct.amount, held: context.money(freeze.heldMinor, key),
            unheldAvailable: context.money(unheld, key))
    }

    /// Records an accepted instruction as sent: a freeze joins the end of the line (pending); any
    /// other measure marks its freeze as having a measure in flight. `grantedLimitMinor` is the
    /// freeze's limit after the case guard.
    mutating func record(_ instruction: LedgerInstruction, grantedLimitMinor: Int64?) {
        let id = instruction.header.instructionId
        precondition(!knows(id), "recording an instruction twice")
        let arrival = nextArrival
        nextArrival += 1
        switch instruction {
        case .freeze(let freeze):
            let limit = grantedLimitMinor ?? freeze.amount.minorUnits
            book.freezes.append(
                FreezeRecord(
                    id: id, court: freeze.header.court, caseNumber: freeze.header.caseNumber, arrival: arrival,
                    requestedMinor: freeze.amount.minorUnits, limitMinor: limit, start: freeze.start, end: freeze.end))
            pending[id] = PendingMeasure(action: .freeze, freezeId: id, arrival: arrival)
        case .renew(let renew):
            markInFlight(renew.freezeId, by: id, action: .renew(newEnd: renew.newEnd), arrival: arrival)
        case .unfreeze(let unfreeze):
            markInFlight(
                unfreeze.freezeId, by: id, action: .unfreeze(amountMinor: unfreeze.amount?.minorUnits), arrival: arrival
            )
        case .deduct(let deduct):
            let action = PendingMeasure.Action.deduct(
                amountMinor: deduct.amount.minorUnits, includeUnheldFunds: deduct.includeUnheldFunds,
                target: deduct.target)
            markInFlight(deduct.freezeId, by: id, action: action, arrival: arrival)
        }
    }

    private mutating func markInFlight(
        _ freezeId: LedgerInstructionID, by id: LedgerInstructionID, action: PendingMeasure.Action, arrival: UInt64
    ) {
        let index = book.index(of: freezeId)!
        precondition(book.freezes[index].measureInFlight == nil, "one measure in flight per freeze")
        book.freezes[index].measureInFlight = id
        pending[id] = PendingMeasure(action: action, freezeId: freezeId, arrival: arrival)
    }
}

extension AccountLedger {
    /// Takes back a recorded measure that never reached the bank (the commit that would have sent
    /// it failed): a pending freeze leaves the line, any other measure stops being in flight on its
    /// freeze. Returns the freeze limit to give back to the case guard (zero for other measures),
    /// or nil when no such measure is waiting here. Arrival numbers are not reused: the line only
    /// needs them to increase.
    mutating func withdraw(_ id: LedgerInstructionID) -> Int64? {
        guard let measure = pending.removeValue(forKey: id) else { return nil }
        guard let index = book.index(of: measure.freezeId) else {
            preconditionFailure("pending measure \(id) refers to a freeze the account lost")
        }
        guard case .freeze = measure.action else {
            precondition(book.freezes[index].measureInFlight == id, "withdrawn measure \(id) was not in flight")
            book.freezes[index].measureInFlight = nil
            return 0
        }
        let freeze = book.freezes.remove(at: index)
        precondition(freeze.state == .pending && freeze.heldMinor == 0, "only a freeze awaiting its receipt is withdrawn")
        return freeze.limitMinor
    }
}
