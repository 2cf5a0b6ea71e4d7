import Foundation
import HubClient
import HubPKI
import HubProtocol
import QueryHub
import Testing

/// The control ledger inside the running hub, end to end over mutual TLS: courts' measures checked
/// at intake in acceptance order, banks' sealed receipts applied or flagged, the operator's view,
/// and the ledger rebuilt after a restart. The hub runs on a clock the test moves.
@Suite("Control ledger in the live hub", .serialized)
struct LiveLedgerTests {
    static let chaoyang = try! CourtCode("京0105")
    static let haidian = try! CourtCode("京0108")
    static let operatorPrincipal = DevelopmentSetup.operatorPrincipal
    static let account = "6222020200112233445"

    /// 2026-06-01T02:00:00Z, 10:00 on a Monday in Beijing, in a year the working-day calendar covers.
    static let startMilliseconds: Int64 = 1_780_279_200_000

    /// A hub on `clock`.
    static func start(_ clock: ManualClock) async throws -> LiveHub {
        try await LiveHub.start(clock: { clock.milliseconds })
    }

    static func today(_ clock: ManualClock, plus days: Int = 0) -> String {
        SampleInstructions.chinaDay(ofMilliseconds: clock.milliseconds, plusDays: days)
    }

    /// A freeze by `court` of `amount` on the account, for six months from today.
    static func freeze(
        _ hub: LiveHub, _ clock: ManualClock, id: String, amount: String, court: CourtCode = chaoyang,
        on measureCase: SampleMeasureCase = SampleMeasureCase(), days: Int = 180
    ) throws -> [UInt8] {
        try SampleInstructions.freeze(
            registry: hub.setup.registry, court: court, instructionID: id, issuedAtMilliseconds: clock.milliseconds,
            on: measureCase, amount: amount, from: today(clock), to: today(clock, plus: days))
    }

    static func deduct(
        _ hub: LiveHub, _ clock: ManualClock, id: String, freezeID: String, amount: String,
        specialAccount: QueryHub.SpecialAccount? = nil
    ) throws -> [UInt8] {
        try SampleInstructions.deduct(
            registry: hub.setup.registry, court: chaoyang, instructionID: id, issuedAtMilliseconds: clock.milliseconds,
            freezeID: freezeID, amount: amount, specialAccount: specialAccount)
    }

    /// Leases the next ICBC item, which must be `instructionID`, and answers it with `receipt`.
    static func bankAnswers(_ hub: LiveHub, _ instructionID: String, with receipt: [UInt8]) async throws -> HubHTTPResponse {
        let item = try #require(try await hub.leaseNext(bank: "ICBC"))
        #expect(item.instructionID == instructionID)
        return try await hub.answer(bank: "ICBC", itemID: item.itemID, leaseToken: item.leaseToken, receipt: receipt)
    }

    /// The operator's view of the sample account.
    static func ledgerView(_ hub: LiveHub, account: String = account) async throws -> [String: Any] {
        let view = try await hub.get(
            "/v1/operator/ledger?bank=ICBC&account=\(account)&currency=CNY", as: operatorPrincipal)
        #expect(view.statusCode == 200, "\(view.bodyText)")
        return view.json
    }

    static func amount(_ json: Any?) -> String? {
        (json as? [String: Any])?["amount"] as? String
    }

    /// Expects a 422 rule violation naming `rule` and `field`, and that nothing was stored.
    static func expectRefused(
        _ response: HubHTTPResponse, rule: String, field: String, _ hub: LiveHub, id: String, court: CourtCode = chaoyang
    ) async throws {
        #expect(response.statusCode == 422, "\(response.bodyText)")
        #expect((response.json["type"] as? String)?.hasSuffix("/rule-violation") == true)
        #expect((response.json["detail"] as? String)?.hasPrefix(rule) == true, "\(response.bodyText)")
        #expect(response.json["field"] as? String == field)
        let stored = try await hub.get("/v1/instructions/\(id)", as: try PrincipalIdentity(kind: .court, id: court.description))
        #expect(stored.statusCode == 404, "a refused measure is not stored")
    }

