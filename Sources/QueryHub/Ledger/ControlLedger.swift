import HubProtocol
import Synchronization

/// A value behind its own lock: one per shard.
final class Locked<Value: Sendable>: Sendable {
    private let mutex: Mutex<Value>

    init(_ value: sending Value) {
        mutex = Mutex(value)
    }

    func withLock<Result: Sendable>(_ body: (inout Value) -> Result) -> Result {
        mutex.withLock { body(&$0) }
    }
}

/// The control ledger: the hub's own record of what every court holds on every account, built from
/// receipts (R-B11…R-B19), that refuses what must not reach a bank, flags receipts that break the
/// rules, lapses freezes at their end and warns before (R-E7), and keeps each case's total held
/// within what it is owed.
///
/// Sharded by account key: measures on one account are serial in arrival order under that
/// account's shard lock; measures on accounts of different shards run in parallel. The case-level
/// guard is a second, separately locked set of shards keyed by case number; a freeze reserves its
/// limit there between the account check and the account commit, never holding two locks at once.
/// There is no global lock. See `docs/ledger-sharding.md`.
///
/// Every method takes the day as an input; the ledger never reads a clock, so a run replays
/// exactly. A shard's clock never goes back: a day earlier than one already seen counts as that one.
public final class ControlLedger: Sendable {
    /// The configuration it was made with.
    public let configuration: LedgerConfiguration
    private let accountShards: [Locked<LedgerShard>]
    private let caseShards: [Locked<CaseGuardShard>]

    /// A ledger with no accounts. `startDay` is the earliest day operations may name.
    public init(
        configuration: LedgerConfiguration = LedgerConfiguration(), calendar: WorkingDayCalendar = .china,
        specialAccounts: SpecialAccountDirectory = SpecialAccountDirectory(), startDay: LedgerDay
    ) {
        configuration.validate()
        self.configuration = configuration
        let context = LedgerContext(configuration: configuration, calendar: calendar, specialAccounts: specialAccounts)
        accountShards = (0..<configuration.accountShardCount).map { _ in
            Locked(LedgerShard(context: context, startDay: startDay))
        }
        caseShards = (0..<configuration.caseShardCount).map { _ in Locked(CaseGuardShard()) }
    }

    /// The shard an account belongs to (stable across runs and processes).
    public func shardIndex(of account: AccountKey) -> Int {
        Int(account.stableHash % UInt64(accountShards.count))
    }

    private func caseShard(_ caseNumber: LedgerCase) -> Locked<CaseGuardShard> {
        caseShards[Int(caseNumber.stableHash % UInt64(caseShards.count))]
    }

    /// Checks a measure before dispatch and, when it may go, records it as sent (awaiting its
    /// receipt). A freeze also reserves its limit under the case-level guard, which may reduce the
    /// limit (``CaseGuardMode/reduce``) or refuse the freeze.
    public func dispatch(_ instruction: LedgerInstruction, today: LedgerDay) -> DispatchOutcome {
        let shard = accountShards[shardIndex(of: instruction.header.account)]
        var events: [LedgerEvent] = []
        let decision: DispatchDecision
        if case .freeze(let freeze) = instruction {
            decision = dispatchFreeze(freeze, shard: shard, today: today, events: &events)
        } else {
            var effects = AccountEffects()
            let refusal = shard.withLock {
                $0.commit(instruction, grantedLimitMinor: nil, today: today, effects: &effects)
            }
            absorb(effects, into: &events)
            decision = refusal.map { .refused($0) } ?? .accepted(grantedAmount: nil, reduction: nil)
        }
        if case .refused = decision { shard.withLock { $0.counters.measuresRefused += 1 } }
        return DispatchOutcome(decision: decision, events: events)
    }

