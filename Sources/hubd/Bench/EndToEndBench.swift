import Foundation
import HubClient
import HubPKI
import HubProtocol
import QueryHub

/// The settings of one end-to-end run.
struct BenchSettings: Sendable {
    var seconds = 60
    var banks = 1_000
    var accounts = 1_000_000
    var zipfExponent = 1.1
    var submitters = 32
    var thinkMilliseconds = 0
    var mix = BenchMix.standard
    var courtSeal = SealAlgorithm.sm2WithSM3
    var bankSeal = SealAlgorithm.ed25519
    var pollBatch = 500
    /// Each bank polls at most once per interval (0 = poll again at once). Before the hub could
    /// hold a poll for a batch this pacing was how a poll carried one; now the linger does it.
    var bankPollIntervalMilliseconds = 0
    /// The hub holds a bank's poll until `pollBatch` items are ready or this long after the first
    /// was (0 = answer at once, one request per arrival).
    var bankLingerMilliseconds = 1_000
    var maximumOpenBroadcasts = 256
    /// Items of queries to every bank out at once (open queries × banks) before the hub answers
    /// 429: 256 queries at 1,000 banks, 64 at 4,000, 16 at 16,000. At 4,000 banks 256 open
    /// queries (about a million items) overloaded the hub on the bench machine; 64 did not.
    var maximumOpenBroadcastItems = 256_000
    /// The hub runs as a child process (`hubd serve`) instead of in this process: its memory is
    /// its own, and its connections count against its own descriptor limit.
    var hubProcess = false
    var drainSeconds = 60
    var progressSeconds = 5
    /// Instructions whose status is read back one by one after the run.
    var statusChecks = 200
    /// `sqlite` or `postgres` (issue 7).
    var store = "sqlite"
    /// Hub instances on the PostgreSQL store: 1, or 2 (one leads, one forwards).
    var instances = 1
    /// The PostgreSQL server, for `store = postgres`.
    var postgresURL: String?
}

/// What an end-to-end run measured and found.
struct EndToEndOutcome: Sendable {
    var settings: BenchSettings
    var measuredSeconds: Double
    var counters: BenchStatistics.Counters
    var receiptsAccepted: Int
    var lost: Int
    var statusMismatches: [String]
    var statusChecked: Int
    /// Answers among those read back that the hub's control ledger flagged, with its reason.
    var flaggedReceipts: [String]
    var peakMemoryKilobytes: Int?
    /// The hub's own peak (VmHWM of `hubd serve`), when it ran as a child process.
    var hubPeakMemoryKilobytes: Int?

    var instructionsPerSecond: Double { Double(counters.accepted) / measuredSeconds }
    var itemsPerSecond: Double { Double(counters.itemsHandled) / measuredSeconds }
    var receiptsPerSecond: Double { Double(receiptsAccepted) / measuredSeconds }
    var measuresPerSecond: Double { Double(counters.acceptedMeasures) / measuredSeconds }
    var hubRequestsPerSecond: Double { Double(counters.hubRequests) / measuredSeconds }

    /// Nothing lost, nothing completed or answered twice, every status read back consistent.
    var invariantsHold: Bool {
        lost == 0 && counters.completedTwice == 0 && counters.completedUnknown == 0 && counters.itemsHandledTwice == 0
            && statusMismatches.isEmpty && counters.sealFailures == 0
    }
}

/// The end-to-end run: a hub in this process, courts submitting, banks polling and answering, all
/// over HTTPS with mutual TLS; then a drain and the invariant checks.
enum EndToEndBench {
    /// How fast bank pollers start (each opens its connections with a TLS handshake).
    static let bankStartsPerSecond = 1_000

    static func run(settings: BenchSettings, progress: @escaping @Sendable (String) -> Void) async throws -> EndToEndOutcome {
        progress("building a nation of \(settings.banks) banks (keys and certificates)…")
        let nation = try BenchNation.make(bankCount: settings.banks, courtSeal: settings.courtSeal, bankSeal: settings.bankSeal)
        let hub: any BenchHubHandle
        if settings.hubProcess {
            hub = try await BenchHubProcess.start(nation: nation, settings: settings, progress: progress)
        } else {
            hub = try await BenchHub.start(nation: nation, settings: settings)
        }
        do {
            return try await run(settings: settings, nation: nation, hub: hub, progress: progress)
        } catch {
            await hub.stop()
            throw error
        }
    }

