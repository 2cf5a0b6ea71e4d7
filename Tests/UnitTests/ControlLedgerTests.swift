import HubProtocol
import QueryHub
import Testing

/// Yuan as CNY money (whole yuan keep the examples readable).
func cny(_ yuan: Int64) -> Money { Money(minorUnits: yuan * 100, currency: .cny) }
func usd(_ dollars: Int64) -> Money { Money(minorUnits: dollars * 100, currency: .usd) }

/// A ledger with three courts, their special accounts, and helpers that speak in receipts.
struct LedgerFixture {
    static let courtA = LedgerCourt("1101")
    static let courtB = LedgerCourt("1102")
    static let courtC = LedgerCourt("1103")
    static let caseA = LedgerCase("(2026)京0101执100号")
    static let caseB = LedgerCase("(2026)京0102执200号")
    static let caseC = LedgerCase("(2026)京0103执300号")
    static let account = AccountKey(bankCode: "ICBC", accountNumber: "6222020200000001", currency: .cny)
    static let monday = try! LedgerDay(iso8601: "2026-03-02")

    static func specialAccount(_ court: LedgerCourt, foreign: Bool = false) -> LedgerSpecialAccount {
        LedgerSpecialAccount(
            bankName: "Bank of China Beijing", accountNumber: "\(court.value)\(foreign ? "-FX" : "-RMB")",
            accountName: "Court \(court.value) \(foreign ? "foreign-currency" : "") special account")
    }

    let ledger: ControlLedger
    var today = LedgerFixture.monday

    init(configure: (inout LedgerConfiguration) -> Void = { _ in }) {
        var configuration = LedgerConfiguration()
        configuration.accountShardCount = 4
        configuration.caseShardCount = 2
        configure(&configuration)
        var directory = SpecialAccountDirectory()
        for court in [Self.courtA, Self.courtB, Self.courtC] {
            directory.register(
                court: court, renminbi: Self.specialAccount(court),
                foreignCurrency: Self.specialAccount(court, foreign: true))
        }
        ledger = ControlLedger(configuration: configuration, specialAccounts: directory, startDay: Self.monday)
    }

    func header(
        _ id: String, court: LedgerCourt = courtA, caseNumber: LedgerCase = caseA, account: AccountKey = account,
        owed: Money? = nil
    ) -> MeasureHeader {
        MeasureHeader(
            instructionId: LedgerInstructionID(id), court: court, caseNumber: caseNumber, account: account,
            amountOwed: owed ?? Money(minorUnits: 1_000_000 * 100, currency: account.currency))
    }

    @discardableResult
    func report(
        balance: Money, account: AccountKey = account, kind: AccountKind = .ordinary, claims: [PriorityClaimReport] = []
    ) -> ReportOutcome {
        ledger.report(
            AccountReport(account: account, balance: balance, kind: kind, priorityClaims: claims), today: today)
    }

    @discardableResult
    func freeze(
        _ id: String, _ amount: Money, court: LedgerCourt = courtA, caseNumber: LedgerCase = caseA,
        account: AccountKey = account, owed: Money? = nil, days: Int = 180
    ) -> DispatchOutcome {
        let header = header(id, court: court, caseNumber: caseNumber, account: account, owed: owed)
        return ledger.dispatch(
            .freeze(FreezeInstruction(header: header, amount: amount, start: today, end: today.adding(days: days))),
            today: today)
    }

    /// The bank's freeze receipt: `held` counted, the rest of `limit` as excess.
    @discardableResult
    func frozen(
        _ id: String, held: Money, limit: Money, balance: Money, earlier: Int, uncounted: Money? = nil,
        account: AccountKey = account, days: Int = 180
    ) -> ReportOutcome {
        let report = FrozenReport(
            actualHeld: held,
            excess: Money(minorUnits: max(0, limit.minorUnits - held.minorUnits), currency: limit.currency),
            uncountedHeld: uncounted ?? .zero(limit.currency), start: today, end: today.adding(days: days),
            earlierFreezes: earlier)
        return ledger.apply(
            LedgerReceipt(
                instructionId: LedgerInstructionID(id), account: account, balance: balance, result: .frozen(report)),
            today: today)
    }

    /// Dispatches a freeze and confirms it with the bank's answer.
    func placeFreeze(
        _ id: String, _ amount: Money, held: Money, balance: Money, earlier: Int, court: LedgerCourt = courtA,
        caseNumber: LedgerCase = caseA, account: AccountKey = account, days: Int = 180
    ) {
        let dispatched = freeze(id, amount, court: court, caseNumber: caseNumber, account: account, days: days)
        #expect(dispatched.decision.isAccepted, "freeze \(id): \(dispatched.decision)")
        let confirmed = frozen(
            id, held: held, limit: amount, balance: balance, earlier: earlier, account: account, days: days)
        #expect(confirmed.isApplied, "freeze receipt \(id): \(String(describing: confirmed.flag))")
    }

