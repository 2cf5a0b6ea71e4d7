import HubProtocol

/// Account reports (balances, kinds, priority claims) and the court's side of priority claims.
extension AccountLedger {
    /// Applies a bank's report of the account, or returns why it was kept aside. Claims missing
    /// from the report have ended: their funds now count and pass to unfilled freezes (R-B16).
    mutating func apply(
        _ report: AccountReport, context: LedgerContext, effects: inout AccountEffects
    ) -> ReceiptFlag? {
        precondition(report.account == key, "report routed to the wrong account")
        let balanceMinor: Int64
        var newClaims: [ClaimState] = []
        var protected: Int64 = 0
        do throws(ReceiptFlag) {
            balanceMinor = try minorUnits(report.balance, context: context)
            if case .pension(let reserve) = report.kind { protected = try minorUnits(reserve, context: context) }
            guard report.priorityClaims.count <= context.configuration.maximumPriorityClaimsPerAccount else {
                throw .inconsistentAmounts(
                    "\(report.priorityClaims.count) priority claims; the hub tracks at most "
                        + "\(context.configuration.maximumPriorityClaimsPerAccount)")
            }
            for claim in report.priorityClaims {
                _ = try minorUnits(claim.amount, context: context)
                let underReview = claims.first { $0.report.claimId == claim.claimId }?.underReview ?? false
                newClaims.append(ClaimState(report: claim, underReview: underReview))
            }
        } catch {
            return error
        }
        let claimFunds = newClaims.reduce(Int64(0)) { $0 + $1.report.amount.minorUnits }
        var draft = book
        var events: [LedgerEvent] = []
        draft.setFunds(
            balanceMinor: balanceMinor, claimFundsMinor: claimFunds, protectedMinor: protected, account: key,
            events: &events)
        if draft.heldTotalMinor > draft.capacityMinor {
            return .heldBeyondBalance(
                held: context.money(draft.heldTotalMinor, key), available: context.money(draft.capacityMinor, key))
        }
        assert(draft.firstViolation() == nil, "an account report broke an invariant")
        book = draft
        claims = newClaims
        kind = report.kind
        effects.events += events
        return nil
    }

    /// Records whether the court is reviewing a claim holder's objection; false for an unknown claim.
    mutating func setReview(claimId: String, underReview: Bool) -> Bool {
        guard let index = claims.firstIndex(where: { $0.report.claimId == claimId }) else { return false }
        claims[index].underReview = underReview
        return true
    }

    /// Records that the court sent the notice to the claim holders for a freeze; false if unknown.
    mutating func recordNoticeSent(freezeId: LedgerInstructionID) -> Bool {
        guard let index = book.index(of: freezeId), book.freezes[index].noticeDue != nil else { return false }
        book.freezes[index].noticeSent = true
        return true
    }

    /// When the account carries priority claims, a newly confirmed freeze starts the five working
    /// days within which the court must notify their holders (R-B16).
    mutating func scheduleClaimNotice(at index: Int, context: LedgerContext, events: inout [LedgerEvent]) {
        guard !claims.isEmpty else { return }
        let freeze = book.freezes[index]
        let (due, estimated) = context.noticeDueDay(forStart: freeze.start)
        book.freezes[index].noticeDue = due
        book.freezes[index].noticeEstimated = estimated
        events.append(
            .priorityClaimNoticeDue(
                account: key, freeze: freeze.id, court: freeze.court, holders: claims.map(\.report.holder), due: due,
                estimated: estimated))
    }
}
