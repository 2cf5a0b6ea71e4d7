/// Which accounts need looking at on which day (lapses, warnings, overdue notices), so that
/// advancing the clock touches only those, not every account of the shard.
///
/// Entries may be stale (an account renewed since): a stale entry costs one look at the account,
/// which then reschedules itself. At most one entry per account is added per change of its
/// earliest due day, and entries are removed when their day is processed.
struct WakeQueue: Sendable {
    private var buckets: [LedgerDay: [AccountKey]] = [:]
    /// The bucket days, ascending.
    private var days: [LedgerDay] = []

    var isEmpty: Bool { days.isEmpty }

    mutating func schedule(_ key: AccountKey, on day: LedgerDay) {
        if buckets[day] == nil {
            let position = insertionPoint(of: day)
            days.insert(day, at: position)
        }
        buckets[day, default: []].append(key)
    }

    /// Removes and returns every account due on or before `day`, earliest first.
    mutating func takeDue(through day: LedgerDay) -> [AccountKey] {
        var due: [AccountKey] = []
        var taken = 0
        while taken < days.count, days[taken] <= day {
            due += buckets.removeValue(forKey: days[taken]) ?? []
            taken += 1
        }
        days.removeFirst(taken)
        return due
    }

    private func insertionPoint(of day: LedgerDay) -> Int {
        var low = 0
        var high = days.count
        while low < high {
            let middle = (low + high) / 2
            if days[middle] < day { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
