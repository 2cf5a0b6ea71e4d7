import BankAdapter
import Foundation
import HubClient
import HubPKI
import HubProtocol
import QueryHub
import Testing

/// The sample network end to end: a live hub over mutual TLS on a clock the test moves, and the
/// sample registry's banks as simulated banks behind their own adapters — each with its own client
/// certificate and SM2 seal key, verifying the courts' seals itself, meeting the hub only on the
/// wire. The wiring is `hubd demo`'s (DemoAdapters), in process; each bank's core ledger holds the
/// accounts a test gives it.
///
/// Adapters poll without waiting (`waitSeconds = 0`): the hub's long poll measures its wait on the
/// hub's clock, which only the test moves. Tests drive the adapters with ``deliver(_:)``, so every
/// run handles the same items in the same order.
final class LiveNetwork: Sendable {
    let hub: LiveHub
    let clock: ManualClock
    /// The simulated banks, by registry code.
    let banks: [String: NetworkBank]

    /// 2026-06-01T02:00:00Z, 10:00 on a Monday in Beijing, in a year the working-day calendar covers.
    static let startMilliseconds: Int64 = 1_780_279_200_000
    /// The courts the tests use: Chaoyang and Haidian in Beijing, Huangpu in Shanghai.
    static let chaoyang = try! CourtCode("京0105")
    static let haidian = try! CourtCode("京0108")
    static let huangpu = try! CourtCode("沪0101")
    /// The party of every sample instruction: 张三, resident ID 11010519491231002X.
    static let debtor = BankFixture.zhang

    /// Runs `body` on a network whose banks (registry codes) hold `accounts`; the hub and every
    /// adapter's client are stopped afterwards, whether `body` throws or not.
    static func with<Result: Sendable>(
        accounts: [String: [SimulatedAccount]], exchangeRates: [String: ExchangeRate] = [:],
        configure: @escaping @Sendable (inout HubConfiguration) -> Void = { _ in },
        _ body: (LiveNetwork) async throws -> Result
    ) async throws -> Result {
        let network = try await start(accounts: accounts, exchangeRates: exchangeRates, configure: configure)
        do {
            let result = try await body(network)
            await network.stop()
            return result
        } catch {
            await network.stop()
            throw error
        }
    }

    private static func start(
        accounts: [String: [SimulatedAccount]], exchangeRates: [String: ExchangeRate],
        configure: @escaping @Sendable (inout HubConfiguration) -> Void
    ) async throws -> LiveNetwork {
        let clock = ManualClock(milliseconds: startMilliseconds)
        let hub = try await LiveHub.start(configure: configure, clock: { clock.milliseconds })
        var banks: [String: NetworkBank] = [:]
        for (code, held) in accounts {
            banks[code] = try await NetworkBank.start(
                code: code, accounts: held, exchangeRates: exchangeRates, hub: hub, clock: clock)
        }
        return LiveNetwork(hub: hub, clock: clock, banks: banks)
    }

    private init(hub: LiveHub, clock: ManualClock, banks: [String: NetworkBank]) {
        self.hub = hub
        self.clock = clock
        self.banks = banks
    }

    private func stop() async {
        for bank in banks.values { try? await bank.client.shutdown() }
        await hub.stop()
    }

    /// The simulated bank with this registry code.
    func bank(_ code: String) -> NetworkBank {
        guard let bank = banks[code] else { preconditionFailure("the test gave bank \(code) no accounts") }
        return bank
    }

    // MARK: Time

    /// Moves time on: the hub's clock and the control ledger's day (lapses, R-B14), and each bank's
    /// core system to the same instant (scheduled inflows and outflows, its own lapses).
    func advance(days: Int = 0, milliseconds: Int64 = 0) async {
        precondition(days >= 0 && milliseconds >= 0, "time only moves forward")
        clock.advance(by: Int64(days) * 86_400_000 + milliseconds)
        hub.runtime.ledger.advance()
        for bank in banks.values { await bank.bank.advance(to: now) }
    }

    /// The present as a wire timestamp.
    var now: Timestamp { Timestamp(millisecondsSinceEpoch: clock.milliseconds) }

    /// `hours` hours from now, for events the test schedules at a bank.
    func later(hours: Int) -> Timestamp {
        precondition(hours >= 0, "events are scheduled ahead")
        return Timestamp(millisecondsSinceEpoch: clock.milliseconds + Int64(hours) * 3_600_000)
    }

    /// The China Standard Time day `days` from now, `YYYY-MM-DD`.
    func day(plus days: Int = 0) -> String {
        SampleInstructions.chinaDay(ofMilliseconds: clock.milliseconds, plusDays: days)
    }

    // MARK: Courts' instructions (the sample registry's officers, judges and special accounts)

