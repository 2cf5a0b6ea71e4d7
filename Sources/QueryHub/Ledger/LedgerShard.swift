import HubProtocol

/// Where deducted money arrived: one special account in one currency.
struct CreditKey: Hashable, Sendable {
    let target: LedgerSpecialAccount
    let currency: Currency
}

/// One account shard: the accounts whose key hashes here, their timers, what was deducted and
/// credited, counters and flagged reports. Always used under its own lock, by one thread at a time.
struct LedgerShard: Sendable {
    var context: LedgerContext
    var accounts: [AccountKey: AccountLedger] = [:]
    var wakeQueue = WakeQueue()
    /// The latest day seen: the shard's clock never goes back, whatever callers pass.
    var latestDay: LedgerDay
    /// Money that left accounts by deduct, per currency; always equal to ``credits`` per currency.
    var debitedByCurrency: [Currency: Int64] = [:]
    /// Money that reached special accounts by deduct.
    var credits: [CreditKey: Int64] = [:]
    var counters = LedgerCounters()
    var flagged: [FlaggedReport] = []

    init(context: LedgerContext, startDay: LedgerDay) {
        self.context = context
        self.latestDay = startDay
    }

    private mutating func clock(_ today: LedgerDay) -> LedgerDay {
        if today > latestDay { latestDay = today }
        return latestDay
    }

    /// Runs `body` on the account (created on first use) after catching it up to the day, then
    /// schedules its next wake-up. The account is changed in place in the dictionary.
    private mutating func withAccount<Result>(
        _ key: AccountKey, today: LedgerDay, effects: inout AccountEffects,
        _ body: (inout AccountLedger, inout AccountEffects) -> Result
    ) -> Result {
        let context = self.context
        var wake: LedgerDay?
        let result = LedgerShard.modify(
            &accounts[key, default: AccountLedger(key: key, configuration: context.configuration)]
        ) { account in
            account.catchUp(to: today, context: context, effects: &effects)
            let result = body(&account, &effects)
            // What the operation made due today (a freeze past its end whose renewal the bank
            // refused) happens now, so that no account is left behind the clock.
            if let due = account.nextWakeDay(), due <= today {
                account.catchUp(to: today, context: context, effects: &effects)
            }
            wake = account.claimWake()
            return result
        }
        if let wake { wakeQueue.schedule(key, on: wake) }
        return result
    }

    private static func modify<Result>(
        _ account: inout AccountLedger, _ body: (inout AccountLedger) -> Result
    ) -> Result {
        body(&account)
    }

    /// Why the instruction may not be sent (nil: it may), after catching the account up.
    mutating func check(_ instruction: LedgerInstruction, today: LedgerDay, effects: inout AccountEffects)
        -> LedgerRefusal?
    {
        let day = clock(today)
        let context = self.context
        let refusal = withAccount(instruction.header.account, today: day, effects: &effects) { account, _ in
            account.refusal(for: instruction, today: day, context: context)
        }
        finish(effects: effects)
        return refusal
    }

    /// Checks again (the account may have changed since ``check``) and records the instruction.
    mutating func commit(
        _ instruction: LedgerInstruction, grantedLimitMinor: Int64?, today: LedgerDay, effects: inout AccountEffects
    ) -> LedgerRefusal? {
        let day = clock(today)
        let context = self.context
        let refusal = withAccount(instruction.header.account, today: day, effects: &effects) {
            account, _ -> LedgerRefusal? in
            if let refusal = account.refusal(for: instruction, today: day, context: context) { return refusal }
            account.record(instruction, grantedLimitMinor: grantedLimitMinor)
            return nil
        }
        if refusal == nil { counters.measuresAccepted += 1 }
        finish(effects: effects)
        return refusal
    }

    /// Takes back a measure recorded by ``commit`` that never reached the bank; false when the
    /// account has no such measure waiting.
    mutating func withdraw(_ instruction: LedgerInstruction, today: LedgerDay, effects: inout AccountEffects) -> Bool {
        let key = instruction.header.account
        guard accounts[key] != nil else { return false }
        let day = clock(today)
        let released = withAccount(key, today: day, effects: &effects) { account, _ in
            account.withdraw(instruction.header.instructionId)
        }
        if let released, released > 0 {
            effects.releases.append(
                CaseRelease(caseNumber: instruction.header.caseNumber, currency: key.currency, amountMinor: released))
        }
        if released != nil { counters.measuresWithdrawn += 1 }
        finish(effects: effects)
        return released != nil
    }

