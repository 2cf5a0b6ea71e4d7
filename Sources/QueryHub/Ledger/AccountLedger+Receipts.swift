import HubProtocol

/// Applying banks' receipts and reports. Each is applied to a draft of the account's book; a draft
/// that breaks an invariant is dropped and the report flagged, so nothing is applied silently.
extension AccountLedger {
    /// Applies a bank's receipt, or returns why it was kept aside (then nothing changed).
    mutating func apply(
        _ receipt: LedgerReceipt, today: LedgerDay, context: LedgerContext, effects: inout AccountEffects
    ) -> ReceiptFlag? {
        let id = receipt.instructionId
        guard let measure = pending[id] else {
            return resolved.contains(id) ? .alreadyResolved(id) : .unknownInstruction(id)
        }
        var balanceMinor: Int64?
        if let balance = receipt.balance {
            do { balanceMinor = try minorUnits(balance, context: context) } catch { return error }
        }
        guard let index = book.index(of: measure.freezeId) else {
            preconditionFailure("pending measure \(id) refers to a freeze the account lost")
        }
        var draft = book
        var events: [LedgerEvent] = []
        var release: Int64 = 0
        var deduction = (fromHeldMinor: Int64(0), totalMinor: Int64(0))
        do throws(ReceiptFlag) {
            switch (measure.action, receipt.result) {
            case (_, .notExecuted):
                release = notExecuted(measure, index: index, draft: &draft)
                setBalance(balanceMinor, on: &draft, events: &events)
            case (.freeze, .frozen(let report)):
                try applyFrozen(
                    report, balanceMinor: balanceMinor, index: index, draft: &draft, events: &events, context: context)
            case (.renew(let newEnd), .renewed(let reportedEnd)):
                guard reportedEnd == newEnd else {
                    throw ReceiptFlag.periodMismatch("renewed to \(reportedEnd), asked \(newEnd)")
                }
                draft.freezes[index].end = newEnd
                draft.freezes[index].measureInFlight = nil
                setBalance(balanceMinor, on: &draft, events: &events)
            case (.unfreeze(let askedMinor), .unfrozen(let released)):
                release = try applyUnfrozen(
                    released, askedMinor: askedMinor, balanceMinor: balanceMinor, index: index, draft: &draft,
                    events: &events, context: context)
            case (.deduct(let askedMinor, let includeUnheld, _), .deducted(let deducted, let remainingHeld)):
                let amounts = DeductAmounts(
                    askedMinor: askedMinor, includeUnheld: includeUnheld, arrival: measure.arrival)
                (release, deduction) = try applyDeducted(
                    deducted, remainingHeld: remainingHeld, amounts: amounts, balanceMinor: balanceMinor, index: index,
                    draft: &draft, events: &events, context: context)
            default:
                throw ReceiptFlag.wrongResultKind("\(receipt.result) answers a \(measure.action) measure")
            }
            try check(draft, context: context)
        } catch {
            return error
        }
        commit(draft, measure: measure, id: id, index: index, today: today, context: context, events: &events)
        effects.events += events
        let freeze = book.freezes[book.index(of: measure.freezeId)!]
        if release > 0 {
            effects.releases.append(.init(caseNumber: freeze.caseNumber, currency: key.currency, amountMinor: release))
        }
        if deduction.totalMinor > 0, case .deduct(_, _, let target) = measure.action {
            deductedFromHeldMinor += deduction.fromHeldMinor
            deductedFromUnheldMinor += deduction.totalMinor - deduction.fromHeldMinor
            effects.credit = (target, deduction.totalMinor)
        }
        return nil
    }

    /// Replaces the book with the checked draft and resolves the measure.
    private mutating func commit(
        _ draft: FreezeBook, measure: PendingMeasure, id: LedgerInstructionID, index: Int, today: LedgerDay,
        context: LedgerContext, events: inout [LedgerEvent]
    ) {
        book = draft
        pending[id] = nil
        let inserted = resolved.insert(id)
        precondition(inserted, "instruction \(id) resolved twice")
        let freeze = book.freezes[index]
        guard freeze.state.isConfirmed else { return }
        switch measure.action {
        case .freeze:
            scheduleWarning(at: index, context: context)
            scheduleClaimNotice(at: index, context: context, events: &events)
        case .renew:
            scheduleWarning(at: index, context: context)
        case .unfreeze, .deduct:
            break
        }
    }

