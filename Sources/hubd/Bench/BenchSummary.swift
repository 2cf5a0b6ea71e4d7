import Foundation
import HubProtocol

/// The bench's printed summary: the run's figures, errors, invariants, ceilings and ratios.
enum BenchSummary {
    static func printHeader(settings: BenchSettings) {
        #if DEBUG
            let build = "debug (figures are not representative: build with -c release)"
        #else
            let build = "release"
        #endif
        emit("command:  \(CommandLine.arguments.joined(separator: " "))")
        emit("machine:  \(ProcessInfo.processInfo.activeProcessorCount) cores, \(ProcessInfo.processInfo.physicalMemory >> 20) MiB, \(cpuModel())")
        emit("date:     \(ISO8601DateFormatter().string(from: Date()))")
        emit("build:    \(build)")
        emit(
            "settings: \(settings.seconds) s, \(settings.banks) banks, \(settings.accounts) accounts (Zipf \(settings.zipfExponent)), "
                + "\(settings.submitters) submitters, think \(settings.thinkMilliseconds) ms, mix \(settings.mix), "
                + "court seals \(settings.courtSeal), bank seals \(settings.bankSeal), poll batch \(settings.pollBatch), bank poll interval \(settings.bankPollIntervalMilliseconds) ms, bank linger \(settings.bankLingerMilliseconds) ms, "
                + "open queries ≤ \(settings.maximumOpenBroadcasts), open query items ≤ \(settings.maximumOpenBroadcastItems)")
        emit("store:    \(settings.store == "postgres" ? "PostgreSQL, \(settings.instances) instance\(settings.instances == 1 ? "" : "s (one leads, courts post to the standby)")" : "SQLite, one instance")\(settings.hubProcess ? ", hubd serve in a child process" : ", the hub in the bench's process")")
    }

    static func cpuModel() -> String {
        guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return "unknown CPU" }
        for line in text.split(separator: "\n") where line.hasPrefix("model name") {
            return line.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "unknown CPU"
        }
        return "unknown CPU"
    }

    static func print(outcome: EndToEndOutcome, ceilings: MachineCeilings?, baseline: PostgresQueueBaseline.Outcome?, baselineNote: String) {
        let counters = outcome.counters
        let milliseconds = { (microseconds: UInt64) in String(format: "%.2f ms", Double(microseconds) / 1_000) }
        emit("")
        emit("== end to end (\(String(format: "%.1f", outcome.measuredSeconds)) s of submitting) ==")
        emit(String(format: "instructions accepted:  %10d  %10.1f /s  (measures %d, %.1f /s)", counters.accepted, outcome.instructionsPerSecond, counters.acceptedMeasures, outcome.measuresPerSecond))
        emit(String(format: "bank work items:        %10d  %10.1f /s  (a query to every bank counts once per bank)", counters.itemsHandled, outcome.itemsPerSecond))
        emit(String(format: "receipts accepted:      %10d  %10.1f /s", outcome.receiptsAccepted, outcome.receiptsPerSecond))
        emit("accept latency:         p50 \(milliseconds(counters.acceptLatency.valueAtPercentile(50)))  p99 \(milliseconds(counters.acceptLatency.valueAtPercentile(99)))  p99.9 \(milliseconds(counters.acceptLatency.valueAtPercentile(99.9)))  max \(milliseconds(counters.acceptLatency.max))")
        emit("time to result:         p50 \(milliseconds(counters.timeToResult.valueAtPercentile(50)))  p99 \(milliseconds(counters.timeToResult.valueAtPercentile(99)))  p99.9 \(milliseconds(counters.timeToResult.valueAtPercentile(99.9)))  max \(milliseconds(counters.timeToResult.max))")
        emit("court seals verified by the banks: \(counters.sealVerifications) (each distinct sealed document once, shared by the banks of this process)")
        let megabytes: (Int?) -> String = { $0.map { "\($0 / 1_024) MiB" } ?? "unknown" }
        if outcome.settings.hubProcess {
            emit("hubd peak memory (VmHWM of hubd serve, the hub alone): \(megabytes(outcome.hubPeakMemoryKilobytes))")
            emit("bench peak memory (VmHWM, courts + banks): \(megabytes(outcome.peakMemoryKilobytes))")
        } else {
            emit("peak memory (VmHWM, hub + courts + banks in one process): \(megabytes(outcome.peakMemoryKilobytes))")
        }
        if counters.errors.isEmpty {
            emit("errors: none")
        } else {
            emit("errors by kind:")
            for (kind, count) in counters.errors.sorted(by: { $0.value > $1.value }).prefix(20) { emit(String(format: "  %8d  %@", count, kind)) }
        }
        printInvariants(outcome)
        printCeilings(outcome: outcome, ceilings: ceilings, baseline: baseline, baselineNote: baselineNote)
    }