    /// Applies a receipt, or keeps it aside flagged.
    mutating func apply(_ receipt: LedgerReceipt, today: LedgerDay, effects: inout AccountEffects) -> ReceiptFlag? {
        let day = clock(today)
        let context = self.context
        let flag = withAccount(receipt.account, today: day, effects: &effects) { account, effects in
            account.apply(receipt, today: day, context: context, effects: &effects)
        }
        if let credit = effects.credit {
            let currency = receipt.account.currency
            debitedByCurrency[currency, default: 0] += credit.amountMinor
            credits[CreditKey(target: credit.target, currency: currency), default: 0] += credit.amountMinor
        }
        record(flag, account: receipt.account, receipt: receipt, day: day)
        if flag == nil { counters.receiptsApplied += 1 }
        finish(effects: effects)
        return flag
    }

    /// Applies an account report, or keeps it aside flagged.
    mutating func apply(_ report: AccountReport, today: LedgerDay, effects: inout AccountEffects) -> ReceiptFlag? {
        let day = clock(today)
        let context = self.context
        let flag = withAccount(report.account, today: day, effects: &effects) { account, effects in
            account.apply(report, context: context, effects: &effects)
        }
        record(flag, account: report.account, receipt: nil, day: day)
        if flag == nil { counters.accountReportsApplied += 1 }
        finish(effects: effects)
        return flag
    }

    /// Runs a change on an existing account (claim review, notice sent); false when unknown.
    mutating func update(
        _ key: AccountKey, today: LedgerDay, effects: inout AccountEffects, _ body: (inout AccountLedger) -> Bool
    ) -> Bool {
        guard accounts[key] != nil else { return false }
        let day = clock(today)
        let changed = withAccount(key, today: day, effects: &effects) { account, _ in body(&account) }
        finish(effects: effects)
        return changed
    }

    /// Brings every account with something due up to the day.
    mutating func advance(to today: LedgerDay, effects: inout AccountEffects) {
        let day = clock(today)
        for key in wakeQueue.takeDue(through: day) {
            guard accounts[key] != nil else { continue }
            accounts[key]!.scheduledWake = nil
            withAccount(key, today: day, effects: &effects) { _, _ in () }
        }
        finish(effects: effects)
    }

    private mutating func record(_ flag: ReceiptFlag?, account: AccountKey, receipt: LedgerReceipt?, day: LedgerDay) {
        guard let flag else { return }
        counters.count(flag)
        let limit = context.configuration.maximumFlaggedReceiptsRetainedPerShard
        guard limit > 0 else {
            counters.flaggedDropped += 1
            return
        }
        if flagged.count >= limit {
            flagged.removeFirst()
            counters.flaggedDropped += 1
        }
        flagged.append(
            FlaggedReport(
                flag: flag, account: account, instructionId: receipt?.instructionId, day: day, receipt: receipt))
    }

    private mutating func finish(effects: AccountEffects) {
        counters.count(effects.events)
    }

    /// Every broken invariant of the shard: each account's, and money conservation — what left
    /// accounts by deduct equals what reached special accounts, per currency.
    func invariantViolations() -> [String] {
        var problems: [String] = []
        var debitedFromAccounts: [Currency: Int64] = [:]
        for account in accounts.values {
            problems += account.invariantViolations(configuration: context.configuration)
            debitedFromAccounts[account.key.currency, default: 0] += account.totalDeductedMinor
        }
        problems += conservationViolations(debitedFromAccounts: debitedFromAccounts)
        return problems
    }

    /// What left accounts (as the shard counted it, and as the accounts did) equals what arrived.
    func conservationViolations(debitedFromAccounts: [Currency: Int64]?) -> [String] {
        var credited: [Currency: Int64] = [:]
        for (key, amount) in credits { credited[key.currency, default: 0] += amount }
        var problems: [String] = []
        if credited.filter({ $0.value != 0 }) != debitedByCurrency.filter({ $0.value != 0 }) {
            problems.append("deducted \(debitedByCurrency) ≠ credited to special accounts \(credited)")
        }
        if let debitedFromAccounts,
            debitedFromAccounts.filter({ $0.value != 0 }) != debitedByCurrency.filter({ $0.value != 0 })
        {
            problems.append("accounts record \(debitedFromAccounts) deducted; the shard \(debitedByCurrency)")
        }
        return problems
    }
}