    /// Account check, case reservation, account commit: three short critical sections, one lock
    /// each. If the commit fails (another measure on the account got in between), the reservation
    /// is given back.
    private func dispatchFreeze(
        _ freeze: FreezeInstruction, shard: Locked<LedgerShard>, today: LedgerDay, events: inout [LedgerEvent]
    ) -> DispatchDecision {
        let instruction = LedgerInstruction.freeze(freeze)
        var checkEffects = AccountEffects()
        let checkRefusal = shard.withLock { $0.check(instruction, today: today, effects: &checkEffects) }
        absorb(checkEffects, into: &events)
        if let checkRefusal { return .refused(checkRefusal) }
        let reservation = caseShard(freeze.header.caseNumber).withLock {
            $0.reserve(freeze, configuration: configuration)
        }
        let grant: (grantedMinor: Int64, reduction: LedgerRefusal?)
        switch reservation {
        case .failure(let refusal): return .refused(refusal)
        case .success(let granted): grant = granted
        }
        var commitEffects = AccountEffects()
        let commitRefusal = shard.withLock {
            $0.commit(instruction, grantedLimitMinor: grant.grantedMinor, today: today, effects: &commitEffects)
        }
        absorb(commitEffects, into: &events)
        if let commitRefusal {
            settle([
                CaseRelease(
                    caseNumber: freeze.header.caseNumber, currency: freeze.amount.currency,
                    amountMinor: grant.grantedMinor)
            ])
            return .refused(commitRefusal)
        }
        let granted = Money(minorUnits: grant.grantedMinor, currency: freeze.amount.currency)
        return .accepted(grantedAmount: granted, reduction: grant.reduction)
    }

    /// Settles an operation's case releases and keeps its events.
    private func absorb(_ effects: AccountEffects, into events: inout [LedgerEvent]) {
        settle(effects.releases)
        events += effects.events
    }

    /// Takes back a measure ``dispatch(_:today:)`` accepted that never reached the bank — the hub
    /// could not store it — so that it neither holds a place in line nor blocks its freeze, and a
    /// freeze's case reservation is given back. Returns false when the account has no such
    /// measure waiting for its receipt (unknown, refused, or already answered).
    public func withdraw(_ instruction: LedgerInstruction, today: LedgerDay) -> Bool {
        var effects = AccountEffects()
        let withdrawn = accountShards[shardIndex(of: instruction.header.account)].withLock {
            $0.withdraw(instruction, today: today, effects: &effects)
        }
        settle(effects.releases)
        return withdrawn
    }

    /// Applies a bank's receipt to its account, or keeps it aside, flagged and counted, when it
    /// breaks the rules (then the ledger is unchanged).
    public func apply(_ receipt: LedgerReceipt, today: LedgerDay) -> ReportOutcome {
        var effects = AccountEffects()
        let flag = accountShards[shardIndex(of: receipt.account)].withLock {
            $0.apply(receipt, today: today, effects: &effects)
        }
        settle(effects.releases)
        return ReportOutcome(flag: flag, events: effects.events)
    }

    /// Applies a bank's report of an account (balance, kind, priority claims), or flags it.
    public func report(_ report: AccountReport, today: LedgerDay) -> ReportOutcome {
        var effects = AccountEffects()
        let flag = accountShards[shardIndex(of: report.account)].withLock {
            $0.apply(report, today: today, effects: &effects)
        }
        settle(effects.releases)
        return ReportOutcome(flag: flag, events: effects.events)
    }

    /// Brings every account with something due up to `today`: lapses with takeovers, warnings,
    /// overdue notices. Takes one shard lock at a time.
    public func advance(to today: LedgerDay) -> [LedgerEvent] {
        var events: [LedgerEvent] = []
        for shard in accountShards {
            var effects = AccountEffects()
            shard.withLock { $0.advance(to: today, effects: &effects) }
            settle(effects.releases)
            events += effects.events
        }
        return events
    }

    func accountShard(_ account: AccountKey) -> Locked<LedgerShard> {
        accountShards[shardIndex(of: account)]
    }

    var accountShardList: [Locked<LedgerShard>] { accountShards }
    var caseShardList: [Locked<CaseGuardShard>] { caseShards }

    func settleReleases(_ releases: [CaseRelease]) {
        settle(releases)
    }

    private func settle(_ releases: [CaseRelease]) {
        for release in releases where release.amountMinor > 0 {
            caseShard(release.caseNumber).withLock { $0.release(release) }
        }
    }
}
