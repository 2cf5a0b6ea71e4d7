import BankAdapter
import HubProtocol
import Testing

@Suite("Simulated bank")
struct SimulatedBankTests {
    typealias F = BankFixture

    /// Handles an instruction and requires the receipt to pass the wire rules.
    func handle(_ ledger: inout BankLedger, _ document: InstructionDocument, day: Int, hours: Int = 9) throws -> ReceiptDocument {
        let receipt = ledger.handle(document, receivedAt: F.time(days: day, hours: hours))
        try receipt.validate()
        #expect(receipt.header.instructionId == document.header.instructionId)
        #expect(receipt.header.responder == F.profile.institutionCode)
        return receipt
    }

    @Test("R-B12: a limited freeze holds the balance now and fills from later inflows up to its limit")
    func limitedFreezeFills() throws {
        let account = F.account("6222020200112233445", balance: "30000.00")
        var ledger = try F.ledger([account])
        try ledger.schedule(BankEvent(at: F.time(days: 10), action: .inflow(account.key, amountMinor: F.yuan("25000.00").minorUnits)))
        try ledger.schedule(BankEvent(at: F.time(days: 40), action: .inflow(account.key, amountMinor: F.yuan("80000.00").minorUnits)))
        let result = try #require(try handle(&ledger, try F.freeze("F1", account, limit: "120000.00"), day: 0).freezeResult)
        #expect(result.held == F.yuan("30000.00") && result.notHeld == F.yuan("90000.00") && result.limited)
        ledger.advance(to: F.time(days: 11))
        #expect(ledger.account(account.key)?.freezes.first?.heldMinor == F.yuan("55000.00").minorUnits)
        ledger.advance(to: F.time(days: 41))
        // The limit caps the hold: 135,000 arrived in all, 120,000 held, 15,000 left to the holder.
        let after = try #require(ledger.account(account.key))
        #expect(after.freezes.first?.heldMinor == F.yuan("120000.00").minorUnits)
        #expect(after.spendableMinor == F.yuan("15000.00").minorUnits)
    }

    @Test("R-B12: a freeze that may not be limited is refused when the balance is short, and nothing is frozen")
    func limitedFreezeRefused() throws {
        let account = F.account("6222020200112233445", balance: "30000.00")
        var ledger = try F.ledger([account])
        let receipt = try handle(&ledger, try F.freeze("F1", account, limit: "30000.01", allowLimited: false), day: 0)
        #expect(receipt.cannotAssistReason == .limitedFreezeNotAllowed)
        #expect(ledger.account(account.key)?.freezes.isEmpty == true)
    }

    @Test("R-B13: three courts queue in arrival order, and when the first is released the next ones take what it held")
    func queuedAndPromoted() throws {
        let account = F.account("6222020200198765432", balance: "50000.00")
        var ledger = try F.ledger([account])
        let first = try #require(try handle(&ledger, try F.freeze("A", account, limit: "40000.00"), day: 0).freezeResult)
        let second = try #require(try handle(&ledger, try F.freeze("B", account, limit: "30000.00", by: F.haidian), day: 1).freezeResult)
        let third = try #require(try handle(&ledger, try F.freeze("C", account, limit: "20000.00", by: F.pudong), day: 2).freezeResult)
        #expect([first.queuePosition, second.queuePosition, third.queuePosition] == [1, 2, 3])
        #expect([first.held, second.held, third.held] == [F.yuan("40000.00"), F.yuan("10000.00"), F.yuan("0.00")])
        #expect(third.earlierFreezes.map(\.amount) == [F.yuan("40000.00"), F.yuan("30000.00")])
        #expect(third.earlierFreezes.map(\.authority.text) == ["人民法院（京0105）", "人民法院（京0108）"])
        let release = try F.chaoyang.unfreeze(id: "U1", freezeId: "A", account: F.reference(account), amount: nil, at: F.time(days: 3))
        let released = try #require(try handle(&ledger, release, day: 3).unfreezeResult)
        #expect(released.released == F.yuan("40000.00") && released.remainingHeld == F.yuan("0.00"))
        let freezes = try #require(ledger.account(account.key)?.freezes)
        #expect(freezes.map(\.instructionId) == ["B", "C"])
        #expect(freezes.map(\.heldMinor) == [F.yuan("30000.00").minorUnits, F.yuan("20000.00").minorUnits])
    }

