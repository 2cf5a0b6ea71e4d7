import Metrics
import Prometheus
import Synchronization

/// The process's Prometheus registry, behind swift-metrics. Bootstrapped once per process.
public final class HubMetrics: Sendable {
    public static let shared = HubMetrics()

    public let registry = PrometheusCollectorRegistry()
    private let bootstrapped = Mutex(false)

    private init() {}

    /// Points swift-metrics at this registry; later calls do nothing.
    public func bootstrap() {
        let first = bootstrapped.withLock { done in
            defer { done = true }
            return !done
        }
        if first { MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry)) }
    }

    /// The Prometheus text: the core's gauges (queue depths, open broadcasts, leases) refreshed now,
    /// then everything recorded.
    public func text(core: HubCore) async -> String {
        let statistics = await core.currentStatistics
        for (adapter, depth) in statistics.queueDepths {
            Gauge(label: "hub_queue_depth", dimensions: [("adapter", adapter)]).record(depth)
        }
        Gauge(label: "hub_open_broadcasts").record(statistics.openBroadcasts)
        Gauge(label: "hub_outstanding_leases").record(statistics.outstandingLeases)
        Gauge(label: "hub_instructions_accepted").record(statistics.instructionsAccepted)
        Gauge(label: "hub_receipts_accepted").record(statistics.receiptsAccepted)
        Gauge(label: "hub_events_accepted").record(statistics.eventsAccepted)
        Gauge(label: "hub_items_dead_lettered").record(statistics.itemsDeadLettered)
        return text()
    }

    /// The Prometheus text of everything recorded, without a core's gauges (a standby instance).
    public func text() -> String {
        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }
}
