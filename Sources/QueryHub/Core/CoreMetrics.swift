import Metrics

/// The core's swift-metrics instruments (exported as Prometheus text by the server).
enum CoreMetrics {
    static let commitBatchSize = Recorder(label: "hub_commit_batch_size")
    static let commitSeconds = Timer(label: "hub_commit_duration")
    static let leaseExpiries = Counter(label: "hub_lease_expiries_total")

    static func recordCommit(batchSize: Int, seconds: Double) {
        commitBatchSize.record(batchSize)
        commitSeconds.recordNanoseconds(Int64(seconds * 1e9))
    }

    static func recordLeaseExpiries(_ count: Int) {
        leaseExpiries.increment(by: count)
    }
}
