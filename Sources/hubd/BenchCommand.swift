import ArgumentParser
import Dispatch
import Foundation
import HubProtocol
import QueryHub

/// `hubd bench …`: measurements and long simulation runs.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmarks and long deterministic simulation runs.",
        subcommands: [EndToEndBenchCommand.self, LedgerBenchCommand.self, LedgerSimulationCommand.self],
        defaultSubcommand: EndToEndBenchCommand.self
    )
}

/// `hubd bench ledger`: control-ledger operations per second on one core and on all cores.
struct LedgerBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger",
        abstract: "Control-ledger operations per second, one thread and one thread per core.",
        discussion: """
            Each cycle on an account is seven ledger operations, all checked and applied as in the hub: \
            dispatch a freeze, apply its receipt, dispatch a partial deduct, apply its receipt, dispatch \
            an unfreeze, apply its receipt, apply a balance report. Each thread works on its own accounts; \
            accounts hash to shards independently of threads, so threads meet on shard locks as in the hub.
            """
    )

    @Option(help: "Accounts in the ledger.")
    var accounts = 100_000

    @Option(help: "Cycles (of seven operations) per measurement, split over the threads.")
    var cycles = 200_000

    @Option(help: "Account shards (each with its own lock).")
    var shards = 64

    @Option(help: "Threads for the all-cores run (default: the number of cores).")
    var threads: Int?

    func validate() throws {
        guard accounts >= 1, cycles >= 1, shards >= 1 else {
            throw ValidationError("accounts, cycles and shards must be positive")
        }
        if let threads, threads < 1 { throw ValidationError("threads must be positive") }
    }

    func run() throws {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let threadCount = threads ?? cores
        printHeader(cores: cores)
        let single = measure(threadCount: 1)
        print(
            String(
                format: "one thread:    %12.0f operations/s  (%d operations in %.3f s)", single.rate, single.operations,
                single.seconds))
        let all = measure(threadCount: threadCount)
        print(
            String(
                format: "%2d threads:    %12.0f operations/s  (%d operations in %.3f s)", threadCount, all.rate,
                all.operations, all.seconds))
        print(String(format: "scaling:       %12.2f×", all.rate / single.rate))
        if single.failures + all.failures > 0 {
            print("FAILED: \(single.failures + all.failures) operations were refused or flagged")
            throw ExitCode.failure
        }
    }

    private func printHeader(cores: Int) {
        #if DEBUG
            let build = "debug"
        #else
            let build = "release"
        #endif
        print("command: \(CommandLine.arguments.joined(separator: " "))")
        print("machine: \(cores) cores (nproc), \(ProcessInfo.processInfo.operatingSystemVersionString)")
        print("date:    \(ISO8601DateFormatter().string(from: Date()))")
        print("build:   \(build); accounts \(accounts), cycles \(cycles), shards \(shards)")
    }

    private struct Measurement {
        let operations: Int
        let seconds: Double
        let failures: Int
        var rate: Double { Double(operations) / seconds }
    }

    /// A fresh ledger, then `cycles` cycles spread over `threadCount` threads, timed together.
    private func measure(threadCount: Int) -> Measurement {
        let workload = LedgerWorkload(accounts: accounts, shards: shards)
        let perThread = cycles / threadCount
        let failures = FailureCount()
        let start = ContinuousClock.now
        DispatchQueue.concurrentPerform(iterations: threadCount) { thread in
            let failed = workload.runCycles(perThread, thread: thread, threadCount: threadCount)
            failures.add(failed)
        }
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return Measurement(
            operations: perThread * threadCount * LedgerWorkload.operationsPerCycle, seconds: seconds,
            failures: failures.value)
    }
}

/// A failure count shared by the benchmark's threads.
private final class FailureCount: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func add(_ amount: Int) {
        lock.lock()
        count += amount
        lock.unlock()
    }

    var value: Int {
        lock.lock()
        defer { lock.unlock() }
        return count
    }
}

/// `hubd bench ledger-sim`: the ledger simulation, as long as asked.
struct LedgerSimulationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger-sim",
        abstract: "Run the deterministic control-ledger simulation from a seed, checking every invariant."
    )

    @Option(help: "Operations to run.")
    var operations = 1_000_000

    @Option(help: "The seed; the same seed replays the same run.")
    var seed: UInt64 = 1

    @Option(help: "Accounts in the simulated world.")
    var accounts = 1_000

    @Option(help: "Courts in the simulated world.")
    var courts = 50

    func validate() throws {
        guard operations >= 0, accounts >= 1, courts >= 1 else { throw ValidationError("sizes must be positive") }
    }

    func run() throws {
        var parameters = LedgerSimulation.Parameters(seed: seed, operations: operations)
        parameters.accounts = accounts
        parameters.courts = courts
        var simulation = LedgerSimulation(parameters: parameters)
        let start = ContinuousClock.now
        do {
            let report = try simulation.run()
            print(report)
            print("elapsed: \(ContinuousClock.now - start)")
        } catch {
            print(error)
            throw ExitCode.failure
        }
    }
}
