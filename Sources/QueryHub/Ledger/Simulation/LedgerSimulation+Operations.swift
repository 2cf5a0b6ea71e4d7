import HubProtocol

/// The simulation's operations: courts send measures, the bank answers, time passes.
extension LedgerSimulation {
    mutating func dispatchFreeze() throws(Failure) {
        let index = random.next(below: world.accounts.count)
        let key = world.accounts[index].key
        let chosenCase = world.cases[random.next(below: world.cases.count)]
        let id = world.newId("F")
        let header = MeasureHeader(
            instructionId: id, court: chosenCase.court, caseNumber: chosenCase.number, account: key,
            amountOwed: world.money(chosenCase.owedMinor, index))
        let amount = world.money(random.next(in: 1...60_000) * 100, index)
        // About one in twenty asks for more than a year, which must be refused.
        let end = world.today.adding(days: Int(random.next(in: 20...380)))
        let outcome = ledger.dispatch(
            .freeze(FreezeInstruction(header: header, amount: amount, start: world.today, end: end)), today: world.today
        )
        try record(
            outcome, measure: OutstandingMeasure(id: id, freezeId: id, action: .freeze), at: index, "freeze \(id)")
        let reserved = ledger.reserved(caseNumber: chosenCase.number, currency: key.currency).minorUnits
        let cap = CaseGuardShard.capMinor(owedMinor: chosenCase.owedMinor, configuration: ledger.configuration)
        if reserved > cap {
            throw fail("freeze \(id)", ["case \(chosenCase.number) reserved \(reserved) beyond its cap \(cap)"])
        }
    }

    /// Renew, unfreeze or deduct on a freeze of a random account; sometimes in another court's
    /// name or for more than is held, which must be refused.
    mutating func dispatchMeasureOnFreeze() throws(Failure) {
        let index = random.next(below: world.accounts.count)
        let key = world.accounts[index].key
        guard let snapshot = ledger.snapshot(of: key) else { return try dispatchFreeze() }
        let live = snapshot.freezes.filter { $0.state.isConfirmed }
        guard !live.isEmpty else { return try dispatchFreeze() }
        let freeze = live[random.next(below: live.count)]
        let court = random.chance(percent: 10) ? world.courts[random.next(below: world.courts.count)] : freeze.court
        let owed = world.cases.first { $0.number == freeze.caseNumber }!.owedMinor
        let id = world.newId("M")
        let header = MeasureHeader(
            instructionId: id, court: court, caseNumber: freeze.caseNumber, account: key,
            amountOwed: world.money(owed, index))
        let (instruction, action) = makeMeasure(header: header, freeze: freeze, index: index)
        let outcome = ledger.dispatch(instruction, today: world.today)
        try record(
            outcome, measure: OutstandingMeasure(id: id, freezeId: freeze.id, action: action), at: index,
            "measure \(id)")
    }

    private mutating func makeMeasure(
        header: MeasureHeader, freeze: FreezeSnapshot, index: Int
    ) -> (LedgerInstruction, OutstandingMeasure.Action) {
        switch random.next(below: 3) {
        case 0:
            let newEnd = freeze.end.adding(days: Int(random.next(in: 1...200)))
            return (
                .renew(RenewInstruction(header: header, freezeId: freeze.id, newEnd: newEnd)), .renew(newEnd: newEnd)
            )
        case 1:
            let partial = random.chance(percent: 50) && freeze.limit.minorUnits > 1
            let amount = partial ? world.money(random.next(in: 1...(freeze.limit.minorUnits - 1)), index) : nil
            return (
                .unfreeze(UnfreezeInstruction(header: header, freezeId: freeze.id, amount: amount)),
                .unfreeze(amount: amount)
            )
        default:
            // Up to 120 % of what is held, so that some ask too much and must be refused.
            let ceiling = max(100, freeze.held.minorUnits * 6 / 5)
            let amount = world.money(random.next(in: 1...ceiling), index)
            let includeUnheld = random.chance(percent: 25)
            let foreign = world.accounts[index].key.currency != .cny
            let target = world.directory.target(court: header.court, currency: foreign ? .usd : .cny)!
            let deduct = DeductInstruction(
                header: header, freezeId: freeze.id, amount: amount, target: target, includeUnheldFunds: includeUnheld,
                otherAssetsInsufficient: random.chance(percent: 70))
            return (.deduct(deduct), .deduct(amount: amount, includeUnheld: includeUnheld))
        }
    }

    private mutating func record(
        _ outcome: DispatchOutcome, measure: OutstandingMeasure, at index: Int, _ operation: String
    ) throws(Failure) {
        if outcome.decision.isAccepted {
            report.accepted += 1
            world.enqueue(measure, at: index)
        } else {
            report.refused += 1
        }
        try checkAccount(index, operation)
    }

