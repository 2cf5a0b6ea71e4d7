/// The invariants of one account, checked in full. Mutating paths assert the book's invariants as
/// they go; the simulation calls this after every step.
extension AccountLedger {
    /// Every broken invariant, described; empty when the account is sound.
    func invariantViolations(configuration: LedgerConfiguration) -> [String] {
        var problems: [String] = []
        if let violation = book.firstViolation() { problems.append("\(key): \(violation)") }
        if book.claimFundsMinor != claimFundsMinor { problems.append("\(key): claimed funds out of step with claims") }
        if book.protectedMinor != protectedMinor { problems.append("\(key): protected funds out of step with kind") }
        if book.liveCount > configuration.maximumLiveFreezesPerAccount {
            problems.append("\(key): too many live freezes")
        }
        problems += measureViolations()
        let fromFreezes = book.freezes.reduce(Int64(0)) { $0 + $1.deductedMinor }
        if deductedFromHeldMinor < 0 || deductedFromUnheldMinor < 0 {
            problems.append("\(key): negative deducted total")
        }
        // On deduct, what the freezes record as deducted (and unheld funds taken) is what left.
        if fromFreezes + book.prunedDeductedMinor != totalDeductedMinor {
            problems.append(
                "\(key): freezes record \(fromFreezes + book.prunedDeductedMinor) deducted, account \(totalDeductedMinor)"
            )
        }
        return problems
    }

    /// Money that left this account by deduct.
    var totalDeductedMinor: Int64 { deductedFromHeldMinor + deductedFromUnheldMinor }

    /// Each instruction resolves at most once per target: a measure is either waiting or resolved,
    /// never both; every waiting measure matches its freeze, and every freeze's measure in flight
    /// is waiting.
    private func measureViolations() -> [String] {
        var problems: [String] = []
        for (id, measure) in pending {
            if resolved.contains(id) { problems.append("\(key): \(id) both waiting and resolved") }
            guard let index = book.index(of: measure.freezeId) else {
                problems.append("\(key): \(id) waits on a missing freeze")
                continue
            }
            let freeze = book.freezes[index]
            switch measure.action {
            case .freeze:
                if freeze.state != .pending { problems.append("\(key): waiting freeze \(id) is \(freeze.state)") }
            default:
                if freeze.measureInFlight != id || !freeze.state.isConfirmed {
                    problems.append("\(key): \(id) waits on \(freeze.id), which does not expect it")
                }
            }
        }
        for freeze in book.freezes {
            if freeze.state == .pending, pending[freeze.id]?.action != .freeze {
                problems.append("\(key): pending freeze \(freeze.id) has no waiting measure")
            }
            if let inFlight = freeze.measureInFlight, pending[inFlight]?.freezeId != freeze.id {
                problems.append("\(key): freeze \(freeze.id) expects \(inFlight), which is not waiting")
            }
        }
        return problems
    }
}