    private func notExecuted(_ measure: PendingMeasure, index: Int, draft: inout FreezeBook) -> Int64 {
        guard case .freeze = measure.action else {
            draft.freezes[index].measureInFlight = nil
            return 0
        }
        draft.freezes[index].state = .notExecuted
        return draft.freezes[index].limitMinor
    }

    private func applyFrozen(
        _ report: FrozenReport, balanceMinor: Int64?, index: Int, draft: inout FreezeBook,
        events: inout [LedgerEvent], context: LedgerContext
    ) throws(ReceiptFlag) {
        let held = try minorUnits(report.actualHeld, context: context)
        let excess = try minorUnits(report.excess, context: context)
        let uncounted = try minorUnits(report.uncountedHeld, context: context)
        // The bank's balance first: inflows it reports fill earlier freezes, served before this one.
        setBalance(balanceMinor, on: &draft, events: &events)
        let limit = draft.freezes[index].limitMinor
        guard held <= limit else { throw .heldAboveLimit(held: report.actualHeld, limit: context.money(limit, key)) }
        guard held + excess == limit else {
            throw .inconsistentAmounts(
                "held \(report.actualHeld) + notHeld \(report.excess) ≠ limit \(context.money(limit, key))")
        }
        // R-B16: claimed funds are frozen without counting, so they fit in the part of the limit not
        // counted as held. They are not checked against the claims the hub knows: the hub learns
        // claims from query results, and a pledge made since the last query is the bank's to know.
        guard uncounted <= excess else {
            throw .inconsistentAmounts(
                "R-B16: uncountedClaimFunds \(report.uncountedHeld) exceeds notHeld \(report.excess): claimed funds do not count as held")
        }
        guard report.start <= report.end, report.end <= draft.freezes[index].end else {
            throw .periodMismatch("\(report.start)…\(report.end) for a freeze asked to end \(draft.freezes[index].end)")
        }
        let earlierLive = draft.freezes[..<index].reduce(0) { $0 + ($1.state.isConfirmed ? 1 : 0) }
        guard report.earlierFreezes >= earlierLive else {
            throw .servedOutOfOrder(
                "the bank puts \(report.earlierFreezes) freezes before it; the hub knows \(earlierLive)")
        }
        draft.freezes[index].heldMinor = held
        draft.freezes[index].uncountedMinor = uncounted
        draft.freezes[index].start = report.start
        draft.freezes[index].end = report.end
        draft.freezes[index].state = .active
        draft.refreshStates()
        if balanceMinor == nil { coverHeld(in: &draft, events: &events) }
    }

    /// A receipt without a balance that shows more held than the known balance allows proves the
    /// money is there: the balance is raised exactly as far as the holds need, so no funds appear
    /// unheld that nobody reported. Order is still checked: a later freeze holding funds while an
    /// earlier one is below its limit is out of order (R-B13) whatever the balance.
    private func coverHeld(in draft: inout FreezeBook, events: inout [LedgerEvent]) {
        let neededMinor = draft.heldTotalMinor + draft.claimFundsMinor + draft.protectedMinor
        guard neededMinor > draft.balanceMinor else { return }
        draft.setFunds(
            balanceMinor: neededMinor, claimFundsMinor: draft.claimFundsMinor, protectedMinor: draft.protectedMinor,
            account: key, events: &events)
        assert(draft.unheldMinor == 0, "a balance raised to cover the holds leaves nothing unheld")
    }

    private func applyUnfrozen(
        _ released: Money, askedMinor: Int64?, balanceMinor: Int64?, index: Int, draft: inout FreezeBook,
        events: inout [LedgerEvent], context: LedgerContext
    ) throws(ReceiptFlag) -> Int64 {
        let releasedMinor = try minorUnits(released, context: context)
        let expected = askedMinor ?? draft.freezes[index].limitMinor
        guard releasedMinor == expected else {
            throw .inconsistentAmounts("released \(released), asked \(context.money(expected, key))")
        }
        let freeze = draft.freezes[index]
        let newLimit = freeze.limitMinor - releasedMinor
        let newHeld = min(freeze.heldMinor, newLimit)
        draft.freezes[index].limitMinor = newLimit
        draft.freezes[index].heldMinor = newHeld
        draft.freezes[index].measureInFlight = nil
        if newLimit == 0 { draft.freezes[index].state = .released }
        draft.distribute(freeze.heldMinor - newHeld, cause: .takeover, account: key, events: &events)
        setBalance(balanceMinor, on: &draft, events: &events)
        return releasedMinor
    }