    /// A limited freeze (R-B12) by `court` of `amount` from today for `days` days.
    func freeze(_ id: String, by court: CourtCode = chaoyang, on measureCase: SampleMeasureCase, amount: String, days: Int = 180)
        throws -> [UInt8]
    {
        try SampleInstructions.freeze(
            registry: hub.setup.registry, court: court, instructionID: id, issuedAtMilliseconds: clock.milliseconds,
            on: measureCase, amount: amount, from: day(), to: day(plus: days))
    }

    /// A renewal of `court`'s freeze `freezeID` to end `days` from today (R-B14).
    func renew(_ id: String, by court: CourtCode, on measureCase: SampleMeasureCase, freezeID: String, amount: String, days: Int)
        throws -> [UInt8]
    {
        try SampleInstructions.renew(
            registry: hub.setup.registry, court: court, instructionID: id, issuedAtMilliseconds: clock.milliseconds,
            on: measureCase, freezeID: freezeID, amount: amount, newEnd: day(plus: days))
    }

    /// A release of `court`'s freeze `freezeID`: whole when `amount` is nil.
    func unfreeze(_ id: String, by court: CourtCode, on measureCase: SampleMeasureCase, freezeID: String, amount: String?)
        throws -> [UInt8]
    {
        try SampleInstructions.unfreeze(
            registry: hub.setup.registry, court: court, instructionID: id, issuedAtMilliseconds: clock.milliseconds,
            on: measureCase, freezeID: freezeID, amount: amount)
    }

