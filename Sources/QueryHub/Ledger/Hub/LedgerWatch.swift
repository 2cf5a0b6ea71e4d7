import HubProtocol

/// A freeze about to lapse (R-E7): the ledger warned, and its court should renew it or let it go.
public struct LapseWarning: Sendable, Equatable {
    /// The account it holds funds on.
    public let account: AccountKey
    /// The freeze (the ledger's court-qualified id).
    public let freeze: LedgerInstructionID
    /// The court that owns it.
    public let court: LedgerCourt
    /// Its last day.
    public let end: LedgerDay
    /// True when the calendar did not cover the year and the warning day was estimated early.
    public let estimated: Bool
}

/// A receipt stored with a flag because it breaks the rules, kept for the operator.
public struct FlaggedReceipt: Sendable, Equatable {
    /// The issuing court of the instruction answered.
    public let court: String
    /// The court's id of the instruction answered.
    public let instructionID: String
    /// The adapter that answered.
    public let adapterID: String
    /// The account it concerned, when it concerned one.
    public let account: AccountKey?
    /// What was wrong.
    public let reason: String
    /// When the hub received it, Unix milliseconds.
    public let receivedAtMilliseconds: Int64
}

/// What the gate keeps for the operator besides the ledger: freezes warned of and not yet ended,
/// and the latest flagged receipts. Both bounded; what falls out is counted.
struct LedgerWatch: Sendable {
    /// The most warnings kept; beyond it the one ending first is dropped (it is also the oldest
    /// warning, and its freeze has likely lapsed or been renewed since).
    static let maximumWarnings = 10_000
    /// The most flagged receipts kept (all are stored with their receipt anyway).
    static let maximumFlagged = 1_000

    private(set) var warnings: [WarningKey: LapseWarning] = [:]
    private(set) var flagged: [FlaggedReceipt] = []
    private(set) var warningsDropped = 0
    private(set) var flaggedDropped = 0

    struct WarningKey: Hashable, Sendable {
        let account: AccountKey
        let freeze: LedgerInstructionID
    }

    /// Takes in what the ledger reported: a warning is kept, a lapse ends it.
    mutating func observe(_ event: LedgerEvent) {
        switch event {
        case .lapseWarning(let account, let freeze, let court, let end, let estimated):
            if warnings.count >= LedgerWatch.maximumWarnings,
                let first = warnings.min(by: { $0.value.end < $1.value.end })?.key
            {
                warnings[first] = nil
                warningsDropped += 1
            }
            warnings[WarningKey(account: account, freeze: freeze)] = LapseWarning(
                account: account, freeze: freeze, court: court, end: end, estimated: estimated)
        case .lapsed(let account, let freeze, _, _, _):
            warnings[WarningKey(account: account, freeze: freeze)] = nil
        case .heldIncreased, .priorityClaimNoticeDue, .priorityClaimNoticeOverdue:
            break
        }
    }

    /// Forgets a warning whose freeze ended another way (released, deducted) or was renewed —
    /// unless a newer warning for the same freeze replaced it meanwhile.
    mutating func forget(_ warning: LapseWarning) {
        let key = WarningKey(account: warning.account, freeze: warning.freeze)
        if warnings[key] == warning { warnings[key] = nil }
    }

    mutating func record(_ receipt: FlaggedReceipt) {
        if flagged.count >= LedgerWatch.maximumFlagged {
            flagged.removeFirst()
            flaggedDropped += 1
        }
        flagged.append(receipt)
    }
}
