import BankAdapter
import Foundation
import HubClient
import HubPKI
import HubProtocol
import Logging
import QueryHub
import Testing

/// Issue 7: two `hubd serve` processes on one PostgreSQL database, courts posting to both at
/// once, banks polling through either, and the leader killed with SIGKILL mid-run (then, once
/// restarted, the standby too). Every instruction that got a 202 completes exactly once, each
/// bank's system carried out each instruction once, the queued freezes on the shared accounts
/// stand in the banks' ledgers in the order of their service times (R-B13, R-B20), the leader
/// believes forwarding headers only from a `hub` peer, and `hubd audit verify` passes over the
/// database. The test migrates a schema of its own and drops it at the end.
@Suite("Several hubd instances on one PostgreSQL", .serialized)
struct MultiInstanceTests {
    static let postgresURL = ProcessInfo.processInfo.environment["QUERYHUB_POSTGRES_URL"]
    static let courts = ["京0105", "京0108", "沪0101"].map { try! CourtCode($0) }
    static let workersPerCourt = 2
    static let postsPerWorker = 15
    static let pauseMilliseconds = 300

    @Test(
        "issue 7, R-B13, R-B20: two instances, the leader SIGKILLed mid-run: every 202 completes once, queued freezes keep service-time order, the audit chain verifies",
        .enabled(if: postgresURL != nil, "QUERYHUB_POSTGRES_URL is not set; .ci/run starts PostgreSQL and sets it"))
    func failover() async throws {
        let schema = "multi_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
        let url = Self.postgresURL! + (Self.postgresURL!.contains("?") ? "&" : "?") + "schema=\(schema)"
        var configuration = HubConfiguration()
        configuration.dataDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("multi-\(UUID().uuidString)").path
        print("MultiInstanceTests: schema \(schema); data and hubd logs in \(configuration.dataDirectory)")
        // The keys and certificates both children find (hub-1 and hub-2 among them), and the registry file serve reads.
        let setup = try DevelopmentSetup.prepare(configuration)
        let registryFile = configuration.dataDirectory + "/registry.json"
        try Data(setup.registry.jsonRepresentation()).write(to: URL(fileURLWithPath: registryFile))
        let children = try ["hub-1", "hub-2"].map { name in
            try Self.child(name: name, url: url, dataDirectory: configuration.dataDirectory, registryFile: registryFile)
        }
        defer { for child in children { child.kill() } }
        let store = PostgresStore(configuration: try PostgresStore.Configuration(url: url), logger: Logger(label: "multi-instance"))
        do {
            try await exercise(children: children, setup: setup, store: store, url: url)
        } catch {
            for child in children { child.kill() }
            try? await store.dropSchema()
            await store.shutdown()
            throw error
        }
        for child in children { #expect(try await child.stop() == 0, "\(child.name) did not shut down cleanly:\n\(child.logTail())") }
        try await store.dropSchema()
        await store.shutdown()
        try? FileManager.default.removeItem(atPath: configuration.dataDirectory)
    }

    /// A `hubd serve` child on PostgreSQL, named `name`, with short leases so that work leased
    /// from a killed leader comes back soon, and attempts enough never to dead-letter.
    static func child(name: String, url: String, dataDirectory: String, registryFile: String) throws -> HubdChild {
        let apiPort = try HubdChild.freePort()
        let operatorPort = try HubdChild.freePort()
        let environment = [
            "QUERYHUB_STORE": "postgres", "QUERYHUB_POSTGRES_URL": url, "QUERYHUB_INSTANCE_NAME": name,
            "QUERYHUB_DATA_DIRECTORY": dataDirectory, "QUERYHUB_REGISTRY_FILE": registryFile,
            "QUERYHUB_LISTEN_PORT": String(apiPort), "QUERYHUB_OPERATOR_PORT": String(operatorPort),
            "QUERYHUB_LEASE_SECONDS": "2", "QUERYHUB_MAXIMUM_ATTEMPTS": "100", "QUERYHUB_MAXIMUM_WAIT_SECONDS": "10",
        ]
        return HubdChild(
            executable: try HubdChild.executable(), dataDirectory: dataDirectory, apiPort: apiPort, operatorPort: operatorPort,
            environment: environment, arguments: ["serve"], name: name)
    }

    private func exercise(children: [HubdChild], setup: DevelopmentSetup, store: PostgresStore, url: String) async throws {
        try await children[0].start()
        try await children[1].start()
        #expect(try await store.leadership().instance == "hub-1", "the first instance started leads")
        let urls = children.map { "https://127.0.0.1:\($0.apiPort)" }
        let courts = try Self.courts.map { court in
            InstanceCourt(
                court: court, clients: try urls.map { try Self.client(setup, PrincipalIdentity(kind: .court, id: court.description), url: $0) },
                setup: setup)
        }
        let banks = try await InstanceBanks(setup: setup, instanceURLs: urls)
        let polling = Task { await banks.run() }
        let log = AcceptanceLog()
        do {
            try await runUnderKills(children: children, courts: courts, store: store, log: log)
            try await check(log: log, courts: courts, banks: banks, setup: setup, store: store, urls: urls)
            try await fenceTheLeader(children: children, courts: courts, store: store, log: log)
            try verifyAuditChain(executable: children[0].executable, url: url)
        } catch {
            polling.cancel()
            await Self.shutdown(courts: courts, banks: banks)
            throw error
        }
        polling.cancel()
        await polling.value
        await Self.shutdown(courts: courts, banks: banks)
    }

    /// Courts post to both instances while the leader is SIGKILLed and restarted (it comes back as
    /// a standby), then the standby is killed and restarted too.
    private func runUnderKills(children: [HubdChild], courts: [InstanceCourt], store: PostgresStore, log: AcceptanceLog) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for court in courts {
                for worker in 1...Self.workersPerCourt {
                    group.addTask {
                        try await court.run(worker: worker, count: Self.postsPerWorker, pauseMilliseconds: Self.pauseMilliseconds, log: log)
                    }
                }
            }
            try await Task.sleep(for: .milliseconds(2_500))
            let before = try await store.leadership()
            let leader = try #require(children.first { $0.name == before.instance })
            let epochBefore = before.epoch
            print("MultiInstanceTests: SIGKILL the leader \(leader.name) (epoch \(epochBefore))")
            try await leader.crash()
            try await Task.sleep(for: .milliseconds(1_000))
            try await leader.start()
            let after = try await store.leadership()
            #expect(after.epoch > epochBefore && after.instance != leader.name, "the other instance took over: \(after)")
            try await Task.sleep(for: .milliseconds(1_000))
            let standby = try #require(children.first { $0.name != after.instance })
            print("MultiInstanceTests: SIGKILL the standby \(standby.name); \(after.instance) leads in epoch \(after.epoch)")
            try await standby.crash()
            try await Task.sleep(for: .milliseconds(500))
            try await standby.start()
            #expect(try await store.leadership() == after, "killing a standby changes nothing about who leads")
            try await group.waitForAll()
        }
    }

    /// A leader whose epoch another instance has raised (as one cut off from the database would
    /// find) cannot commit: its next commit is fenced, it exits non-zero by itself, the standby
    /// takes over, and the court's post, retried with the same bytes, is accepted there.
    private func fenceTheLeader(children: [HubdChild], courts: [InstanceCourt], store: PostgresStore, log: AcceptanceLog) async throws {
        let before = try await store.leadership()
        let leader = try #require(children.first { $0.name == before.instance })
        let intruder = try await store.openLeadershipLock()
        let raised = try await intruder.claim(instance: "intruder", apiURL: "https://127.0.0.1:1")
        await intruder.close()
        #expect(raised == before.epoch + 1)
        let court = courts[0]
        let post = try court.makePost(worker: 9, sequence: 1)
        await court.submit(post, startingAt: children.firstIndex { $0 === leader }!, log: log)
        let status = try await leader.waitForOwnExit(withinSeconds: 20)
        #expect(status != nil && status != 0, "a fenced leader exits non-zero by itself, not \(String(describing: status)):\n\(leader.logTail())")
        #expect(
            leader.logTail(lines: 400).contains("but the database is at epoch \(raised): another instance leads, so this one may not commit"),
            "the fence is why it stopped:\n\(leader.logTail())")
        let after = try await store.leadership()
        #expect(after.epoch == raised + 1 && after.instance != leader.name, "the standby took over: \(after)")
        #expect(log.accepted.contains { $0.post.instructionID == post.instructionID }, "the post was accepted by the new leader: \(log.failed)")
        try await leader.start()
    }

    static func client(_ setup: DevelopmentSetup, _ principal: PrincipalIdentity, url: String) throws -> HubHTTPClient {
        try HubHTTPClient(
            baseURL: url,
            tlsConfiguration: try makeClientTLSConfiguration(client: setup.pki.client(principal), trustRootsPEM: setup.pki.authority.certificatePEM),
            requestTimeout: .seconds(20))
    }

    static func shutdown(courts: [InstanceCourt], banks: InstanceBanks) async {
        for court in courts { for client in court.clients { try? await client.shutdown() } }
        await banks.shutdown()
    }
}