    @Test("R-B13, R-B19: a freeze confirmed by its sealed receipt holds; a deduct beyond the hold is refused and nothing stored; one within it is accepted")
    func freezeThenDeduct() async throws {
        let clock = ManualClock(milliseconds: Self.startMilliseconds)
        let hub = try await Self.start(clock)
        defer { Task { await hub.stop() } }
        #expect(try await hub.submit(try Self.freeze(hub, clock, id: "F-1", amount: "1000.00"), court: Self.chaoyang).statusCode == 202)
        // R-B18: not before the bank confirmed the freeze.
        let early = try await hub.submit(try Self.deduct(hub, clock, id: "D-0", freezeID: "F-1", amount: "100.00"), court: Self.chaoyang)
        try await Self.expectRefused(early, rule: "R-B18", field: "$.freezeInstructionId", hub, id: "D-0")
        let frozen = BankReceipts.freezeResult(
            "F-1", requested: "1000.00", held: "1000.00", notHeld: "0.00", from: Self.today(clock), to: Self.today(clock, plus: 180),
            at: clock.milliseconds)
        let answered = try await Self.bankAnswers(hub, "F-1", with: frozen)
        #expect((answered.json["results"] as? [[String: Any]])?.first?["status"] as? String == "accepted", "\(answered.bodyText)")
        let view = try await hub.get("/v1/instructions/F-1", as: try PrincipalIdentity(kind: .court, id: "京0105"))
        #expect((view.json["receipts"] as? [[String: Any]])?.first?["flagged"] == nil, "\(view.bodyText)")
        // R-B19: 1,500 is more than the 1,000 the court holds.
        let beyond = try await hub.submit(try Self.deduct(hub, clock, id: "D-1", freezeID: "F-1", amount: "1500.00"), court: Self.chaoyang)
        try await Self.expectRefused(beyond, rule: "R-B19", field: "$.amount", hub, id: "D-1")
        #expect((beyond.json["detail"] as? String)?.contains("1000.00 CNY") == true, "the detail states what the court holds")
        let within = try await hub.submit(try Self.deduct(hub, clock, id: "D-2", freezeID: "F-1", amount: "600.00"), court: Self.chaoyang)
        #expect(within.statusCode == 202, "\(within.bodyText)")
        let special = try hub.setup.registry.specialAccount(court: Self.chaoyang, currency: .cny)
        let deducted = BankReceipts.deductResult(
            "D-2", freezeID: "F-1", requested: "600.00", deducted: "600.00", heldBefore: "1000.00", remaining: "400.00",
            specialAccount: special, at: clock.milliseconds)
        _ = try await Self.bankAnswers(hub, "D-2", with: deducted)
        let ledger = try await Self.ledgerView(hub)
        let account = try #require(ledger["account"] as? [String: Any])
        #expect(Self.amount(account["held"]) == "400.00")
        #expect(Self.amount(account["deducted"]) == "600.00")
        let freezes = account["freezes"] as? [[String: Any]] ?? []
        #expect(freezes.map { $0["id"] as? String } == ["F-1"])
        #expect(freezes.first?["state"] as? String == "active")
        #expect((ledger["flagged"] as? [Any])?.isEmpty == true)
    }

    @Test("R-B17: a deduct to another court's special account is refused, naming the field")
    func deductToAnotherCourtsAccount() async throws {
        let clock = ManualClock(milliseconds: Self.startMilliseconds)
        let hub = try await Self.start(clock)
        defer { Task { await hub.stop() } }
        let haidians = try hub.setup.registry.specialAccount(court: Self.haidian, currency: .cny)
        let response = try await hub.submit(
            try Self.deduct(hub, clock, id: "D-9", freezeID: "F-9", amount: "100.00", specialAccount: haidians),
            court: Self.chaoyang)
        try await Self.expectRefused(response, rule: "R-B17", field: "$.specialAccount", hub, id: "D-9")
        #expect((response.json["detail"] as? String)?.contains(haidians.accountNumber) == true)
    }