    @Test("R-B13: a court cannot release or deduct another court's freeze")
    func otherCourtsFreeze() throws {
        let account = F.account("6222020200198765432", balance: "50000.00")
        var ledger = try F.ledger([account])
        _ = try handle(&ledger, try F.freeze("A", account, limit: "40000.00"), day: 0)
        let release = try F.haidian.unfreeze(id: "U1", freezeId: "A", account: F.reference(account), amount: nil, at: F.time(days: 1))
        #expect(try handle(&ledger, release, day: 1).cannotAssistReason == .insufficientAuthority)
        let unknown = try F.chaoyang.unfreeze(id: "U2", freezeId: "NOPE", account: F.reference(account), amount: nil, at: F.time(days: 1))
        #expect(try handle(&ledger, unknown, day: 1).cannotAssistReason == .freezeNotFound)
    }

    @Test("R-B14: a renewal moves the end and keeps the freeze's place; a freeze not renewed lapses and the next takes its funds")
    func renewalKeepsPlace() throws {
        let account = F.account("6222020200198765432", balance: "50000.00")
        var ledger = try F.ledger([account])
        _ = try handle(&ledger, try F.freeze("A", account, limit: "40000.00"), day: 0)
        _ = try handle(&ledger, try F.freeze("B", account, limit: "30000.00", by: F.haidian, day: 1), day: 1)
        _ = try handle(&ledger, try F.freeze("C", account, limit: "30000.00", by: F.pudong, day: 2), day: 2)
        let renew = try F.haidian.renew(
            id: "R1", freezeId: "B", account: F.reference(account), limit: F.yuan("30000.00"), newEnd: CalendarDate(unchecked: 2028, 11, 20),
            at: F.time(days: 355))
        let renewed = try #require(try handle(&ledger, renew, day: 355).renewResult)
        #expect(renewed.period == DatePeriod(from: CalendarDate(unchecked: 2026, 12, 2), to: CalendarDate(unchecked: 2028, 11, 20)))
        #expect(renewed.freezesBefore.count == 1 && renewed.freezesAfter.count == 1)
        #expect(renewed.held == F.yuan("10000.00"))
        // 2027-11-30 passes: A and C lapse; B, renewed, keeps its place and takes what A held.
        ledger.advance(to: Timestamp(millisecondsSinceEpoch: F.start.millisecondsSinceEpoch + 366 * 86_400_000))
        let freezes = try #require(ledger.account(account.key)?.freezes)
        #expect(freezes.map(\.instructionId) == ["B"])
        #expect(freezes.first?.heldMinor == F.yuan("30000.00").minorUnits)
        let late = try F.chaoyang.renew(
            id: "R2", freezeId: "A", account: F.reference(account), limit: F.yuan("40000.00"), newEnd: CalendarDate(unchecked: 2028, 6, 1),
            at: F.time(days: 366))
        #expect(try handle(&ledger, late, day: 366).cannotAssistReason == .freezeNotFound)
    }

    @Test("a partial unfreeze lowers the limit, keeps the rest frozen and passes the difference to the next in line")
    func partialUnfreeze() throws {
        let account = F.account("6222020200198765432", balance: "50000.00")
        var ledger = try F.ledger([account])
        _ = try handle(&ledger, try F.freeze("A", account, limit: "40000.00"), day: 0)
        _ = try handle(&ledger, try F.freeze("B", account, limit: "30000.00", by: F.haidian), day: 1)
        let partial = try F.chaoyang.unfreeze(id: "U1", freezeId: "A", account: F.reference(account), amount: F.yuan("15000.00"), at: F.time(days: 2))
        let result = try #require(try handle(&ledger, partial, day: 2).unfreezeResult)
        #expect(result.released == F.yuan("15000.00") && result.remainingHeld == F.yuan("25000.00"))
        #expect(ledger.account(account.key)?.freezes.map(\.heldMinor) == [2_500_000, 2_500_000])
        let tooMuch = try F.chaoyang.unfreeze(id: "U2", freezeId: "A", account: F.reference(account), amount: F.yuan("25000.01"), at: F.time(days: 3))
        #expect(try handle(&ledger, tooMuch, day: 3).cannotAssistReason == .other)
    }