// MARK: - The checks

extension MultiInstanceTests {
    private func check(
        log: AcceptanceLog, courts: [InstanceCourt], banks: InstanceBanks, setup: DevelopmentSetup, store: PostgresStore, urls: [String]
    ) async throws {
        #expect(log.failed.isEmpty, "posts without a 202: \(log.failed)")
        let accepted = log.accepted
        let expectedPosts = Self.courts.count * Self.workersPerCourt * Self.postsPerWorker
        #expect(accepted.count == expectedPosts)
        #expect(Set(accepted.map { "\($0.post.court) \($0.post.instructionID)" }).count == accepted.count, "one 202 per post")
        print(
            "MultiInstanceTests: \(accepted.count) accepted (\(accepted.filter { $0.post.account != nil }.count) freezes), "
                + "\(accepted.filter { $0.attempts > 1 }.count) after a retry")
        let clients = Dictionary(uniqueKeysWithValues: courts.map { ($0.court, $0.clients[0]) })
        try await waitUntilCompleted(accepted, clients: clients)
        try await checkInstructions(accepted, clients: clients, banks: banks, adapters: setup.registry.broadcastAdapterIDs.count)
        try await checkResultFeeds(accepted, clients: clients)
        try await checkFreezeOrder(accepted, banks: banks)
        try await checkForwardingHeaders(accepted, setup: setup, store: store, urls: urls)
    }