    @Test("R-B11: a freeze receipt holding more than the freeze's limit is stored but flagged, shown to the court and the operator, and counted")
    func receiptAboveLimitIsFlagged() async throws {
        HubMetrics.shared.bootstrap()
        let clock = ManualClock(milliseconds: Self.startMilliseconds)
        let hub = try await Self.start(clock)
        defer { Task { await hub.stop() } }
        let before = await Self.flaggedCount(hub)
        #expect(try await hub.submit(try Self.freeze(hub, clock, id: "F-2", amount: "1000.00"), court: Self.chaoyang).statusCode == 202)
        let greedy = BankReceipts.freezeResult(
            "F-2", requested: "2000.00", held: "2000.00", notHeld: "0.00", from: Self.today(clock), to: Self.today(clock, plus: 180),
            at: clock.milliseconds)
        let answered = try await Self.bankAnswers(hub, "F-2", with: greedy)
        #expect((answered.json["results"] as? [[String: Any]])?.first?["status"] as? String == "accepted", "stored, not refused")
        let view = try await hub.get("/v1/instructions/F-2", as: try PrincipalIdentity(kind: .court, id: "京0105"))
        #expect(view.json["status"] as? String == "completed")
        let flagged = (view.json["receipts"] as? [[String: Any]])?.first?["flagged"] as? String
        #expect(flagged?.hasPrefix("R-B11") == true, "\(view.bodyText)")
        #expect(flagged?.contains("above the freeze's limit") == true)
        let ledger = try await Self.ledgerView(hub)
        let listed = ledger["flagged"] as? [[String: Any]] ?? []
        #expect(listed.map { $0["instructionId"] as? String } == ["F-2"])
        // Not applied: the freeze still waits for a sound receipt, so nothing may be deducted from it.
        let freezes = (ledger["account"] as? [String: Any])?["freezes"] as? [[String: Any]] ?? []
        #expect(freezes.first?["state"] as? String == "pending")
        #expect(await Self.flaggedCount(hub) == before + 1)
    }

    static func flaggedCount(_ hub: LiveHub) async -> Int {
        let text = await HubMetrics.shared.text(core: hub.runtime.core)
        let line = text.split(separator: "\n").first { $0.hasPrefix("hub_flagged_receipts_total ") }
        return line.flatMap { Int($0.split(separator: " ").last ?? "") } ?? 0
    }

    @Test("R-B14: a court cannot renew another court's freeze; the refusal says whose it is")
    func renewOfAnotherCourtsFreeze() async throws {
        let clock = ManualClock(milliseconds: Self.startMilliseconds)
        let hub = try await Self.start(clock)
        defer { Task { await hub.stop() } }
        #expect(try await hub.submit(try Self.freeze(hub, clock, id: "F-3", amount: "1000.00"), court: Self.chaoyang).statusCode == 202)
        _ = try await Self.bankAnswers(
            hub, "F-3",
            with: BankReceipts.freezeResult(
                "F-3", requested: "1000.00", held: "300.00", notHeld: "700.00", from: Self.today(clock),
                to: Self.today(clock, plus: 180), at: clock.milliseconds))
        let renewal = try SampleInstructions.renew(
            registry: hub.setup.registry, court: Self.haidian, instructionID: "R-1", issuedAtMilliseconds: clock.milliseconds,
            freezeID: "F-3", amount: "1000.00", newEnd: Self.today(clock, plus: 300))
        let response = try await hub.submit(renewal, court: Self.haidian)
        try await Self.expectRefused(response, rule: "R-B14", field: "$.freezeInstructionId", hub, id: "R-1", court: Self.haidian)
        #expect((response.json["detail"] as? String)?.contains("belongs to court 京0105") == true, "\(response.bodyText)")
        // The owner may renew, but not beyond a year from today.
        let tooLong = try SampleInstructions.renew(
            registry: hub.setup.registry, court: Self.chaoyang, instructionID: "R-2", issuedAtMilliseconds: clock.milliseconds,
            freezeID: "F-3", amount: "1000.00", newEnd: Self.today(clock, plus: 400))
        try await Self.expectRefused(
            try await hub.submit(tooLong, court: Self.chaoyang), rule: "R-B14", field: "$.newEndDate", hub, id: "R-2")
    }