    @Test("R-B19: a deduct above what is held reports deducted and not deducted; what is left stays frozen")
    func partialDeduct() throws {
        let account = F.account("6222020200112233445", balance: "60000.00")
        var ledger = try F.ledger([account])
        _ = try handle(&ledger, try F.freeze("F1", account, limit: "100000.00"), day: 0)
        let result = try #require(try handle(&ledger, try F.deduct("D1", account, amount: "80000.00", freeze: "F1", day: 5), day: 5).deductResult)
        #expect(result.deducted == F.yuan("60000.00") && result.notDeducted == F.yuan("20000.00"))
        #expect(result.heldBefore == F.yuan("60000.00") && result.remainingHeld == F.yuan("0.00"))
        #expect(ledger.credits[F.chaoyang.specialAccount(currency: .cny)] == F.yuan("60000.00").minorUnits)
        #expect(ledger.account(account.key)?.balanceMinor == 0)
        // A smaller deduct leaves the rest of the hold frozen.
        let other = F.account("6222020200112239999", balance: "60000.00")
        var second = try F.ledger([other])
        _ = try handle(&second, try F.freeze("F2", other, limit: "60000.00"), day: 0)
        let partial = try #require(try handle(&second, try F.deduct("D2", other, amount: "25000.00", freeze: "F2", day: 5), day: 5).deductResult)
        #expect(partial.remainingHeld == F.yuan("35000.00") && partial.notDeducted == F.yuan("0.00"))
        #expect(second.account(other.key)?.freezes.first?.heldMinor == F.yuan("35000.00").minorUnits)
    }

    @Test("R-B16: claimed funds are shown, frozen but not counted, and not deducted while the objection is under review")
    func priorityClaims() throws {
        let claim = SimulatedClaim(id: "M1", kind: .margin, holder: F.name("北京某融资担保有限公司"), amountMinor: F.yuan("70000.00").minorUnits, underReview: false)
        let account = F.account("0200004501012345678", balance: "70000.00", kind: .margin, claims: [claim])
        var ledger = try F.ledger([account])
        let query = try F.chaoyang.query(id: "Q1", party: F.zhang, bank: nil, at: F.time(days: 0))
        let record = try #require(try handle(&ledger, query, day: 0).queryResult?.accounts.first)
        #expect(record.priorityClaims == [PriorityClaim(kind: .margin, holder: claim.holder, amount: F.yuan("70000.00"), underReview: false)])
        #expect(record.availableBalance == F.yuan("0.00") && record.accountType == .margin)
        // Frozen, but not counted: nothing is held, the claimed 70,000 is covered without counting.
        let frozen = try #require(try handle(&ledger, try F.freeze("F1", account, limit: "90000.00"), day: 0).freezeResult)
        #expect(frozen.held == F.yuan("0.00") && frozen.notHeld == F.yuan("90000.00"))
        #expect(frozen.uncountedClaimFunds == F.yuan("70000.00"), "the receipt reports the claimed funds frozen but not counted")
        #expect(ledger.account(account.key)?.freezes.first?.uncountedMinor == F.yuan("70000.00").minorUnits)
        try ledger.schedule(BankEvent(at: F.time(days: 1), action: .claimReviewStarts(account.key, claimId: "M1")))
        let refused = try handle(&ledger, try F.deduct("D1", account, amount: "10000.00", freeze: "F1", day: 3), day: 3)
        #expect(refused.cannotAssistReason == .priorityClaimUnderReview)
        // The claim ends: its funds count, go to the freeze, and may be deducted.
        try ledger.schedule(BankEvent(at: F.time(days: 4), action: .claimEnds(account.key, claimId: "M1")))
        let taken = try #require(try handle(&ledger, try F.deduct("D2", account, amount: "60000.00", freeze: "F1", day: 5), day: 5).deductResult)
        #expect(taken.heldBefore == F.yuan("70000.00") && taken.deducted == F.yuan("60000.00") && taken.remainingHeld == F.yuan("10000.00"))
    }

