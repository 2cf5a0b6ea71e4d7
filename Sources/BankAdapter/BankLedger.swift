import HubProtocol

/// The simulated bank's core ledger: accounts, the freezes on them, scheduled events, and the
/// answers given. A value type with no clock and no I/O: time moves only through
/// ``advance(to:)`` and the `receivedAt` of ``handle(_:receivedAt:)``, so a run replays exactly.
///
/// The rules it keeps (RULES.md): limited freezes fill from later inflows up to their limit
/// (R-B12); freezes queue in arrival order and the next ones take what an ended one held (R-B13);
/// a renewal keeps its place (R-B14); deducts report deducted and not deducted (R-B18, R-B19) and
/// credit the court's special account, converting foreign currency on request (R-B17);
/// priority-claim funds are reported, may be frozen but are not counted nor deducted (R-B16);
/// a pension's protected minimum is never held (R-P1); a query with no account is answered
/// "no account found" (R-B8); what cannot be done is answered with a reason (R-B21).
///
/// Invariants, checked after every change to an account: held by courts ≤ balance − priority-claim
/// funds; each freeze holds at most its limit; queue order is arrival order and no freeze holds
/// funds while an earlier one is short.
public struct BankLedger: Sendable {
    /// The largest amount the ledger keeps in one place: 10^15 minor units (10 trillion yuan), so
    /// that sums over an account's freezes and claims cannot overflow 64 bits.
    public static let maximumMinorUnits: Int64 = 1_000_000_000_000_000
    /// The most scheduled events one ledger keeps.
    public static let maximumEvents = 1_000_000
    /// The most freezes one account carries: the wire's bound (R-B13), so that every queue the
    /// bank keeps can be listed in full in a freeze or renew result.
    public static let maximumFreezesPerAccount = ExistingFreeze.maximumFreezesPerAccount
    /// The most accounts one party holds at one bank (a query result lists at most 1,000).
    public static let maximumAccountsPerParty = BankQueryResult.maximumEntries

    /// Who the bank is and how it behaves.
    public let profile: BankProfile
    /// The ledger's present: the latest time it has been advanced to.
    public internal(set) var now: Timestamp
    /// Every account, in the order added.
    public internal(set) var accounts: [SimulatedAccount] = []
    /// Account index by number and currency.
    var indexByKey: [AccountKey: Int] = [:]
    /// Account indices by the holder's document number.
    var indicesByDocument: [String: [Int]] = [:]
    /// Events not yet applied, latest first, so that the next one is taken from the end in O(1);
    /// events at the same time are applied in the order scheduled.
    var pendingEvents: [BankEvent] = []
    /// Days on which some freeze may lapse, with the accounts to look at.
    var lapseAgenda: [Int: Set<AccountKey>] = [:]
    /// The core system is down until this time.
    var outageUntil: Timestamp?
    /// The bank's foreign-exchange buying rates (CNY per unit), by currency code (R-B17).
    public var exchangeRates: [String: ExchangeRate]
    /// Court names as freezes report them (冻结机关); courts not listed are named by code.
    public var courtNames: [CourtCode: WireText]
    /// Receipts already given, by instruction id: a repeated delivery gets the same answer.
    var answered: [InstructionID: ReceiptDocument] = [:]
    /// The next arrival sequence number (queue order, R-B13).
    var nextArrival: UInt64 = 1
    /// What each court special account has been credited, in its currency (R-B17).
    public internal(set) var credits: [SpecialAccount: Int64] = [:]

    /// An empty ledger whose present is `start`.
    public init(profile: BankProfile, start: Timestamp, exchangeRates: [String: ExchangeRate] = [:], courtNames: [CourtCode: WireText] = [:]) {
        self.profile = profile
        self.now = start
        self.exchangeRates = exchangeRates
        self.courtNames = courtNames
    }

    /// The account with this number and currency.
    public func account(_ key: AccountKey) -> SimulatedAccount? {
        indexByKey[key].map { accounts[$0] }
    }

    /// Whether the core system is down at the present.
    public var isInOutage: Bool { outageUntil.map { now < $0 } ?? false }

    /// Events scheduled and not yet applied.
    public var pendingEventCount: Int { pendingEvents.count }

    /// Adds an account (no freezes yet). Its fields must agree: a closed account has a closing
    /// date and no balance; only a pension account has a protected minimum; claims cover no more
    /// than the balance.
    public mutating func addAccount(_ account: SimulatedAccount) throws(BankLedgerError) {
        let key = account.key
        guard indexByKey[key] == nil else { throw .duplicateAccount(key) }
        try BankLedger.checkAmount(account.balanceMinor, "balance of \(key)")
        try BankLedger.checkAmount(account.protectedMinimumMinor, "protected minimum of \(key)")
        try BankLedger.checkConsistency(of: account)
        let documentNumber = account.owner.document.number
        guard indicesByDocument[documentNumber, default: []].count < BankLedger.maximumAccountsPerParty else {
            throw .inconsistentAccount(key, reason: "the holder has \(BankLedger.maximumAccountsPerParty) accounts already")
        }
        indexByKey[key] = accounts.count
        indicesByDocument[documentNumber, default: []].append(accounts.count)
        accounts.append(account)
        accounts[accounts.count - 1].checkInvariants()
    }

