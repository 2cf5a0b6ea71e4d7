import BankAdapter
import Foundation
import HubClient
import HubProtocol
import QueryHub
import Testing

/// Issue 5's end-to-end rules: courts' sealed measures through a live hub over mutual TLS to the
/// sample registry's simulated banks, which verify the seals, act on their core ledgers and answer
/// with batch-sealed receipts. Each test checks three views against each other: the receipt the
/// court reads, the bank's core ledger, and the hub's control ledger.
@Suite("Live network: courts, hub and simulated banks", .serialized)
struct LiveNetworkTests {
    typealias Network = LiveNetwork
    static let chaoyang = LiveNetwork.chaoyang
    static let haidian = LiveNetwork.haidian
    static let huangpu = LiveNetwork.huangpu

    static func yuan(_ text: String, _ currency: Currency = .cny) -> Money { BankFixture.yuan(text, currency) }

    /// 张三's account at a bank, with the balance and particulars given.
    static func account(
        _ number: AccountNumber, balance: String, kind: SimulatedAccountKind = .current, currency: Currency = .cny,
        protectedMinimum: String = "0", claims: [SimulatedClaim] = [], status: AccountStatus = .active
    ) -> SimulatedAccount {
        BankFixture.account(
            number, balance: balance, kind: kind, currency: currency, protectedMinimum: protectedMinimum, claims: claims, status: status)
    }

    static func on(_ account: SimulatedAccount, bank: String = "ICBC", caseSerial: Int = 1) -> SampleMeasureCase {
        SampleMeasureCase(bank: bank, accountNumber: account.number.description, currency: account.currency, caseSerial: caseSerial)
    }