    /// The bank answers the oldest outstanding measure of a random busy account: honestly, or
    /// (about one time in six) with a rule-breaking change that must be flagged first.
    mutating func answerNext() throws(Failure) {
        guard !world.busy.isEmpty else { return try dispatchFreeze() }
        let index = world.busy[random.next(below: world.busy.count)]
        let measure = world.accounts[index].outstanding[0]
        if case .deduct(_, true) = measure.action, random.chance(percent: 80) {
            // Unheld money leaves before the bank serves a deduct allowed to take it.
            try drainUnheld(index)
        }
        let snapshot = ledger.snapshot(of: world.accounts[index].key)!
        let operation = "answer \(measure.id)"
        if random.chance(percent: 3) {
            let receipt = LedgerReceipt(
                instructionId: measure.id, account: snapshot.key, balance: snapshot.balance,
                result: .notExecuted(reason: "cannot assist: account under investigation"))
            try expectApplied(ledger.apply(receipt, today: world.today), operation)
        } else {
            let honest = SimulatedBank.honestReceipt(for: measure, snapshot: snapshot)
            if random.chance(percent: 16),
                let (broken, kinds) = SimulatedBank.breakRule(
                    honest, measure: measure, snapshot: snapshot, random: &random)
            {
                try expectFlagged(
                    ledger.apply(broken, today: world.today), kinds: kinds, operation + " (rule-breaking)")
                try checkAccount(index, operation)
            }
            try expectApplied(ledger.apply(honest, today: world.today), operation)
        }
        world.dequeue(at: index)
        try checkAccount(index, operation)
    }

    /// An honest report in which every unheld unit has left the account.
    private mutating func drainUnheld(_ index: Int) throws(Failure) {
        let snapshot = ledger.snapshot(of: world.accounts[index].key)!
        let balance = snapshot.balance.minorUnits - snapshot.unheld.minorUnits
        let drained = AccountReport(
            account: snapshot.key, balance: world.money(balance, index), kind: world.accounts[index].kind,
            priorityClaims: world.accounts[index].claims)
        try expectApplied(ledger.report(drained, today: world.today), "drain \(snapshot.key)")
    }

    /// The bank reports an account: honestly (inflows, outflows of unheld money, claims that change
    /// or end), or with a balance below what courts hold, which must be flagged.
    mutating func reportAccount() throws(Failure) {
        let index = random.next(below: world.accounts.count)
        let snapshot = ledger.snapshot(of: world.accounts[index].key)!
        let held = snapshot.heldTotal.minorUnits
        let operation = "report \(snapshot.key)"
        if held > 0, random.chance(percent: 15) {
            let broken = AccountReport(
                account: snapshot.key,
                balance: world.money(
                    held + snapshot.priorityClaimFunds.minorUnits + snapshot.protectedFunds.minorUnits - 1, index),
                kind: world.accounts[index].kind, priorityClaims: world.accounts[index].claims)
            try expectFlagged(ledger.report(broken, today: world.today), kinds: [.heldBeyondBalance], operation)
        } else {
            try expectApplied(
                ledger.report(world.honestReport(of: index, held: held, random: &random), today: world.today), operation
            )
        }
        try checkAccount(index, operation)
    }

    /// A duplicate receipt for a measure already answered, or one for a measure never sent.
    mutating func sendStrayReceipt() throws(Failure) {
        if random.chance(percent: 60), !world.recentlyResolved.isEmpty {
            let (index, id) = world.recentlyResolved[random.next(below: world.recentlyResolved.count)]
            let key = world.accounts[index].key
            let receipt = LedgerReceipt(
                instructionId: id, account: key, balance: world.money(0, index), result: .renewed(newEnd: world.today))
            try expectFlagged(
                ledger.apply(receipt, today: world.today), kinds: [.alreadyResolved, .unknownInstruction],
                "duplicate \(id)")
            try checkAccount(index, "duplicate \(id)")
        } else {
            let index = random.next(below: world.accounts.count)
            let receipt = LedgerReceipt(
                instructionId: LedgerInstructionID("stray-\(step)"), account: world.accounts[index].key,
                balance: world.money(0, index),
                result: .unfrozen(released: world.money(1, index)))
            try expectFlagged(ledger.apply(receipt, today: world.today), kinds: [.unknownInstruction], "stray receipt")
        }
    }

    /// Time passes: one day to a week. Freezes lapse, the next in line take over, warnings fall due.
    mutating func jumpClock() throws(Failure) {
        world.today = world.today.adding(days: Int(random.next(in: 1...7)))
        report.clockJumps += 1
        _ = ledger.advance(to: world.today)
        try fullCheck("clock jump to \(world.today)")
    }

    /// The court's side: reviewing a claim holder's objection, or recording the notice as sent.
    mutating func courtAction() throws(Failure) {
        let index = random.next(below: world.accounts.count)
        let key = world.accounts[index].key
        if let claim = world.accounts[index].claims.first, random.chance(percent: 50) {
            _ = ledger.setPriorityClaimReview(
                account: key, claimId: claim.claimId, underReview: random.chance(percent: 50), today: world.today)
        } else if let freeze = ledger.snapshot(of: key)?.freezes.first(where: { $0.noticeDue != nil }) {
            _ = ledger.recordPriorityClaimNoticeSent(account: key, freezeId: freeze.id, today: world.today)
        }
        try checkAccount(index, "court action on \(key)")
    }
}