    /// Waits (at most 60 s) until every accepted instruction reads completed.
    private func waitUntilCompleted(_ accepted: [InstanceAcceptance], clients: [CourtCode: HubHTTPClient]) async throws {
        let deadline = ContinuousClock.now + .seconds(60)
        var pending = accepted
        // Bounded by the deadline.
        while !pending.isEmpty && ContinuousClock.now < deadline {
            let statuses = try await concurrentMap(pending, width: 8) { acceptance in
                let view = try? await clients[acceptance.post.court]!.request(.GET, "/v1/instructions/\(acceptance.post.instructionID)")
                return view?.json["status"] as? String
            }
            pending = zip(pending, statuses).filter { $1 != "completed" }.map(\.0)
            if !pending.isEmpty { try await Task.sleep(for: .milliseconds(500)) }
        }
        #expect(pending.isEmpty, "not completed within 60 s: \(pending.map(\.post.instructionID))")
    }

    /// Each instruction reads completed with the service time of its 202 (R-B20), every addressee
    /// answered once, and each bank's system carried it out exactly once.
    private func checkInstructions(
        _ accepted: [InstanceAcceptance], clients: [CourtCode: HubHTTPClient], banks: InstanceBanks, adapters: Int
    ) async throws {
        let views = try await concurrentMap(accepted, width: 8) { acceptance in
            try await clients[acceptance.post.court]!.request(.GET, "/v1/instructions/\(acceptance.post.instructionID)")
        }
        for (acceptance, view) in zip(accepted, views) {
            let name = "\(acceptance.post.court) \(acceptance.post.instructionID)"
            let json = view.json
            #expect(view.statusCode == 200 && json["status"] as? String == "completed", "\(name): \(view.bodyText)")
            #expect(json["serviceTime"] as? String == acceptance.serviceTime, "\(name): the service time changed (R-B20)")
            if let account = acceptance.post.account {
                let bank = String(account.prefix { $0 != "/" })
                #expect(json["answered"] as? Int == 1 && (json["receipts"] as? [Any])?.count == 1, "\(name): \(view.bodyText)")
                #expect(banks.calls.count(bank: bank, instructionID: acceptance.post.instructionID) == 1, "\(name): \(bank) carried it out more or less than once")
            } else {
                #expect(json["answered"] as? Int == adapters && json["expected"] as? Int == adapters, "\(name): \(view.bodyText)")
                for bank in banks.banks.keys {
                    #expect(banks.calls.count(bank: bank, instructionID: acceptance.post.instructionID) == 1, "\(name): \(bank) answered it more or less than once")
                }
            }
        }
    }

