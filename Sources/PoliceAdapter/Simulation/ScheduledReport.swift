import HubProtocol

/// A report the simulation will make about a measure when its time comes, unless the measure is
/// released (or fulfilled) first.
struct ScheduledReport: Sendable {
    /// What happened in the world.
    enum Occurrence: Sendable {
        case sighting(ScheduledSighting, plate: WireText)
        case find(ScheduledFind)
    }

    /// When the report goes out (after the event, its delay and any outage).
    let reportAt: Timestamp
    /// Insertion order: breaks ties of `reportAt`, so that runs replay exactly.
    let order: UInt64
    /// The measure's instruction id.
    let measureId: InstructionID
    let occurrence: Occurrence

    /// Earlier report first; among equal times, the one scheduled first.
    func precedes(_ other: ScheduledReport) -> Bool {
        (reportAt, order) < (other.reportAt, other.order)
    }
}

/// A binary min-heap of reports by ``ScheduledReport/precedes(_:)``: O(log n) to schedule and to
/// take the next. Released measures' reports stay until they come up and are then dropped, which
/// keeps a release O(1).
struct EventSchedule: Sendable {
    private var heap: [ScheduledReport] = []

    var count: Int { heap.count }

    /// The report due first.
    var next: ScheduledReport? { heap.first }

    mutating func insert(_ report: ScheduledReport) {
        heap.append(report)
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].precedes(heap[parent]) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    /// Removes and returns the report due first.
    mutating func removeNext() -> ScheduledReport? {
        guard !heap.isEmpty else { return nil }
        heap.swapAt(0, heap.count - 1)
        let first = heap.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var smallest = parent
            if left < heap.count, heap[left].precedes(heap[smallest]) { smallest = left }
            if right < heap.count, heap[right].precedes(heap[smallest]) { smallest = right }
            guard smallest != parent else { break }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
        return first
    }
}
