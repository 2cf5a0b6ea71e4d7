import HubProtocol

/// Reading the ledger, the court's side of priority claims, and registry updates.
extension ControlLedger {
    /// A view of one account, or nil if the ledger has never seen it.
    public func snapshot(of account: AccountKey) -> AccountSnapshot? {
        accountShard(account).withLock { $0.accounts[account]?.snapshot() }
    }

    /// Counts summed over every shard.
    public func counters() -> LedgerCounters {
        var total = LedgerCounters()
        for shard in accountShardList { total = total.adding(shard.withLock { $0.counters }) }
        for shard in caseShardList { total = total.adding(shard.withLock { $0.counters }) }
        return total
    }

    /// The flagged receipts and reports still retained, per shard in arrival order.
    public func flaggedReports() -> [FlaggedReport] {
        accountShardList.flatMap { shard in shard.withLock { $0.flagged } }
    }

    /// What a case has reserved (the sum of its live freezes' limits) in one currency.
    public func reserved(caseNumber: LedgerCase, currency: Currency) -> Money {
        let key = CaseKey(caseNumber: caseNumber, currency: currency)
        let minor = caseShardList[Int(caseNumber.stableHash % UInt64(caseShardList.count))].withLock {
            $0.reserved[key] ?? 0
        }
        return Money(minorUnits: minor, currency: currency)
    }

    /// What has reached a special account by deduct, in one currency.
    public func credited(to target: LedgerSpecialAccount, currency: Currency) -> Money {
        let key = CreditKey(target: target, currency: currency)
        var total: Int64 = 0
        for shard in accountShardList { total += shard.withLock { $0.credits[key] ?? 0 } }
        return Money(minorUnits: total, currency: currency)
    }

    /// Records whether the court is reviewing a priority-claim holder's objection (R-B16). Returns
    /// false when the account or claim is unknown.
    public func setPriorityClaimReview(account: AccountKey, claimId: String, underReview: Bool, today: LedgerDay)
        -> Bool
    {
        var effects = AccountEffects()
        let changed = accountShard(account).withLock {
            $0.update(account, today: today, effects: &effects) {
                $0.setReview(claimId: claimId, underReview: underReview)
            }
        }
        settleReleases(effects.releases)
        return changed
    }

    /// Records that the court notified the priority-claim holders about a freeze (R-B16), which
    /// stops the overdue event. Returns false when there is no such notice to send.
    public func recordPriorityClaimNoticeSent(account: AccountKey, freezeId: LedgerInstructionID, today: LedgerDay) -> Bool {
        var effects = AccountEffects()
        let changed = accountShard(account).withLock {
            $0.update(account, today: today, effects: &effects) { $0.recordNoticeSent(freezeId: freezeId) }
        }
        settleReleases(effects.releases)
        return changed
    }

    /// Registers (or replaces) a court's special accounts (R-B5) in every shard's copy of the
    /// directory. Rare; takes each shard's lock in turn.
    public func registerSpecialAccounts(court: LedgerCourt, renminbi: LedgerSpecialAccount?, foreignCurrency: LedgerSpecialAccount?) {
        for shard in accountShardList {
            shard.withLock {
                $0.context.specialAccounts.register(court: court, renminbi: renminbi, foreignCurrency: foreignCurrency)
            }
        }
    }

    /// Every broken invariant of one account, described; empty when sound.
    public func invariantViolations(of account: AccountKey) -> [String] {
        accountShard(account).withLock { shard in
            var problems =
                shard.accounts[account]?.invariantViolations(configuration: shard.context.configuration) ?? []
            problems += shard.conservationViolations(debitedFromAccounts: nil)
            return problems
        }
    }

    /// Every broken invariant of the whole ledger, described; empty when sound. Walks every
    /// account of every shard (one shard lock at a time): for tests, simulations and diagnostics,
    /// not for the hot path. Checks each account's invariants, money conservation per shard, and,
    /// when `quiescent` (no measure running concurrently), that each case's reservation equals the
    /// sum of its live freezes' limits and stays within its cap.
    public func invariantViolations(quiescent: Bool) -> [String] {
        var problems: [String] = []
        var limitsByCase: [CaseKey: Int64] = [:]
        for shard in accountShardList {
            shard.withLock { shard in
                problems += shard.invariantViolations()
                for account in shard.accounts.values {
                    for freeze in account.book.freezes where freeze.state.isLive {
                        let key = CaseKey(caseNumber: freeze.caseNumber, currency: account.key.currency)
                        limitsByCase[key, default: 0] += freeze.limitMinor
                    }
                }
            }
        }
        guard quiescent else { return problems }
        var reservedByCase: [CaseKey: Int64] = [:]
        for shard in caseShardList { shard.withLock { reservedByCase.merge($0.reserved) { $0 + $1 } } }
        if reservedByCase != limitsByCase.filter({ $0.value != 0 }) {
            let differing = Set(reservedByCase.keys).union(limitsByCase.keys).filter {
                reservedByCase[$0] ?? 0 != limitsByCase[$0] ?? 0
            }
            for key in differing.prefix(5) {
                problems.append(
                    "case \(key.caseNumber) \(key.currency): reserved \(reservedByCase[key] ?? 0), live limits \(limitsByCase[key] ?? 0)"
                )
            }
        }
        return problems
    }
}
