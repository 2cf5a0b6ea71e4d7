import Foundation
import HubClient
import HubPKI
import HubProtocol
import QueryHub
import Testing

/// Nothing accepted is ever lost (issue 4): a real `hubd demo` child process on its SQLite
/// database is killed with SIGKILL at random moments while courts post sealed queries and banks
/// answer them, and restarted on the same data directory each time. Afterwards every instruction
/// that got a 202 exists and completed exactly once per bank; none that got a 4xx exists; one that
/// got no answer may or may not exist, but completed if it does; each court's result stream has
/// exactly one `completed` event per instruction; and the audit chain verifies.
///
/// The kill schedule, the spoiled posts and the pauses come from one seed, printed at the start
/// (`CRASH_TEST_SEED` replays a schedule; the hub's own timing is not replayable). Bounded: 22
/// kills — a quarter of them within 0.6 s of the start, while the hub may still be restoring its
/// state, the others 0.2–1.2 s after it is ready — at most 2,000 posts, and every wait has a deadline.
@Suite("Crash recovery of a hubd process", .serialized)
struct CrashRecoveryTests {
    static let environment = ProcessInfo.processInfo.environment
    static let seed = environment["CRASH_TEST_SEED"].flatMap { UInt64($0) } ?? UInt64.random(in: 1...UInt64.max)
    static let kills = 22
    static let maximumPosts = 2_000
    static let courts = ["京0105", "京0108", "沪0101"].map { try! CourtCode($0) }
    static let workersPerCourt = 2
    /// Pollers per bank adapter: concurrent leases on the broadcast log, answered out of order.
    static let pollersPerBank = 2

    @Test("issue 4: SIGKILL 22 times under load; every 202 survives and completes once per bank; no 4xx exists")
    func nothingAcceptedIsLost() async throws {
        var configuration = HubConfiguration()
        configuration.dataDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("crash-\(UUID().uuidString)").path
        print("CrashRecoveryTests seed \(Self.seed) (replay with CRASH_TEST_SEED=\(Self.seed)); data and hubd logs in \(configuration.dataDirectory) (kept with CRASH_TEST_KEEP=1)")
        // The same keys and certificates the child's `hubd demo` finds and reuses.
        let setup = try DevelopmentSetup.prepare(configuration)
        let child = HubdChild(
            executable: try HubdChild.executable(), dataDirectory: configuration.dataDirectory,
            apiPort: try HubdChild.freePort(), operatorPort: try HubdChild.freePort(),
            // Short leases, so that work leased just before a crash comes back soon; attempts
            // enough that 22 crashes never dead-letter an item (which would not be "answered").
            environment: ["QUERYHUB_LEASE_SECONDS": "2", "QUERYHUB_MAXIMUM_ATTEMPTS": "100"])
        defer { child.kill() }
        let clients = try CrashClients(setup: setup, apiPort: child.apiPort)
        do {
            try await exercise(child: child, clients: clients, adapters: setup.registry.broadcastAdapterIDs.map(\.description))
        } catch {
            child.kill()
            await clients.shutdown()
            throw error
        }
        await clients.shutdown()
        #expect(try await child.stop() == 0, "hubd did not shut down cleanly:\n\(child.logTail())")
        try verifyAuditChain(child: child)
        // Kept after a thrown error, or when asked, for the hubd logs and the database.
        if Self.environment["CRASH_TEST_KEEP"] == nil { try? FileManager.default.removeItem(atPath: configuration.dataDirectory) }
    }

