/// The adapters that read the broadcast log (the banks) with each one's watermark — every entry
/// up to it answered — and the lowest watermark over all of them, which is how far the log is
/// complete.
///
/// The hub answers thousands of banks' posts a second; taking the minimum over every bank on
/// every post made each post cost O(banks) (item 5 of BENCHMARKS.md's profile). Here the banks
/// are counted per watermark value: a post moves one bank from one value to a higher one in O(1),
/// and the lowest value only moves up, past values no bank holds any more, so over the hub's life
/// it moves at most once per broadcast entry (amortised O(1) per post). Membership is a set.
public struct BroadcastWatermarks: Sendable, Equatable {
    /// Each reader's watermark.
    public private(set) var watermarks: [String: Int64] = [:]
    /// How many readers hold each watermark value; values no reader holds are absent.
    private var readersAtWatermark: [Int64: Int] = [:]
    /// The lowest watermark of any reader; nil when there is none.
    public private(set) var lowest: Int64?

    /// No readers.
    public init() {}

    /// How many adapters read the broadcast log.
    public var count: Int { watermarks.count }

    /// True when `adapterID` reads the broadcast log.
    public func contains(_ adapterID: String) -> Bool { watermarks[adapterID] != nil }

    /// Adds a reader at `watermark`. A reader added twice keeps its first watermark.
    public mutating func insert(_ adapterID: String, watermark: Int64) {
        precondition(watermark >= 0, "a watermark is a broadcast sequence, never negative")
        guard watermarks[adapterID] == nil else { return }
        watermarks[adapterID] = watermark
        readersAtWatermark[watermark, default: 0] += 1
        lowest = min(lowest ?? watermark, watermark)
    }

    /// Moves a reader's watermark up to `watermark` (a no-op for an adapter that reads no
    /// broadcasts, or for the same value). Watermarks never move down.
    public mutating func advance(_ adapterID: String, to watermark: Int64) {
        guard let previous = watermarks[adapterID], previous != watermark else { return }
        precondition(watermark > previous, "the watermark of \(adapterID) moves from \(previous) down to \(watermark)")
        watermarks[adapterID] = watermark
        readersAtWatermark[watermark, default: 0] += 1
        let remaining = readersAtWatermark[previous]! - 1
        readersAtWatermark[previous] = remaining == 0 ? nil : remaining
        guard remaining == 0, previous == lowest else { return }
        // Bounded: the reader just moved holds `watermark`, so a held value is found by it.
        var candidate = previous + 1
        while readersAtWatermark[candidate] == nil {
            precondition(candidate < watermark, "the reader just moved holds a value")
            candidate += 1
        }
        lowest = candidate
    }
}
