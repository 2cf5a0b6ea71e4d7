import HubProtocol
import Testing

@testable import hubd

/// The end-to-end bench, CI-sized: a hub in this process over mutual TLS, courts submitting a mix
/// of queries to every bank and measures on Zipf-skewed accounts, every bank polling and answering
/// with batch-sealed receipts. Correctness under concurrency only, never timing.
@Suite("End to end under load")
struct EndToEndLoadTests {
    @Test("Every accepted instruction completes exactly once and no bank answers an item twice (R-B9: seals checked by the banks)")
    func everyAcceptedInstructionCompletesOnce() async throws {
        var settings = BenchSettings()
        settings.seconds = 8
        settings.banks = 40
        settings.accounts = 2_000
        settings.submitters = 12
        settings.pollBatch = 200
        settings.maximumOpenBroadcasts = 500
        settings.drainSeconds = 40
        settings.progressSeconds = 4
        settings.statusChecks = 100
        settings.courtSeal = .ed25519
        // Banks poll again at once and accounts are mildly skewed, so that the measures queued on
        // the hottest account (answered one at a time, in order) drain well within the wait.
        settings.bankPollIntervalMilliseconds = 0
        settings.zipfExponent = 0.5
        let outcome = try await EndToEndBench.run(settings: settings, progress: { _ in })
        let counters = outcome.counters
        #expect(counters.accepted > 0, "the hub accepted nothing: \(counters.errors)")
        #expect(counters.acceptedMeasures > 0, "no measure was accepted: \(counters.errors)")
        #expect(outcome.lost == 0, "accepted instructions never completed")
        #expect(counters.completed == counters.accepted)
        #expect(counters.completedTwice == 0)
        #expect(counters.completedUnknown == 0)
        #expect(counters.itemsHandledTwice == 0)
        #expect(counters.sealFailures == 0)
        #expect(outcome.statusMismatches.isEmpty, "\(outcome.statusMismatches.prefix(5))")
        #expect(outcome.statusChecked == min(settings.statusChecks, counters.accepted))
        // The bench's banks answer freezes from a template that lists no earlier freezes, so the
        // hub's ledger may flag a freeze result as out of order (R-B13); any other flag would be
        // the ledger and a bank disagreeing on amounts.
        let otherFlags = outcome.flaggedReceipts.filter { !$0.contains("R-B13: freezes served out of order") }
        #expect(otherFlags.isEmpty, "\(otherFlags.prefix(5))")
        // A query to every bank is one item per bank adapter: the banks handled at least that.
        #expect(counters.itemsHandled >= counters.accepted - counters.acceptedMeasures)
        // Back-pressure (429) is expected at saturation; so is the ledger refusing a renewal,
        // release or deduct submitted before the bank confirmed its freeze (R-B14, R-B18: the court
        // holds nothing yet). Anything else is a failure.
        let unexpected = counters.errors.filter { error in
            !error.key.hasPrefix("submit 429") && !error.key.contains("has not been confirmed by the bank yet")
                && !error.key.contains("R-B18")
        }
        #expect(unexpected.isEmpty, "errors other than back-pressure and unconfirmed freezes: \(unexpected)")
    }
}
