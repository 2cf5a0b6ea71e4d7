import BankAdapter
import Foundation
import HubClient
import HubPKI
import HubProtocol
import Logging
import PoliceAdapter
import QueryHub
import ServiceLifecycle

/// The simulated banks and police office of the sample registry, each polling the hub over mutual
/// TLS with its own certificate and seal key, exactly as separate processes would (they meet the
/// hub only on the wire). Run by `hubd demo` once the hub listens.
struct DemoAdapters: Service {
    let setup: DevelopmentSetup
    let hubURL: String
    let logger: Logger

    /// The demo's debtor: 张三 holds accounts at ICBC and at the Beijing rural commercial bank.
    static let debtor = Party.sample

    func run() async throws {
        let clients = try setup.registry.adapters.map { adapter in (adapter, try client(for: adapter)) }
        let start = Timestamp(millisecondsSinceEpoch: HubRuntime.systemClock())
        var pollers: [AdapterPoller] = []
        var pumps: [EventPump] = []
        // The hub starts beside us: wait (bounded) until it answers.
        var courtKeys = CourtSealKeys(keys: [:])
        for attempt in 1...100 {
            do {
                courtKeys = try await CourtSealKeys.fetch(from: clients[0].1)
                break
            } catch {
                if attempt == 100 { throw error }
                try await Task.sleep(for: .milliseconds(100))
            }
        }
        for (adapter, client) in clients {
            switch adapter {
            case .bankHeadOffice(let code), .bankBranch(let code, _):
                let bank = SimulatedBank(ledger: try DemoAdapters.ledger(bank: code, registry: setup.registry, start: start))
                let handler = SealedItemHandler(
                    courtKeys: courtKeys, responder: try InstitutionCode(code), clock: DemoAdapters.now,
                    system: { document, now in await bank.handle(document, receivedAt: now) })
                pollers.append(poller(adapter, client, handler: handler.answer, owner: .bank(code: code)))
            case .police(let officeID):
                let world = PoliceWorldGenerator(seed: 1).generate(personCount: 200, start: start)
                let police = try SimulatedPolice(world: world, responder: try InstitutionCode(officeID), start: start)
                let handler = SealedItemHandler(
                    courtKeys: courtKeys, responder: try InstitutionCode(officeID), clock: DemoAdapters.now,
                    system: { document, now in await DemoAdapters.answer(police, document, now) })
                // Sightings and finds of the measures courts imposed reach them through the hub (R-G4, R-G5).
                let feed = PoliceEventFeed(backend: police, clock: DemoAdapters.now, logger: logger)
                let owner = SealKeyOwner.policeOffice(id: officeID)
                pollers.append(poller(adapter, client, handler: feed.remembering(handler.answer), owner: owner))
                pumps.append(feed.pump(
                    configuration: EventPump.Configuration(adapterID: adapter.description), client: client,
                    sealer: ReceiptSealing.sealer(key: setup.sealKeys[owner]!, keyId: Registry.sampleSealKeyID(for: owner)), logger: logger))
            }
        }
        let running = Task {
            await withTaskGroup(of: Void.self) { group in
                for poller in pollers { group.addTask { await poller.run() } }
                for pump in pumps { group.addTask { await pump.run() } }
            }
        }
        await withGracefulShutdownHandler { await running.value } onGracefulShutdown: { running.cancel() }
        for (_, client) in clients { try? await client.shutdown() }
    }

    static let now: @Sendable () -> Timestamp = { Timestamp(millisecondsSinceEpoch: HubRuntime.systemClock()) }

    private func client(for adapter: AdapterID) throws -> HubHTTPClient {
        let principal: PrincipalIdentity
        switch adapter {
        case .bankHeadOffice, .bankBranch: principal = try PrincipalIdentity(kind: .bank, id: String(adapter.description.dropFirst("bank:".count)))
        case .police(let officeID): principal = try PrincipalIdentity(kind: .police, id: officeID)
        }
        return try HubHTTPClient(
            baseURL: hubURL,
            tlsConfiguration: try makeClientTLSConfiguration(client: setup.pki.client(principal), trustRootsPEM: setup.pki.authority.certificatePEM))
    }

    private func poller(_ adapter: AdapterID, _ client: HubHTTPClient, handler: @escaping AdapterPoller.Handler, owner: SealKeyOwner) -> AdapterPoller {
        var configuration = AdapterPoller.Configuration(adapterID: adapter.description)
        configuration.waitSeconds = 10
        return AdapterPoller(
            configuration: configuration, client: client, handler: handler,
            sealer: ReceiptSealing.sealer(key: setup.sealKeys[owner]!, keyId: Registry.sampleSealKeyID(for: owner)), logger: logger)
    }

    /// A police instruction the office refuses to answer at all is answered cannot-assist.
    static func answer(_ police: SimulatedPolice, _ document: InstructionDocument, _ now: Timestamp) async -> ReceiptDocument {
        do {
            return try await police.handle(document, at: now)
        } catch {
            let header = ReceiptHeader(instructionId: document.header.instructionId, responder: "MPS", respondedAt: now)
            return .cannotAssist(CannotAssist(header: header, reason: .other, detail: (try? WireText("\(error)")) ?? "refused"))
        }
    }

    /// The bank's core ledger: the demo debtor's accounts at ICBC and BJRCB, nothing elsewhere.
    static func ledger(bank code: String, registry: Registry, start: Timestamp) throws -> BankLedger {
        guard let registered = registry.bank(code: code) else { throw ValidationError("no bank \(code) in the registry") }
        let institution = try InstitutionCode(code)
        let name = registered.name
        let profile = registered.t2tLinked
            ? BankProfile.nationalHeadOffice(code: code, institutionCode: institution, name: name, seed: 1)
            : BankProfile.provincialBranch(
                code: code, institutionCode: institution, name: name, province: registered.p2pProvinces.first ?? .beijing,
                onlineDeduct: registered.capabilities.onlineDeduct, seed: 1)
        var ledger = BankLedger(profile: profile, start: start)
        let balances: [String: Int64] = ["ICBC": 8_000_000, "BJRCB": 2_000_000]
        if let balance = balances[code] {
            try ledger.addAccount(
                SimulatedAccount(
                    number: try AccountNumber(code == "ICBC" ? "6222020200112233445" : "6210300012345678"), currency: .cny,
                    kind: code == "ICBC" ? .current : .savings, owner: debtor, openingDate: try CalendarDate("2015-06-01"),
                    branch: WireText(stringLiteral: code == "ICBC" ? "北京朝阳支行" : "北京海淀支行"), contactPhone: PhoneNumber("13901234567"),
                    status: .active, closingDate: nil, balanceMinor: balance, protectedMinimumMinor: 0, claims: [], products: []))
        }
        return ledger
    }
}

import ArgumentParser

extension Party {
    /// 张三, resident ID 11010519491231002X — the party of the demo's example query.
    static var sample: Party {
        // Valid by construction: the GB 11643 example number and a plain name.
        try! Party(name: PartyName("张三"), document: .residentID(ResidentIDNumber("11010519491231002X")))
    }
}
