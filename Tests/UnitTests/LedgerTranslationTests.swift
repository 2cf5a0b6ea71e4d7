import Foundation
import HubProtocol
import QueryHub
import Testing

/// The wire documents as the control ledger sees them: measures, receipts, days in Beijing time,
/// and refusals as a court reads them. Documents are the wire fixtures.
@Suite("Ledger translation")
struct LedgerTranslationTests {
    static let account = AccountKey(bankCode: "C1010211000012", accountNumber: "6222020200112233445", currency: .cny)

    static func instruction(_ kind: String, edit: (JSONValue) -> JSONValue = { $0 }) throws -> InstructionDocument {
        let tree = edit(try parsed(WireFixtures.instruction(kind)))
        return try StrictJSONDecoder().decode(InstructionDocument.self, from: CanonicalJSON.serialize(tree))
    }

    static func receipt(_ kind: String, edit: (JSONValue) -> JSONValue = { $0 }) throws -> ReceiptDocument {
        let tree = edit(try parsed(WireFixtures.receipt(kind)))
        return try StrictJSONDecoder().decode(ReceiptDocument.self, from: CanonicalJSON.serialize(tree))
    }

    static func day(_ text: String) throws -> LedgerDay { try LedgerDay(iso8601: text) }

    static func cny(_ minor: Int64) -> Money { Money(minorUnits: minor, currency: .cny) }

    // MARK: - Instructions

    @Test("a freeze keeps its limit and period; its id is qualified by the court, so courts' ids never collide")
    func freeze() throws {
        guard case .freeze(let freeze)? = LedgerTranslation.instruction(try Self.instruction("bank.freeze")) else {
            Issue.record("a freeze is a ledger freeze"); return
        }
        #expect(freeze.header.instructionId == LedgerInstructionID("京0105/BJ0105-2026-000123"))
        #expect(freeze.header.court == LedgerCourt("京0105"))
        #expect(freeze.header.caseNumber == LedgerCase("（2026）京0105执1234号"))
        #expect(freeze.header.account == Self.account)
        #expect(freeze.header.amountOwed == Self.cny(50_000_000))
        #expect(freeze.amount == Self.cny(12_000_000))
        #expect(freeze.start == (try Self.day("2026-12-01")))
        #expect(freeze.end == (try Self.day("2027-11-30")))
        #expect(LedgerTranslation.parts(of: freeze.header.instructionId) == ("京0105", "BJ0105-2026-000123"))
    }

    @Test("R-B14: a renew names the issuing court's own freeze and the new end")
    func renew() throws {
        guard case .renew(let renew)? = LedgerTranslation.instruction(try Self.instruction("bank.renew")) else {
            Issue.record("a renew is a ledger renew"); return
        }
        #expect(renew.freezeId == LedgerInstructionID("京0105/BJ0105-2026-000123"))
        #expect(renew.newEnd == (try Self.day("2028-11-29")))
    }

    @Test("an unfreeze releases the stated amount, or all of the freeze when whole")
    func unfreeze() throws {
        guard case .unfreeze(let partial)? = LedgerTranslation.instruction(try Self.instruction("bank.unfreeze")) else {
            Issue.record("an unfreeze is a ledger unfreeze"); return
        }
        #expect(partial.amount == Self.cny(2_000_000))
        let whole = try Self.instruction("bank.unfreeze") {
            $0.replacing(["scope"], with: .string("whole")).replacing(["amount"], with: nil)
        }
        guard case .unfreeze(let all)? = LedgerTranslation.instruction(whole) else {
            Issue.record("a whole unfreeze is a ledger unfreeze"); return
        }
        #expect(all.amount == nil)
    }

