import HubProtocol

/// A read-only view of one freeze, for reports and tests.
public struct FreezeSnapshot: Sendable, Equatable {
    /// The freeze instruction's id.
    public let id: LedgerInstructionID
    /// The court that owns it.
    public let court: LedgerCourt
    /// The case it is for.
    public let caseNumber: LedgerCase
    /// What was asked (应冻结金额).
    public let requested: Money
    /// What it may hold now (lowered by partial unfreezes and deducts, or by the case guard).
    public let limit: Money
    /// What it holds and counts (实际冻结金额).
    public let held: Money
    /// Priority-claim funds frozen but not counted (R-B16).
    public let uncountedHeld: Money
    /// Everything deducted from it.
    public let deducted: Money
    /// First day.
    public let start: LedgerDay
    /// Last day (inclusive).
    public let end: LedgerDay
    /// Pending, active, queued, or how it ended.
    public let state: FreezeState
    /// The day of its lapse warning, once confirmed.
    public let warningDay: LedgerDay?
    /// The day the notice to priority-claim holders is due, if any.
    public let noticeDue: LedgerDay?
}

/// A read-only view of one account in the ledger.
public struct AccountSnapshot: Sendable, Equatable {
    /// The account.
    public let key: AccountKey
    /// Its kind.
    public let kind: AccountKind
    /// The balance the bank last reported.
    public let balance: Money
    /// Funds under priority claims (not counted, not deductible while claimed; R-B16).
    public let priorityClaimFunds: Money
    /// Funds protected from holds and deducts (R-P1).
    public let protectedFunds: Money
    /// What courts hold in total.
    public let heldTotal: Money
    /// Counted funds nobody holds.
    public let unheld: Money
    /// Money deducted out of the account so far.
    public let deductedTotal: Money
    /// The retained freezes in line order, live and ended.
    public let freezes: [FreezeSnapshot]

    /// The freeze with this id, if retained.
    public func freeze(_ id: LedgerInstructionID) -> FreezeSnapshot? {
        freezes.first { $0.id == id }
    }
}

extension AccountLedger {
    func snapshot() -> AccountSnapshot {
        let currency = key.currency
        func money(_ minor: Int64) -> Money { Money(minorUnits: minor, currency: currency) }
        let freezes = book.freezes.map { freeze in
            FreezeSnapshot(
                id: freeze.id, court: freeze.court, caseNumber: freeze.caseNumber,
                requested: money(freeze.requestedMinor),
                limit: money(freeze.limitMinor), held: money(freeze.heldMinor),
                uncountedHeld: money(freeze.uncountedMinor),
                deducted: money(freeze.deductedMinor), start: freeze.start, end: freeze.end, state: freeze.state,
                warningDay: freeze.warningDay, noticeDue: freeze.noticeDue)
        }
        return AccountSnapshot(
            key: key, kind: kind, balance: money(book.balanceMinor), priorityClaimFunds: money(book.claimFundsMinor),
            protectedFunds: money(book.protectedMinor), heldTotal: money(book.heldTotalMinor),
            unheld: money(book.unheldMinor),
            deductedTotal: money(totalDeductedMinor), freezes: freezes)
    }
}