    @Test("R-B12: a limited freeze holds what is there, fills when a scheduled inflow arrives, and the filled hold is deducted")
    func limitedFreezeFills() async throws {
        let salary = Self.account("6222020200112233445", balance: "30000.00")
        try await Network.with(accounts: ["ICBC": [salary]]) { network in
            let icbc = network.bank("ICBC")
            let measureCase = Self.on(salary)
            try await icbc.bank.schedule(
                BankEvent(at: network.later(hours: 24), action: .inflow(salary.key, amountMinor: Self.yuan("25000.00").minorUnits)))
            let frozen = try await network.measure(try network.freeze("F-12", on: measureCase, amount: "50000.00"), at: "ICBC")
            let result = try #require(frozen.document.freezeResult, "\(frozen)")
            #expect(result.held == Self.yuan("30000.00") && result.notHeld == Self.yuan("20000.00") && result.limited)
            #expect(frozen.flagged == nil)

            await network.advance(days: 1)
            // The inflow fills the freeze at the bank (R-B12) …
            #expect(await icbc.account(salary.number)?.freezes.map(\.heldMinor) == [Self.yuan("50000.00").minorUnits])
            // … but the hub knows only what receipts prove: until a receipt reports the new
            // balance, it still counts 30,000.00 held and refuses a deduct of the whole limit.
            let early = try await network.refusal(try network.deduct("D-11", on: measureCase, freezeID: "F-12", amount: "50000.00"))
            #expect(early.rule == "R-B19" && early.field == "$.amount", "\(early.detail)")

            // A query's result reports the balance; the bank's record shows the hold filled.
            try await network.submit(try network.query("Q-12"))
            try await icbc.deliver()
            let answer = try #require(try await network.receipts("Q-12").first { $0.adapter == "bank:ICBC" })
            let record = try #require(answer.document.queryResult?.accounts.first)
            #expect(record.balance == Self.yuan("55000.00"))
            #expect(record.availableBalance == Self.yuan("5000.00"), "55,000.00 less the 50,000.00 held")
            #expect(record.existingFreezes.map(\.amount) == [Self.yuan("50000.00")])
            let hub = try await network.ledgerAccount(bank: "ICBC", number: salary.number.description)
            #expect(hub.freezes.map(\.held) == ["50000.00"], "the hub takes the inflow into the freeze too")

            let deducted = try await network.measure(try network.deduct("D-12", on: measureCase, freezeID: "F-12", amount: "50000.00"), at: "ICBC")
            let deduct = try #require(deducted.document.deductResult, "\(deducted)")
            #expect(deduct.heldBefore == Self.yuan("50000.00") && deduct.deducted == Self.yuan("50000.00"))
            #expect(deduct.notDeducted == Self.yuan("0.00") && deduct.remainingHeld == Self.yuan("0.00"))
            #expect(deducted.flagged == nil)
            let after = try #require(await icbc.account(salary.number))
            #expect(after.balanceMinor == Self.yuan("5000.00").minorUnits && after.freezes.isEmpty)
            let special = try network.hub.setup.registry.specialAccount(court: Self.chaoyang, currency: .cny)
            #expect(await icbc.bank.snapshot.credits.first { $0.key.number.description == special.accountNumber }?.value
                    == Self.yuan("50000.00").minorUnits)
        }
    }

    @Test("R-B13: three courts' freezes queue in arrival order; when the first is released the next take what it held, as their next receipts show")
    func queuedAndPromoted() async throws {
        let shared = Self.account("6222020200198765432", balance: "50000.00")
        try await Network.with(accounts: ["ICBC": [shared]]) { network in
            let measureCase = Self.on(shared)
            var results: [BankFreezeResult] = []
            for (id, court, amount) in [("A", Self.chaoyang, "40000.00"), ("B", Self.haidian, "30000.00"), ("C", Self.huangpu, "20000.00")] {
                let receipt = try await network.measure(try network.freeze(id, by: court, on: measureCase, amount: amount), by: court, at: "ICBC")
                #expect(receipt.flagged == nil, "\(receipt)")
                results.append(try #require(receipt.document.freezeResult, "\(receipt)"))
            }
            #expect(results.map(\.queuePosition) == [1, 2, 3])
            #expect(results.map(\.held) == [Self.yuan("40000.00"), Self.yuan("10000.00"), Self.yuan("0.00")])
            #expect(results[2].earlierFreezes.map(\.amount) == [Self.yuan("40000.00"), Self.yuan("30000.00")])
            #expect(results[2].earlierFreezes.map(\.authority.text) == ["人民法院（京0105）", "人民法院（京0108）"])

            let released = try await network.measure(
                try network.unfreeze("U-A", by: Self.chaoyang, on: measureCase, freezeID: "A", amount: nil), at: "ICBC")
            let release = try #require(released.document.unfreezeResult, "\(released)")
            #expect(release.released == Self.yuan("40000.00") && release.remainingHeld == Self.yuan("0.00"))

            // The next receipts on B and C show them holding what A held.
            let renewedB = try await network.measure(
                try network.renew("R-B", by: Self.haidian, on: measureCase, freezeID: "B", amount: "30000.00", days: 200), by: Self.haidian,
                at: "ICBC")
            let b = try #require(renewedB.document.renewResult, "\(renewedB)")
            #expect(b.held == Self.yuan("30000.00") && b.freezesBefore.isEmpty && b.freezesAfter.map(\.amount) == [Self.yuan("20000.00")])
            let renewedC = try await network.measure(
                try network.renew("R-C", by: Self.huangpu, on: measureCase, freezeID: "C", amount: "20000.00", days: 200), by: Self.huangpu,
                at: "ICBC")
            let c = try #require(renewedC.document.renewResult, "\(renewedC)")
            #expect(c.held == Self.yuan("20000.00") && c.freezesBefore.map(\.amount) == [Self.yuan("30000.00")])
            #expect([renewedB.flagged, renewedC.flagged] == [nil, nil])

            // The bank and the hub agree on every hold.
            let bank = try #require(await network.bank("ICBC").account(shared.number))
            #expect(bank.freezes.map(\.instructionId.description) == ["B", "C"])
            #expect(bank.freezes.map(\.heldMinor) == [Self.yuan("30000.00").minorUnits, Self.yuan("20000.00").minorUnits])
            let hub = try await network.ledgerAccount(bank: "ICBC", number: shared.number.description)
            #expect(hub.freezes.map(\.state) == ["released", "active", "active"], "\(hub.freezes)")
            #expect(hub.freezes.map(\.held) == ["0.00", "30000.00", "20000.00"])
            #expect(hub.flagged.isEmpty)
        }
    }

    @Test("R-B14: a renewal keeps its place in line; when the first freeze lapses the renewed one takes its funds; a partial unfreeze passes the rest on")
    func renewalAndPartialUnfreeze() async throws {
        let shared = Self.account("6222020200198765432", balance: "50000.00")
        try await Network.with(accounts: ["ICBC": [shared]]) { network in
            let measureCase = Self.on(shared)
            try await network.submit(try network.freeze("A", by: Self.chaoyang, on: measureCase, amount: "40000.00", days: 10), by: Self.chaoyang)
            try await network.submit(try network.freeze("B", by: Self.haidian, on: measureCase, amount: "30000.00", days: 10), by: Self.haidian)
            try await network.submit(try network.freeze("C", by: Self.huangpu, on: measureCase, amount: "30000.00"), by: Self.huangpu)
            #expect(try await network.bank("ICBC").deliver() == 3)
            let renewed = try await network.measure(
                try network.renew("R-B", by: Self.haidian, on: measureCase, freezeID: "B", amount: "30000.00", days: 200), by: Self.haidian,
                at: "ICBC")
            let renewal = try #require(renewed.document.renewResult, "\(renewed)")
            #expect(renewal.period.to.description == network.day(plus: 200))
            #expect(renewal.held == Self.yuan("10000.00"))
            #expect(renewal.freezesBefore.map(\.authority.text) == ["人民法院（京0105）"], "its place: after A …")
            #expect(renewal.freezesAfter.map(\.authority.text) == ["人民法院（沪0101）"], "… and before C")
            #expect(renewed.flagged == nil)

            // Day 11: A (not renewed) has lapsed at the bank and in the hub; B, renewed, keeps its
            // place ahead of C and takes what A held.
            await network.advance(days: 11)
            let partial = try await network.measure(
                try network.unfreeze("U-B", by: Self.haidian, on: measureCase, freezeID: "B", amount: "12000.00"), by: Self.haidian,
                at: "ICBC")
            let unfrozen = try #require(partial.document.unfreezeResult, "\(partial)")
            #expect(unfrozen.released == Self.yuan("12000.00"))
            #expect(unfrozen.remainingHeld == Self.yuan("18000.00"), "B held 30,000.00 after A lapsed; 18,000.00 stays frozen")
            #expect(partial.flagged == nil)
            // What B let go passes to C, as C's next receipt shows.
            let renewedC = try await network.measure(
                try network.renew("R-C", by: Self.huangpu, on: measureCase, freezeID: "C", amount: "30000.00", days: 300), by: Self.huangpu,
                at: "ICBC")
            let c = try #require(renewedC.document.renewResult, "\(renewedC)")
            #expect(c.held == Self.yuan("30000.00") && c.freezesBefore.map(\.amount) == [Self.yuan("18000.00")])

            let bank = try #require(await network.bank("ICBC").account(shared.number))
            #expect(bank.freezes.map(\.instructionId.description) == ["B", "C"])
            #expect(bank.freezes.map(\.heldMinor) == [Self.yuan("18000.00").minorUnits, Self.yuan("30000.00").minorUnits])
            let hub = try await network.ledgerAccount(bank: "ICBC", number: shared.number.description)
            #expect(hub.freezes.map(\.state) == ["lapsed", "active", "active"], "\(hub.freezes)")
            #expect(hub.freezes.map(\.held) == ["0.00", "18000.00", "30000.00"])
            #expect(hub.amount("unheld") == "2000.00")
            #expect(hub.flagged.isEmpty)
        }
    }

    @Test("R-B19: part of a freeze deducted leaves the rest frozen; a deduct the bank fills only in part reports the not-deducted amount")
    func partialDeduct() async throws {
        let wages = Self.account("6222020200112233445", balance: "30000.00")
        try await Network.with(accounts: ["ICBC": [wages]]) { network in
            let icbc = network.bank("ICBC")
            let measureCase = Self.on(wages)
            _ = try await network.measure(try network.freeze("F-19", on: measureCase, amount: "10000.00"), at: "ICBC")
            let first = try await network.measure(try network.deduct("D-1", on: measureCase, freezeID: "F-19", amount: "6000.00"), at: "ICBC")
            let part = try #require(first.document.deductResult, "\(first)")
            #expect(part.requested == Self.yuan("6000.00") && part.deducted == Self.yuan("6000.00"))
            // The wire's notDeducted is requested less deducted; R-B19's "not deducted" — the frozen
            // amount less what was deducted, still frozen — is the wire's remainingHeld.
            #expect(part.notDeducted == Self.yuan("0.00"))
            #expect(part.heldBefore == Self.yuan("10000.00") && part.remainingHeld == Self.yuan("4000.00"))
            #expect(first.flagged == nil, "\(first)")
            #expect(await icbc.account(wages.number)?.freezes.map(\.heldMinor) == [Self.yuan("4000.00").minorUnits])
            #expect(try await network.ledgerAccount(bank: "ICBC", number: wages.number.description).freezes.map(\.held) == ["4000.00"])

            // A query tells the hub 20,000.00 lies unheld; then the holder spends 15,000.00 of it.
            try await network.submit(try network.query("Q-19"))
            try await icbc.deliver()
            try await icbc.bank.schedule(
                BankEvent(at: network.later(hours: 1), action: .outflow(wages.key, amountMinor: Self.yuan("15000.00").minorUnits)))
            await network.advance(days: 1)
            // The court asks for 20,000.00 from its hold and unheld funds: the bank has 4,000.00 held
            // and 5,000.00 unheld left.
            let second = try await network.measure(
                try network.deduct("D-2", on: measureCase, freezeID: "F-19", amount: "20000.00", includeUnheld: true), at: "ICBC")
            let short = try #require(second.document.deductResult, "\(second)")
            #expect(short.deducted == Self.yuan("9000.00") && short.notDeducted == Self.yuan("11000.00"))
            #expect(short.heldBefore == Self.yuan("4000.00") && short.remainingHeld == Self.yuan("0.00"))
            #expect(second.flagged == nil, "\(second)")
            let account = try #require(await icbc.account(wages.number))
            #expect(account.balanceMinor == 0 && account.freezes.isEmpty)
            let hub = try await network.ledgerAccount(bank: "ICBC", number: wages.number.description)
            #expect(hub.freezes.map(\.state) == ["deducted"])
            #expect(hub.amount("deducted") == "15000.00")
        }
    }

    @Test("R-B16: priority-claim funds are frozen but not counted and not deducted; once the claim ends they count and may be deducted")
    func priorityClaimHeldNotCounted() async throws {
        let claim = SimulatedClaim(
            id: "M1", kind: .margin, holder: BankFixture.name("北京信达融资担保有限公司"), amountMinor: Self.yuan("20000.00").minorUnits,
            underReview: false)
        let margin = Self.account("6222020200155667788", balance: "50000.00", kind: .margin, claims: [claim])
        try await Network.with(accounts: ["ICBC": [margin]]) { network in
            let icbc = network.bank("ICBC")
            let measureCase = Self.on(margin)
            let frozen = try await network.measure(try network.freeze("F-16", on: measureCase, amount: "50000.00"), at: "ICBC")
            let result = try #require(frozen.document.freezeResult, "\(frozen)")
            #expect(result.held == Self.yuan("30000.00") && result.notHeld == Self.yuan("20000.00"), "the claimed 20,000.00 is not counted")
            #expect(result.uncountedClaimFunds == Self.yuan("20000.00"), "the receipt reports the claimed funds it freezes without counting")
            #expect(frozen.flagged == nil, "\(frozen)")
            let uncounted = try await network.ledgerAccount(bank: "ICBC", number: margin.number.description)
            let hubFreeze = (uncounted.json["freezes"] as? [[String: Any]])?.first
            #expect((hubFreeze?["uncountedHeld"] as? [String: Any])?["amount"] as? String == "20000.00", "\(uncounted.json)")
            #expect(hubFreeze?["held"].flatMap { ($0 as? [String: Any])?["amount"] as? String } == "30000.00")
            let covered = try #require(await icbc.account(margin.number)?.freezes.first)
            #expect(covered.heldMinor == Self.yuan("30000.00").minorUnits && covered.uncountedMinor == Self.yuan("20000.00").minorUnits)

            try await network.submit(try network.query("Q-16"))
            try await icbc.deliver()
            let record = try #require(try await network.receipts("Q-16").first { $0.adapter == "bank:ICBC" }?.document.queryResult?.accounts.first)
            #expect(record.priorityClaims.map(\.amount) == [Self.yuan("20000.00")])
            #expect(record.priorityClaims.map(\.kind) == [.margin])
            #expect(try await network.ledgerAccount(bank: "ICBC", number: margin.number.description).amount("priorityClaimFunds") == "20000.00")
            let refused = try await network.refusal(try network.deduct("D-15", on: measureCase, freezeID: "F-16", amount: "50000.00"))
            #expect(refused.rule == "R-B16", "\(refused.detail)")

            // The margin is returned: the claim ends, and the freeze takes the funds it covered.
            try await icbc.bank.schedule(BankEvent(at: network.later(hours: 1), action: .claimEnds(margin.key, claimId: "M1")))
            await network.advance(days: 1)
            #expect(await icbc.account(margin.number)?.freezes.map(\.heldMinor) == [Self.yuan("50000.00").minorUnits])
            try await network.submit(try network.query("Q-17"))
            try await icbc.deliver()
            let hub = try await network.ledgerAccount(bank: "ICBC", number: margin.number.description)
            #expect(hub.amount("priorityClaimFunds") == "0.00" && hub.freezes.map(\.held) == ["50000.00"], "\(hub.json)")
            let deducted = try await network.measure(try network.deduct("D-16", on: measureCase, freezeID: "F-16", amount: "50000.00"), at: "ICBC")
            #expect(deducted.document.deductResult?.deducted == Self.yuan("50000.00"), "\(deducted)")
            #expect(deducted.flagged == nil)
        }
    }

    @Test("R-P1: a pension account's protected minimum is neither frozen nor deducted")
    func pensionMinimumUntouched() async throws {
        let pension = Self.account("6222020200177889900", balance: "8000.00", kind: .pension, protectedMinimum: "2000.00")
        try await Network.with(accounts: ["ICBC": [pension]]) { network in
            let icbc = network.bank("ICBC")
            let measureCase = Self.on(pension)
            let frozen = try await network.measure(try network.freeze("F-P", on: measureCase, amount: "10000.00"), at: "ICBC")
            let result = try #require(frozen.document.freezeResult, "\(frozen)")
            #expect(result.held == Self.yuan("6000.00") && result.notHeld == Self.yuan("4000.00"))
            let deducted = try await network.measure(
                try network.deduct("D-P", on: measureCase, freezeID: "F-P", amount: "6000.00", otherAssetsInsufficient: true), at: "ICBC")
            let deduct = try #require(deducted.document.deductResult, "\(deducted)")
            #expect(deduct.deducted == Self.yuan("6000.00") && deduct.remainingHeld == Self.yuan("0.00"))
            #expect(deducted.flagged == nil)
            let account = try #require(await icbc.account(pension.number))
            #expect(account.balanceMinor == Self.yuan("2000.00").minorUnits, "the living-expense minimum stays")
            #expect(account.freezes.isEmpty)
        }
    }

    @Test("R-P1: a pension is deducted only on the court's finding that other assets are not enough: the bank refuses one without it, the hub too once a query showed the pension")
    func pensionDeductNeedsFinding() async throws {
        let pension = Self.account("6222020200177889911", balance: "8000.00", kind: .pension, protectedMinimum: "2000.00")
        try await Network.with(accounts: ["ICBC": [pension]]) { network in
            let measureCase = Self.on(pension)
            _ = try await network.measure(try network.freeze("F-P", on: measureCase, amount: "10000.00"), at: "ICBC")
            // The hub has not seen the account reported yet: the deduct reaches the bank, which says why not (R-B21).
            let unstated = try await network.measure(try network.deduct("D-P0", on: measureCase, freezeID: "F-P", amount: "6000.00"), at: "ICBC")
            #expect(unstated.document.cannotAssistReason == .pensionNeedsOtherAssetsInsufficient, "\(unstated)")
            #expect(unstated.flagged == nil, "\(unstated)")
            #expect(await network.bank("ICBC").account(pension.number)?.balanceMinor == Self.yuan("8000.00").minorUnits)

            try await network.submit(try network.query("Q-P"))
            try await network.bank("ICBC").deliver()
            // Now the hub knows the account receives a pension and refuses at intake.
            let refused = try await network.refusal(try network.deduct("D-P1", on: measureCase, freezeID: "F-P", amount: "6000.00"))
            #expect(refused.rule == "R-P1" && refused.field == "$.otherAssetsInsufficient", "\(refused.detail)")
            #expect(refused.detail.contains("otherAssetsInsufficient: true"), "\(refused.detail)")
            let stated = try await network.measure(
                try network.deduct("D-P2", on: measureCase, freezeID: "F-P", amount: "6000.00", otherAssetsInsufficient: true), at: "ICBC")
            #expect(stated.document.deductResult?.deducted == Self.yuan("6000.00"), "\(stated)")
            #expect(stated.flagged == nil, "\(stated)")
            let hub = try await network.ledgerAccount(bank: "ICBC", number: pension.number.description)
            #expect(hub.amount("deducted") == "6000.00" && hub.flagged.isEmpty, "\(hub.json)")
        }
    }

    @Test("R-P1: a query result states a pension's protected minimum, so the hub holds no more than the bank and refuses a deduct of the minimum")
    func pensionMinimumAfterQuery() async throws {
        let pension = Self.account("6222020200177889900", balance: "8000.00", kind: .pension, protectedMinimum: "2000.00")
        try await Network.with(accounts: ["ICBC": [pension]]) { network in
            let measureCase = Self.on(pension)
            _ = try await network.measure(try network.freeze("F-P", on: measureCase, amount: "10000.00"), at: "ICBC")
            try await network.submit(try network.query("Q-P"))
            try await network.bank("ICBC").deliver()
            let answer = try #require(try await network.receipts("Q-P").first { $0.adapter == "bank:ICBC" })
            let record = try #require(answer.document.queryResult?.accounts.first)
            #expect(record.accountType == .pension && record.balance == Self.yuan("8000.00"))
            #expect(record.protectedMinimum == Self.yuan("2000.00"), "the bank states the minimum it leaves")
            #expect(record.availableBalance == Self.yuan("2000.00"), "8,000.00 less the 6,000.00 held: the minimum is the debtor's to spend")
            #expect(answer.flagged == nil, "\(answer)")
            let hub = try await network.ledgerAccount(bank: "ICBC", number: pension.number.description)
            #expect(hub.freezes.map(\.held) == ["6000.00"], "the hub holds what the bank holds: \(hub.json)")
            #expect(hub.amount("protectedFunds") == "2000.00")

            // The hub knows 6,000.00 is held, so it refuses a deduct that would reach the minimum …
            let refused = try await network.refusal(
                try network.deduct("D-P8", on: measureCase, freezeID: "F-P", amount: "8000.00", otherAssetsInsufficient: true))
            #expect(refused.rule == "R-B19" && refused.field == "$.amount", "\(refused.detail)")
            // … and the bank's honest receipt for what is held agrees with the hub's ledger.
            let deducted = try await network.measure(
                try network.deduct("D-P", on: measureCase, freezeID: "F-P", amount: "6000.00", otherAssetsInsufficient: true), at: "ICBC")
            let deduct = try #require(deducted.document.deductResult, "\(deducted)")
            #expect(deduct.deducted == Self.yuan("6000.00") && deduct.notDeducted == Self.yuan("0.00"))
            #expect(deduct.heldBefore == Self.yuan("6000.00") && deduct.remainingHeld == Self.yuan("0.00"))
            #expect(deducted.flagged == nil, "\(deducted)")
            #expect(await network.bank("ICBC").account(pension.number)?.balanceMinor == Self.yuan("2000.00").minorUnits)
            let after = try await network.ledgerAccount(bank: "ICBC", number: pension.number.description)
            #expect(after.amount("deducted") == "6000.00" && after.freezes.map(\.held) == ["0.00"], "\(after.json)")
            #expect(after.flagged.isEmpty)
        }
    }

    @Test("R-B15: a wealth product is reported with its fund account; a limited freeze of that account takes the proceeds and they are deducted")
    func wealthProductThroughFundAccount() async throws {
        let product = WealthProduct(
            productName: "工银理财·恒睿日日鑫", assetType: .wealthManagement, assetManager: "工银理财有限责任公司", valueMinor: Self.yuan("200000.00").minorUnits)
        let fund = BankFixture.account("6222020200177770001", balance: "5000.00", kind: .fundAccount, products: [product])
        try await Network.with(accounts: ["ICBC": [fund]]) { network in
            let icbc = network.bank("ICBC")
            let measureCase = Self.on(fund)
            try await icbc.bank.schedule(BankEvent(at: network.later(hours: 24 * 30), action: .productMatures(fund.key, productName: product.productName)))
            try await network.submit(try network.query("Q-15"))
            try await icbc.deliver()
            let found = try #require(try await network.receipts("Q-15").first { $0.adapter == "bank:ICBC" }?.document.queryResult)
            #expect(found.otherAssets.map(\.linkedFundAccount) == [fund.number], "the product names the account to freeze")
            #expect(found.otherAssets.map(\.assetManager.text) == ["工银理财有限责任公司"])
            #expect(found.otherAssets.map(\.value) == [Self.yuan("200000.00")])

            // The court freezes the fund account for the amount its notice states (R-B15).
            let frozen = try await network.measure(try network.freeze("F-15", on: measureCase, amount: "150000.00"), at: "ICBC")
            let result = try #require(frozen.document.freezeResult, "\(frozen)")
            #expect(result.held == Self.yuan("5000.00") && result.notHeld == Self.yuan("145000.00") && result.limited)
            #expect(frozen.flagged == nil)

            // The product matures into the fund account; the limited freeze takes its proceeds.
            await network.advance(days: 30)
            #expect(await icbc.account(fund.number)?.freezes.map(\.heldMinor) == [Self.yuan("150000.00").minorUnits])
            try await network.submit(try network.query("Q-15b"))
            try await icbc.deliver()
            let matured = try #require(try await network.receipts("Q-15b").first { $0.adapter == "bank:ICBC" }?.document.queryResult)
            #expect(matured.otherAssets.isEmpty && matured.accounts.first?.balance == Self.yuan("205000.00"))
            let hub = try await network.ledgerAccount(bank: "ICBC", number: fund.number.description)
            #expect(hub.freezes.map(\.held) == ["150000.00"], "\(hub.json)")

            let deducted = try await network.measure(try network.deduct("D-15", on: measureCase, freezeID: "F-15", amount: "150000.00"), at: "ICBC")
            let deduct = try #require(deducted.document.deductResult, "\(deducted)")
            #expect(deduct.deducted == Self.yuan("150000.00") && deduct.remainingHeld == Self.yuan("0.00"))
            #expect(deducted.flagged == nil, "\(deducted)")
            #expect(await icbc.account(fund.number)?.balanceMinor == Self.yuan("55000.00").minorUnits)
            let special = try network.hub.setup.registry.specialAccount(court: Self.chaoyang, currency: .cny)
            #expect(await icbc.bank.snapshot.credits.first { $0.key.number.description == special.accountNumber }?.value
                    == Self.yuan("150000.00").minorUnits)
        }
    }

    @Test("R-B17: a deduct from a dollar account goes to the court's dollar special account, or converted to its renminbi account at the bank's rate")
    func foreignCurrencyDeduct() async throws {
        let dollars = Self.account("4563510100892345678", balance: "5000.00", kind: .foreignCurrency, currency: .usd)
        try await Network.with(accounts: ["BOC": [dollars]], exchangeRates: ["USD": "7.1234"]) { network in
            let boc = network.bank("BOC")
            let measureCase = Self.on(dollars, bank: "BOC")
            let frozen = try await network.measure(try network.freeze("F-17", on: measureCase, amount: "3000.00"), at: "BOC")
            #expect(frozen.document.freezeResult?.held == Self.yuan("3000.00", .usd), "\(frozen)")
            let registry = network.hub.setup.registry
            let dollarAccount = try registry.specialAccount(court: Self.chaoyang, currency: .usd)
            let renminbiAccount = try registry.specialAccount(court: Self.chaoyang, currency: .cny)

            let plain = try await network.measure(try network.deduct("D-USD", on: measureCase, freezeID: "F-17", amount: "1000.00"), at: "BOC")
            let inDollars = try #require(plain.document.deductResult, "\(plain)")
            #expect(inDollars.specialAccount.number.description == dollarAccount.accountNumber)
            #expect(inDollars.creditedAmount == Self.yuan("1000.00", .usd) && inDollars.foreignExchange == nil)
            #expect(plain.flagged == nil, "\(plain)")

            let converted = try await network.measure(
                try network.deduct("D-CNY", on: measureCase, freezeID: "F-17", amount: "500.00", convert: true), at: "BOC")
            let inRenminbi = try #require(converted.document.deductResult, "\(converted)")
            #expect(inRenminbi.deducted == Self.yuan("500.00", .usd))
            #expect(inRenminbi.specialAccount.number.description == renminbiAccount.accountNumber)
            #expect(inRenminbi.creditedAmount == Self.yuan("3561.70"), "500.00 USD at 7.1234")
            #expect(inRenminbi.foreignExchange?.rate == "7.1234")
            #expect(converted.flagged == nil, "\(converted)")

            let credits = await boc.bank.snapshot.credits
            #expect(credits.first { $0.key.number.description == dollarAccount.accountNumber }?.value == 100_000)
            #expect(credits.first { $0.key.number.description == renminbiAccount.accountNumber }?.value == 356_170)
            #expect(await boc.account(dollars.number, .usd)?.freezes.map(\.heldMinor) == [150_000])
            let hub = try await network.ledgerAccount(bank: "BOC", number: dollars.number.description, currency: .usd)
            #expect(hub.freezes.map(\.held) == ["1500.00"] && hub.amount("deducted") == "1500.00")
        }
    }

    @Test("R-B21: a freeze on a closed account is answered cannot-assist with the reason; the hub sees the freeze not executed")
    func closedAccount() async throws {
        let closed = Self.account("6222020200100000017", balance: "0.00", status: .closed)
        try await Network.with(accounts: ["ICBC": [closed]]) { network in
            let answer = try await network.measure(try network.freeze("F-21", on: Self.on(closed), amount: "1000.00"), at: "ICBC")
            #expect(answer.outcome == "cannotAssist")
            guard case .cannotAssist(let refusal) = answer.document else {
                Issue.record("expected cannot-assist, got \(answer)")
                return
            }
            #expect(refusal.reason == .accountClosed)
            #expect(refusal.detail?.text.contains("销户") == true, "the reason says when: \(String(describing: refusal.detail))")
            #expect(answer.flagged == nil)
            #expect(await network.bank("ICBC").account(closed.number)?.freezes.isEmpty == true)
            let hub = try await network.ledgerAccount(bank: "ICBC", number: closed.number.description)
            #expect(hub.freezes.map(\.state) == ["notExecuted"], "\(hub.freezes)")
        }
    }

    @Test("R-B9, R-B10: an adapter given a document whose court seal does not verify refuses it cannot-assist and does not act on it")
    func brokenCourtSeal() async throws {
        let salary = Self.account("6222020200112233445", balance: "30000.00")
        try await Network.with(accounts: ["ICBC": [salary]]) { network in
            let icbc = network.bank("ICBC")
            // The hub checked the court's seal; the bank's own copy of Chaoyang's key is wrong (here
            // Haidian's), so the seal fails the bank's check, as a tampered document would.
            var keys = icbc.courtKeys
            keys.keys["court:京0105#1"] = network.hub.setup.sealKeys[.court(Self.haidian)]!.publicKey
            try await network.submit(try network.freeze("F-S", on: Self.on(salary), amount: "1000.00"))
            #expect(try await icbc.deliver(icbc.makePoller(courtKeys: keys)) == 1)
            let answer = try #require(try await network.receipts("F-S").first)
            guard case .cannotAssist(let refusal) = answer.document else {
                Issue.record("expected cannot-assist, got \(answer)")
                return
            }
            #expect(refusal.reason == .documentSealInvalid)
            #expect(refusal.detail?.text.contains("does not verify") == true, "\(String(describing: refusal.detail))")
            let account = try #require(await icbc.account(salary.number))
            #expect(account.freezes.isEmpty && account.balanceMinor == salary.balanceMinor, "the bank did not act")
            // Not acted on, so not remembered: the same instruction with a sound seal check is carried out.
            #expect(await icbc.bank.handle(
                try StrictJSONDecoder().decode(InstructionDocument.self, from: try network.freeze("F-S", on: Self.on(salary), amount: "1000.00")),
                receivedAt: network.now).freezeResult?.held == Self.yuan("1000.00"))
        }
    }
}
