import HubProtocol

/// What the control ledger does when a freeze would take a case's total held beyond what the case
/// is owed (plus the allowance for costs).
public enum CaseGuardMode: Sendable, Equatable {
    /// Grant the freeze for what is left under the cap, and say so; refuse only when nothing is.
    case reduce
    /// Refuse the freeze, saying how much is left under the cap.
    case refuse
}

/// Tunables of the control ledger. Every limit is explicit (TigerBeetle style: a bound on every
/// queue, loop and batch); the defaults suit one hub for the whole country.
public struct LedgerConfiguration: Sendable, Equatable {
    /// Account shards: each owns the accounts whose key hashes to it and has its own lock.
    public var accountShardCount = 64
    /// Case shards for the case-level guard, locked separately from the account shards.
    public var caseShardCount = 64
    /// The longest freeze or renewal, in months from the day it is made (one year: the SPC's
    /// interpretation of the Civil Procedure Law; configurable for other kinds of assets).
    public var maximumFreezeMonths = 12
    /// How many working days before a freeze's end the ledger warns (R-E7).
    public var lapseWarningWorkingDays = 5
    /// Working days after a freeze within which the court must notify priority-claim holders
    /// (R-B16 says five).
    public var priorityClaimNoticeWorkingDays = 5
    /// Reduce or refuse a freeze that would break the case-level guard.
    public var caseGuardMode = CaseGuardMode.refuse
    /// Allowance for costs above the amount owed, in basis points of it (1 = 0.01 %).
    public var costAllowanceBasisPoints = 0
    /// Live (pending, active or queued) freezes one account may carry. A hot debtor's account can
    /// draw freezes from a thousand courts (issue 6's load test does exactly that), so the bound is
    /// generous; it still caps one account's memory at a few hundred kilobytes. It is the wire's
    /// bound (R-B13, ``ExistingFreeze/maximumFreezesPerAccount``) and may not exceed it: a bank
    /// must be able to list every freeze the hub lets onto an account.
    public var maximumLiveFreezesPerAccount = ExistingFreeze.maximumFreezesPerAccount
    /// Ended freezes kept per account for reports; the oldest are dropped beyond this.
    public var maximumEndedFreezesRetained = 32
    /// Resolved instruction ids remembered per account to catch duplicate receipts; a receipt for
    /// an id forgotten beyond this is still flagged (as unknown), never applied.
    public var maximumResolvedMeasuresRetained = 256
    /// Priority claims one account may carry.
    public var maximumPriorityClaimsPerAccount = 32
    /// Flagged receipts kept per account shard for inspection; they are counted even when dropped.
    public var maximumFlaggedReceiptsRetainedPerShard = 1_024
    /// The largest amount (balance, limit, deduct) accepted, in minor units: 10^15 fen is ten
    /// trillion yuan. With at most ``maximumLiveFreezesPerAccount`` freezes, every sum the ledger
    /// forms stays far inside Int64.
    public var maximumAmountMinorUnits: Int64 = 1_000_000_000_000_000

    /// The defaults.
    public init() {}

    /// Stops on a configuration that cannot work (zero shards, a negative allowance, bounds that
    /// would let sums overflow).
    func validate() {
        precondition(accountShardCount >= 1 && accountShardCount <= 65_536, "accountShardCount out of range")
        precondition(caseShardCount >= 1 && caseShardCount <= 65_536, "caseShardCount out of range")
        precondition(maximumFreezeMonths >= 1 && maximumFreezeMonths <= 120, "maximumFreezeMonths out of range")
        precondition(lapseWarningWorkingDays >= 0 && lapseWarningWorkingDays <= 60, "lapse warning out of range")
        precondition(priorityClaimNoticeWorkingDays >= 1 && priorityClaimNoticeWorkingDays <= 60, "notice out of range")
        precondition(costAllowanceBasisPoints >= 0 && costAllowanceBasisPoints <= 10_000, "allowance out of range")
        // Sums over an account's freezes stay in Int64: at most 4,096 of them, each at most Int64.max / 4,096.
        // No more than the wire can list (R-B13).
        precondition(
            maximumLiveFreezesPerAccount >= 1 && maximumLiveFreezesPerAccount <= ExistingFreeze.maximumFreezesPerAccount,
            "live freezes: at most ExistingFreeze.maximumFreezesPerAccount")
        precondition(maximumEndedFreezesRetained >= 0 && maximumResolvedMeasuresRetained >= 1, "retention")
        precondition(maximumPriorityClaimsPerAccount >= 0 && maximumFlaggedReceiptsRetainedPerShard >= 0, "bounds")
        precondition(maximumAmountMinorUnits >= 1 && maximumAmountMinorUnits <= Int64.max / 4_096, "amount bound")
    }
}
