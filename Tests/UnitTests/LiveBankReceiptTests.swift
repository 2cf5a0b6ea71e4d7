import BankAdapter
import Foundation
import HubPKI
import HubProtocol
import QueryHub
import Testing

/// What the simulated banks' receipts tell the court through the live hub: a query's result with
/// every field R-B8 names (and the explicit "no account found" of a bank without any), the freeze
/// receipt's amounts and period, a deduct of frozen funds without a prior unfreeze, and the hub's
/// acceptance time as the service time.
@Suite("Live network: what banks' receipts tell the court", .serialized)
struct LiveBankReceiptTests {
    typealias Network = LiveNetwork

    static func yuan(_ text: String) -> Money { BankFixture.yuan(text, .cny) }

    @Test("R-B7, R-B8: a query reaches every bank; one lists each account with its fields, closed ones and other courts' freezes included; one without answers no account found")
    func queryResultThroughTheHub() async throws {
        let salary = LiveNetworkTests.account("6222020200112233445", balance: "30000.00")
        let closed = LiveNetworkTests.account("6222020200100000017", balance: "0.00", status: .closed)
        try await Network.with(accounts: ["ICBC": [salary, closed], "BOC": []]) { network in
            let icbc = network.bank("ICBC")
            _ = try await network.measure(
                try network.freeze("F-H", by: Network.haidian, on: LiveNetworkTests.on(salary), amount: "10000.00"), by: Network.haidian,
                at: "ICBC")
            try await network.submit(try network.query("Q-8"))
            #expect(try await icbc.deliver() == 1)
            #expect(try await network.bank("BOC").deliver() == 1)

            let answer = try #require(try await network.receipts("Q-8").first { $0.adapter == "bank:ICBC" })
            let result = try #require(answer.document.queryResult, "\(answer)")
            #expect(result.header.responder == icbc.bank.profile.institutionCode && result.header.respondedAt == network.now)
            #expect(result.accounts.map(\.accountNumber) == [salary.number, closed.number])
            let open = try #require(result.accounts.first)
            #expect(open.openingDate.description == "2015-06-18" && open.branch.text == "中国工商银行北京朝阳支行")
            #expect(open.accountName == LiveNetwork.debtor.name && open.contactPhone.text == "13800138000")
            #expect(open.accountType == .current && open.status == .active && open.closingDate == nil)
            #expect(open.balance == Self.yuan("30000.00") && open.availableBalance == Self.yuan("20000.00"))
            #expect(open.existingFreezes.map(\.authority.text) == ["人民法院（京0108）"], "another court's freeze is shown")
            #expect(open.existingFreezes.map(\.amount) == [Self.yuan("10000.00")])
            #expect(open.existingFreezes.first?.period.from.description == network.day())
            let gone = try #require(result.accounts.last)
            #expect(gone.status == .closed && gone.closingDate?.description == "2021-07-30", "closed accounts are reported")

            // BOC holds nothing for the party: its explicit answer is recorded as such.
            let view = try await network.hub.get("/v1/instructions/Q-8", as: try PrincipalIdentity(kind: .court, id: "京0105"))
            #expect(view.json["noAccountFound"] as? [String] == ["bank:BOC"], "\(view.bodyText)")

            // R-B7: the bank matches the party by document and name; another name is refused.
            let misnamed = try SampleInstructions.queryEveryBank(
                registry: network.hub.setup.registry, court: Network.chaoyang, instructionID: "Q-9",
                issuedAtMilliseconds: network.clock.milliseconds, partyName: "张四")
            try await network.submit(misnamed)
            #expect(try await icbc.deliver() == 1)
            let refused = try #require(try await network.receipts("Q-9").first { $0.adapter == "bank:ICBC" })
            guard case .cannotAssist(let refusal) = refused.document else {
                Issue.record("expected cannot-assist, got \(refused)")
                return
            }
            #expect(refusal.reason == .nameDoesNotMatchID)
        }
    }

    @Test("R-B11, R-B18, R-B20: the freeze receipt states requested, held and period; frozen funds are deducted without an unfreeze to the named special account; the service time is the hub's acceptance")
    func freezeThenDeductWithoutUnfreeze() async throws {
        let salary = LiveNetworkTests.account("6222020200112233445", balance: "30000.00")
        try await Network.with(accounts: ["ICBC": [salary]]) { network in
            let icbc = network.bank("ICBC")
            let measureCase = LiveNetworkTests.on(salary)
            let accepted = try await network.hub.submit(
                try network.freeze("F-11", on: measureCase, amount: "20000.00", days: 180), court: Network.chaoyang)
            #expect(accepted.statusCode == 202, "\(accepted.bodyText)")
            let serviceTime = try #require(accepted.json["serviceTime"] as? String)
            #expect(serviceTime == network.now.description, "R-B20: served when the hub accepted it")
            await network.advance(milliseconds: 60_000)
            #expect(try await icbc.deliver() == 1)
            let view = try await network.hub.get("/v1/instructions/F-11", as: try PrincipalIdentity(kind: .court, id: "京0105"))
            #expect(view.json["serviceTime"] as? String == serviceTime, "the service time is recorded, not the bank's time")

            let frozen = try #require(try await network.receipts("F-11").first?.document.freezeResult)
            #expect(frozen.account.number == salary.number && frozen.requested == Self.yuan("20000.00"))
            #expect(frozen.held == Self.yuan("20000.00") && frozen.notHeld == Self.yuan("0.00") && !frozen.limited)
            #expect(frozen.period.from.description == network.day() && frozen.period.to.description == network.day(plus: 180))

            let special = try network.hub.setup.registry.specialAccount(court: Network.chaoyang, currency: .cny)
            let deducted = try await network.measure(
                try network.deduct("D-18", on: measureCase, freezeID: "F-11", amount: "5000.00"), at: "ICBC")
            let deduct = try #require(deducted.document.deductResult, "\(deducted)")
            #expect(deduct.account.number == salary.number && deduct.freezeInstructionId?.description == "F-11")
            #expect(deduct.requested == Self.yuan("5000.00") && deduct.deducted == Self.yuan("5000.00"))
            #expect(deduct.specialAccount.number.description == special.accountNumber && deduct.specialAccount.name == special.accountName)
            #expect(deduct.remainingHeld == Self.yuan("15000.00"))
            #expect(deducted.flagged == nil)
            // No unfreeze came between: the freeze stands at the bank with what was not deducted.
            let account = try #require(await icbc.account(salary.number))
            #expect(account.freezes.map(\.instructionId.description) == ["F-11"])
            #expect(account.freezes.map(\.heldMinor) == [Self.yuan("15000.00").minorUnits])
            #expect(account.balanceMinor == Self.yuan("25000.00").minorUnits)
        }
    }
}