    @Test("R-B10: the case-level guard refuses a freeze beyond what the case is owed and states what is still allowed")
    func caseGuard() async throws {
        let clock = ManualClock(milliseconds: Self.startMilliseconds)
        let hub = try await Self.start(clock)
        defer { Task { await hub.stop() } }
        let first = SampleMeasureCase(accountNumber: "6222020200112233445", caseSerial: 7, amountOwed: "1000.00")
        let second = SampleMeasureCase(accountNumber: "6222020200998877665", caseSerial: 7, amountOwed: "1000.00")
        #expect(try await hub.submit(try Self.freeze(hub, clock, id: "G-1", amount: "800.00", on: first), court: Self.chaoyang).statusCode == 202)
        let over = try await hub.submit(try Self.freeze(hub, clock, id: "G-2", amount: "500.00", on: second), court: Self.chaoyang)
        try await Self.expectRefused(over, rule: "R-B10", field: "$.amountLimit", hub, id: "G-2")
        #expect((over.json["detail"] as? String)?.contains("at most 200.00 CNY more may be frozen") == true, "\(over.bodyText)")
        let allowed = try await hub.submit(try Self.freeze(hub, clock, id: "G-3", amount: "200.00", on: second), court: Self.chaoyang)
        #expect(allowed.statusCode == 202, "\(allowed.bodyText)")
    }

    @Test("restart: the ledger is rebuilt from the store, so the court's hold survives and a deduct beyond it is still refused (R-B19)")
    func restartKeepsTheHold() async throws {
        let clock = ManualClock(milliseconds: Self.startMilliseconds)
        let first = try await Self.start(clock)
        #expect(try await first.submit(try Self.freeze(first, clock, id: "F-4", amount: "1000.00"), court: Self.chaoyang).statusCode == 202)
        _ = try await Self.bankAnswers(
            first, "F-4",
            with: BankReceipts.freezeResult(
                "F-4", requested: "1000.00", held: "1000.00", notHeld: "0.00", from: Self.today(clock),
                to: Self.today(clock, plus: 180), at: clock.milliseconds))
        clock.advance(by: 60_000)
        #expect(try await first.submit(try Self.deduct(first, clock, id: "D-4", freezeID: "F-4", amount: "600.00"), court: Self.chaoyang).statusCode == 202)
        let special = try first.setup.registry.specialAccount(court: Self.chaoyang, currency: .cny)
        _ = try await Self.bankAnswers(
            first, "D-4",
            with: BankReceipts.deductResult(
                "D-4", freezeID: "F-4", requested: "600.00", deducted: "600.00", heldBefore: "1000.00", remaining: "400.00",
                specialAccount: special, at: clock.milliseconds))
        await first.stop()
        clock.advance(by: 60_000)
        let second = try await LiveHub.start(
            configure: { $0.dataDirectory = first.configuration.dataDirectory }, clock: { clock.milliseconds })
        defer { Task { await second.stop() } }
        let account = try #require(try await Self.ledgerView(second)["account"] as? [String: Any])
        #expect(Self.amount(account["held"]) == "400.00")
        let beyond = try await second.submit(try Self.deduct(second, clock, id: "D-5", freezeID: "F-4", amount: "500.00"), court: Self.chaoyang)
        try await Self.expectRefused(beyond, rule: "R-B19", field: "$.amount", second, id: "D-5")
        let within = try await second.submit(try Self.deduct(second, clock, id: "D-6", freezeID: "F-4", amount: "400.00"), court: Self.chaoyang)
        #expect(within.statusCode == 202, "\(within.bodyText)")
    }