    private static func printInvariants(_ outcome: EndToEndOutcome) {
        let counters = outcome.counters
        let mark = { (holds: Bool) in holds ? "ok  " : "FAIL" }
        emit("== invariants ==")
        emit("\(mark(outcome.lost == 0)) nothing lost: \(counters.accepted) accepted, \(counters.completed) completed, \(outcome.lost) not completed by the end of the drain (\(outcome.settings.drainSeconds) s)")
        emit("\(mark(counters.completedTwice == 0 && counters.completedUnknown == 0)) completed once: \(counters.completedTwice) completed twice, \(counters.completedUnknown) completions of unknown instructions")
        emit("\(mark(counters.itemsHandledTwice == 0)) nothing answered twice: \(counters.itemsHandledTwice) (instruction, bank) items handled more than once")
        emit("\(mark(outcome.statusMismatches.isEmpty)) status read back: \(outcome.statusChecked) completed instructions read back complete with every answer in; \(outcome.statusMismatches.count) not")
        for mismatch in outcome.statusMismatches.prefix(5) { emit("       \(mismatch)") }
        emit("\(mark(counters.sealFailures == 0)) court seals: \(counters.sealFailures) failed the banks' verification")
        // The ledger's own invariants (held ≤ balance, queued order) are asserted inside the hub
        // on every measure. The bench's banks answer measures from a template that ignores other
        // courts' freezes on the account, so the ledger rightly flags some of their freeze
        // results (R-B13); the count shows the ledger at work, not a fault of the hub.
        emit("info ledger: \(outcome.flaggedReceipts.count) of the answers read back were flagged by the hub's control ledger (the bench's banks answer from a template); its refusals at intake are under errors")
        for flag in outcome.flaggedReceipts.prefix(3) { emit("       \(flag)") }
    }

    private static func printCeilings(outcome: EndToEndOutcome, ceilings: MachineCeilings?, baseline: PostgresQueueBaseline.Outcome?, baselineNote: String) {
        emit("== the machine's ceilings, and the hub's ratio to each ==")
        let cores = Double(ProcessInfo.processInfo.activeProcessorCount)
        if let ceilings {
            emit(String(format: "SQLite durable inserts (~200-byte rows, batches of 1,000, FULL): %10.0f rows/s   hub items/s ÷ it = %.3f",
                               ceilings.sqliteRowsPerSecond, outcome.itemsPerSecond / ceilings.sqliteRowsPerSecond))
            emit(String(format: "HTTPS echo (Hummingbird, same mutual TLS, 64 in flight):        %10.0f req/s    hub accepts/s ÷ it = %.3f",
                               ceilings.echoRequestsPerSecond, outcome.instructionsPerSecond / ceilings.echoRequestsPerSecond))
            let measureCeiling = ceilings.sm2VerificationsPerSecondPerCore * cores / 2
            emit(String(format: "SM2 verifications per core:                                     %10.0f /s       measures/s ÷ (cores × it ÷ 2 verifications per measure) = %.3f",
                               ceilings.sm2VerificationsPerSecondPerCore, outcome.measuresPerSecond / measureCeiling))
            emit(String(format: "Ed25519 verifications per core:                                 %10.0f /s       receipts/s ÷ (cores × it) = %.3f",
                               ceilings.ed25519VerificationsPerSecondPerCore, outcome.receiptsPerSecond / (ceilings.ed25519VerificationsPerSecondPerCore * cores)))
        } else {
            emit("ceilings: skipped")
        }
        if let baseline {
            emit(String(format: "PostgreSQL SKIP LOCKED queue (lease 500, %d workers, synchronous_commit %@): %10.0f items/s   hub items/s ÷ it = %.3f",
                               baseline.workers, baseline.synchronousCommit, baseline.itemsPerSecond, outcome.itemsPerSecond / baseline.itemsPerSecond))
        } else {
            emit("PostgreSQL baseline: \(baselineNote)")
        }
    }
}

/// Writes a line to standard output at once (unbuffered), so progress shows while the run goes on.
func emit(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