    /// Each court's result feed has exactly one `completed` per accepted instruction and no other.
    private func checkResultFeeds(_ accepted: [InstanceAcceptance], clients: [CourtCode: HubHTTPClient]) async throws {
        for court in Self.courts {
            let events = try await CrashRecoveryTests.resultEvents(court: court, client: clients[court]!)
            var completions: [String: Int] = [:]
            for event in events where event["event"] as? String == "completed" {
                completions[event["instructionId"] as? String ?? "?", default: 0] += 1
            }
            let expected = Set(accepted.filter { $0.post.court == court }.map(\.post.instructionID))
            #expect(Set(completions.keys) == expected, "\(court): completions \(completions.keys.sorted()) for accepted \(expected.sorted())")
            for (instructionID, count) in completions where count != 1 {
                Issue.record("\(court): \(instructionID) completed \(count) times")
            }
        }
    }

    /// R-B13, R-B20: on each shared account the banks' ledgers hold the freezes in the order of
    /// the service times the courts were given, whichever instance accepted them.
    private func checkFreezeOrder(_ accepted: [InstanceAcceptance], banks: InstanceBanks) async throws {
        let freezes = accepted.filter { $0.post.account != nil }
        for account in Set(freezes.compactMap(\.post.account)).sorted() {
            let bankCode = String(account.prefix { $0 != "/" })
            let number = String(account.drop { $0 != "/" }.dropFirst())
            let bank = try #require(banks.banks[bankCode])
            let ledgerAccount = try #require(await bank.account(AccountKey(number: try AccountNumber(number), currency: .cny)))
            let inLedger = ledgerAccount.freezes.map(\.instructionId.description)
            let times = Dictionary(uniqueKeysWithValues: freezes.filter { $0.post.account == account }.map { ($0.post.instructionID, $0.serviceTimeMilliseconds) })
            #expect(Set(inLedger) == Set(times.keys), "\(account): the ledger holds \(inLedger), the courts were told \(times.keys.sorted())")
            let order = inLedger.compactMap { times[$0] }
            #expect(zip(order, order.dropFirst()).allSatisfy { $0 <= $1 }, "\(account): freezes out of service-time order: \(zip(inLedger, order).map { "\($0)@\($1)" })")
            print("MultiInstanceTests: \(inLedger.count) queued freezes on \(account), in service-time order")
        }
    }

    /// The leader believes forwarding headers only from a `hub` peer: a court that sends them is
    /// refused 403 by either instance; a hub instance's certificate with them reads the court's
    /// instruction; the same certificate without them is no court and is refused.
    private func checkForwardingHeaders(_ accepted: [InstanceAcceptance], setup: DevelopmentSetup, store: PostgresStore, urls: [String]) async throws {
        let court = try CourtCode("京0105")
        let other = try PrincipalIdentity(kind: .court, id: "京0108")
        let target = try #require(accepted.first { $0.post.court == court })
        let path = "/v1/instructions/\(target.post.instructionID)"
        let forged = ForwardedCaller(
            principal: try PrincipalIdentity(kind: .court, id: court.description), certificateFingerprint: "00", clientAddress: "10.0.0.1:1")
        for url in urls {
            let impostor = try Self.client(setup, other, url: url)
            let refused = try await impostor.request(.GET, path, headers: forged.headers)
            try? await impostor.shutdown()
            #expect(refused.statusCode == 403, "a court's forwarding headers at \(url): \(refused.bodyText)")
        }
        let leader = try await store.leadership()
        let hub = try Self.client(setup, PrincipalIdentity(kind: .hub, id: leader.instance == "hub-1" ? "hub-2" : "hub-1"), url: leader.apiURL)
        let forwarded = try await hub.request(.GET, path, headers: forged.headers)
        let bare = try await hub.request(.GET, path)
        try? await hub.shutdown()
        #expect(forwarded.statusCode == 200 && forwarded.json["id"] as? String == target.post.instructionID, "\(forwarded.bodyText)")
        #expect(bare.statusCode == 403, "a hub instance is no court: \(bare.bodyText)")
    }

    /// `hubd audit verify --postgres-url` exits 0 over the shared database.
    private func verifyAuditChain(executable: URL, url: String) throws {
        let (status, text) = try SpawnedProcess.output(executable: executable.path, arguments: ["audit", "verify", "--postgres-url", url])
        #expect(status == 0, "hubd audit verify: \(text)")
        #expect(text.contains("audit chain verified"), "\(text)")
        print("MultiInstanceTests: \(text.trimmingCharacters(in: .whitespacesAndNewlines))")
    }
}