    @Test("R-E7: a freeze about to lapse is shown to the operator; at its end it lapses and leaves the list")
    func lapseWarning() async throws {
        let clock = ManualClock(milliseconds: Self.startMilliseconds)
        let hub = try await Self.start(clock)
        defer { Task { await hub.stop() } }
        #expect(try await hub.submit(try Self.freeze(hub, clock, id: "F-5", amount: "1000.00", days: 10), court: Self.chaoyang).statusCode == 202)
        _ = try await Self.bankAnswers(
            hub, "F-5",
            with: BankReceipts.freezeResult(
                "F-5", requested: "1000.00", held: "1000.00", notHeld: "0.00", from: Self.today(clock),
                to: Self.today(clock, plus: 10), at: clock.milliseconds))
        let end = Self.today(clock, plus: 10)
        #expect((try await Self.ledgerView(hub)["lapsingSoon"] as? [Any])?.isEmpty == true, "ten days ahead: no warning yet")
        clock.advance(by: 9 * 86_400_000)
        hub.runtime.ledger.advance()
        let warned = try await Self.ledgerView(hub)["lapsingSoon"] as? [[String: Any]] ?? []
        #expect(warned.map { $0["freezeId"] as? String } == ["F-5"])
        #expect(warned.first?["end"] as? String == end)
        clock.advance(by: 2 * 86_400_000)
        hub.runtime.ledger.advance()
        let after = try await Self.ledgerView(hub)
        #expect((after["lapsingSoon"] as? [Any])?.isEmpty == true)
        let freezes = (after["account"] as? [String: Any])?["freezes"] as? [[String: Any]] ?? []
        #expect(freezes.first?["state"] as? String == "lapsed")
    }
}

/// Receipts as ICBC's systems would write them for the sample account.
enum BankReceipts {
    static let account = #"{"bank":"ICBC","number":"6222020200112233445","currency":"CNY"}"#

    static func header(_ id: String, at milliseconds: Int64) -> String {
        let time = Timestamp(millisecondsSinceEpoch: milliseconds - milliseconds % 1_000)
        return #"{"instructionId":"\#(id)","responder":"ICBC","respondedAt":"\#(time)"}"#
    }

    static func money(_ amount: String) -> String { #"{"amount":"\#(amount)","currency":"CNY"}"# }

    static func freezeResult(
        _ id: String, requested: String, held: String, notHeld: String, from: String, to: String, at milliseconds: Int64
    ) -> [UInt8] {
        Array("""
            {"kind":"bank.freezeResult","header":\(header(id, at: milliseconds)),"account":\(account),\
            "requested":\(money(requested)),"held":\(money(held)),"notHeld":\(money(notHeld)),\
            "limited":\(notHeld != "0.00"),"period":{"from":"\(from)","to":"\(to)"},"queuePosition":1,"earlierFreezes":[]}
            """.utf8)
    }

    static func deductResult(
        _ id: String, freezeID: String, requested: String, deducted: String, heldBefore: String, remaining: String,
        specialAccount: QueryHub.SpecialAccount, at milliseconds: Int64
    ) -> [UInt8] {
        Array("""
            {"kind":"bank.deductResult","header":\(header(id, at: milliseconds)),"account":\(account),\
            "freezeInstructionId":"\(freezeID)","requested":\(money(requested)),"deducted":\(money(deducted)),\
            "notDeducted":\(money("0.00")),"heldBefore":\(money(heldBefore)),"remainingHeld":\(money(remaining)),\
            "specialAccount":{"bank":"\(specialAccount.bankCode)","number":"\(specialAccount.accountNumber)",\
            "name":"\(specialAccount.accountName)","currency":"CNY"},"creditedAmount":\(money(deducted))}
            """.utf8)
    }
}