    /// The run under crashes, the repeats, the drain, then the checks of what the clients were told.
    private func exercise(child: HubdChild, clients: CrashClients, adapters: [String]) async throws {
        let log = SubmissionLog()
        let banks = try await runUnderCrashes(child: child, clients: clients, log: log)
        try await repostUnanswered(clients: clients, log: log)
        // When the hub does not drain, the checks below say which instructions are stuck.
        let open = try await Self.waitUntilDrained(child: child)
        #expect(open == 0, "\(open ?? -1) queries still open after the banks answered for 60 s")
        clients.stopAnswering.set()
        let tallies = try await banks.value
        let records = log.all
        report(records, tallies: tallies, runs: child.runNumber, strayTerminations: child.strayTerminationCount)
        let existing = try await checkInstructions(records, clients: clients, adapters: adapters)
        try await checkResultStreams(records, existing: existing, clients: clients)
        for tally in tallies { #expect(tally.conflicts.isEmpty, "a repeated answer was taken as another answer: \(tally.conflicts)") }
    }

    /// Courts post and banks answer while the child is killed and restarted `kills` times; returns
    /// once the courts have stopped after the last restart. The banks keep answering until
    /// `clients.stopAnswering` is set; the task returns their tallies.
    private func runUnderCrashes(child: HubdChild, clients: CrashClients, log: SubmissionLog) async throws
        -> Task<[BankTally], any Error>
    {
        let stopPosting = Flag()
        let budget = Budget(Self.maximumPosts)
        var random = SplitMix64(seed: Self.seed)
        let submitterSeeds = clients.submitters.map { _ in random.next() }
        let banks = Task {
            try await withThrowingTaskGroup(of: BankTally.self) { group in
                for bank in clients.banks { group.addTask { try await bank.run(stop: clients.stopAnswering) } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (submitter, seed) in zip(clients.submitters, submitterSeeds) {
                group.addTask { try await submitter.run(seed: seed, stop: stopPosting, budget: budget, log: log) }
            }
            do {
                for _ in 0..<Self.kills {
                    if random.chance(percent: 25) {
                        // During start-up: while it restores its state, or just after.
                        try child.launch()
                        try await Task.sleep(for: .milliseconds(random.next(below: 600)))
                    } else {
                        try await child.start()
                        try await Task.sleep(for: .milliseconds(200 + random.next(below: 1_000)))
                    }
                    try await child.crash()
                }
                try await child.start()
                // Some posts after the last start, so that the last run takes new work too.
                try await Task.sleep(for: .milliseconds(500))
            } catch {
                stopPosting.set()
                clients.stopAnswering.set()
                throw error
            }
            stopPosting.set()
            try await group.waitForAll()
        }
        return banks
    }

    /// Half the unanswered posts (chosen by the seed) go again with the same bytes after the last
    /// restart: the hub answers as it did the first time or accepts them now — never a 409.
    private func repostUnanswered(clients: CrashClients, log: SubmissionLog) async throws {
        var random = SplitMix64(seed: Self.seed ^ 0x5EED)
        var records = log.all
        for index in records.indices {
            guard case .noAnswer = records[index].outcome, !records[index].spoiled, random.chance(percent: 50) else { continue }
            let submitter = clients.submitter(for: records[index].court)
            records[index].repeatOutcome = await submitter.post(records[index].body)
        }
        log.replace(records)
    }

    /// Waits until the hub holds no open query (every bank answered every one), from its metrics;
    /// returns how many were still open at the end (nil when the metrics could not be read).
    static func waitUntilDrained(child: HubdChild, withinSeconds seconds: Int = 60) async throws -> Double? {
        let metrics = try HubHTTPClient(baseURL: "http://127.0.0.1:\(child.operatorPort)", tlsConfiguration: nil, connectionPoolSize: 1)
        defer { Task { try? await metrics.shutdown() } }
        let deadline = ContinuousClock.now + .seconds(seconds)
        var open: Double?
        // Bounded by the deadline.
        while ContinuousClock.now < deadline {
            open = (try? await metrics.request(.GET, "/metrics").bodyText).flatMap { gauge("hub_open_broadcasts", in: $0) }
            if open == 0 { return 0 }
            try await Task.sleep(for: .milliseconds(200))
        }
        return open
    }

    /// A gauge's value from Prometheus text, or nil when absent.
    static func gauge(_ name: String, in text: String) -> Double? {
        for line in text.split(separator: "\n") where line.hasPrefix(name + " ") {
            return Double(line.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces))
        }
        return nil
    }

    private func report(_ records: [SubmissionRecord], tallies: [BankTally], runs: Int, strayTerminations: Int) {
        let accepted = records.filter(\.outcome.isAccepted).count
        let refused = records.filter(\.outcome.isRefusal).count
        let unanswered = records.count - accepted - refused
        let receipts = tallies.reduce(0) { $0 + $1.receiptsAccepted }
        print(
            "CrashRecoveryTests: \(runs) runs of hubd (\(strayTerminations) ended by a stray SIGTERM), \(records.count) posts: \(accepted) accepted, \(refused) refused, "
                + "\(unanswered) unanswered (\(records.filter { $0.repeatOutcome != nil }.count) posted again); "
                + "\(receipts) receipts accepted, \(tallies.reduce(0) { $0 + $1.receiptsRepeated }) repeated, "
                + "\(tallies.reduce(0) { $0 + $1.receiptsRefused }) refused after a lease expired")
    }
}

// MARK: - The checks

extension CrashRecoveryTests {
    /// Every 202 exists and completed with each bank exactly once; no 4xx exists (nor any spoiled
    /// post, answered or not); an unanswered post may exist, and then completed too. A post
    /// repeated after the restart got a 202. Returns the instructions that exist, per court.
    private func checkInstructions(_ records: [SubmissionRecord], clients: CrashClients, adapters: [String]) async throws
        -> [CourtCode: Set<String>]
    {
        #expect(records.contains { $0.outcome.isAccepted }, "the run must accept work to prove anything")
        #expect(records.contains { $0.outcome.isRefusal }, "the run must refuse the spoiled posts")
        let views = try await concurrentMap(records, width: 8) { record in
            try await clients.client(for: record.court).request(.GET, "/v1/instructions/\(record.instructionID)")
        }
        var existing: [CourtCode: Set<String>] = [:]
        for (record, view) in zip(records, views) {
            let name = "\(record.court) \(record.instructionID)"
            #expect(view.statusCode == 200 || view.statusCode == 404, "\(name): \(view.bodyText)")
            if view.statusCode == 200 { existing[record.court, default: []].insert(record.instructionID) }
            if record.spoiled {
                #expect(view.statusCode == 404, "\(name) was sealed wrongly but exists")
                #expect(record.outcome == .refused(status: 400) || !record.outcome.isRefusal, "\(name): \(record.outcome)")
                continue
            }
            if let repeated = record.repeatOutcome {
                #expect(repeated.isAccepted, "\(name): posting the same bytes again got \(repeated)")
                #expect(view.statusCode == 200, "\(name) was accepted on repeat but is missing")
            }
            switch record.outcome {
            case .accepted(let serviceTime):
                #expect(view.statusCode == 200, "\(name) got a 202 and is lost: \(view.bodyText)")
                if view.statusCode == 200 {
                    #expect(view.json["serviceTime"] as? String == serviceTime, "\(name): the service time changed (R-B20)")
                }
            case .refused(let status):
                #expect(view.statusCode == 404, "\(name) got a \(status) but exists")
            case .noAnswer:
                break
            }
            if view.statusCode == 200 { checkCompleted(view, name: name, adapters: adapters) }
        }
        let unanswered = zip(records, views).filter { record, _ in !record.spoiled && !record.outcome.isAccepted && !record.outcome.isRefusal }
        print("CrashRecoveryTests: of \(unanswered.count) unanswered posts, \(unanswered.filter { $1.statusCode == 200 }.count) exist")
        return existing
    }

    /// Completed, answered "no account found" by each bank exactly once, and nothing else.
    private func checkCompleted(_ view: HubHTTPResponse, name: String, adapters: [String]) {
        let json = view.json
        #expect(json["status"] as? String == "completed", "\(name) did not complete: \(view.bodyText)")
        #expect((json["noAccountFound"] as? [String])?.sorted() == adapters.sorted(), "\(name): \(view.bodyText)")
        #expect((json["receipts"] as? [Any])?.isEmpty == true, "\(name) has other receipts: \(view.bodyText)")
        #expect(json["answered"] as? Int == adapters.count && json["expected"] as? Int == adapters.count, "\(name): \(view.bodyText)")
    }

    /// Each court's result stream: exactly one `completed` per instruction that exists, none for
    /// any other, and cursors strictly increasing.
    private func checkResultStreams(
        _ records: [SubmissionRecord], existing: [CourtCode: Set<String>], clients: CrashClients
    ) async throws {
        for court in Self.courts {
            let events = try await Self.resultEvents(court: court, client: clients.client(for: court))
            let cursors = events.compactMap { $0["cursor"] as? Int }
            #expect(cursors.count == events.count && zip(cursors, cursors.dropFirst()).allSatisfy { $0 < $1 })
            var completions: [String: Int] = [:]
            for event in events {
                #expect(event["event"] as? String == "completed", "\(court): a query to every bank has no per-bank events: \(event)")
                completions[event["instructionId"] as? String ?? "?", default: 0] += 1
            }
            let expected = existing[court] ?? []
            let strays = Set(completions.keys).subtracting(expected).sorted()
            #expect(strays.isEmpty, "\(court): completions for \(strays), which do not exist")
            let missing = expected.subtracting(completions.keys).sorted()
            #expect(missing.isEmpty, "\(court): no completion for \(missing), which exist")
            for (instructionID, count) in completions where count != 1 {
                Issue.record("\(court): \(instructionID) completed \(count) times")
            }
            #expect(records.filter { $0.court == court && $0.outcome.isAccepted }.allSatisfy { expected.contains($0.instructionID) })
        }
    }

    /// The whole result stream of a court, page by page (bounded: 100 pages of 5,000).
    static func resultEvents(court: CourtCode, client: HubHTTPClient) async throws -> [[String: Any]] {
        var events: [[String: Any]] = []
        var cursor = 0
        for _ in 0..<100 {
            let page = try await client.request(.GET, "/v1/courts/\(segment(court.description))/results?after=\(cursor)&max=5000")
            try #require(page.statusCode == 200, "\(page.bodyText)")
            let batch = page.json["events"] as? [[String: Any]] ?? []
            if batch.isEmpty { return events }
            events += batch
            cursor = page.json["cursor"] as? Int ?? cursor
        }
        Issue.record("more than 100 pages of results")
        return events
    }

    /// `hubd audit verify` on the data directory exits 0.
    private func verifyAuditChain(child: HubdChild) throws {
        let (status, text) = try SpawnedProcess.output(executable: child.executable.path, arguments: ["audit", "verify", "--data-directory", child.dataDirectory])
        #expect(status == 0, "hubd audit verify: \(text)")
        #expect(text.contains("audit chain verified"), "\(text)")
    }
}

/// The court and bank clients of the crash test, each with its principal's certificate.
struct CrashClients: Sendable {
    let submitters: [CourtSubmitter]
    let banks: [BankAnswerer]
    let stopAnswering = Flag()
    private let courtClients: [CourtCode: HubHTTPClient]
    private let bankClients: [HubHTTPClient]

    init(setup: DevelopmentSetup, apiPort: Int) throws {
        func client(_ principal: PrincipalIdentity) throws -> HubHTTPClient {
            try HubHTTPClient(
                baseURL: "https://127.0.0.1:\(apiPort)",
                tlsConfiguration: try makeClientTLSConfiguration(
                    client: setup.pki.client(principal), trustRootsPEM: setup.pki.authority.certificatePEM),
                requestTimeout: .seconds(20))
        }
        var courtClients: [CourtCode: HubHTTPClient] = [:]
        var submitters: [CourtSubmitter] = []
        for court in CrashRecoveryTests.courts {
            let courtClient = try client(try PrincipalIdentity(kind: .court, id: court.description))
            courtClients[court] = courtClient
            for worker in 1...CrashRecoveryTests.workersPerCourt {
                submitters.append(CourtSubmitter(court: court, worker: worker, client: courtClient, setup: setup))
            }
        }
        self.courtClients = courtClients
        self.submitters = submitters
        var banks: [BankAnswerer] = []
        var bankClients: [HubHTTPClient] = []
        for adapter in setup.registry.broadcastAdapterIDs {
            let bankID = String(adapter.description.dropFirst("bank:".count))
            let bankCode = String(bankID.prefix { $0 != "@" })
            guard let key = setup.sealKeys[.bank(code: bankCode)] else { preconditionFailure("the sample has a key for \(bankCode)") }
            let bankClient = try client(try PrincipalIdentity(kind: .bank, id: bankID))
            bankClients.append(bankClient)
            let cache = ReceiptCache()
            banks += (1...CrashRecoveryTests.pollersPerBank).map { _ in
                BankAnswerer(adapter: adapter.description, bankCode: bankCode, client: bankClient, sealKey: key, cache: cache)
            }
        }
        self.banks = banks
        self.bankClients = bankClients
    }

    func client(for court: CourtCode) -> HubHTTPClient {
        guard let client = courtClients[court] else { preconditionFailure("\(court) is one of the test's courts") }
        return client
    }

    func submitter(for court: CourtCode) -> CourtSubmitter {
        guard let submitter = submitters.first(where: { $0.court == court }) else { preconditionFailure("\(court) posts") }
        return submitter
    }

    func shutdown() async {
        stopAnswering.set()
        for client in courtClients.values { try? await client.shutdown() }
        for client in bankClients { try? await client.shutdown() }
    }
}