    func deduct(
        _ id: String, freeze: String, _ amount: Money, court: LedgerCourt = courtA, caseNumber: LedgerCase = caseA,
        account: AccountKey = account, target: LedgerSpecialAccount? = nil, includeUnheld: Bool = false,
        otherAssetsInsufficient: Bool = false
    ) -> DispatchOutcome {
        let foreign = account.currency != .cny
        let instruction = DeductInstruction(
            header: header(id, court: court, caseNumber: caseNumber, account: account), freezeId: LedgerInstructionID(freeze),
            amount: amount, target: target ?? Self.specialAccount(court, foreign: foreign),
            includeUnheldFunds: includeUnheld, otherAssetsInsufficient: otherAssetsInsufficient)
        return ledger.dispatch(.deduct(instruction), today: today)
    }

    func receipt(_ id: String, balance: Money, _ result: LedgerReceipt.Result, account: AccountKey = account)
        -> ReportOutcome
    {
        ledger.apply(
            LedgerReceipt(instructionId: LedgerInstructionID(id), account: account, balance: balance, result: result),
            today: today)
    }

    func unfreeze(
        _ id: String, freeze: String, _ amount: Money? = nil, court: LedgerCourt = courtA, caseNumber: LedgerCase = caseA
    ) -> DispatchOutcome {
        ledger.dispatch(
            .unfreeze(
                UnfreezeInstruction(
                    header: header(id, court: court, caseNumber: caseNumber), freezeId: LedgerInstructionID(freeze),
                    amount: amount)), today: today)
    }

    func renew(
        _ id: String, freeze: String, to newEnd: LedgerDay, court: LedgerCourt = courtA, caseNumber: LedgerCase = caseA
    ) -> DispatchOutcome {
        ledger.dispatch(
            .renew(
                RenewInstruction(
                    header: header(id, court: court, caseNumber: caseNumber), freezeId: LedgerInstructionID(freeze),
                    newEnd: newEnd)), today: today)
    }

    func snapshot(_ account: AccountKey = account) -> AccountSnapshot { ledger.snapshot(of: account)! }

    func held(_ id: String, account: AccountKey = account) -> Money? {
        snapshot(account).freeze(LedgerInstructionID(id))?.held
    }

    func state(_ id: String) -> FreezeState? { snapshot().freeze(LedgerInstructionID(id))?.state }

    func expectSound(sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(ledger.invariantViolations(quiescent: true) == [], sourceLocation: sourceLocation)
    }
}

func refusal(_ outcome: DispatchOutcome) -> LedgerRefusal? {
    if case .refused(let reason) = outcome.decision { return reason }
    return nil
}

@Suite("Control ledger")
struct ControlLedgerTests {
    @Test("R-B11 R-B12 a limited freeze holds what is there and fills from later inflows up to its limit")
    func limitedFreezeFillsFromInflows() {
        let fixture = LedgerFixture()
        fixture.report(balance: cny(3_000))
        fixture.placeFreeze("F1", cny(10_000), held: cny(3_000), balance: cny(3_000), earlier: 0)
        #expect(fixture.held("F1") == cny(3_000))

        let inflow = fixture.report(balance: cny(8_000))
        #expect(
            inflow.events == [
                .heldIncreased(
                    account: LedgerFixture.account, freeze: LedgerInstructionID("F1"), amount: cny(5_000), cause: .inflow)
            ])
        #expect(fixture.held("F1") == cny(8_000))

