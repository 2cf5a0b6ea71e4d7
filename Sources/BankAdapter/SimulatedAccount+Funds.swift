import HubProtocol

/// The money on an account and how freezes share it.
extension SimulatedAccount {
    /// Funds under priority claims, at most the balance (R-B16).
    public var claimedMinor: Int64 {
        var total: Int64 = 0
        for claim in claims { total += claim.amountMinor }
        return min(total, balanceMinor)
    }

    /// What all freezes hold together (counted funds only).
    public var heldMinor: Int64 {
        var total: Int64 = 0
        for freeze in freezes { total += freeze.heldMinor }
        return total
    }

    /// What a new or unfilled freeze may still take: the balance less claimed funds, the protected
    /// minimum (R-P1) and what freezes already hold.
    public var availableToCourtsMinor: Int64 {
        max(0, balanceMinor - claimedMinor - protectedMinimumMinor - heldMinor)
    }

    /// What the holder may still spend: the balance less claimed and held funds. The protected
    /// minimum is the holder's to live on (R-P1), so it is spendable.
    public var spendableMinor: Int64 {
        guard status != .closed else { return 0 }
        return max(0, balanceMinor - claimedMinor - heldMinor)
    }

    /// The position of the freeze of this instruction in the queue, if it is in force.
    func freezeIndex(of instructionId: InstructionID) -> Int? {
        freezes.firstIndex { $0.instructionId == instructionId }
    }

    /// Gives funds available to courts to unfilled freezes in arrival order, each up to its limit
    /// (R-B12 inflows, R-B13 promotion after an earlier freeze ends, R-B16 a claim that ended),
    /// then recomputes the claimed funds each freeze covers without counting them.
    mutating func rebalance() {
        var remaining = availableToCourtsMinor
        for index in freezes.indices where remaining > 0 {
            let take = min(remaining, freezes[index].limitMinor - freezes[index].heldMinor)
            freezes[index].heldMinor += take
            remaining -= take
        }
        var claimedLeft = claimedMinor
        for index in freezes.indices {
            let covered = min(claimedLeft, freezes[index].limitMinor - freezes[index].heldMinor)
            freezes[index].uncountedMinor = covered
            claimedLeft -= covered
        }
        checkInvariants()
    }

    /// Ends freezes whose last day is before `today` (R-B14: a freeze not renewed lapses) and lets
    /// the next ones take what they held (R-B13). Returns how many lapsed.
    mutating func lapseFreezes(before today: CalendarDate) -> Int {
        let before = freezes.count
        freezes.removeAll { $0.period.to < today }
        let lapsed = before - freezes.count
        if lapsed > 0 { rebalance() }
        return lapsed
    }

    /// The invariants of one account; a violation is a bug in the ledger, so it stops the process.
    func checkInvariants() {
        precondition(balanceMinor >= 0 && balanceMinor <= BankLedger.maximumMinorUnits, "\(key): balance out of range")
        precondition(freezes.count <= BankLedger.maximumFreezesPerAccount, "\(key): too many freezes")
        precondition(heldMinor <= balanceMinor - claimedMinor, "\(key): courts hold more than the balance less claimed funds")
        var shortEarlier = false
        var lastArrival: UInt64 = 0
        for freeze in freezes {
            precondition(freeze.arrival > lastArrival, "\(key): queue order is not arrival order")
            lastArrival = freeze.arrival
            precondition(freeze.heldMinor >= 0 && freeze.uncountedMinor >= 0, "\(key): negative hold")
            precondition(freeze.heldMinor + freeze.uncountedMinor <= freeze.limitMinor, "\(key): a freeze holds more than its limit")
            precondition(freeze.limitMinor <= freeze.requestedMinor, "\(key): a limit grew beyond the request")
            precondition(!(shortEarlier && freeze.heldMinor > 0), "\(key): a later freeze holds funds while an earlier one is short")
            if !freeze.isFilled { shortEarlier = true }
        }
    }
}