    @Test("R-B17, R-B18: a deduct carries the special account it names; one naming no freeze is not the ledger's")
    func deduct() throws {
        guard case .deduct(let deduct)? = LedgerTranslation.instruction(try Self.instruction("bank.deduct")) else {
            Issue.record("a deduct is a ledger deduct"); return
        }
        #expect(deduct.amount == Self.cny(10_000_000))
        #expect(deduct.target == LedgerSpecialAccount(bankName: "C1010211000099", accountNumber: "0200001409200012345", accountName: "北京市朝阳区人民法院"))
        #expect(deduct.creditCurrency == .cny)
        #expect(!deduct.includeUnheldFunds)
        let unheld = try Self.instruction("bank.deduct") {
            $0.replacing(["freezeInstructionId"], with: nil).replacing(["includeUnheldAvailableFunds"], with: .bool(true))
        }
        #expect(LedgerTranslation.instruction(unheld) == nil)
        #expect(LedgerTranslation.instruction(try Self.instruction("bank.query")) == nil)
        #expect(LedgerTranslation.instruction(try Self.instruction("police.restrictExit")) == nil)
    }

    @Test("R-B17: the registry's special accounts become the ledger's, one per currency")
    func specialAccounts() throws {
        let registry = try Registry.sample()
        let directory = LedgerTranslation.specialAccounts(of: registry)
        let court = try CourtCode("京0105")
        for currency in [Currency.cny, .usd] {
            let registered = try registry.specialAccount(court: court, currency: currency)
            #expect(directory.target(court: LedgerCourt("京0105"), currency: currency) == LedgerTranslation.specialAccount(registered))
        }
        #expect(directory.target(court: LedgerCourt("京0105"), currency: .eur) == nil, "no EUR account is registered")
    }

    // MARK: - Receipts

