import Foundation
import QueryHub
import Testing

/// The deterministic simulation of the control ledger (TigerBeetle's VOPR, in small): random
/// measures, honest and rule-breaking receipts, reports and clock jumps from one seed, with every
/// invariant checked as it goes. After every step: the touched account's invariants, its shard's
/// money conservation, and (after a freeze) the case's cap; the other accounts cannot have changed.
/// After every clock jump and every 1,000 steps: every account, every shard, and every case's
/// reservation against the sum of its live freezes' limits. Measured in a debug build on the
/// 2-core build machine: about 9 s for 100,000 operations. `LEDGER_SIM_SEED` and
/// `LEDGER_SIM_OPERATIONS` override the run; `hubd bench ledger-sim` runs it longer.
@Suite("Ledger simulation")
struct LedgerSimulationTests {
    static let environment = ProcessInfo.processInfo.environment
    static let seed = environment["LEDGER_SIM_SEED"].flatMap { UInt64($0) } ?? 0x5EED_1ED6
    static let operations = environment["LEDGER_SIM_OPERATIONS"].flatMap { Int($0) } ?? 100_000

    @Test("R-B11…R-B19 100,000 random operations over 1,000 accounts, 50 courts: every invariant after every step")
    func simulation() {
        var parameters = LedgerSimulation.Parameters(seed: Self.seed, operations: Self.operations)
        parameters.accounts = 1_000
        parameters.courts = 50
        var simulation = LedgerSimulation(parameters: parameters)
        do {
            let report = try simulation.run()
            print(report)
            // The run must have exercised what it claims to: each of these could be zero.
            #expect(report.operations == Self.operations)
            #expect(report.flaggedAsExpected > 1_000)
            #expect(report.refused > 1_000)
            #expect(report.counters.lapses > 100)
            #expect(report.counters.takeovers > 100)
            #expect(report.counters.inflowFills > 100)
            #expect(report.counters.lapseWarnings > 100)
            #expect(report.clockJumps > 100)
            // Every kind of rule-breaking receipt was sent, and each was flagged as what it was.
            for kind in ReceiptFlag.Kind.allCases {
                #expect((report.counters.flagsByKind[kind] ?? 0) > 0, "no receipt was flagged as \(kind)")
            }
        } catch {
            Issue.record("\(error)")  // names the seed and the step to replay
        }
    }

    @Test("the same seed replays the same run; another seed does not")
    func determinism() throws {
        func run(_ seed: UInt64) throws -> LedgerSimulation.Report {
            var parameters = LedgerSimulation.Parameters(seed: seed, operations: 5_000)
            parameters.accounts = 200
            parameters.courts = 10
            var simulation = LedgerSimulation(parameters: parameters)
            return try simulation.run()
        }
        let first = try run(42)
        #expect(try run(42) == first)
        #expect(try run(43).digest != first.digest)
    }
}