    /// A deduct from `court`'s freeze `freezeID` to the court's registered special account in the
    /// account's currency — or, with `convert`, its renminbi account (R-B17). `includeUnheld`
    /// lets the bank take funds nobody holds as well; `otherAssetsInsufficient` states the court's
    /// finding a pension account needs (R-P1).
    func deduct(
        _ id: String, by court: CourtCode = chaoyang, on measureCase: SampleMeasureCase, freezeID: String, amount: String,
        convert: Bool = false, includeUnheld: Bool = false, otherAssetsInsufficient: Bool = false
    ) throws -> [UInt8] {
        let target = try hub.setup.registry.specialAccount(court: court, currency: convert ? .cny : measureCase.currency)
        var text = String(
            decoding: try SampleInstructions.deduct(
                registry: hub.setup.registry, court: court, instructionID: id, issuedAtMilliseconds: clock.milliseconds,
                on: measureCase, freezeID: freezeID, amount: amount, specialAccount: target,
                otherAssetsInsufficient: otherAssetsInsufficient),
            as: UTF8.self)
        // The sample builder writes both switches off; a court's system sets them as the case needs.
        if convert { text = try Self.replacingOnce(#""convertForeignCurrency":false"#, with: #""convertForeignCurrency":true"#, in: text) }
        if includeUnheld {
            text = try Self.replacingOnce(
                #""includeUnheldAvailableFunds":false"#, with: #""includeUnheldAvailableFunds":true"#, in: text)
        }
        return Array(text.utf8)
    }

    /// A query of the debtor's accounts at every bank (R-B7).
    func query(_ id: String, by court: CourtCode = chaoyang) throws -> [UInt8] {
        try SampleInstructions.queryEveryBank(
            registry: hub.setup.registry, court: court, instructionID: id, issuedAtMilliseconds: clock.milliseconds)
    }

    private static func replacingOnce(_ target: String, with replacement: String, in text: String) throws -> String {
        let parts = text.components(separatedBy: target)
        try #require(parts.count == 2, "the sample deduct writes \(target) exactly once")
        return parts.joined(separator: replacement)
    }

    // MARK: Submitting and answering

    /// Posts a court's sealed document and expects the hub to accept it (202).
    func submit(_ document: [UInt8], by court: CourtCode = chaoyang) async throws {
        let response = try await hub.submit(document, court: court)
        try #require(response.statusCode == 202, "the hub refused the instruction: \(response.bodyText)")
    }

    /// Submits a measure on an account of `bank`, lets the bank's adapter answer, and returns the one
    /// receipt the court sees.
    func measure(_ document: [UInt8], by court: CourtCode = chaoyang, at bank: String) async throws -> CourtReceipt {
        try await submit(document, by: court)
        _ = try await self.bank(bank).deliver()
        let id = try Self.instructionID(of: document)
        let receipts = try await receipts(id, court: court)
        try #require(receipts.count == 1, "one receipt for \(id): \(receipts)")
        return receipts[0]
    }

    /// The receipts the issuing court sees for an instruction (`GET /v1/instructions/{id}`).
    func receipts(_ id: String, court: CourtCode = chaoyang) async throws -> [CourtReceipt] {
        try await instruction(id, court: court).receipts
    }

    /// The court's view of an instruction: its status and receipts.
    func instruction(_ id: String, court: CourtCode = chaoyang) async throws -> (status: String?, receipts: [CourtReceipt]) {
        let response = try await hub.get("/v1/instructions/\(id)", as: try PrincipalIdentity(kind: .court, id: court.description))
        try #require(response.statusCode == 200, "\(response.bodyText)")
        let entries = response.json["receipts"] as? [[String: Any]] ?? []
        let receipts = try entries.map { entry in
            let bytes = try #require((entry["receipt"] as? String).flatMap { Data(base64Encoded: $0) })
            return CourtReceipt(
                adapter: entry["adapter"] as? String ?? "", outcome: entry["outcome"] as? String ?? "",
                document: try StrictJSONDecoder().decode(ReceiptDocument.self, from: Array(bytes)),
                flagged: entry["flagged"] as? String)
        }
        return (response.json["status"] as? String, receipts)
    }

    /// The hub's answer to a court's document it must refuse (422): the rule and field it names,
    /// and that nothing was stored.
    func refusal(_ document: [UInt8], by court: CourtCode = chaoyang) async throws -> (rule: String?, field: String?, detail: String) {
        let response = try await hub.submit(document, court: court)
        #expect(response.statusCode == 422, "\(response.bodyText)")
        let id = try Self.instructionID(of: document)
        let stored = try await hub.get("/v1/instructions/\(id)", as: try PrincipalIdentity(kind: .court, id: court.description))
        #expect(stored.statusCode == 404, "a refused measure is not stored")
        let detail = response.json["detail"] as? String ?? ""
        return (detail.split(separator: ":").first.map(String.init), response.json["field"] as? String, detail)
    }

    static func instructionID(of document: [UInt8]) throws -> String {
        try StrictJSONDecoder().decode(InstructionDocument.self, from: document).header.instructionId.description
    }

    // MARK: The hub's control ledger

    /// The operator's view of one account in the hub's control ledger.
    func ledgerAccount(bank: String, number: String, currency: Currency = .cny) async throws -> HubLedgerAccount {
        let response = try await hub.get(
            "/v1/operator/ledger?bank=\(bank)&account=\(number)&currency=\(currency.code)", as: DevelopmentSetup.operatorPrincipal)
        try #require(response.statusCode == 200, "\(response.bodyText)")
        let account = try #require(response.json["account"] as? [String: Any])
        return HubLedgerAccount(json: account, flagged: response.json["flagged"] as? [[String: Any]] ?? [])
    }
}

/// One receipt as the issuing court reads it from the hub.
struct CourtReceipt: Sendable, CustomStringConvertible {
    let adapter: String
    let outcome: String
    let document: ReceiptDocument
    /// Why the hub's control ledger flagged the receipt; nil when it is sound.
    let flagged: String?

    var description: String { "\(adapter) \(outcome)\(flagged.map { " flagged: \($0)" } ?? "")" }
}

/// The hub's control ledger of one account as the operator sees it.
struct HubLedgerAccount {
    let json: [String: Any]
    /// The flagged receipts on this account.
    let flagged: [[String: Any]]

    /// A total: `balance`, `held`, `unheld`, `deducted`, `priorityClaimFunds` (decimal string).
    func amount(_ name: String) -> String? { (json[name] as? [String: Any])?["amount"] as? String }

    /// Each freeze: its id (as the ledger keys it), state, held and limit.
    var freezes: [(id: String, state: String, held: String, limit: String)] {
        (json["freezes"] as? [[String: Any]] ?? []).map { freeze in
            (freeze["id"] as? String ?? "", freeze["state"] as? String ?? "",
             (freeze["held"] as? [String: Any])?["amount"] as? String ?? "",
             (freeze["limit"] as? [String: Any])?["amount"] as? String ?? "")
        }
    }
}

/// One simulated bank of the network: its core ledger (``SimulatedBank``) and its adapter — a
/// client with the bank's certificate, the courts' seal keys fetched from the hub, and its SM2 seal.
final class NetworkBank: Sendable {
    let code: String
    let adapterID: String
    let bank: SimulatedBank
    let client: HubHTTPClient
    let courtKeys: CourtSealKeys
    let clock: ManualClock
    private let sealer: AdapterPoller.Sealer
    /// The adapter as it runs; a "restarted" adapter is a new poller (``makePoller(courtKeys:handler:)``).
    let poller: AdapterPoller

    static func start(
        code: String, accounts: [SimulatedAccount], exchangeRates: [String: ExchangeRate], hub: LiveHub, clock: ManualClock
    ) async throws -> NetworkBank {
        let registry = hub.setup.registry
        let registered = try #require(registry.bank(code: code), "bank \(code) is in the sample registry")
        let adapter = try #require(
            registry.adapters.first { adapter in
                switch adapter {
                case .bankHeadOffice(let bank), .bankBranch(let bank, _): return bank == code
                case .police: return false
                }
            })
        let institution = try InstitutionCode(code)
        let profile = registered.t2tLinked
            ? BankProfile.nationalHeadOffice(code: code, institutionCode: institution, name: registered.name, seed: 1)
            : BankProfile.provincialBranch(
                code: code, institutionCode: institution, name: registered.name,
                province: registered.p2pProvinces.first ?? .beijing, onlineDeduct: registered.capabilities.onlineDeduct, seed: 1)
        let start = Timestamp(millisecondsSinceEpoch: clock.milliseconds)
        var ledger = BankLedger(profile: profile, start: start, exchangeRates: exchangeRates)
        for account in accounts { try ledger.addAccount(account) }
        let principal = try PrincipalIdentity(kind: .bank, id: String(adapter.description.dropFirst("bank:".count)))
        let client = try hub.client(principal)
        let owner = SealKeyOwner.bank(code: code)
        let sealer = ReceiptSealing.sealer(key: hub.setup.sealKeys[owner]!, keyId: Registry.sampleSealKeyID(for: owner))
        return NetworkBank(
            code: code, adapterID: adapter.description, bank: SimulatedBank(ledger: ledger), client: client,
            courtKeys: try await CourtSealKeys.fetch(from: client), clock: clock, sealer: sealer)
    }

    private init(
        code: String, adapterID: String, bank: SimulatedBank, client: HubHTTPClient, courtKeys: CourtSealKeys, clock: ManualClock,
        sealer: @escaping AdapterPoller.Sealer
    ) {
        self.code = code
        self.adapterID = adapterID
        self.bank = bank
        self.client = client
        self.courtKeys = courtKeys
        self.clock = clock
        self.sealer = sealer
        self.poller = NetworkBank.poller(
            adapterID: adapterID, client: client, sealer: sealer, handler: Self.handler(bank, courtKeys, clock).answer)
    }

    /// What the adapter does with an item: verify the court's seal with `courtKeys` (R-B9, R-B10),
    /// decode, and let the bank's core system answer at the test's present.
    static func handler(_ bank: SimulatedBank, _ courtKeys: CourtSealKeys, _ clock: ManualClock) -> SealedItemHandler {
        SealedItemHandler(
            courtKeys: courtKeys, responder: bank.profile.institutionCode,
            clock: { Timestamp(millisecondsSinceEpoch: clock.milliseconds) },
            system: { document, now in await bank.handle(document, receivedAt: now) })
    }

    /// The item handler of this bank's adapter.
    func handler(courtKeys: CourtSealKeys? = nil) -> SealedItemHandler {
        Self.handler(bank, courtKeys ?? self.courtKeys, clock)
    }

    /// A new adapter process for this bank: fresh memory of answers, the same core ledger;
    /// `concurrency` items handled at once (the poller's default when nil).
    func makePoller(courtKeys: CourtSealKeys? = nil, concurrency: Int? = nil, handler: AdapterPoller.Handler? = nil) -> AdapterPoller {
        NetworkBank.poller(
            adapterID: adapterID, client: client, sealer: sealer, concurrency: concurrency,
            handler: handler ?? self.handler(courtKeys: courtKeys).answer)
    }

    private static func poller(
        adapterID: String, client: HubHTTPClient, sealer: @escaping AdapterPoller.Sealer, concurrency: Int? = nil,
        handler: @escaping AdapterPoller.Handler
    ) -> AdapterPoller {
        var configuration = AdapterPoller.Configuration(adapterID: adapterID)
        configuration.waitSeconds = 0
        configuration.maximumItemsPerPoll = 50
        if let concurrency { configuration.concurrency = concurrency }
        return AdapterPoller(configuration: configuration, client: client, handler: handler, sealer: sealer)
    }

    /// Polls until the hub has nothing more for this bank; returns how many items came. The hub
    /// gives one item per account at a time, so measures queued on one account take a round each.
    @discardableResult
    func deliver(_ poller: AdapterPoller? = nil) async throws -> Int {
        let poller = poller ?? self.poller
        var total = 0
        for _ in 0..<100 {
            let count = try await poller.pollOnce()
            if count == 0 { return total }
            total += count
        }
        Issue.record("the hub still had work for \(adapterID) after 100 rounds")
        return total
    }

    /// The account in the bank's core ledger now.
    func account(_ number: AccountNumber, _ currency: Currency = .cny) async -> SimulatedAccount? {
        await bank.account(AccountKey(number: number, currency: currency))
    }
}
