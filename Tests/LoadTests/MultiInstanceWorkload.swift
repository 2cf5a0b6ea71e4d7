import BankAdapter
import Foundation
import HubClient
import HubPKI
import HubProtocol
import Logging
import QueryHub
import Synchronization
@testable import hubd

/// One court post of the multi-instance test: a query to every bank, or a freeze of a shared account.
struct InstancePost: Sendable {
    let court: CourtCode
    let instructionID: String
    let body: [UInt8]
    /// The account a freeze holds (`bank/number`); nil for a query.
    let account: String?
}

/// A post the hub accepted (202), with the service time it was given and the tries it took.
struct InstanceAcceptance: Sendable {
    let post: InstancePost
    let serviceTime: String
    let serviceTimeMilliseconds: Int64
    let attempts: Int
}

/// What the courts were told, collected from every worker.
final class AcceptanceLog: Sendable {
    private let entries = Mutex<[InstanceAcceptance]>([])
    private let failures = Mutex<[String]>([])

    func accept(_ acceptance: InstanceAcceptance) { entries.withLock { $0.append(acceptance) } }
    func fail(_ text: String) { failures.withLock { $0.append(text) } }
    var accepted: [InstanceAcceptance] { entries.withLock { $0 } }
    var failed: [String] { failures.withLock { $0 } }
}

/// A court system with a client to each instance: it posts to one, and on a 503, a 429 or a
/// broken connection posts the same sealed bytes again to the other, until a 202 or a refusal.
struct InstanceCourt: Sendable {
    let court: CourtCode
    let clients: [HubHTTPClient]
    let setup: DevelopmentSetup
    /// The longest a post keeps trying: longer than a takeover and a lease.
    static let retryDeadline: Duration = .seconds(40)

    /// Posts `count` instructions, every third a freeze on one of the shared accounts, pausing
    /// between posts so that the run spans the kills.
    func run(worker: Int, count: Int, pauseMilliseconds: Int, log: AcceptanceLog) async throws {
        for sequence in 1...count {
            let post = try makePost(worker: worker, sequence: sequence)
            await submit(post, startingAt: (worker + sequence) % clients.count, log: log)
            try await Task.sleep(for: .milliseconds(pauseMilliseconds))
        }
    }

    func makePost(worker: Int, sequence: Int) throws -> InstancePost {
        let instructionID = "MI-\(Registry.sampleOfficerID(court: court, role: .judge).prefix(6))-\(worker)-\(sequence)"
        let now = HubRuntime.systemClock()
        var account: String?
        let document: [UInt8]
        if sequence % 3 == 0 {
            // Beijing courts reach the Beijing rural bank too; Shanghai's only the national ICBC.
            let rural = court.description.hasPrefix("京") && sequence % 2 == 0
            let measureCase = SampleMeasureCase(
                bank: rural ? "BJRCB" : "ICBC", accountNumber: rural ? "6210300012345678" : "6222020200112233445",
                caseSerial: worker * 1_000 + sequence)
            account = "\(measureCase.bank)/\(measureCase.accountNumber)"
            document = try SampleInstructions.freeze(
                registry: setup.registry, court: court, instructionID: instructionID, issuedAtMilliseconds: now, on: measureCase,
                amount: "100.00", from: SampleInstructions.chinaDay(ofMilliseconds: now),
                to: SampleInstructions.chinaDay(ofMilliseconds: now, plusDays: 180))
        } else {
            document = try SampleInstructions.queryEveryBank(registry: setup.registry, court: court, instructionID: instructionID, issuedAtMilliseconds: now)
        }
        let owner = SealKeyOwner.court(court)
        guard let key = setup.sealKeys[owner] else { preconditionFailure("the sample has a seal key for \(owner)") }
        let sealed = try SealedDocument.seal(document, with: key, keyId: Registry.sampleSealKeyID(for: owner))
        return InstancePost(court: court, instructionID: instructionID, body: Array(try JSONEncoder().encode(sealed)), account: account)
    }

