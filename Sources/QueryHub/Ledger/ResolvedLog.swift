/// The ids of measures that already have their receipts, remembered up to a bound (oldest
/// forgotten first), so that a second receipt for the same measure is caught.
struct ResolvedLog: Sendable {
    private var members = Set<LedgerInstructionID>()
    private var order: [LedgerInstructionID] = []
    private var head = 0
    let capacity: Int

    init(capacity: Int) {
        precondition(capacity >= 1, "the resolved log needs room for one id")
        self.capacity = capacity
    }

    func contains(_ id: LedgerInstructionID) -> Bool { members.contains(id) }

    var count: Int { members.count }

    /// Remembers `id`; returns false (and changes nothing) when it was already there.
    mutating func insert(_ id: LedgerInstructionID) -> Bool {
        guard !members.contains(id) else { return false }
        if order.count < capacity {
            order.append(id)
        } else {
            members.remove(order[head])
            order[head] = id
            head = (head + 1) % capacity
        }
        members.insert(id)
        assert(members.count == order.count, "resolved log out of step")
        return true
    }
}
