/// Upper bounds on what one simulated police office keeps, so that memory stays bounded under
/// any load. When a bound is reached the office answers `cannotAssist` / `systemOutage` (as a real
/// overloaded system would) or, for the outbox, holds later reports back until events are
/// acknowledged.
public struct PoliceSimulationLimits: Hashable, Sendable {
    /// Instructions remembered for idempotent repeats.
    public var maximumInstructions: Int
    /// Control measures registered (in force, released or fulfilled).
    public var maximumMeasures: Int
    /// Reports scheduled and not yet due.
    public var maximumScheduledReports: Int
    /// Events in the outbox awaiting acknowledgement.
    public var maximumOutboxEvents: Int

    /// Bounds from explicit values; each must be positive.
    public init(maximumInstructions: Int, maximumMeasures: Int, maximumScheduledReports: Int, maximumOutboxEvents: Int) {
        precondition(maximumInstructions > 0 && maximumMeasures > 0 && maximumScheduledReports > 0 && maximumOutboxEvents > 0, "limits must be positive")
        self.maximumInstructions = maximumInstructions
        self.maximumMeasures = maximumMeasures
        self.maximumScheduledReports = maximumScheduledReports
        self.maximumOutboxEvents = maximumOutboxEvents
    }

    /// A million instructions, 100,000 measures, a million scheduled reports, 100,000 unacknowledged events.
    public static let standard = PoliceSimulationLimits(
        maximumInstructions: 1_000_000, maximumMeasures: 100_000, maximumScheduledReports: 1_000_000, maximumOutboxEvents: 100_000)
}