    /// Posts until a 202 (logged), a refusal or the deadline (both logged as failures).
    func submit(_ post: InstancePost, startingAt first: Int, log: AcceptanceLog) async {
        let deadline = ContinuousClock.now + Self.retryDeadline
        var attempts = 0
        var last = ""
        // Bounded by the deadline (and a pause per retry).
        while ContinuousClock.now < deadline {
            let client = clients[(first + attempts) % clients.count]
            attempts += 1
            do {
                let response = try await client.request(
                    .POST, "/v1/instructions", body: post.body, headers: [("content-type", "application/json")])
                if response.statusCode == 202, let serviceTime = response.json["serviceTime"] as? String {
                    log.accept(
                        InstanceAcceptance(
                            post: post, serviceTime: serviceTime,
                            serviceTimeMilliseconds: (try? HotAccountTests.milliseconds(serviceTime: serviceTime)) ?? -1, attempts: attempts))
                    return
                }
                last = "HTTP \(response.statusCode) \(response.bodyText)"
                guard [429, 502, 503, 504].contains(response.statusCode) else {
                    log.fail("\(post.court) \(post.instructionID): \(last)")
                    return
                }
            } catch {
                last = error.description
            }
            try? await Task.sleep(for: .milliseconds(100))
        }
        log.fail("\(post.court) \(post.instructionID): no 202 within \(Self.retryDeadline) after \(attempts) tries; last: \(last)")
    }
}

/// Counts how often each bank's own system was asked to carry out each instruction: the poller
/// dedupes deliveries by item id, so once per (bank, instruction) is what a failover must keep.
final class BankCalls: Sendable {
    private let calls = Mutex<[String: Int]>([:])

    func record(bank: String, instructionID: String) { calls.withLock { $0["\(bank) \(instructionID)", default: 0] += 1 } }
    func count(bank: String, instructionID: String) -> Int { calls.withLock { $0["\(bank) \(instructionID)"] ?? 0 } }
}

/// The sample's banks as simulated core systems, each polling one of the instances over mutual
/// TLS (as separate processes would), answering with a sealed receipt.
struct InstanceBanks: Sendable {
    let banks: [String: SimulatedBank]
    let pollers: [AdapterPoller]
    let clients: [HubHTTPClient]
    let calls = BankCalls()

    init(setup: DevelopmentSetup, instanceURLs: [String]) async throws {
        let start = Timestamp(millisecondsSinceEpoch: HubRuntime.systemClock())
        var banks: [String: SimulatedBank] = [:]
        var pollers: [AdapterPoller] = []
        var clients: [HubHTTPClient] = []
        let calls = self.calls
        var courtKeys: CourtSealKeys?
        for (index, adapter) in setup.registry.broadcastAdapterIDs.enumerated() {
            let bankID = String(adapter.description.dropFirst("bank:".count))
            let code = String(bankID.prefix { $0 != "@" })
            let client = try HubHTTPClient(
                baseURL: instanceURLs[index % instanceURLs.count],
                tlsConfiguration: try makeClientTLSConfiguration(
                    client: setup.pki.client(try PrincipalIdentity(kind: .bank, id: bankID)), trustRootsPEM: setup.pki.authority.certificatePEM))
            clients.append(client)
            if courtKeys == nil { courtKeys = try await CourtSealKeys.fetch(from: client) }
            let bank = SimulatedBank(ledger: try DemoAdapters.ledger(bank: code, registry: setup.registry, start: start))
            banks[code] = bank
            let handler = SealedItemHandler(
                courtKeys: courtKeys!, responder: try InstitutionCode(code), clock: DemoAdapters.now,
                system: { document, now in
                    calls.record(bank: code, instructionID: document.header.instructionId.description)
                    return await bank.handle(document, receivedAt: now)
                })
            var configuration = AdapterPoller.Configuration(adapterID: adapter.description)
            configuration.waitSeconds = 5
            configuration.maximumBackoffMilliseconds = 1_000
            let owner = SealKeyOwner.bank(code: code)
            guard let key = setup.sealKeys[owner] else { preconditionFailure("the sample has a key for \(owner)") }
            var logger = Logger(label: "multi-instance.\(code)")
            logger.logLevel = .critical
            pollers.append(
                AdapterPoller(
                    configuration: configuration, client: client, handler: handler.answer,
                    sealer: ReceiptSealing.sealer(key: key, keyId: Registry.sampleSealKeyID(for: owner)), logger: logger))
        }
        self.banks = banks
        self.pollers = pollers
        self.clients = clients
    }

    /// Runs every poller until the task is cancelled.
    func run() async {
        await withTaskGroup(of: Void.self) { group in
            for poller in pollers { group.addTask { await poller.run() } }
        }
    }

    func shutdown() async {
        for client in clients { try? await client.shutdown() }
    }
}
