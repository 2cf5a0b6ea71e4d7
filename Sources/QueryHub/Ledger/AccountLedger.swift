import HubProtocol

/// A measure sent to the bank whose receipt has not come back.
struct PendingMeasure: Sendable, Equatable {
    enum Action: Sendable, Equatable {
        case freeze
        case renew(newEnd: LedgerDay)
        case unfreeze(amountMinor: Int64?)
        case deduct(amountMinor: Int64, includeUnheldFunds: Bool, target: LedgerSpecialAccount)
    }

    let action: Action
    /// The freeze the measure acts on (for a freeze, itself).
    let freezeId: LedgerInstructionID
    /// Arrival order on the account, shared with freezes: what the bank serves first.
    let arrival: UInt64
}

/// One priority claim and the court's review of the holder's objection (R-B16).
struct ClaimState: Sendable, Equatable {
    let report: PriorityClaimReport
    var underReview: Bool
}

/// Everything the hub knows about one account: the bank's last report, the priority claims, the
/// line of freezes, the measures waiting for receipts and those already resolved.
///
/// A value type driven like a state machine: each method takes the day (an input, never read from a
/// clock) and returns what happened; nothing here locks, allocates threads or does I/O.
struct AccountLedger: Sendable {
    let key: AccountKey
    var kind = AccountKind.ordinary
    var book = FreezeBook()
    var claims: [ClaimState] = []
    /// Measures sent and not yet answered, by instruction id.
    var pending: [LedgerInstructionID: PendingMeasure] = [:]
    var resolved: ResolvedLog
    /// Money deducted out of the account: from freezes' holds, and from unheld funds.
    var deductedFromHeldMinor: Int64 = 0
    var deductedFromUnheldMinor: Int64 = 0
    var nextArrival: UInt64 = 0
    /// The day the shard's timer queue will next look at this account (nil: not scheduled).
    var scheduledWake: LedgerDay?

    init(key: AccountKey, configuration: LedgerConfiguration) {
        self.key = key
        self.resolved = ResolvedLog(capacity: configuration.maximumResolvedMeasuresRetained)
    }

    var claimFundsMinor: Int64 { claims.reduce(0) { $0 + $1.report.amount.minorUnits } }

    var protectedMinor: Int64 {
        if case .pension(let reserve) = kind { return reserve.minorUnits }
        return 0
    }

    /// True when an instruction id is already known here in any role.
    func knows(_ id: LedgerInstructionID) -> Bool {
        pending[id] != nil || resolved.contains(id) || book.index(of: id) != nil
    }

    /// The earliest day something falls due here: a lapse (the day after the end), a warning, or an
    /// overdue notice (the day after it was due).
    func nextWakeDay() -> LedgerDay? {
        var earliest: LedgerDay?
        func consider(_ day: LedgerDay?) {
            guard let day else { return }
            if earliest == nil || day < earliest! { earliest = day }
        }
        for freeze in book.freezes where freeze.state != .pending {
            // The notice is owed even when the freeze has ended since (R-B16).
            if !freeze.noticeSent, !freeze.noticeOverdueReported { consider(freeze.noticeDue?.adding(days: 1)) }
            guard freeze.state.isConfirmed else { continue }
            if freeze.measureInFlight == nil { consider(freeze.end.adding(days: 1)) }
            if !freeze.warned { consider(freeze.warningDay) }
        }
        return earliest
    }

    /// The day to add to the shard's wake queue, if the account's next due day is earlier than the
    /// one already queued (a later one is found when the earlier entry fires).
    mutating func claimWake() -> LedgerDay? {
        guard let next = nextWakeDay() else { return nil }
        if let scheduled = scheduledWake, scheduled <= next { return nil }
        scheduledWake = next
        return next
    }
}

// MARK: - Time

extension AccountLedger {
    /// Brings the account to `today`: freezes past their end lapse and the next in line takes what
    /// they held (R-B13, R-B14); warnings (R-E7) and overdue notices (R-B16) fall due.
    mutating func catchUp(to today: LedgerDay, context: LedgerContext, effects: inout AccountEffects) {
        var releasedMinor: Int64 = 0
        for index in book.freezes.indices {
            let freeze = book.freezes[index]
            guard freeze.state.isConfirmed, freeze.end < today, freeze.measureInFlight == nil else { continue }
            releasedMinor += freeze.heldMinor
            effects.events.append(
                .lapsed(
                    account: key, freeze: freeze.id, court: freeze.court, end: freeze.end,
                    released: context.money(freeze.heldMinor, key)))
            effects.releases.append(
                .init(caseNumber: freeze.caseNumber, currency: key.currency, amountMinor: freeze.limitMinor))
            book.freezes[index].state = .lapsed
            book.freezes[index].heldMinor = 0
        }
        if releasedMinor > 0 {
            book.distribute(releasedMinor, cause: .takeover, account: key, events: &effects.events)
        } else {
            book.refreshStates()
        }
        emitDueNotices(today: today, events: &effects.events)
        book.pruneEnded(retained: context.configuration.maximumEndedFreezesRetained)
        assert(
            book.firstViolation() == nil, "catch-up broke an invariant: \(String(describing: book.firstViolation()))")
    }

    private mutating func emitDueNotices(today: LedgerDay, events: inout [LedgerEvent]) {
        for index in book.freezes.indices where book.freezes[index].state != .pending {
            let freeze = book.freezes[index]
            if freeze.state.isConfirmed, !freeze.warned, let day = freeze.warningDay, day <= today {
                book.freezes[index].warned = true
                events.append(
                    .lapseWarning(
                        account: key, freeze: freeze.id, court: freeze.court, end: freeze.end,
                        estimated: freeze.warningEstimated))
            }
            if !freeze.noticeSent, !freeze.noticeOverdueReported, let due = freeze.noticeDue, due < today {
                book.freezes[index].noticeOverdueReported = true
                events.append(
                    .priorityClaimNoticeOverdue(account: key, freeze: freeze.id, court: freeze.court, due: due))
            }
        }
    }

    /// Sets the warning day of the freeze at `index` from its end (after it is confirmed or renewed).
    mutating func scheduleWarning(at index: Int, context: LedgerContext) {
        let (day, estimated) = context.warningDay(forEnd: book.freezes[index].end)
        book.freezes[index].warningDay = day
        book.freezes[index].warningEstimated = estimated
        book.freezes[index].warned = false
    }
}