    /// What a deduct asked, for checking its receipt.
    struct DeductAmounts {
        let askedMinor: Int64
        let includeUnheld: Bool
        let arrival: UInt64
    }

    /// Applies a deduct receipt (R-B18, R-B19); returns the reservation released and what left the
    /// account (from the freeze's hold, and in total).
    private func applyDeducted(
        _ deducted: Money, remainingHeld: Money, amounts: DeductAmounts, balanceMinor: Int64?, index: Int,
        draft: inout FreezeBook, events: inout [LedgerEvent], context: LedgerContext
    ) throws(ReceiptFlag) -> (Int64, (fromHeldMinor: Int64, totalMinor: Int64)) {
        let deductedMinor = try minorUnits(deducted, context: context)
        let remainingHeldMinor = try minorUnits(remainingHeld, context: context)
        guard deductedMinor <= amounts.askedMinor else {
            throw .deductedAboveRequested(deducted: deducted, requested: context.money(amounts.askedMinor, key))
        }
        let freeze = draft.freezes[index]
        let unheld = amounts.includeUnheld ? draft.unheldAvailableMinor(before: amounts.arrival) : 0
        guard deductedMinor <= freeze.heldMinor + unheld else {
            throw .deductedAboveHeld(deducted: deducted, deductible: context.money(freeze.heldMinor + unheld, key))
        }
        let fromHeld = min(deductedMinor, freeze.heldMinor)
        // R-B19: the not-deducted part of the freeze, the frozen amount less what was deducted from
        // it, stays frozen: the wire's remainingHeld.
        guard remainingHeldMinor == freeze.heldMinor - fromHeld else {
            throw .inconsistentAmounts(
                "R-B19: remainingHeld \(remainingHeld) ≠ held \(context.money(freeze.heldMinor, key)) − deducted from the hold "
                    + "\(context.money(fromHeld, key))"
            )
        }
        draft.balanceMinor -= deductedMinor
        draft.freezes[index].heldMinor -= fromHeld
        draft.freezes[index].limitMinor -= fromHeld
        draft.freezes[index].deductedMinor += deductedMinor
        draft.freezes[index].measureInFlight = nil
        var release = fromHeld
        // A deduct that empties the hold ends the freeze (R-B13: "deducted"); one that took nothing
        // from it (only unheld funds, or nothing at all) leaves it as it was.
        if fromHeld > 0, draft.freezes[index].heldMinor == 0 {
            release = freeze.limitMinor
            draft.freezes[index].state = .deducted
        }
        draft.refreshStates()
        setBalance(balanceMinor, on: &draft, events: &events)
        return (release, (fromHeld, deductedMinor))
    }

    /// The draft must keep every invariant; a broken one names the rule the receipt broke.
    private func check(_ draft: FreezeBook, context: LedgerContext) throws(ReceiptFlag) {
        guard let violation = draft.firstViolation() else { return }
        switch violation {
        case .heldAboveLimit(let index):
            let freeze = draft.freezes[index]
            throw .heldAboveLimit(
                held: context.money(freeze.heldMinor, key), limit: context.money(freeze.limitMinor, key))
        case .heldBeyondCapacity(let held, let capacity):
            throw .heldBeyondBalance(held: context.money(held, key), available: context.money(capacity, key))
        case .outOfOrder(let earlier, let later):
            throw .servedOutOfOrder("\(later) holds funds while the earlier \(earlier) is not full")
        case .arrivalOrder, .badAmounts:
            preconditionFailure("a receipt produced an impossible book: \(violation)")
        }
    }

    /// Takes the bank's balance into a draft, with the account's claimed and protected funds; a
    /// receipt that states no balance leaves the draft's as it is.
    private func setBalance(_ balanceMinor: Int64?, on draft: inout FreezeBook, events: inout [LedgerEvent]) {
        guard let balanceMinor else { return }
        draft.setFunds(
            balanceMinor: balanceMinor, claimFundsMinor: claimFundsMinor, protectedMinor: protectedMinor, account: key,
            events: &events)
    }

    /// The minor units of a reported amount: in the account's currency, not negative, in range.
    func minorUnits(_ amount: Money, context: LedgerContext) throws(ReceiptFlag) -> Int64 {
        guard amount.currency == key.currency else {
            throw .currencyMismatch(expected: key.currency, found: amount.currency)
        }
        guard amount.minorUnits >= 0, amount.minorUnits <= context.configuration.maximumAmountMinorUnits else {
            throw .amountOutOfRange(amount)
        }
        return amount.minorUnits
    }
}
