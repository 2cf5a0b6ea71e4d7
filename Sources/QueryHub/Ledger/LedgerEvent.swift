import HubProtocol

/// The state of one freeze in an account's line.
public enum FreezeState: String, Sendable, Equatable {
    /// Sent to the bank; its receipt has not come back.
    case pending
    /// Confirmed; first in line, or holding funds.
    case active
    /// Confirmed; waiting behind earlier freezes for funds (轮候).
    case queued
    /// Reached its end without renewal (R-B14).
    case lapsed
    /// Released by an unfreeze.
    case released
    /// Everything it held was deducted.
    case deducted
    /// The bank could not carry it out (R-B21).
    case notExecuted

    /// Pending, active or queued.
    public var isLive: Bool { self == .pending || self == .active || self == .queued }
    /// Active or queued: confirmed by the bank and not ended.
    public var isConfirmed: Bool { self == .active || self == .queued }
}

/// Why a freeze came to hold more.
public enum HeldIncreaseCause: String, Sendable, Equatable {
    /// Money came into the account, or priority-claim funds ceased to be claimed (R-B12, R-B16).
    case inflow
    /// An earlier freeze ended and this one took what it held (R-B13).
    case takeover
}

/// Something that happened to the ledger, for the hub to record, tell courts, or warn about.
public enum LedgerEvent: Sendable, Equatable {
    /// A freeze reached its end without renewal (R-B14); `released` went to the next in line.
    case lapsed(account: AccountKey, freeze: LedgerInstructionID, court: LedgerCourt, end: LedgerDay, released: Money)
    /// A freeze came to hold `amount` more.
    case heldIncreased(account: AccountKey, freeze: LedgerInstructionID, amount: Money, cause: HeldIncreaseCause)
    /// A freeze ends on `end`: the court should renew it or let it go (R-E7). `estimated` when the
    /// calendar does not cover the year and the day was estimated early.
    case lapseWarning(account: AccountKey, freeze: LedgerInstructionID, court: LedgerCourt, end: LedgerDay, estimated: Bool)
    /// The court must notify these priority-claim holders by `due` (R-B16).
    case priorityClaimNoticeDue(
        account: AccountKey, freeze: LedgerInstructionID, court: LedgerCourt, holders: [String], due: LedgerDay,
        estimated: Bool)
    /// The notice to priority-claim holders was due on `due` and has not been recorded as sent.
    case priorityClaimNoticeOverdue(account: AccountKey, freeze: LedgerInstructionID, court: LedgerCourt, due: LedgerDay)
}

/// The ledger's answer to a measure before dispatch.
public enum DispatchDecision: Sendable, Equatable {
    /// Send it. For a freeze, `grantedAmount` is the limit the ledger reserved, which the case
    /// guard may have reduced (then `reduction` says why).
    case accepted(grantedAmount: Money?, reduction: LedgerRefusal?)
    /// Do not send it, for this reason.
    case refused(LedgerRefusal)

    /// True for ``accepted(grantedAmount:reduction:)``.
    public var isAccepted: Bool {
        if case .accepted = self { return true }
        return false
    }
}

/// The ledger's answer to a measure, with what happened meanwhile (lapses that were due).
public struct DispatchOutcome: Sendable, Equatable {
    /// Accepted or refused.
    public let decision: DispatchDecision
    /// Events that fell due on the account as the ledger caught up to the day.
    public let events: [LedgerEvent]
}

/// The ledger's answer to a receipt or an account report.
public struct ReportOutcome: Sendable, Equatable {
    /// Nil when the report was applied; otherwise why it was kept aside instead.
    public let flag: ReceiptFlag?
    /// What followed from applying it, and events that fell due as the ledger caught up to the day.
    public let events: [LedgerEvent]

    /// True when the report was applied.
    public var isApplied: Bool { flag == nil }
}
