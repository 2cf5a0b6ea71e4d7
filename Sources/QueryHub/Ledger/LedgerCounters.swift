/// Counts of what the ledger did, for metrics; summed over shards when read.
public struct LedgerCounters: Sendable, Equatable {
    /// Measures accepted for dispatch.
    public var measuresAccepted = 0
    /// Measures refused before dispatch.
    public var measuresRefused = 0
    /// Accepted measures taken back because they never reached the bank (still counted as accepted).
    public var measuresWithdrawn = 0
    /// Freezes whose limit the case guard reduced.
    public var freezesReducedByCaseGuard = 0
    /// Freezes the case guard refused.
    public var freezesRefusedByCaseGuard = 0
    /// Receipts applied.
    public var receiptsApplied = 0
    /// Account reports applied.
    public var accountReportsApplied = 0
    /// Receipts and reports flagged, all kinds.
    public var reportsFlagged = 0
    /// Flagged receipts and reports by kind.
    public var flagsByKind: [ReceiptFlag.Kind: Int] = [:]
    /// Flagged reports dropped from the retained list (still counted above).
    public var flaggedDropped = 0
    /// Freezes that lapsed.
    public var lapses = 0
    /// Lapse warnings issued (R-E7).
    public var lapseWarnings = 0
    /// Times a freeze took over what an earlier one held (R-B13).
    public var takeovers = 0
    /// Times a freeze filled from inflows or ended claims (R-B12, R-B16).
    public var inflowFills = 0

    /// Zero counts.
    public init() {}

    mutating func count(_ events: [LedgerEvent]) {
        for event in events {
            switch event {
            case .lapsed: lapses += 1
            case .lapseWarning: lapseWarnings += 1
            case .heldIncreased(_, _, _, let cause):
                if cause == .takeover { takeovers += 1 } else { inflowFills += 1 }
            case .priorityClaimNoticeDue, .priorityClaimNoticeOverdue: break
            }
        }
    }

    mutating func count(_ flag: ReceiptFlag) {
        reportsFlagged += 1
        flagsByKind[flag.kind, default: 0] += 1
    }

    /// The sum of two sets of counts.
    public func adding(_ other: LedgerCounters) -> LedgerCounters {
        var sum = self
        sum.measuresAccepted += other.measuresAccepted
        sum.measuresRefused += other.measuresRefused
        sum.measuresWithdrawn += other.measuresWithdrawn
        sum.freezesReducedByCaseGuard += other.freezesReducedByCaseGuard
        sum.freezesRefusedByCaseGuard += other.freezesRefusedByCaseGuard
        sum.receiptsApplied += other.receiptsApplied
        sum.accountReportsApplied += other.accountReportsApplied
        sum.reportsFlagged += other.reportsFlagged
        sum.flagsByKind.merge(other.flagsByKind, uniquingKeysWith: +)
        sum.flaggedDropped += other.flaggedDropped
        sum.lapses += other.lapses
        sum.lapseWarnings += other.lapseWarnings
        sum.takeovers += other.takeovers
        sum.inflowFills += other.inflowFills
        return sum
    }
}