    @Test("R-P1: a pension's protected minimum is never held nor deducted, even when the court takes available funds")
    func pensionMinimum() throws {
        let account = F.account("6222020200155550001", balance: "5000.00", kind: .pension, protectedMinimum: "1500.00")
        var ledger = try F.ledger([account])
        let frozen = try #require(try handle(&ledger, try F.freeze("F1", account, limit: "50000.00"), day: 0).freezeResult)
        #expect(frozen.held == F.yuan("3500.00"))
        try ledger.schedule(BankEvent(at: F.time(days: 9), action: .inflow(account.key, amountMinor: F.yuan("3000.00").minorUnits)))
        let taken = try #require(
            try handle(
                &ledger, try F.deduct("D1", account, amount: "50000.00", freeze: "F1", day: 10, includeUnheld: true, otherAssetsInsufficient: true),
                day: 10
            ).deductResult)
        #expect(taken.deducted == F.yuan("6500.00"))
        #expect(ledger.account(account.key)?.balanceMinor == F.yuan("1500.00").minorUnits)
        let direct = try #require(
            try handle(&ledger, try F.deduct("D2", account, amount: "1000.00", freeze: nil, day: 11, otherAssetsInsufficient: true), day: 11)
                .deductResult)
        #expect(direct.deducted == F.yuan("0.00") && direct.notDeducted == F.yuan("1000.00"))
    }

    @Test("R-P1, R-B21: a pension account is deducted only on the court's finding that other assets are not enough; without it the bank says why")
    func pensionDeductNeedsFinding() throws {
        let account = F.account("6222020200155550001", balance: "5000.00", kind: .pension, protectedMinimum: "1500.00")
        let wages = F.account("6222020200155550002", balance: "5000.00")
        var ledger = try F.ledger([account, wages])
        _ = try handle(&ledger, try F.freeze("F1", account, limit: "3000.00"), day: 0)
        for (id, finding) in [("D1", nil), ("D2", false)] as [(InstructionID, Bool?)] {
            let refused = try handle(&ledger, try F.deduct(id, account, amount: "3000.00", freeze: "F1", day: 1, otherAssetsInsufficient: finding), day: 1)
            #expect(refused.cannotAssistReason == .pensionNeedsOtherAssetsInsufficient, "\(id)")
        }
        let direct = try handle(&ledger, try F.deduct("D3", account, amount: "100.00", freeze: nil, day: 1), day: 1)
        #expect(direct.cannotAssistReason == .pensionNeedsOtherAssetsInsufficient, "also when the deduct names no freeze")
        #expect(ledger.account(account.key)?.balanceMinor == F.yuan("5000.00").minorUnits, "nothing was taken")
        #expect(ledger.account(account.key)?.freezes.first?.heldMinor == F.yuan("3000.00").minorUnits, "the freeze stands")
        let taken = try #require(
            try handle(&ledger, try F.deduct("D4", account, amount: "3000.00", freeze: "F1", day: 2, otherAssetsInsufficient: true), day: 2)
                .deductResult)
        #expect(taken.deducted == F.yuan("3000.00") && taken.remainingHeld == F.yuan("0.00"))
        // Other accounts do not need the finding.
        _ = try handle(&ledger, try F.freeze("F2", wages, limit: "1000.00"), day: 2)
        #expect(try handle(&ledger, try F.deduct("D5", wages, amount: "1000.00", freeze: "F2", day: 3), day: 3).deductResult?.deducted
            == F.yuan("1000.00"))
    }

    @Test("R-B13: an account carries up to 2,048 freezes, the wire's bound; the freeze result of the last lists all 2,047 before it; one more is refused")
    func freezeQueueBound() throws {
        #expect(BankLedger.maximumFreezesPerAccount == ExistingFreeze.maximumFreezesPerAccount)
        let account = F.account("6222020200112233445", balance: "100000.00")
        var ledger = try F.ledger([account])
        let period = DatePeriod(from: CalendarDate(unchecked: 2026, 6, 1), to: CalendarDate(unchecked: 2027, 5, 31))
        for index in 1..<BankLedger.maximumFreezesPerAccount {
            try ledger.addExistingFreeze(
                on: account.key, authority: "北京市公安局朝阳分局", documentNumber: try WireText("京公朝冻字〔2026〕\(index)号"),
                amountMinor: 100, period: period)
        }
        let last = try #require(try handle(&ledger, try F.freeze("F1", account, limit: "100.00"), day: 0).freezeResult)
        #expect(last.queuePosition == 2_048 && last.earlierFreezes.count == 2_047)
        #expect(last.held == F.yuan("100.00"), "2,047.00 is held before it, of 100,000.00")
        let refused = try handle(&ledger, try F.freeze("F2", account, limit: "100.00"), day: 0)
        #expect(refused.cannotAssistReason == .other)
    }

    @Test("R-B17: foreign currency goes converted to the CNY special account, or unconverted to the court's USD one")
    func foreignCurrencyDeduct() throws {
        let account = F.account("4563510100892345678", balance: "20000.00", kind: .foreignCurrency, currency: .usd)
        var ledger = try F.ledger([account], rates: ["USD": "7.1234"])
        _ = try handle(&ledger, try F.freeze("F1", account, limit: "15000.00"), day: 0)
        let converted = try #require(try handle(&ledger, try F.deduct("D1", account, amount: "10000.55", freeze: "F1", day: 1, convert: true), day: 1).deductResult)
        // 10,000.55 USD × 7.1234 = 71,237.9178 CNY, rounded half up to the fen.
        #expect(converted.creditedAmount == F.yuan("71237.92"))
        #expect(converted.foreignExchange?.rate == "7.1234" && converted.foreignExchange?.sourceAmount == F.yuan("10000.55", .usd))
        #expect(ledger.credits[F.chaoyang.specialAccount(currency: .cny)] == 7_123_792)
        let plain = try #require(try handle(&ledger, try F.deduct("D2", account, amount: "4999.45", freeze: "F1", day: 2), day: 2).deductResult)
        #expect(plain.creditedAmount == F.yuan("4999.45", .usd) && plain.specialAccount.currency == .usd)
        #expect(ledger.credits[F.chaoyang.specialAccount(currency: .usd)] == 499_945)
        let euro = try F.chaoyang.freeze(
            id: "F2", party: F.zhang, account: F.reference(account, currency: .eur), limit: F.yuan("1.00", .eur), until: F.yearEnd,
            allowLimitedFreeze: true, at: F.time(days: 3))
        #expect(try handle(&ledger, euro, day: 3).cannotAssistReason == .currencyNotHeld)
    }

    @Test("R-B21: closed and dormant accounts, outages and banks without online deduct answer with their reason")
    func cannotAssist() throws {
        let closed = F.account("6222020200100000001", balance: "0.00", status: .closed)
        let dormant = F.account("6222020200100000002", balance: "800.00", status: .dormant)
        let active = F.account("6222020200100000003", balance: "800.00")
        var ledger = try F.ledger([closed, dormant, active])
        #expect(try handle(&ledger, try F.freeze("F1", closed, limit: "100.00"), day: 0).cannotAssistReason == .accountClosed)
        #expect(try handle(&ledger, try F.freeze("F2", dormant, limit: "100.00"), day: 0).cannotAssistReason == .accountDormant)
        try ledger.schedule(BankEvent(at: F.time(days: 1, hours: 0), action: .outage(until: F.time(days: 1, hours: 12))))
        #expect(try handle(&ledger, try F.freeze("F3", active, limit: "100.00"), day: 1).cannotAssistReason == .systemOutage)
        // After the outage the same instruction, delivered again, is carried out.
        #expect(try handle(&ledger, try F.freeze("F3", active, limit: "100.00"), day: 1, hours: 13).freezeResult != nil)
        let counterOnly = BankProfile(
            code: "HEBRCU", institutionCode: "C3130000000001", name: "河北省农村信用社联合社", link: .pointToPoint(.hebei), onlineDeduct: false,
            medianDelayMilliseconds: 30_000, delaySpreadMilliseconds: 25_000, transientFailuresPerMille: 20, seed: 7)
        var rural = try F.ledger([active], profile: counterOnly)
        let deduct = try F.deduct("D1", active, amount: "100.00", freeze: nil, day: 2)
        #expect(rural.handle(deduct, receivedAt: F.time(days: 2)).cannotAssistReason == .deductNotSupportedOnline)
    }

    @Test("R-B8: a query reports every field of every account, closed ones included, and products with their fund account")
    func queryResult() throws {
        let product = WealthProduct(productName: "工银理财·恒睿日日鑫", assetType: .wealthManagement, assetManager: "工银理财有限责任公司", valueMinor: 2_000_000)
        let fund = F.account("6222020200177770001", balance: "5000.00", kind: .fundAccount, products: [product])
        let closed = F.account("6222020200100000001", balance: "0.00", status: .closed)
        var ledger = try F.ledger([fund, closed, F.account("6222020200188880001", owner: F.li, balance: "1.00")])
        _ = try handle(&ledger, try F.freeze("F1", fund, limit: "3000.00", by: F.haidian), day: 0)
        let result = try #require(try handle(&ledger, try F.chaoyang.query(id: "Q1", party: F.zhang, bank: nil, at: F.time(days: 1)), day: 1).queryResult)
        #expect(result.accounts.map(\.accountNumber) == [fund.number, closed.number])
        let first = try #require(result.accounts.first)
        #expect(first.accountName == F.zhang.name && first.branch == "中国工商银行北京朝阳支行" && first.contactPhone == "13800138000")
        #expect(first.openingDate == CalendarDate(unchecked: 2015, 6, 18) && first.accountType == .current && first.status == .active)
        #expect(first.balance == F.yuan("5000.00") && first.availableBalance == F.yuan("2000.00"))
        #expect(first.existingFreezes.map(\.authority.text) == ["人民法院（京0108）"] && first.existingFreezes.first?.amount == F.yuan("3000.00"))
        #expect(result.accounts.last?.status == .closed && result.accounts.last?.closingDate == CalendarDate(unchecked: 2021, 7, 30))
        #expect(result.otherAssets == [NonDepositAsset(assetType: .wealthManagement, productName: "工银理财·恒睿日日鑫", assetManager: "工银理财有限责任公司", linkedFundAccount: fund.number, value: F.yuan("20000.00"))])
    }

    @Test("R-B8: no account found is an explicit answer; a name that does not match the ID is refused")
    func queryWithoutAccount() throws {
        var ledger = try F.ledger([F.account("6222020200112233445", balance: "1.00")])
        let stranger = F.party("王五", "130102197511024565")
        let none = try handle(&ledger, try F.chaoyang.query(id: "Q1", party: stranger, bank: nil, at: F.time(days: 0)), day: 0)
        guard case .bankNoAccountFound = none else { Issue.record("expected no account found, got \(none.kind)"); return }
        let wrongName = F.party("张四", "11010519491231002X")
        let refused = try handle(&ledger, try F.chaoyang.query(id: "Q2", party: wrongName, bank: nil, at: F.time(days: 0)), day: 0)
        #expect(refused.cannotAssistReason == .nameDoesNotMatchID)
    }

    @Test("a repeated instruction id gets the first receipt again, even after the account changed")
    func repeatedDelivery() throws {
        let account = F.account("6222020200112233445", balance: "30000.00")
        var ledger = try F.ledger([account])
        let freeze = try F.freeze("F1", account, limit: "10000.00")
        let first = try handle(&ledger, freeze, day: 0)
        try ledger.schedule(BankEvent(at: F.time(days: 1), action: .inflow(account.key, amountMinor: 100)))
        let again = try handle(&ledger, freeze, day: 2)
        #expect(first == again)
        #expect(ledger.account(account.key)?.freezes.count == 1)
    }

    @Test("delays and transient failures are drawn from the seed: the same every time, within median ± spread")
    func profileDraws() {
        let ids: [InstructionID] = (0..<200).map { InstructionID(stringLiteral: "BJ0105-2026-\($0)") }
        let delays = ids.map { F.profile.responseDelayMilliseconds(for: $0) }
        #expect(delays == ids.map { F.profile.responseDelayMilliseconds(for: $0) })
        #expect(delays.allSatisfy { (500...2_500).contains($0) })
        #expect(Set(delays).count > 50)
        let always = BankProfile(
            code: "X", institutionCode: "C1", name: "x", link: .totalToTotal, onlineDeduct: true, medianDelayMilliseconds: 0,
            delaySpreadMilliseconds: 0, transientFailuresPerMille: 1_000, seed: 1)
        #expect(ids.allSatisfy { always.failsTransiently(on: $0) })
        #expect(!ids.allSatisfy { F.profile.failsTransiently(on: $0) })
    }

    @Test("the actor answers many tasks at once, each account's measures applied in full")
    func concurrentTasks() async throws {
        let accounts = (0..<50).map { F.account(AccountNumber(stringLiteral: "62220202\(100_000 + $0)"), balance: "1000.00") }
        let bank = SimulatedBank(ledger: try F.ledger(accounts))
        let documents = try accounts.enumerated().map { try F.freeze(InstructionID(stringLiteral: "F\($0.offset)"), $0.element, limit: "600.00") }
        let receipts = await withTaskGroup(of: ReceiptDocument.self) { group in
            for document in documents { group.addTask { await bank.handle(document, receivedAt: F.time(days: 0)) } }
            var all: [ReceiptDocument] = []
            for await receipt in group { all.append(receipt) }
            return all
        }
        #expect(receipts.count == 50 && receipts.allSatisfy { $0.freezeResult?.held == F.yuan("600.00") })
        #expect(await bank.account(accounts[7].key)?.spendableMinor == 40_000)
    }
}
