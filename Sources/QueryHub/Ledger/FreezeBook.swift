/// An account's funds and its line of freezes: the part of an account the invariants are about.
///
/// Receipts are applied to a copy (a draft) that is checked before it replaces the original, so a
/// receipt that would break an invariant changes nothing (it is flagged instead).
struct FreezeBook: Sendable, Equatable {
    /// The balance the bank last reported.
    var balanceMinor: Int64 = 0
    /// Funds under priority claims, which courts may freeze but not count (R-B16).
    var claimFundsMinor: Int64 = 0
    /// Funds that must stay untouched: a pension's living-expense reserve (R-P1).
    var protectedMinor: Int64 = 0
    /// Every retained freeze, live and ended, in arrival order.
    var freezes: [FreezeRecord] = []
    /// What freezes dropped by ``pruneEnded(retained:)`` had deducted, so totals still add up.
    var prunedDeductedMinor: Int64 = 0

    /// What courts may hold in total: the balance less claimed and protected funds.
    var capacityMinor: Int64 { max(0, balanceMinor - claimFundsMinor - protectedMinor) }

    /// What all confirmed live freezes hold together.
    var heldTotalMinor: Int64 {
        var total: Int64 = 0
        for freeze in freezes where freeze.state.isConfirmed { total += freeze.heldMinor }
        return total
    }

    /// Counted funds nobody holds.
    var unheldMinor: Int64 { max(0, capacityMinor - heldTotalMinor) }

    /// What the limits of freezes awaiting their receipts (arrived before `arrival`) may still take.
    func pendingLimitsMinor(before arrival: UInt64) -> Int64 {
        var total: Int64 = 0
        for freeze in freezes where freeze.state == .pending && freeze.arrival < arrival {
            total += freeze.limitMinor
        }
        return total
    }

    /// Unheld funds a deduct arriving at `arrival` could take: served after every earlier holder,
    /// including freezes the bank has served but whose receipts are not back.
    func unheldAvailableMinor(before arrival: UInt64) -> Int64 {
        max(0, unheldMinor - pendingLimitsMinor(before: arrival))
    }

    func index(of id: LedgerInstructionID) -> Int? {
        freezes.firstIndex { $0.id == id }
    }

    var liveCount: Int { freezes.reduce(0) { $0 + ($1.state.isLive ? 1 : 0) } }

    /// Sets the reported funds; counted funds that grow are passed to unfilled freezes in line
    /// order (R-B12 inflows, R-B16 claims that ended). Shrinking is checked by ``firstViolation()``.
    mutating func setFunds(
        balanceMinor: Int64, claimFundsMinor: Int64, protectedMinor: Int64, account: AccountKey,
        events: inout [LedgerEvent]
    ) {
        precondition(balanceMinor >= 0 && claimFundsMinor >= 0 && protectedMinor >= 0, "funds are never negative")
        let oldCapacity = capacityMinor
        self.balanceMinor = balanceMinor
        self.claimFundsMinor = claimFundsMinor
        self.protectedMinor = protectedMinor
        let growth = capacityMinor - oldCapacity
        if growth > 0 {
            distribute(min(growth, unheldMinor), cause: .inflow, account: account, events: &events)
        }
    }

    /// Gives `amount` to confirmed live freezes in arrival order, each up to its limit: earlier
    /// freezes are served first (R-B13). Funds left over stay unheld.
    mutating func distribute(
        _ amountMinor: Int64, cause: HeldIncreaseCause, account: AccountKey, events: inout [LedgerEvent]
    ) {
        precondition(amountMinor >= 0, "cannot distribute a negative amount")
        var remaining = amountMinor
        for index in freezes.indices where remaining > 0 && freezes[index].state.isConfirmed {
            let take = min(remaining, freezes[index].unfilledMinor)
            guard take > 0 else { continue }
            freezes[index].heldMinor += take
            remaining -= take
            events.append(
                .heldIncreased(
                    account: account, freeze: freezes[index].id,
                    amount: .init(minorUnits: take, currency: account.currency), cause: cause))
        }
        refreshStates()
    }

    /// Active for the first confirmed freeze in line and for any that holds funds; queued otherwise.
    mutating func refreshStates() {
        var seenConfirmed = false
        for index in freezes.indices where freezes[index].state.isConfirmed {
            freezes[index].state = (!seenConfirmed || freezes[index].heldMinor > 0) ? .active : .queued
            seenConfirmed = true
        }
    }

    /// Drops the oldest ended freezes beyond `retained`, keeping the live ones and the order.
    mutating func pruneEnded(retained: Int) {
        var endedCount = freezes.reduce(0) { $0 + ($1.state.isLive ? 0 : 1) }
        guard endedCount > retained else { return }
        freezes.removeAll { freeze in
            guard !freeze.state.isLive, endedCount > retained else { return false }
            endedCount -= 1
            prunedDeductedMinor += freeze.deductedMinor
            return true
        }
    }
}

/// A broken invariant of a ``FreezeBook``.
enum BookViolation: Equatable, Sendable, CustomStringConvertible {
    case heldAboveLimit(index: Int)
    case heldBeyondCapacity(heldMinor: Int64, capacityMinor: Int64)
    case outOfOrder(earlier: LedgerInstructionID, later: LedgerInstructionID)
    case arrivalOrder(index: Int)
    case badAmounts(index: Int, detail: String)

    var description: String {
        switch self {
        case .heldAboveLimit(let index): return "freeze #\(index) holds more than its limit"
        case .heldBeyondCapacity(let held, let capacity): return "held \(held) exceeds capacity \(capacity)"
        case .outOfOrder(let earlier, let later): return "\(later) holds funds while earlier \(earlier) is not full"
        case .arrivalOrder(let index): return "freeze #\(index) is out of arrival order"
        case .badAmounts(let index, let detail): return "freeze #\(index): \(detail)"
        }
    }
}

extension FreezeBook {
    /// The first broken invariant, or nil:
    /// - each freeze holds between zero and its limit, its limit is at most what was requested,
    ///   and only confirmed live freezes hold anything;
    /// - the sum held is at most the balance less priority-claim and protected funds;
    /// - queue order is arrival order: arrivals strictly increase, and no freeze holds funds while
    ///   an earlier confirmed freeze is below its limit.
    func firstViolation() -> BookViolation? {
        var unfilledEarlier: LedgerInstructionID?
        for (index, freeze) in freezes.enumerated() {
            if index > 0, freezes[index - 1].arrival >= freeze.arrival { return .arrivalOrder(index: index) }
            if freeze.heldMinor < 0 || freeze.uncountedMinor < 0 || freeze.deductedMinor < 0 {
                return .badAmounts(index: index, detail: "negative amount")
            }
            if freeze.limitMinor < 0 || freeze.limitMinor > freeze.requestedMinor {
                return .badAmounts(index: index, detail: "limit outside 0…requested")
            }
            if freeze.heldMinor > freeze.limitMinor { return .heldAboveLimit(index: index) }
            guard freeze.state.isConfirmed else {
                if freeze.heldMinor != 0 { return .badAmounts(index: index, detail: "\(freeze.state) but holds") }
                continue
            }
            if freeze.heldMinor > 0, let earlier = unfilledEarlier {
                return .outOfOrder(earlier: earlier, later: freeze.id)
            }
            if !freeze.isFilled, unfilledEarlier == nil { unfilledEarlier = freeze.id }
        }
        let held = heldTotalMinor
        if held > capacityMinor { return .heldBeyondCapacity(heldMinor: held, capacityMinor: capacityMinor) }
        return nil
    }
}
