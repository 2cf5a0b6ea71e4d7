import HubProtocol

/// What every account operation needs besides the account: configuration, calendar, special
/// accounts. Each shard keeps its own copy, so the hot path reads no shared mutable state.
struct LedgerContext: Sendable {
    let configuration: LedgerConfiguration
    let calendar: WorkingDayCalendar
    var specialAccounts: SpecialAccountDirectory

    func money(_ minorUnits: Int64, _ key: AccountKey) -> Money {
        Money(minorUnits: minorUnits, currency: key.currency)
    }

    /// The day to warn of a freeze ending on `end` (R-E7): the configured number of working days
    /// before it. For a year the calendar does not cover, an early estimate (weekends only, less
    /// the longest holiday), marked as estimated, so that a warning is never late.
    func warningDay(forEnd end: LedgerDay) -> (day: LedgerDay, estimated: Bool) {
        let count = configuration.lapseWarningWorkingDays
        if let day = try? calendar.adding(workingDays: -count, to: end) { return (day, false) }
        let calendarDays = count * 7 / 5 + 2 + HolidaySchedule.maximumHolidayDays
        return (end.adding(days: -calendarDays), true)
    }

    /// The day the notice to priority-claim holders is due for a freeze made on `start` (R-B16).
    /// For a year the calendar does not cover, the earliest it could be (every day a working day),
    /// marked as estimated.
    func noticeDueDay(forStart start: LedgerDay) -> (day: LedgerDay, estimated: Bool) {
        let count = configuration.priorityClaimNoticeWorkingDays
        if let day = try? calendar.adding(workingDays: count, to: start) { return (day, false) }
        return (start.adding(days: count), true)
    }
}

/// A change to a case's reserved total that an account operation caused; applied to the case
/// guard after the account's lock is released.
struct CaseRelease: Sendable, Equatable {
    let caseNumber: LedgerCase
    let currency: Currency
    let amountMinor: Int64
}

/// What an account operation produced besides its answer.
struct AccountEffects: Sendable {
    var events: [LedgerEvent] = []
    var releases: [CaseRelease] = []
    /// Money that left the account for a special account (one deduct at most per operation).
    var credit: (target: LedgerSpecialAccount, amountMinor: Int64)?
}
