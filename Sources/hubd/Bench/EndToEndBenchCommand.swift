import ArgumentParser
import Foundation
import HubProtocol

/// `hubd bench` (`hubd bench run`): the end-to-end load run with the machine's ceilings and the
/// PostgreSQL queue baseline, all in one run (issue 6).
struct EndToEndBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "End to end over mutual TLS: courts submit, banks poll and answer; ceilings and a PostgreSQL baseline.",
        discussion: """
            Starts the hub as a child process, `hubd serve` of this executable (the default on SQLite; \
            --no-hub-process keeps it in this process, as --store postgres always does), with a directory the bench \
            writes (SQLite with synchronous=FULL in a temporary directory, a development PKI, \
            a registry of --banks banks), then drives it exactly as courts and banks do: court clients post sealed \
            instructions, every bank adapter long-polls its work with AdapterPoller, checks the court's seal and \
            posts batch-sealed receipts. Before the run it measures the machine's ceilings (durable SQLite inserts, \
            HTTPS echo on the same TLS stack, SM2 and Ed25519 verifications per core) and, when a PostgreSQL URL is \
            given, a SKIP LOCKED queue doing the same flow; the summary gives the hub's ratio to each.
            """
    )

    @Option(help: "Seconds of submitting (the drain after it is not counted).")
    var seconds = 60

    @Option(help: "Banks in the registry (each polls as its own adapter with its own certificate).")
    var banks = 1_000

    @Option(help: "Accounts the measures are spread over (Zipf-skewed).")
    var accounts = 1_000_000

    @Option(help: "The Zipf exponent of account popularity (0 = uniform).")
    var zipf = 1.1

    @Option(help: "Concurrent court submitters.")
    var submitters = 32

    @Option(help: "Think time of each submitter between instructions, milliseconds (0 = saturation).")
    var thinkMilliseconds = 0

    @Option(help: "The instruction mix, kind=weight.")
    var mix = BenchMix.standard.description

    @Option(help: "The courts' seal algorithm: SM2-SM3 or Ed25519.")
    var courtSeal = SealAlgorithm.sm2WithSM3.rawValue

    @Option(help: "The banks' seal algorithm: SM2-SM3 or Ed25519.")
    var bankSeal = SealAlgorithm.ed25519.rawValue

    @Option(help: "Items a bank asks for per poll.")
    var pollBatch = 500

    @Option(help: "Each bank polls at most once per this many milliseconds (0 = at once).")
    var bankPollIntervalMilliseconds = 0

    @Option(help: "The hub holds a bank's poll until --poll-batch items are ready or this many milliseconds after the first (0 = at once).")
    var bankLingerMilliseconds = 1_000

    @Option(help: "Queries to every bank open at once before the hub answers 429 (its back-pressure).")
    var maximumOpenBroadcasts = 256

    @Option(help: "Items of queries to every bank out at once (open queries × banks) before the hub answers 429.")
    var maximumOpenBroadcastItems = 256_000

    @Flag(
        inversion: .prefixedNo,
        help: "Run the hub as a child process (hubd serve): its memory is its own and its connections count against its own descriptor limit. Default: on with --store sqlite.")
    var hubProcess: Bool?

    @Option(help: "Seconds to wait after submitting for every accepted instruction to complete.")
    var drainSeconds = 60

    @Option(help: "Seconds each ceiling is measured for.")
    var ceilingSeconds = 3.0

    @Option(help: "PostgreSQL URL for the queue baseline (else QUERYHUB_POSTGRES_URL; skipped when neither).")
    var postgresURL: String?

    @Flag(help: "Skip the ceilings and the PostgreSQL baseline.")
    var skipCeilings = false

    @Option(help: "The hub's store: sqlite, or postgres (on --postgres-url or QUERYHUB_POSTGRES_URL, in a schema of its own, dropped after).")
    var store = "sqlite"

    @Option(help: "Hub instances on the postgres store: 1, or 2 (the first leads; courts post to the second, which forwards; banks poll the first).")
    var instances = 1

    /// Each bank holds one connection to the hub: one descriptor at each end, both in this
    /// process when the hub is here too.
    static func descriptorsPerBank(hubProcess: Bool) -> Int { hubProcess ? 1 : 2 }

    /// Whether the hub runs as a child: asked for, or by default on SQLite.
    var runsHubProcess: Bool { hubProcess ?? (store == "sqlite") }

    /// The process's limit on open files (RLIMIT_NOFILE, soft).
    static func openFileLimit() -> Int {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return Int.max }
        return limit.rlim_cur >= UInt64(Int.max) ? Int.max : Int(limit.rlim_cur)
    }

    func validate() throws {
        guard (1...86_400).contains(seconds) else { throw ValidationError("seconds must be 1…86400") }
        guard (5...BenchNation.maximumBanks).contains(banks) else { throw ValidationError("banks must be 5…\(BenchNation.maximumBanks)") }
        let descriptors = EndToEndBenchCommand.openFileLimit()
        let perBank = EndToEndBenchCommand.descriptorsPerBank(hubProcess: runsHubProcess)
        guard banks * perBank + 1_024 <= descriptors else {
            throw ValidationError(
                "\(banks) banks need about \(banks * perBank) file descriptors in this process (one connection per bank"
                    + (runsHubProcess ? "; the hub, a child process, needs as many of its own" : ", client and server ends, the hub in this process")
                    + "); the limit (ulimit -n) is \(descriptors)")
        }
        guard !runsHubProcess || (store == "sqlite" && instances == 1) else {
            throw ValidationError("--hub-process runs one hubd serve on SQLite; use --no-hub-process with --store postgres")
        }
        guard (1...10_000_000).contains(maximumOpenBroadcastItems), (1...10_000_000).contains(maximumOpenBroadcasts) else {
            throw ValidationError("maximum open broadcasts and broadcast items must be 1…10000000")
        }
        guard (1...64_000_000).contains(accounts) else { throw ValidationError("accounts must be 1…64000000") }
        guard (1...4_096).contains(submitters), (0...60_000).contains(thinkMilliseconds) else {
            throw ValidationError("submitters must be 1…4096 and think time 0…60000 ms")
        }
        guard (1...1_000).contains(pollBatch), (0...60_000).contains(bankPollIntervalMilliseconds),
            (0...10_000).contains(bankLingerMilliseconds)
        else {
            throw ValidationError("poll batch must be 1…1000, the poll interval 0…60000 ms and the linger 0…10000 ms")
        }
        guard SealAlgorithm(rawValue: courtSeal) != nil, SealAlgorithm(rawValue: bankSeal) != nil else {
            throw ValidationError("seal algorithms are SM2-SM3 or Ed25519")
        }
        _ = try BenchMix(parsing: mix)
        guard ["sqlite", "postgres"].contains(store) else { throw ValidationError("store must be sqlite or postgres") }
        guard instances == 1 || (store == "postgres" && instances == 2) else {
            throw ValidationError("instances must be 1, or 2 on --store postgres (SQLite is one instance)")
        }
        if store == "postgres" && postgresURL == nil && ProcessInfo.processInfo.environment["QUERYHUB_POSTGRES_URL"] == nil {
            throw ValidationError("--store postgres needs --postgres-url or QUERYHUB_POSTGRES_URL (source .ci/postgres.sh && postgres_start)")
        }
    }

    func run() async throws {
        var settings = BenchSettings()
        settings.seconds = seconds
        settings.banks = banks
        settings.accounts = accounts
        settings.zipfExponent = zipf
        settings.submitters = submitters
        settings.thinkMilliseconds = thinkMilliseconds
        settings.mix = try BenchMix(parsing: mix)
        settings.courtSeal = SealAlgorithm(rawValue: courtSeal)!
        settings.bankSeal = SealAlgorithm(rawValue: bankSeal)!
        settings.pollBatch = pollBatch
        settings.maximumOpenBroadcasts = maximumOpenBroadcasts
        settings.maximumOpenBroadcastItems = maximumOpenBroadcastItems
        settings.hubProcess = runsHubProcess
        settings.bankPollIntervalMilliseconds = bankPollIntervalMilliseconds
        settings.bankLingerMilliseconds = bankLingerMilliseconds
        settings.drainSeconds = drainSeconds
        settings.store = store
        settings.instances = instances
        settings.postgresURL = postgresURL ?? ProcessInfo.processInfo.environment["QUERYHUB_POSTGRES_URL"]
        let log: @Sendable (String) -> Void = { line in emit(line) }
        BenchSummary.printHeader(settings: settings)
        var ceilings: MachineCeilings?
        var baseline: PostgresQueueBaseline.Outcome?
        var baselineNote = "skipped: no --postgres-url and no QUERYHUB_POSTGRES_URL (source .ci/postgres.sh && postgres_start)"
        if !skipCeilings {
            ceilings = try await MachineCeilings.measure(seconds: ceilingSeconds, progress: log)
            if let url = postgresURL ?? ProcessInfo.processInfo.environment["QUERYHUB_POSTGRES_URL"] {
                log("baseline: PostgreSQL SKIP LOCKED queue…")
                do {
                    baseline = try await PostgresQueueBaseline.run(url: url, banks: banks, seconds: max(ceilingSeconds, 10))
                } catch {
                    baselineNote = "failed: \(String(reflecting: error))"
                }
            }
        } else {
            baselineNote = "skipped (--skip-ceilings)"
        }
        let outcome = try await EndToEndBench.run(settings: settings, progress: log)
        BenchSummary.print(outcome: outcome, ceilings: ceilings, baseline: baseline, baselineNote: baselineNote)
        if !outcome.invariantsHold { throw ExitCode.failure }
    }
}
