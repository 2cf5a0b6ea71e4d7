import ArgumentParser
import BankAdapter
import Foundation
import HubClient
import HubPKI
import HubProtocol
import Logging
import PoliceAdapter
import ServiceLifecycle

/// `hubd bank-adapter`: one simulated bank as its own process, meeting the hub only on the wire —
/// its certificate, its seal key, the courts' seal keys fetched from the hub, and its accounts from
/// a scenario file.
struct BankAdapterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bank-adapter", abstract: "Run a simulated bank's adapter against a hub.")

    @Option(help: "The hub's API address.")
    var hub = "https://127.0.0.1:8443"

    @Option(help: "The adapter id the hub knows it by, e.g. bank:ICBC or bank:BJRCB@京.")
    var adapter: String

    @Option(help: "The development PKI directory (the adapter's certificate and the CA).")
    var pki = "var/demo/pki"

    @Option(help: "The bank's PEM seal key.")
    var sealKey: String

    @Option(help: "The seal key's id as registered, e.g. bank:ICBC#1.")
    var sealKeyId: String

    @Option(help: "A scenario file (docs/scenarios.md) holding this bank's accounts; none: an empty bank.")
    var scenario: String?

    func run() async throws {
        let logger = HubLogging.bootstrap()
        guard adapter.hasPrefix("bank:") else { throw ValidationError("--adapter must be a bank adapter id (bank:CODE or bank:CODE@省)") }
        let principalID = String(adapter.dropFirst("bank:".count))
        let code = String(principalID.prefix { $0 != "@" })
        let start = Timestamp(millisecondsSinceEpoch: Int64(Date().timeIntervalSince1970 * 1_000))
        let ledger = try scenario.map { try AdapterFiles.bankLedger(code: code, scenario: $0) }
            ?? BankLedger(profile: .nationalHeadOffice(code: code, institutionCode: try InstitutionCode(code), name: code, seed: 1), start: start)
        let bank = SimulatedBank(ledger: ledger)
        let runner = try AdapterRunner(
            hub: hub, adapterID: adapter, principal: try PrincipalIdentity(kind: .bank, id: principalID), pkiDirectory: pki,
            sealKeyPath: sealKey, sealKeyID: sealKeyId, responder: try InstitutionCode(code), logger: logger,
            system: { document, now in await bank.handle(document, receivedAt: now) })
        try await runner.runUntilSignalled()
    }
}

/// `hubd police-adapter`: the simulated police office as its own process.
struct PoliceAdapterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "police-adapter", abstract: "Run the simulated police office's adapter against a hub.")

    @Option(help: "The hub's API address.")
    var hub = "https://127.0.0.1:8443"

    @Option(help: "The police office's id, e.g. MPS.")
    var office = "MPS"

    @Option(help: "The development PKI directory.")
    var pki = "var/demo/pki"

    @Option(help: "The office's PEM seal key.")
    var sealKey: String

    @Option(help: "The seal key's id as registered, e.g. police:MPS#1.")
    var sealKeyId: String

    @Option(help: "Persons in the generated world.")
    var persons = 1_000

    @Option(help: "A directory where the adapter keeps which court imposed each measure, so later events reach the court after a restart (police-measures.json). Without it the memory lasts one process.")
    var stateDirectory: String?

    func run() async throws {
        let logger = HubLogging.bootstrap()
        let start = Timestamp(millisecondsSinceEpoch: Int64(Date().timeIntervalSince1970 * 1_000))
        let world = PoliceWorldGenerator(seed: 1).generate(personCount: persons, start: start)
        let police = try SimulatedPolice(world: world, responder: try InstitutionCode(office), start: start)
        var runner = try AdapterRunner(
            hub: hub, adapterID: "police:" + office, principal: try PrincipalIdentity(kind: .police, id: office), pkiDirectory: pki,
            sealKeyPath: sealKey, sealKeyID: sealKeyId, responder: try InstitutionCode(office), logger: logger,
            system: { document, now in await DemoAdapters.answer(police, document, now) })
        // Sightings and finds of the measures courts imposed reach them through the hub (R-G4, R-G5).
        if let stateDirectory {
            try FileManager.default.createDirectory(atPath: stateDirectory, withIntermediateDirectories: true)
            runner.events = try PoliceEventFeed(
                backend: police, clock: DemoAdapters.now, memory: PoliceCourtMemory(stateDirectory: stateDirectory), logger: logger)
        } else {
            runner.events = PoliceEventFeed(backend: police, clock: DemoAdapters.now, logger: logger)
        }
        try await runner.runUntilSignalled()
    }
}

/// One adapter process: its client, the courts' keys from the hub, the poller, until SIGTERM/SIGINT.
struct AdapterRunner: Service {
    let client: HubHTTPClient
    let configuration: AdapterPoller.Configuration
    let sealer: AdapterPoller.Sealer
    let responder: InstitutionCode
    let system: SealedItemHandler.System
    let logger: Logger
    /// The police office's later events, pumped to the hub beside the poller; nil for a bank.
    var events: PoliceEventFeed?

    init(hub: String, adapterID: String, principal: PrincipalIdentity, pkiDirectory: String, sealKeyPath: String, sealKeyID: String,
         responder: InstitutionCode, logger: Logger, system: @escaping SealedItemHandler.System) throws {
        let pki = try DevelopmentPKI.load(directory: pkiDirectory)
        client = try HubHTTPClient(
            baseURL: hub, tlsConfiguration: try makeClientTLSConfiguration(client: pki.client(principal), trustRootsPEM: pki.authority.certificatePEM))
        guard let pem = FileManager.default.contents(atPath: sealKeyPath) else { throw ValidationError("cannot read \(sealKeyPath)") }
        sealer = ReceiptSealing.sealer(key: try SealPrivateKey(pemRepresentation: String(decoding: pem, as: UTF8.self)), keyId: sealKeyID)
        configuration = AdapterPoller.Configuration(adapterID: adapterID)
        self.responder = responder
        self.system = system
        self.logger = logger
    }

    func run() async throws {
        let keys = try await CourtSealKeys.fetch(from: client)
        let handler = SealedItemHandler(
            courtKeys: keys, responder: responder, clock: DemoAdapters.now, system: system)
        let poller = AdapterPoller(
            configuration: configuration, client: client, handler: events?.remembering(handler.answer) ?? handler.answer, sealer: sealer,
            logger: logger)
        let pump = events?.pump(
            configuration: EventPump.Configuration(adapterID: configuration.adapterID), client: client, sealer: sealer, logger: logger)
        let running = Task {
            await withTaskGroup(of: Void.self) { group in
                group.addTask { await poller.run() }
                if let pump { group.addTask { await pump.run() } }
            }
        }
        await withGracefulShutdownHandler { await running.value } onGracefulShutdown: { running.cancel() }
        try await client.shutdown()
    }

    func runUntilSignalled() async throws {
        let group = ServiceGroup(configuration: .init(services: [.init(service: self)], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }
}

/// Reading a bank's ledger out of a scenario file.
enum AdapterFiles {
    static func bankLedger(code: String, scenario path: String) throws -> BankLedger {
        guard let data = FileManager.default.contents(atPath: path) else { throw ValidationError("cannot read \(path)") }
        let ledgers = try Scenario.decode(Array(data)).makeLedgers()
        guard let ledger = ledgers.first(where: { $0.profile.code == code }) else {
            throw ValidationError("the scenario \(path) has no bank \(code)")
        }
        return ledger
    }
}