    private static func checkConsistency(of account: SimulatedAccount) throws(BankLedgerError) {
        let key = account.key
        if (account.status == .closed) != (account.closingDate != nil) {
            throw .inconsistentAccount(key, reason: "a closing date is given exactly for a closed account")
        }
        if account.status == .closed && account.balanceMinor != 0 {
            throw .inconsistentAccount(key, reason: "a closed account has no balance")
        }
        if account.protectedMinimumMinor > 0 && account.kind != .pension {
            throw .inconsistentAccount(key, reason: "only a pension account has a protected minimum (R-P1)")
        }
        var claimed: Int64 = 0
        for claim in account.claims {
            try checkAmount(claim.amountMinor, "claim \(claim.id) on \(key)")
            claimed += claim.amountMinor
        }
        if claimed > account.balanceMinor && account.status != .closed {
            throw .inconsistentAccount(key, reason: "claims cover \(claimed) minor units, more than the balance \(account.balanceMinor)")
        }
        if Set(account.claims.map(\.id)).count != account.claims.count {
            throw .inconsistentAccount(key, reason: "claim ids repeat")
        }
        for product in account.products { try checkAmount(product.valueMinor, "value of \(product.productName)") }
    }

    /// Places a freeze by another authority (a police bureau, a procuratorate) that was on the
    /// account before the simulation starts; it queues like a court's (R-B13).
    public mutating func addExistingFreeze(
        on key: AccountKey, authority: WireText, documentNumber: WireText, amountMinor: Int64, period: DatePeriod
    ) throws(BankLedgerError) {
        guard let index = indexByKey[key] else { throw .unknownAccount(key) }
        try BankLedger.checkAmount(amountMinor, "existing freeze on \(key)", positive: true)
        guard accounts[index].freezes.count < BankLedger.maximumFreezesPerAccount else {
            throw .inconsistentAccount(key, reason: "more than \(BankLedger.maximumFreezesPerAccount) freezes")
        }
        let id = InstructionID(stringLiteral: "EXT-\(nextArrival)")
        appendFreeze(
            at: index, instructionId: id, court: nil, authority: authority, documentNumber: documentNumber,
            limitMinor: amountMinor, period: period)
    }

    /// Appends a freeze to an account's queue and lets it take what is available.
    mutating func appendFreeze(
        at index: Int, instructionId: InstructionID, court: CourtCode?, authority: WireText, documentNumber: WireText,
        limitMinor: Int64, period: DatePeriod
    ) {
        precondition(limitMinor > 0 && limitMinor <= BankLedger.maximumMinorUnits, "a freeze limit is positive and in range")
        let freeze = SimulatedFreeze(
            instructionId: instructionId, court: court, authority: authority, documentNumber: documentNumber,
            requestedMinor: limitMinor, limitMinor: limitMinor, heldMinor: 0, uncountedMinor: 0, period: period,
            arrival: nextArrival)
        nextArrival += 1
        accounts[index].freezes.append(freeze)
        accounts[index].rebalance()
        lapseAgenda[period.to.daysSinceEpoch, default: []].insert(accounts[index].key)
    }

    /// Schedules an event; it must not be before the present.
    public mutating func schedule(_ event: BankEvent) throws(BankLedgerError) {
        guard event.at >= now else { throw .eventInThePast(at: event.at, now: now) }
        guard pendingEvents.count < BankLedger.maximumEvents else { throw .tooManyEvents(limit: BankLedger.maximumEvents) }
        try checkEvent(event.action)
        // Latest first: insert before every event at the same time or earlier, so that among
        // events at one time the one scheduled first is nearest the end and is applied first.
        var low = 0
        var high = pendingEvents.count
        while low < high {
            let middle = (low + high) / 2
            if pendingEvents[middle].at > event.at { low = middle + 1 } else { high = middle }
        }
        pendingEvents.insert(event, at: low)
    }

    static func checkAmount(_ minorUnits: Int64, _ what: String, positive: Bool = false) throws(BankLedgerError) {
        guard minorUnits >= (positive ? 1 : 0), minorUnits <= maximumMinorUnits else {
            throw .amountOutOfRange(what: what, minorUnits: minorUnits)
        }
    }

    /// Records a credit to a court's special account (R-B17).
    mutating func credit(_ specialAccount: SpecialAccount, minorUnits: Int64) {
        precondition(minorUnits >= 0, "a credit is not negative")
        let total = credits[specialAccount, default: 0] + minorUnits
        precondition(total <= Int64.max / 2, "special account credits out of range")
        credits[specialAccount] = total
    }
}