        fixture.report(balance: cny(25_000))
        #expect(fixture.held("F1") == cny(10_000))  // never beyond its limit
        #expect(fixture.snapshot().unheld == cny(15_000))
        fixture.expectSound()
    }

    /// Three courts on one account of 10,000: A holds 6,000; B holds the other 4,000 of its 6,000;
    /// C (5,000) waits. How A ends decides what B and C get.
    func threeCourtsQueued(configure: (inout LedgerConfiguration) -> Void = { _ in }) -> LedgerFixture {
        let fixture = LedgerFixture(configure: configure)
        fixture.report(balance: cny(10_000))
        fixture.placeFreeze(
            "A", cny(6_000), held: cny(6_000), balance: cny(10_000), earlier: 0, court: LedgerFixture.courtA, days: 30)
        fixture.placeFreeze(
            "B", cny(6_000), held: cny(4_000), balance: cny(10_000), earlier: 1, court: LedgerFixture.courtB,
            caseNumber: LedgerFixture.caseB, days: 180)
        fixture.placeFreeze(
            "C", cny(5_000), held: cny(0), balance: cny(10_000), earlier: 2, court: LedgerFixture.courtC,
            caseNumber: LedgerFixture.caseC, days: 180)
        #expect([fixture.state("A"), fixture.state("B"), fixture.state("C")] == [.active, .active, .queued])
        return fixture
    }

    @Test("R-B13 queued freezes are promoted when the first is unfrozen")
    func promotedOnUnfreeze() {
        let fixture = threeCourtsQueued()
        #expect(fixture.unfreeze("U1", freeze: "A").decision.isAccepted)
        let applied = fixture.receipt("U1", balance: cny(10_000), .unfrozen(released: cny(6_000)))
        #expect(
            applied.events == [
                .heldIncreased(
                    account: LedgerFixture.account, freeze: LedgerInstructionID("B"), amount: cny(2_000), cause: .takeover),
                .heldIncreased(
                    account: LedgerFixture.account, freeze: LedgerInstructionID("C"), amount: cny(4_000), cause: .takeover),
            ])
        #expect([fixture.state("A"), fixture.state("B"), fixture.state("C")] == [.released, .active, .active])
        #expect([fixture.held("B"), fixture.held("C")] == [cny(6_000), cny(4_000)])
        fixture.expectSound()
    }

    @Test("R-B13 R-B14 queued freezes are promoted when the first lapses at its end")
    func promotedOnLapse() throws {
        var fixture = threeCourtsQueued()
        let end = LedgerFixture.monday.adding(days: 30)
        fixture.today = end
        #expect(
            fixture.ledger.advance(to: end).contains { if case .lapsed = $0 { return true } else { return false } }
                == false)
        #expect(fixture.state("A") == .active)  // still in force on its last day
        fixture.today = end.adding(days: 1)
        let events = fixture.ledger.advance(to: fixture.today)
        #expect(
            events.contains(
                .lapsed(
                    account: LedgerFixture.account, freeze: LedgerInstructionID("A"), court: LedgerFixture.courtA, end: end,
                    released: cny(6_000))))
        #expect([fixture.state("A"), fixture.state("B"), fixture.state("C")] == [.lapsed, .active, .active])
        #expect([fixture.held("B"), fixture.held("C")] == [cny(6_000), cny(4_000)])
        #expect(fixture.ledger.counters().lapses == 1)
        fixture.expectSound()
    }

    @Test("R-B13 R-B18 queued freezes are promoted when the first is deducted; inflows then go to the next in line")
    func promotedOnDeduct() {
        let fixture = threeCourtsQueued()
        #expect(fixture.deduct("D1", freeze: "A", cny(6_000)).decision.isAccepted)
        let applied = fixture.receipt("D1", balance: cny(4_000), .deducted(deducted: cny(6_000), remainingHeld: cny(0)))
        #expect(applied.isApplied)
        #expect([fixture.state("A"), fixture.state("B"), fixture.state("C")] == [.deducted, .active, .queued])
        // B is now first in line: the next 3,000 coming in fill B's remaining 2,000, then C.
        fixture.report(balance: cny(7_000))
        #expect([fixture.held("B"), fixture.held("C")] == [cny(6_000), cny(1_000)])
        #expect(
            fixture.ledger.credited(to: LedgerFixture.specialAccount(LedgerFixture.courtA), currency: .cny)
                == cny(6_000))
        fixture.expectSound()
    }

    @Test("R-B14 a renewal extends the end and keeps the freeze's place in line")
    func renewalKeepsPlace() throws {
        var fixture = threeCourtsQueued()
        let oldEnd = LedgerFixture.monday.adding(days: 30)
        let newEnd = oldEnd.adding(days: 90)
        #expect(fixture.renew("R1", freeze: "A", to: newEnd).decision.isAccepted)
        #expect(fixture.receipt("R1", balance: cny(10_000), .renewed(newEnd: newEnd)).isApplied)
        fixture.today = oldEnd.adding(days: 10)
        let events = fixture.ledger.advance(to: fixture.today)
        #expect(!events.contains { if case .lapsed = $0 { return true } else { return false } })
        #expect(fixture.snapshot().freezes.map(\.id.value) == ["A", "B", "C"])
        #expect([fixture.held("A"), fixture.held("B"), fixture.held("C")] == [cny(6_000), cny(4_000), cny(0)])
        #expect(fixture.snapshot().freeze(LedgerInstructionID("A"))?.end == newEnd)
        fixture.expectSound()
    }

    @Test("R-B14 a freeze with a renewal in flight does not lapse before the bank's answer")
    func renewalInFlightDefersLapse() {
        var fixture = threeCourtsQueued()
        let oldEnd = LedgerFixture.monday.adding(days: 30)
        fixture.today = oldEnd
        #expect(fixture.renew("R1", freeze: "A", to: oldEnd.adding(days: 60)).decision.isAccepted)
        fixture.today = oldEnd.adding(days: 2)
        _ = fixture.ledger.advance(to: fixture.today)
        #expect(fixture.state("A") == .active)
        // The bank could not renew (R-B21): now the freeze lapses, as of its old end.
        let answer = fixture.receipt("R1", balance: cny(10_000), .notExecuted(reason: "account closed for audit"))
        #expect(answer.isApplied)
        _ = fixture.ledger.advance(to: fixture.today)
        #expect(fixture.state("A") == .lapsed)
        #expect(fixture.held("B") == cny(6_000))
        fixture.expectSound()
    }

    @Test("R-B14 renewals: at most a year from the day made, only of the court's own live freeze")
    func renewalChecks() {
        let fixture = threeCourtsQueued()
        let tooLate = LedgerFixture.monday.adding(months: 12).adding(days: 1)
        guard case .renewalInvalid = refusal(fixture.renew("R1", freeze: "A", to: tooLate)) else {
            Issue.record("a renewal beyond a year was not refused")
            return
        }
        #expect(fixture.renew("R2", freeze: "A", to: LedgerFixture.monday.adding(months: 12)).decision.isAccepted)
        #expect(
            refusal(fixture.renew("R3", freeze: "B", to: LedgerFixture.monday.adding(days: 200)))
                == .freezeOwnedByAnotherCourt(freeze: LedgerInstructionID("B"), owner: LedgerFixture.courtB))
        #expect(
            refusal(fixture.renew("R4", freeze: "A", to: LedgerFixture.monday.adding(days: 200)))
                == .measureInFlight(freeze: LedgerInstructionID("A"), pending: LedgerInstructionID("R2")))
        #expect(
            refusal(fixture.renew("R5", freeze: "Z", to: LedgerFixture.monday.adding(days: 200)))
                == .freezeNotFound(LedgerInstructionID("Z")))
    }

    @Test("R-B19 a partial deduct leaves the rest held; the receipt must say so")
    func partialDeduct() {
        let fixture = LedgerFixture()
        fixture.report(balance: cny(10_000))
        fixture.placeFreeze("F1", cny(10_000), held: cny(10_000), balance: cny(10_000), earlier: 0)
        #expect(fixture.deduct("D1", freeze: "F1", cny(4_000)).decision.isAccepted)
        // remainingHeld must be held − deducted = 6,000 (R-B19): 5,000 is flagged and changes nothing.
        let wrong = fixture.receipt("D1", balance: cny(6_000), .deducted(deducted: cny(4_000), remainingHeld: cny(5_000)))
        guard case .inconsistentAmounts = wrong.flag else {
            Issue.record("inconsistent not-deducted amount was not flagged: \(String(describing: wrong.flag))")
            return
        }
        #expect(fixture.held("F1") == cny(10_000))
        let right = fixture.receipt("D1", balance: cny(6_000), .deducted(deducted: cny(4_000), remainingHeld: cny(6_000)))
        #expect(right.isApplied)
        let freeze = fixture.snapshot().freeze(LedgerInstructionID("F1"))
        #expect(freeze?.held == cny(6_000))
        #expect(freeze?.limit == cny(6_000))
        #expect(freeze?.state == .active)
        #expect(freeze?.deducted == cny(4_000))
        #expect(
            fixture.ledger.credited(to: LedgerFixture.specialAccount(LedgerFixture.courtA), currency: .cny)
                == cny(4_000))
        #expect(fixture.ledger.reserved(caseNumber: LedgerFixture.caseA, currency: .cny) == cny(6_000))
        fixture.expectSound()
    }

    @Test(
        "R-B16 priority-claim funds are frozen but not counted, not deductible, and the holder's notice is due in 5 working days"
    )
    func priorityClaims() throws {
        var fixture = LedgerFixture()
        let pledge = PriorityClaimReport(
            claimId: "P-1", holder: "Huaxia Guarantee Co.", kind: .pledge, amount: cny(4_000))
        fixture.report(balance: cny(10_000), claims: [pledge])
        #expect(fixture.freeze("F1", cny(10_000)).decision.isAccepted)
        // Counting the pledged funds as held breaks R-B16: flagged.
        let overCounted = fixture.frozen("F1", held: cny(10_000), limit: cny(10_000), balance: cny(10_000), earlier: 0)
        #expect(overCounted.flag == .heldBeyondBalance(held: cny(10_000), available: cny(6_000)))
        let confirmed = fixture.frozen(
            "F1", held: cny(6_000), limit: cny(10_000), balance: cny(10_000), earlier: 0, uncounted: cny(4_000))
        let due = try LedgerDay(iso8601: "2026-03-09")  // Mon 2026-03-02 + 5 working days
        #expect(
            confirmed.events == [
                .priorityClaimNoticeDue(
                    account: LedgerFixture.account, freeze: LedgerInstructionID("F1"), court: LedgerFixture.courtA,
                    holders: ["Huaxia Guarantee Co."], due: due, estimated: false)
            ])
        #expect(fixture.snapshot().freeze(LedgerInstructionID("F1"))?.uncountedHeld == cny(4_000))
        #expect(fixture.snapshot().heldTotal == cny(6_000))

        #expect(
            fixture.ledger.setPriorityClaimReview(
                account: LedgerFixture.account, claimId: "P-1", underReview: true, today: fixture.today))
        #expect(
            refusal(fixture.deduct("D1", freeze: "F1", cny(8_000)))
                == .priorityClaimFundsNotDeductible(requested: cny(8_000), deductible: cny(6_000), underReview: true))
        #expect(fixture.deduct("D2", freeze: "F1", cny(6_000)).decision.isAccepted)
        #expect(
            fixture.receipt("D2", balance: cny(4_000), .deducted(deducted: cny(6_000), remainingHeld: cny(0))).isApplied)

        // Not recorded as sent: the notice is overdue the day after it was due.
        fixture.today = due.adding(days: 1)
        #expect(
            fixture.ledger.advance(to: fixture.today) == [
                .priorityClaimNoticeOverdue(
                    account: LedgerFixture.account, freeze: LedgerInstructionID("F1"), court: LedgerFixture.courtA, due: due)
            ])
        fixture.expectSound()
    }

    @Test("R-B16 once the claim ends its funds count and go to the freeze")
    func claimEnds() {
        let fixture = LedgerFixture()
        let margin = PriorityClaimReport(claimId: "M-9", holder: "Exchange margin", kind: .margin, amount: cny(4_000))
        fixture.report(balance: cny(10_000), claims: [margin])
        #expect(fixture.freeze("F1", cny(10_000)).decision.isAccepted)
        #expect(
            fixture.frozen(
                "F1", held: cny(6_000), limit: cny(10_000), balance: cny(10_000), earlier: 0, uncounted: cny(4_000)
            ).isApplied)
        let ended = fixture.report(balance: cny(10_000), claims: [])
        #expect(
            ended.events == [
                .heldIncreased(
                    account: LedgerFixture.account, freeze: LedgerInstructionID("F1"), amount: cny(4_000), cause: .inflow)
            ])
        #expect(fixture.deduct("D1", freeze: "F1", cny(10_000)).decision.isAccepted)
        fixture.expectSound()
    }

    @Test("R-B16 a joint account: the co-owner's share is treated like a priority claim")
    func jointAccount() {
        let fixture = LedgerFixture()
        let share = PriorityClaimReport(
            claimId: "J-1", holder: "Li Hua (co-owner)", kind: .coOwnerShare, amount: cny(10_000))
        fixture.report(balance: cny(20_000), kind: .joint, claims: [share])
        #expect(fixture.freeze("F1", cny(20_000)).decision.isAccepted)
        let confirmed = fixture.frozen(
            "F1", held: cny(10_000), limit: cny(20_000), balance: cny(20_000), earlier: 0, uncounted: cny(10_000))
        #expect(confirmed.isApplied)
        #expect(confirmed.events.count == 1)  // the notice to the co-owner
        #expect(
            refusal(fixture.deduct("D1", freeze: "F1", cny(15_000)))
                == .priorityClaimFundsNotDeductible(requested: cny(15_000), deductible: cny(10_000), underReview: false)
        )
        #expect(fixture.deduct("D2", freeze: "F1", cny(10_000)).decision.isAccepted)
        fixture.expectSound()
    }

    @Test("R-B17 foreign currency is deducted to the court's foreign-currency special account")
    func foreignCurrencyDeduct() {
        let fixture = LedgerFixture()
        let dollars = AccountKey(bankCode: "BOC", accountNumber: "4563510100000002", currency: .usd)
        fixture.report(balance: usd(5_000), account: dollars)
        fixture.placeFreeze("F1", usd(5_000), held: usd(5_000), balance: usd(5_000), earlier: 0, account: dollars)
        let renminbiTarget = LedgerFixture.specialAccount(LedgerFixture.courtA)
        let foreignTarget = LedgerFixture.specialAccount(LedgerFixture.courtA, foreign: true)
        #expect(
            refusal(fixture.deduct("D1", freeze: "F1", usd(2_000), account: dollars, target: renminbiTarget))
                == .wrongSpecialAccount(expected: foreignTarget, found: renminbiTarget))
        #expect(fixture.deduct("D2", freeze: "F1", usd(2_000), account: dollars).decision.isAccepted)
        #expect(
            fixture.receipt(
                "D2", balance: usd(3_000), .deducted(deducted: usd(2_000), remainingHeld: usd(3_000)), account: dollars
            ).isApplied)
        #expect(fixture.ledger.credited(to: foreignTarget, currency: .usd) == usd(2_000))
        #expect(fixture.ledger.credited(to: renminbiTarget, currency: .cny) == cny(0))
        fixture.expectSound()
    }

    @Test(
        "case-level guard: a case never holds more than it is owed, refused or reduced as configured",
        arguments: [
            (CaseGuardMode.refuse, 0),
            (CaseGuardMode.reduce, 0),
            (CaseGuardMode.reduce, 1_000),  // 10 % allowance for costs
        ])
    func caseGuard(mode: CaseGuardMode, allowanceBasisPoints: Int) {
        let fixture = LedgerFixture {
            $0.caseGuardMode = mode
            $0.costAllowanceBasisPoints = allowanceBasisPoints
        }
        let second = AccountKey(bankCode: "CCB", accountNumber: "6217000000000003", currency: .cny)
        let owed = cny(10_000)
        #expect(fixture.freeze("F1", cny(8_000), owed: owed).decision.isAccepted)
        let outcome = fixture.freeze("F2", cny(5_000), account: second, owed: owed)
        let cap = allowanceBasisPoints == 0 ? cny(10_000) : cny(11_000)
        let reason = LedgerRefusal.caseGuard(requested: cny(5_000), owed: owed, cap: cap, alreadyReserved: cny(8_000))
        switch mode {
        case .refuse:
            #expect(outcome.decision == .refused(reason))
            #expect(fixture.ledger.reserved(caseNumber: LedgerFixture.caseA, currency: .cny) == cny(8_000))
        case .reduce:
            let granted = allowanceBasisPoints == 0 ? cny(2_000) : cny(3_000)
            #expect(outcome.decision == .accepted(grantedAmount: granted, reduction: reason))
            #expect(fixture.ledger.reserved(caseNumber: LedgerFixture.caseA, currency: .cny) == cap)
            #expect(fixture.snapshot(second).freeze(LedgerInstructionID("F2"))?.limit == granted)
            // Full: nothing more for this case anywhere.
            #expect(refusal(fixture.freeze("F3", cny(1), account: second, owed: owed)) != nil)
        }
        // The bank could not freeze F1: the case's headroom comes back.
        #expect(fixture.receipt("F1", balance: cny(0), .notExecuted(reason: "account closed")).isApplied)
        #expect(fixture.freeze("F4", cny(5_000), account: second, owed: owed).decision.isAccepted)
        fixture.expectSound()
    }

    @Test("checks before dispatch: amounts, periods, ownership, targets, what the court holds")
    func dispatchChecks() {
        let fixture = LedgerFixture()
        fixture.report(balance: cny(10_000))
        let owed = cny(9_000)
        #expect(
            refusal(fixture.freeze("X1", cny(9_001), owed: owed)) == .amountAboveOwed(amount: cny(9_001), owed: owed))
        #expect(refusal(fixture.freeze("X2", cny(0))) == .amountNotPositive(cny(0)))
        #expect(refusal(fixture.freeze("X3", usd(10))) == .currencyMismatch(expected: .cny, found: .usd))
        guard case .periodInvalid = refusal(fixture.freeze("X4", cny(10), days: 366)) else {
            Issue.record("a freeze longer than a year was not refused")
            return
        }
        fixture.placeFreeze("F1", cny(4_000), held: cny(4_000), balance: cny(10_000), earlier: 0)
        #expect(refusal(fixture.freeze("F1", cny(10))) == .duplicateInstruction(LedgerInstructionID("F1")))
        #expect(
            refusal(fixture.deduct("D1", freeze: "F1", cny(4_001)))
                == .deductAboveHeld(requested: cny(4_001), held: cny(4_000), unheldAvailable: cny(0)))
        #expect(
            refusal(fixture.deduct("D2", freeze: "F1", cny(100), court: LedgerFixture.courtB))
                == .freezeOwnedByAnotherCourt(freeze: LedgerInstructionID("F1"), owner: LedgerFixture.courtA))
        #expect(
            refusal(fixture.deduct("D3", freeze: "F1", cny(100), caseNumber: LedgerFixture.caseB))
                == .freezeOfAnotherCase(freeze: LedgerInstructionID("F1"), caseNumber: LedgerFixture.caseA))
        let elsewhere = LedgerSpecialAccount(bankName: "Somewhere", accountNumber: "999", accountName: "Not the court")
        #expect(
            refusal(fixture.deduct("D4", freeze: "F1", cny(100), target: elsewhere))
                == .wrongSpecialAccount(expected: LedgerFixture.specialAccount(LedgerFixture.courtA), found: elsewhere))
        #expect(
            refusal(fixture.unfreeze("U1", freeze: "F1", cny(4_001)))
                == .unfreezeAboveLimit(amount: cny(4_001), limit: cny(4_000)))
        // Unheld funds, served after earlier holders: B's freeze (not yet answered) comes first.
        #expect(
            fixture.freeze("F2", cny(5_000), court: LedgerFixture.courtB, caseNumber: LedgerFixture.caseB).decision
                .isAccepted)
        #expect(
            refusal(fixture.deduct("D5", freeze: "F1", cny(6_000), includeUnheld: true))
                == .deductAboveHeld(requested: cny(6_000), held: cny(4_000), unheldAvailable: cny(1_000)))
        #expect(fixture.deduct("D6", freeze: "F1", cny(5_000), includeUnheld: true).decision.isAccepted)
        #expect(
            refusal(fixture.unfreeze("U2", freeze: "F2", court: LedgerFixture.courtB, caseNumber: LedgerFixture.caseB))
                == .freezeNotConfirmed(LedgerInstructionID("F2")))
        #expect(fixture.ledger.counters().measuresRefused == 12)
    }

    @Test("R-B18 R-B19 a deduct receipt taking more than the court could take is flagged")
    func deductedAboveHeld() {
        let fixture = LedgerFixture()
        fixture.report(balance: cny(10_000))
        fixture.placeFreeze("F1", cny(4_000), held: cny(4_000), balance: cny(10_000), earlier: 0)
        // 4,000 held plus 6,000 unheld: a deduct of 5,000 that may take unheld funds is allowed.
        #expect(fixture.deduct("D1", freeze: "F1", cny(5_000), includeUnheld: true).decision.isAccepted)
        // Before the bank answers, unheld money leaves the account: only 4,000 is left to take.
        #expect(fixture.report(balance: cny(4_000)).isApplied)
        let tooMuch = fixture.receipt("D1", balance: cny(0), .deducted(deducted: cny(5_000), remainingHeld: cny(0)))
        #expect(tooMuch.flag == .deductedAboveHeld(deducted: cny(5_000), deductible: cny(4_000)))
        #expect(fixture.snapshot().deductedTotal == cny(0))
        let honest = fixture.receipt("D1", balance: cny(0), .deducted(deducted: cny(4_000), remainingHeld: cny(0)))
        #expect(honest.isApplied)
        #expect(fixture.state("F1") == .deducted)
        #expect(
            fixture.ledger.credited(to: LedgerFixture.specialAccount(LedgerFixture.courtA), currency: .cny)
                == cny(4_000))
        fixture.expectSound()
    }

    @Test("R-B16: claimed funds a freeze reports frozen but not counted fit in its uncounted part; more is flagged with the wire's name")
    func uncountedClaimFundsWithinNotHeld() {
        let fixture = LedgerFixture()
        let pledge = PriorityClaimReport(claimId: "P-1", holder: "Huaxia Guarantee Co.", kind: .pledge, amount: cny(4_000))
        fixture.report(balance: cny(10_000), claims: [pledge])
        #expect(fixture.freeze("F1", cny(8_000)).decision.isAccepted)
        // 6,000 held leaves 2,000 of the limit not counted: 4,000 of claimed funds cannot fit.
        let beyond = fixture.frozen("F1", held: cny(6_000), limit: cny(8_000), balance: cny(10_000), earlier: 0, uncounted: cny(4_000))
        guard case .inconsistentAmounts(let detail)? = beyond.flag else {
            Issue.record("claimed funds beyond notHeld are flagged: \(String(describing: beyond.flag))"); return
        }
        #expect(detail.hasPrefix("R-B16: uncountedClaimFunds 4000.00 CNY exceeds notHeld 2000.00 CNY"), "\(detail)")
        #expect(fixture.state("F1") == .pending, "a flagged receipt changes nothing")
        let within = fixture.frozen("F1", held: cny(6_000), limit: cny(8_000), balance: cny(10_000), earlier: 0, uncounted: cny(2_000))
        #expect(within.isApplied)
        #expect(fixture.snapshot().freeze(LedgerInstructionID("F1"))?.uncountedHeld == cny(2_000))
        fixture.expectSound()
    }

    @Test("R-B13: the ledger's live freezes per account default to the wire's bound and may not exceed it")
    func liveFreezeBoundIsTheWires() {
        #expect(LedgerConfiguration().maximumLiveFreezesPerAccount == ExistingFreeze.maximumFreezesPerAccount)
    }

    @Test("R-B13: an account takes freezes up to the bound; the next is refused")
    func liveFreezeBoundReached() {
        let fixture = LedgerFixture { $0.maximumLiveFreezesPerAccount = 3 }
        for id in ["F1", "F2", "F3"] { #expect(fixture.freeze(id, cny(100)).decision.isAccepted) }
        #expect(refusal(fixture.freeze("F4", cny(100))) == .tooManyLiveFreezes(limit: 3))
    }

    @Test("R-P1 a pension account keeps the living-expense reserve and is deducted only as a last resort")
    func pensionAccount() {
        let fixture = LedgerFixture()
        fixture.report(balance: cny(5_000), kind: .pension(livingExpenseReserve: cny(1_500)))
        #expect(fixture.freeze("F1", cny(5_000)).decision.isAccepted)
        let overHeld = fixture.frozen("F1", held: cny(5_000), limit: cny(5_000), balance: cny(5_000), earlier: 0)
        #expect(overHeld.flag == .heldBeyondBalance(held: cny(5_000), available: cny(3_500)))
        #expect(fixture.frozen("F1", held: cny(3_500), limit: cny(5_000), balance: cny(5_000), earlier: 0).isApplied)
        #expect(
            refusal(fixture.deduct("D1", freeze: "F1", cny(3_500)))
                == .pensionNeedsOtherAssetsInsufficient(LedgerFixture.account))
        #expect(fixture.deduct("D2", freeze: "F1", cny(3_500), otherAssetsInsufficient: true).decision.isAccepted)
        fixture.expectSound()
    }

    @Test("receipts that break the rules are kept, flagged and counted, never applied")
    func flaggedReceipts() {
        let fixture = threeCourtsQueued()
        let before = fixture.snapshot()
        // More than the freeze's limit.
        #expect(
            fixture.freeze("E", cny(1_000), court: LedgerFixture.courtB, caseNumber: LedgerFixture.caseB).decision
                .isAccepted)
        #expect(
            fixture.frozen("E", held: cny(1_500), limit: cny(1_000), balance: cny(20_000), earlier: 3).flag
                == .heldAboveLimit(held: cny(1_500), limit: cny(1_000)))
        // A later freeze served before the earlier C, which is not full.
        let outOfOrder = fixture.frozen("E", held: cny(1_000), limit: cny(1_000), balance: cny(10_000), earlier: 3)
        guard case .servedOutOfOrder = outOfOrder.flag else {
            Issue.record("out-of-order service not flagged: \(String(describing: outOfOrder.flag))")
            return
        }
        // The bank puts fewer freezes before it than the hub knows are live.
        guard
            case .servedOutOfOrder = fixture.frozen(
                "E", held: cny(0), limit: cny(1_000), balance: cny(10_000), earlier: 1
            ).flag
        else {
            Issue.record("wrong queue position not flagged")
            return
        }
        // Deducted more than held.
        #expect(fixture.deduct("D1", freeze: "A", cny(6_000)).decision.isAccepted)
        #expect(
            fixture.receipt("D1", balance: cny(3_000), .deducted(deducted: cny(7_000), remainingHeld: cny(0))).flag
                == .deductedAboveRequested(deducted: cny(7_000), requested: cny(6_000)))
        // The balance fell below what courts hold: frozen money left the account.
        #expect(
            fixture.report(balance: cny(9_000)).flag == .heldBeyondBalance(held: cny(10_000), available: cny(9_000)))
        var after = fixture.snapshot()
        #expect(after.freezes.filter { $0.id.value != "E" } == before.freezes)
        #expect(after.balance == before.balance)
        // Applied once; a second receipt for the same deduct is flagged.
        #expect(
            fixture.receipt("D1", balance: cny(4_000), .deducted(deducted: cny(6_000), remainingHeld: cny(0))).isApplied)
        #expect(
            fixture.receipt("D1", balance: cny(4_000), .deducted(deducted: cny(6_000), remainingHeld: cny(0))).flag
                == .alreadyResolved(LedgerInstructionID("D1")))
        #expect(
            fixture.receipt("nope", balance: cny(4_000), .renewed(newEnd: fixture.today)).flag
                == .unknownInstruction(LedgerInstructionID("nope")))
        after = fixture.snapshot()
        #expect(after.deductedTotal == cny(6_000))
        let counters = fixture.ledger.counters()
        #expect(counters.reportsFlagged == 7)
        #expect(counters.flagsByKind[.servedOutOfOrder] == 2)
        #expect(fixture.ledger.flaggedReports().count == 7)
        fixture.expectSound()
    }

    @Test("R-E7 a warning comes the configured number of working days before the end")
    func lapseWarning() throws {
        var fixture = LedgerFixture()
        fixture.today = try LedgerDay(iso8601: "2026-04-10")
        fixture.report(balance: cny(1_000))
        // Ends Fri 2026-10-09; five working days before, across National Day and Mid-Autumn, is Thu Sep 24.
        let days = fixture.today.days(until: try LedgerDay(iso8601: "2026-10-09"))
        fixture.placeFreeze("F1", cny(1_000), held: cny(1_000), balance: cny(1_000), earlier: 0, days: days)
        #expect(fixture.snapshot().freeze(LedgerInstructionID("F1"))?.warningDay == (try LedgerDay(iso8601: "2026-09-24")))
        #expect(fixture.ledger.advance(to: try LedgerDay(iso8601: "2026-09-23")) == [])
        let warning = fixture.ledger.advance(to: try LedgerDay(iso8601: "2026-09-24"))
        #expect(
            warning == [
                .lapseWarning(
                    account: LedgerFixture.account, freeze: LedgerInstructionID("F1"), court: LedgerFixture.courtA,
                    end: try LedgerDay(iso8601: "2026-10-09"), estimated: false)
            ])
        #expect(fixture.ledger.advance(to: try LedgerDay(iso8601: "2026-09-25")) == [])  // once only
    }

    @Test("R-E7 a freeze ending in a year the calendar does not know is warned early, marked estimated")
    func estimatedWarning() throws {
        var fixture = LedgerFixture()
        fixture.today = try LedgerDay(iso8601: "2026-12-01")
        fixture.report(balance: cny(1_000))
        fixture.placeFreeze("F1", cny(1_000), held: cny(1_000), balance: cny(1_000), earlier: 0, days: 60)
        let freeze = fixture.snapshot().freeze(LedgerInstructionID("F1"))
        let end = fixture.today.adding(days: 60)
        #expect(freeze?.warningDay == end.adding(days: -(5 * 7 / 5 + 2 + HolidaySchedule.maximumHolidayDays)))
        let events = fixture.ledger.advance(to: end.adding(days: -20))
        #expect(
            events == [
                .lapseWarning(
                    account: LedgerFixture.account, freeze: LedgerInstructionID("F1"), court: LedgerFixture.courtA, end: end,
                    estimated: true)
            ])
    }
}
