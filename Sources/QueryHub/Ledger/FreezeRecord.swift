/// One freeze in an account's line: a pending hold in TigerBeetle's terms. A deduct posts from it,
/// an unfreeze voids it (wholly or in part), its end times it out.
struct FreezeRecord: Sendable, Equatable {
    /// The freeze instruction's id; renew, unfreeze and deduct refer to it.
    let id: LedgerInstructionID
    let court: LedgerCourt
    let caseNumber: LedgerCase
    /// Position in the account's line: strictly increasing in arrival order (R-B13).
    let arrival: UInt64
    /// What the court asked (应冻结金额), in minor units.
    let requestedMinor: Int64
    /// What the freeze may hold now: the granted limit, lowered by partial unfreezes and deducts.
    var limitMinor: Int64
    /// What it actually holds and counts (实际冻结金额); never priority-claim funds (R-B16).
    var heldMinor: Int64 = 0
    /// Priority-claim funds the bank froze for it without counting them (R-B16), as reported.
    var uncountedMinor: Int64 = 0
    var start: LedgerDay
    var end: LedgerDay
    var state = FreezeState.pending
    /// The renew, unfreeze or deduct waiting for its receipt; while set, the freeze does not lapse,
    /// because the bank acted on it when it was served (R-B20), before its end.
    var measureInFlight: LedgerInstructionID?
    /// When to warn of the coming end (R-E7); nil until confirmed.
    var warningDay: LedgerDay?
    var warningEstimated = false
    var warned = false
    /// When the notice to priority-claim holders is due (R-B16); nil when there were none.
    var noticeDue: LedgerDay?
    var noticeEstimated = false
    var noticeSent = false
    var noticeOverdueReported = false
    /// Everything deducted from this freeze so far.
    var deductedMinor: Int64 = 0

    init(
        id: LedgerInstructionID, court: LedgerCourt, caseNumber: LedgerCase, arrival: UInt64, requestedMinor: Int64,
        limitMinor: Int64, start: LedgerDay, end: LedgerDay
    ) {
        precondition(
            limitMinor > 0 && limitMinor <= requestedMinor, "a freeze's limit is positive and at most requested")
        precondition(start <= end, "a freeze ends on or after its start")
        self.id = id
        self.court = court
        self.caseNumber = caseNumber
        self.arrival = arrival
        self.requestedMinor = requestedMinor
        self.limitMinor = limitMinor
        self.start = start
        self.end = end
    }

    var isFilled: Bool { heldMinor == limitMinor }
    var unfilledMinor: Int64 { limitMinor - heldMinor }
}