    /// The run against a started hub; the caller stops the hub if this throws.
    private static func run(
        settings: BenchSettings, nation: BenchNation, hub: any BenchHubHandle, progress: @escaping @Sendable (String) -> Void
    ) async throws -> EndToEndOutcome {
        let statistics = BenchStatistics()
        let courts = try BenchCourts(nation: nation, statistics: statistics, settings: settings, baseURL: hub.courtURL)
        let banks = try BenchBanks(nation: nation, statistics: statistics, settings: settings, baseURL: hub.bankURL)
        progress("hub on \(hub.baseURL); \(nation.bankAdapters.count) bank adapters polling, \(settings.submitters) submitters, \(nation.courts.count) courts")
        let interval = settings.bankPollIntervalMilliseconds
        // Banks start `bankStartsPerSecond` a second, and the courts only once all have: 16,000
        // banks starting at once made 32,000 TLS handshakes at once, and most timed out connecting.
        let bankTasks = banks.pollers.enumerated().map { index, poller in
            Task {
                try? await Task.sleep(for: .milliseconds(index * 1_000 / bankStartsPerSecond))
                await poll(poller, intervalMilliseconds: interval, statistics: statistics)
            }
        }
        if banks.pollers.count > bankStartsPerSecond {
            progress("starting the banks, \(bankStartsPerSecond) a second…")
            try? await Task.sleep(for: .milliseconds(banks.pollers.count * 1_000 / bankStartsPerSecond))
        }
        let followers = nation.courts.map { court in Task { await courts.follow(court: court) } }
        let started = BenchStatistics.nowMicroseconds()
        let deadline = started + UInt64(settings.seconds) * 1_000_000
        let hubProcess = hub as? BenchHubProcess
        let reporter = Task {
            await report(statistics: statistics, banks: banks, hub: hubProcess, started: started, every: settings.progressSeconds, progress: progress)
        }
        await withTaskGroup(of: Void.self) { group in
            for index in 0..<settings.submitters { group.addTask { await courts.submit(index: index, deadline: deadline) } }
        }
        let measuredSeconds = Double(BenchStatistics.nowMicroseconds() - started) / 1_000_000
        progress("submitting stopped after \(String(format: "%.1f", measuredSeconds)) s; draining (at most \(settings.drainSeconds) s)…")
        let drainDeadline = BenchStatistics.nowMicroseconds() + UInt64(settings.drainSeconds) * 1_000_000
        while BenchStatistics.nowMicroseconds() < drainDeadline {
            let counters = statistics.snapshot
            if counters.completed >= counters.accepted { break }
            try? await Task.sleep(for: .milliseconds(200))
        }
        reporter.cancel()
        let (mismatches, checked, flagged) = await checkStatuses(statistics: statistics, courts: courts, limit: settings.statusChecks)
        for task in bankTasks + followers { task.cancel() }
        let receipts = await banks.receiptsAccepted()
        let counters = statistics.snapshot
        let lost = statistics.instructions.withLock { $0.values.filter { $0.completions == 0 }.count }
        await courts.shutdown()
        await banks.shutdown()
        let hubPeak = hubProcess?.peakKilobytes
        await hub.stop()
        return EndToEndOutcome(
            settings: settings, measuredSeconds: measuredSeconds, counters: counters, receiptsAccepted: receipts, lost: lost,
            statusMismatches: mismatches, statusChecked: checked, flaggedReceipts: flagged, peakMemoryKilobytes: peakMemoryKilobytes(), hubPeakMemoryKilobytes: hubPeak)
    }

