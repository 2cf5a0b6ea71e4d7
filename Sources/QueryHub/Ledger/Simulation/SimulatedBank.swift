import HubProtocol

/// The simulation's bank: the receipt an honest bank would send for a measure, given the ledger's
/// view of the account, and ways to break one rule in it.
enum SimulatedBank {
    /// What an honest bank answers, serving the account's measures in order: a freeze holds what
    /// is unheld up to its limit unless an earlier freeze still wants funds; a deduct takes what it
    /// asked, at most what the freeze holds (plus unheld funds when allowed).
    static func honestReceipt(for measure: OutstandingMeasure, snapshot: AccountSnapshot) -> LedgerReceipt {
        let currency = snapshot.key.currency
        func money(_ minor: Int64) -> Money { Money(minorUnits: minor, currency: currency) }
        let index = snapshot.freezes.firstIndex { $0.id == measure.freezeId }!
        let freeze = snapshot.freezes[index]
        let result: LedgerReceipt.Result
        var balance = snapshot.balance
        switch measure.action {
        case .freeze:
            let earlier = snapshot.freezes[..<index].filter { $0.state.isConfirmed }
            let earlierWant = earlier.contains { $0.held != $0.limit }
            let held = earlierWant ? 0 : min(freeze.limit.minorUnits, snapshot.unheld.minorUnits)
            let uncounted = min(snapshot.priorityClaimFunds.minorUnits, freeze.limit.minorUnits - held)
            result = .frozen(
                FrozenReport(
                    actualHeld: money(held), excess: money(freeze.limit.minorUnits - held),
                    uncountedHeld: money(uncounted),
                    start: freeze.start, end: freeze.end, earlierFreezes: earlier.count))
        case .renew(let newEnd):
            result = .renewed(newEnd: newEnd)
        case .unfreeze(let amount):
            result = .unfrozen(released: amount ?? freeze.limit)
        case .deduct(let amount, let includeUnheld):
            let deductible = freeze.held.minorUnits + (includeUnheld ? snapshot.unheld.minorUnits : 0)
            let deducted = min(amount.minorUnits, deductible)
            let fromHeld = min(deducted, freeze.held.minorUnits)
            result = .deducted(deducted: money(deducted), remainingHeld: money(freeze.held.minorUnits - fromHeld))
            balance = money(snapshot.balance.minorUnits - deducted)
        }
        return LedgerReceipt(instructionId: measure.id, account: snapshot.key, balance: balance, result: result)
    }

    /// The honest receipt with one rule broken, and the flags that may name it; nil when no
    /// applicable way was drawn.
    static func breakRule(
        _ honest: LedgerReceipt, measure: OutstandingMeasure, snapshot: AccountSnapshot, random: inout SplitMix64
    ) -> (LedgerReceipt, [ReceiptFlag.Kind])? {
        let currency = snapshot.key.currency
        func money(_ minor: Int64) -> Money { Money(minorUnits: minor, currency: currency) }
        func with(_ result: LedgerReceipt.Result, balance: Money? = nil) -> LedgerReceipt {
            LedgerReceipt(
                instructionId: honest.instructionId, account: honest.account, balance: balance ?? honest.balance,
                result: result)
        }
        switch random.next(below: 20) {
        case 0, 1:
            let other: Currency = currency == .cny ? .eur : .cny
            let foreign = Money(minorUnits: (honest.balance ?? snapshot.balance).minorUnits, currency: other)
            return (with(honest.result, balance: foreign), [.currencyMismatch])
        case 2:
            return (with(honest.result, balance: money(-1)), [.amountOutOfRange])
        case 3:
            // An answer of the wrong kind: a freeze answered as a renewal, anything else as a freeze.
            let first = snapshot.freezes[0]
            if case .frozen = honest.result { return (with(.renewed(newEnd: first.end)), [.wrongResultKind]) }
            let report = FrozenReport(
                actualHeld: money(0), excess: money(1), uncountedHeld: money(0), start: first.start, end: first.end,
                earlierFreezes: 0)
            return (with(.frozen(report)), [.wrongResultKind])
        default:
            break
        }
        switch honest.result {
        case .frozen(let report):
            return breakFreeze(report, with: { with(.frozen($0)) }, snapshot: snapshot, random: &random)
        case .deducted(let deducted, let remainingHeld):
            guard case .deduct(let asked, _) = measure.action else { return nil }
            // The honest bank took less than asked only because that was all it could take.
            if deducted.minorUnits < asked.minorUnits, random.chance(percent: 80) {
                let more = deducted.minorUnits + 1
                let fromHeld = min(more, deducted.minorUnits + remainingHeld.minorUnits)
                let rest = deducted.minorUnits + remainingHeld.minorUnits - fromHeld
                return (with(.deducted(deducted: money(more), remainingHeld: money(rest))), [.deductedAboveHeld])
            }
            switch random.next(below: 2) {
            case 0:
                return (
                    with(.deducted(deducted: money(asked.minorUnits + 1), remainingHeld: remainingHeld)),
                    [.deductedAboveRequested]
                )
            default:
                return (
                    with(.deducted(deducted: deducted, remainingHeld: money(remainingHeld.minorUnits + 1))),
                    [.inconsistentAmounts]
                )
            }
        case .unfrozen(let released):
            return (with(.unfrozen(released: money(released.minorUnits + 1))), [.inconsistentAmounts])
        case .renewed(let newEnd):
            return (with(.renewed(newEnd: newEnd.adding(days: 1))), [.periodMismatch])
        case .notExecuted:
            return nil
        }
    }

    private static func breakFreeze(
        _ report: FrozenReport, with: (FrozenReport) -> LedgerReceipt, snapshot: AccountSnapshot,
        random: inout SplitMix64
    ) -> (LedgerReceipt, [ReceiptFlag.Kind])? {
        let currency = snapshot.key.currency
        func money(_ minor: Int64) -> Money { Money(minorUnits: minor, currency: currency) }
        let limit = report.actualHeld.minorUnits + report.excess.minorUnits
        // Claimed funds stay within what is not counted as held (R-B16), so that each broken
        // receipt breaks only the rule it is drawn to break.
        func frozen(held: Int64, excess: Int64, earlier: Int) -> FrozenReport {
            FrozenReport(
                actualHeld: money(held), excess: money(excess),
                uncountedHeld: money(min(report.uncountedHeld.minorUnits, max(0, excess))),
                start: report.start,
                end: report.end, earlierFreezes: earlier)
        }
        switch random.next(below: 4) {
        case 0:
            return (with(frozen(held: limit + 1, excess: 0, earlier: report.earlierFreezes)), [.heldAboveLimit])
        case 1 where report.earlierFreezes > 0:
            return (
                with(
                    frozen(
                        held: report.actualHeld.minorUnits, excess: report.excess.minorUnits,
                        earlier: report.earlierFreezes - 1)), [.servedOutOfOrder]
            )
        case 2 where report.excess.minorUnits > 0:
            // One more than the honest bank could hold: beyond the balance, or before an earlier freeze.
            let held = report.actualHeld.minorUnits + 1
            return (
                with(frozen(held: held, excess: limit - held, earlier: report.earlierFreezes)),
                [.heldBeyondBalance, .servedOutOfOrder]
            )
        default:
            return (
                with(
                    frozen(
                        held: report.actualHeld.minorUnits, excess: report.excess.minorUnits + 1,
                        earlier: report.earlierFreezes)), [.inconsistentAmounts]
            )
        }
    }
}