    static var freezeInstruction: LedgerInstruction {
        get throws { try #require(LedgerTranslation.instruction(try instruction("bank.freeze"))) }
    }

    @Test("R-B11, R-B12, R-B13, R-B16: a freeze result gives held, the part not held, claimed funds not counted and the earlier freezes; no balance")
    func freezeResult() throws {
        let instruction = try Self.freezeInstruction
        let report = LedgerTranslation.report(try Self.receipt("bank.freezeResult"), instruction: instruction, court: "京0105", bankCode: "ICBC")
        guard case .measure(let answer)? = report, case .frozen(let frozen) = answer.receipt.result else {
            Issue.record("a freeze result answers the measure"); return
        }
        #expect(answer.breach == nil)
        #expect(answer.receipt.instructionId == instruction.header.instructionId)
        #expect(answer.receipt.balance == nil)
        #expect(frozen.actualHeld == Self.cny(3_650_000))
        #expect(frozen.excess == Self.cny(8_350_000))
        #expect(frozen.uncountedHeld == Self.cny(2_000_000), "R-B16: the wire's uncountedClaimFunds")
        #expect(frozen.earlierFreezes == 1)
        #expect(frozen.end == (try Self.day("2027-11-30")))
    }

    @Test("a receipt naming another account than the measure is a breach: flagged, not applied")
    func receiptOnAnotherAccount() throws {
        let other = try Self.receipt("bank.freezeResult") { $0.replacing(["account", "number"], with: .string("6222020200999999999")) }
        guard case .measure(let answer)? = LedgerTranslation.report(other, instruction: try Self.freezeInstruction, court: "京0105", bankCode: "ICBC")
        else { Issue.record("still an answer to the measure"); return }
        #expect(answer.breach?.contains("6222020200999999999") == true)
    }

    @Test("R-B17, R-B19: a deduct result keeps what stays frozen; crediting another special account is a breach")
    func deductResult() throws {
        let instruction = try #require(LedgerTranslation.instruction(try Self.instruction("bank.deduct")))
        guard case .measure(let answer)? = LedgerTranslation.report(
            try Self.receipt("bank.deductResult"), instruction: instruction, court: "京0105", bankCode: "ICBC"),
            case .deducted(let deducted, let stillFrozen) = answer.receipt.result
        else { Issue.record("a deduct result answers the deduct"); return }
        #expect(answer.breach == nil)
        #expect(deducted == Self.cny(6_000_000))
        #expect(stillFrozen == Self.cny(4_000_000), "R-B19: the hold less what was deducted")
        let elsewhere = try Self.receipt("bank.deductResult") { $0.replacing(["specialAccount", "number"], with: .string("0200009999999999999")) }
        guard case .measure(let misdirected)? = LedgerTranslation.report(elsewhere, instruction: instruction, court: "京0105", bankCode: "ICBC")
        else { Issue.record("still an answer to the deduct"); return }
        #expect(misdirected.breach?.hasPrefix("R-B17") == true)
    }

    @Test("R-B21: a bank that cannot assist did not execute the measure, and says why")
    func cannotAssist() throws {
        guard case .measure(let answer)? = LedgerTranslation.report(
            try Self.receipt("cannotAssist"), instruction: try Self.freezeInstruction, court: "京0105", bankCode: "ICBC"),
            case .notExecuted(let reason) = answer.receipt.result
        else { Issue.record("cannot assist is an answer"); return }
        #expect(reason.hasPrefix("accountDormant"))
        #expect(answer.receipt.account == Self.account, "the account is the measure's: the receipt names none")
    }

    @Test("R-B8, R-B16: a query result reports each account under the answering bank's code, with claims and reviews")
    func queryResult() throws {
        let query = try Self.receipt("bank.queryResult") {
            $0.replacing(["accounts", 1, "priorityClaims", 0, "underReview"], with: .bool(true))
        }
        guard case .accounts(let accounts)? = LedgerTranslation.report(query, instruction: nil, court: "京0105", bankCode: "ICBC") else {
            Issue.record("a query result reports accounts"); return
        }
        #expect(accounts.map(\.report.account.accountNumber) == ["6222020200112233445", "0200004501012345678", "6222020200177889900"])
        #expect(accounts.allSatisfy { $0.report.account.bankCode == "ICBC" })
        #expect(accounts[0].report.balance == Self.cny(8_650_000))
        #expect(accounts[0].report.priorityClaims.isEmpty)
        let claims = accounts[1].report.priorityClaims
        #expect(claims.map(\.kind) == [.margin])
        #expect(claims.first?.amount == Self.cny(1_000_000))
        #expect(accounts[1].claimsUnderReview == Set(claims.map(\.claimId)))
        #expect(LedgerTranslation.report(try Self.receipt("police.identityResult"), instruction: nil, court: "京0105", bankCode: "ICBC") == nil)
    }

    @Test("R-P1: a pension account's protected minimum becomes the ledger's living-expense reserve; other accounts keep none")
    func pensionReserve() throws {
        let query = try Self.receipt("bank.queryResult")
        guard case .accounts(let accounts)? = LedgerTranslation.report(query, instruction: nil, court: "京0105", bankCode: "ICBC") else {
            Issue.record("a query result reports accounts"); return
        }
        #expect(accounts.map(\.report.kind) == [.ordinary, .ordinary, .pension(livingExpenseReserve: Self.cny(200_000))])
        let none = try Self.receipt("bank.queryResult") {
            $0.replacing(["accounts", 2, "protectedMinimum"], with: money("0.00"))
        }
        guard case .accounts(let zero)? = LedgerTranslation.report(none, instruction: nil, court: "京0105", bankCode: "ICBC") else {
            Issue.record("a query result reports accounts"); return
        }
        #expect(zero[2].report.kind == .pension(livingExpenseReserve: Self.cny(0)), "a stated zero is still a pension account")
    }

    @Test("R-P1: the deduct's finding that other assets are not enough reaches the ledger; absent or false is no finding")
    func deductOfPension() throws {
        func finding(_ value: JSONValue?) throws -> Bool? {
            let document = try Self.instruction("bank.deduct") { $0.replacing(["otherAssetsInsufficient"], with: value) }
            guard case .deduct(let deduct)? = LedgerTranslation.instruction(document) else { return nil }
            return deduct.otherAssetsInsufficient
        }
        #expect(try finding(.bool(true)) == true)
        #expect(try finding(.bool(false)) == false)
        #expect(try finding(nil) == false, "a deduct that states no finding may not take a pension")
    }

    @Test("R-P1: the ledger refuses a pension account's deduct without the court's finding, and takes one with it")
    func pensionDeductRefusedWithoutFinding() throws {
        // The fixture's deduct names the court's special account: register it.
        guard case .deduct(let fixtureDeduct)? = LedgerTranslation.instruction(try Self.instruction("bank.deduct")) else {
            Issue.record("a deduct naming a freeze is the ledger's"); return
        }
        var directory = SpecialAccountDirectory()
        directory.register(court: LedgerCourt("京0105"), accounts: [.cny: fixtureDeduct.target])
        let ledger = ControlLedger(specialAccounts: directory, startDay: try Self.day("2026-12-01"))
        let freeze = try Self.freezeInstruction
        let account = freeze.header.account
        let today = try Self.day("2026-12-01")
        let report = AccountReport(
            account: account, balance: Self.cny(3_850_000), kind: .pension(livingExpenseReserve: Self.cny(200_000)), priorityClaims: [])
        #expect(ledger.report(report, today: today).flag == nil)
        #expect(ledger.dispatch(freeze, today: today).decision.isAccepted)
        guard case .measure(let answer)? = LedgerTranslation.report(
            try Self.receipt("bank.freezeResult") { $0.replacing(["earlierFreezes"], with: .array([])).replacing(["queuePosition"], with: .integer(1)) },
            instruction: freeze, court: "京0105", bankCode: "ICBC")
        else { Issue.record("a freeze result answers the freeze"); return }
        #expect(ledger.apply(answer.receipt, today: today).flag == nil)
        let without = try #require(LedgerTranslation.instruction(try Self.instruction("bank.deduct") {
            $0.replacing(["amount"], with: money("30000.00"))
        }))
        guard case .refused(let refusal) = ledger.dispatch(without, today: today).decision else {
            Issue.record("a pension deduct without the finding is refused"); return
        }
        #expect(refusal == .pensionNeedsOtherAssetsInsufficient(account))
        let problem = try #require(refusalProblem(refusal, without))
        #expect(problem.detail.hasPrefix("R-P1: ") && problem.field == "$.otherAssetsInsufficient", "\(problem.detail)")
        let with = try #require(LedgerTranslation.instruction(try Self.instruction("bank.deduct") {
            $0.replacing(["amount"], with: money("30000.00")).replacing(["otherAssetsInsufficient"], with: .bool(true))
        }))
        #expect(ledger.dispatch(with, today: today).decision.isAccepted)
    }

    // MARK: - Days and refusals

    @Test("a day in China Standard Time turns at 16:00 UTC", arguments: [
        (Int64(1_780_329_599_999), "2026-06-01"),  // 2026-06-01T15:59:59.999Z
        (Int64(1_780_329_600_000), "2026-06-02"),  // 2026-06-01T16:00:00.000Z
        (Int64(-28_800_001), "1969-12-31"),  // 1969-12-31T15:59:59.999Z
        (Int64(-28_800_000), "1970-01-01"),
    ])
    func chinaDay(milliseconds: Int64, expected: String) {
        #expect(LedgerDay(unixMillisecondsInChina: milliseconds).description == expected)
    }

    @Test("a refusal names its rule and the field of the court's document", arguments: [
        (LedgerRefusal.deductAboveHeld(requested: cny(150_000), held: cny(100_000), unheldAvailable: cny(0)), "R-B19", "$.amount"),
        (.freezeOwnedByAnotherCourt(freeze: LedgerInstructionID("京0105/BJ0105-2026-000123"), owner: LedgerCourt("京0108")), "R-B18", "$.freezeInstructionId"),
        (.priorityClaimFundsNotDeductible(requested: cny(900), deductible: cny(700), underReview: true), "R-B16", "$.amount"),
        (.freezeNotConfirmed(LedgerInstructionID("京0105/BJ0105-2026-000123")), "R-B18", "$.freezeInstructionId"),
    ])
    func refusalRuleAndField(refusal: LedgerRefusal, rule: String, field: String) throws {
        let deduct = try #require(LedgerTranslation.instruction(try Self.instruction("bank.deduct")))
        let problem = try #require(refusalProblem(refusal, deduct))
        #expect(problem.detail.hasPrefix(rule + ": "))
        #expect(problem.field == field)
        #expect(!problem.detail.contains("京0105/"), "ids read as the court wrote them")
    }

    /// The problem a court gets for a refusal of `instruction`, through the gate.
    func refusalProblem(_ refusal: LedgerRefusal, _ instruction: LedgerInstruction) -> ProblemError? {
        ProblemError.ledgerRefusal(refusal, instruction: instruction)
    }
}