    /// Runs one bank's poller, at most one poll per interval, backing off after failures.
    static func poll(_ poller: AdapterPoller, intervalMilliseconds: Int, statistics: BenchStatistics) async {
        var backoffMilliseconds = 50
        while !Task.isCancelled {
            let started = ContinuousClock.now
            do {
                _ = try await poller.pollOnce()
                backoffMilliseconds = 50
            } catch {
                if Task.isCancelled { return }
                statistics.error("bank poll: \(String(describing: error).prefix(80))")
                try? await Task.sleep(for: .milliseconds(backoffMilliseconds))
                backoffMilliseconds = min(backoffMilliseconds * 2, 2_000)
            }
            let rest = .milliseconds(intervalMilliseconds) - (ContinuousClock.now - started)
            if rest > .zero { try? await Task.sleep(for: rest) }
        }
    }

    /// A progress line every `every` seconds until cancelled.
    static func report(
        statistics: BenchStatistics, banks: BenchBanks, hub: BenchHubProcess?, started: UInt64, every: Int, progress: @Sendable (String) -> Void
    ) async {
        var previous = statistics.snapshot
        var previousReceipts = 0
        while !Task.isCancelled {
            try? await Task.sleep(for: .seconds(every))
            if Task.isCancelled { return }
            let now = statistics.snapshot
            let receipts = await banks.receiptsAccepted()
            let elapsed = Double(BenchStatistics.nowMicroseconds() - started) / 1_000_000
            let seconds = Double(every)
            progress(
                String(
                    format: "%6.1f s  %8.0f instr/s  %10.0f items/s  %9.0f receipts/s  accept p99 %7.2f ms  completed %d/%d  errors %d  rss %@",
                    elapsed, Double(now.accepted - previous.accepted) / seconds, Double(now.itemsHandled - previous.itemsHandled) / seconds,
                    Double(receipts - previousReceipts) / seconds, Double(now.acceptLatency.valueAtPercentile(99)) / 1_000, now.completed, now.accepted,
                    now.errors.values.reduce(0, +), currentMemory()) + (hub.map { " hub rss " + ($0.residentKilobytes.map { "\($0 / 1_024) MiB" } ?? "?") } ?? ""))
            previous = now
            previousReceipts = receipts
        }
    }

    /// Reads back a sample of the instructions the courts saw completed: each must read as
    /// completed with every answer in. Also returns the answers the hub's control ledger flagged.
    static func checkStatuses(statistics: BenchStatistics, courts: BenchCourts, limit: Int) async -> ([String], Int, [String]) {
        let ids = statistics.instructions.withLock { table in Array(table.lazy.filter { $0.value.completions > 0 }.map(\.key).prefix(limit)) }
        var mismatches: [String] = []
        var flagged: [String] = []
        for id in ids {
            let courtText = String(id.dropFirst(2).split(separator: "-")[1])
            let court = courts.nation.courts[(Int(courtText) ?? 0) % courts.nation.courts.count]
            do {
                let response = try await courts.clients[court]!.request(.GET, "/v1/instructions/" + id)
                let object = (try? JSONSerialization.jsonObject(with: Data(response.body))) as? [String: Any] ?? [:]
                let status = object["status"] as? String
                let answered = object["answered"] as? Int
                let expected = object["expected"] as? Int
                if response.statusCode != 200 || status != "completed" || answered != expected {
                    mismatches.append("\(id): \(response.statusCode) status \(status ?? "?") answered \(answered ?? -1) of \(expected ?? -1)")
                }
                for receipt in object["receipts"] as? [[String: Any]] ?? [] {
                    guard let reason = receipt["flagged"] as? String else { continue }
                    flagged.append("\(id): the hub's control ledger flagged \(receipt["adapter"] as? String ?? "?")'s receipt: \(reason)")
                }
            } catch {
                mismatches.append("\(id): \(error)")
            }
        }
        return (mismatches, ids.count, flagged)
    }

    /// This process's peak resident memory (VmHWM), in KiB: courts and banks, and the hub unless
    /// it runs as a child process.
    static func peakMemoryKilobytes() -> Int? { BenchMemory.statusField("VmHWM") }

    static func currentMemory() -> String {
        BenchMemory.statusField("VmRSS").map { "\($0 / 1_024) MiB" } ?? "?"
    }
}
