import QueryHub
import Testing

@Suite("Adapter queues: leases, order, fencing, expiry")
struct AdapterQueueTests {
    let limits = AdapterQueue.Limits(maximumAttempts: 3, maximumQueuedItems: 10, maximumLeases: 4)

    @Test("items on one account are leased one at a time, in arrival order")
    func accountOrder() throws {
        var queue = AdapterQueue(adapterID: "bank:ICBC", limits: limits, broadcastAnsweredThrough: 0)
        try queue.enqueue(number: 1, orderingKey: "ICBC/001/CNY")
        try queue.enqueue(number: 2, orderingKey: "ICBC/001/CNY")
        try queue.enqueue(number: 3, orderingKey: "ICBC/002/CNY")
        let firstLeased = queue.lease(leaseNumber: 1, maximumItems: 10, broadcastHead: 0, nowMilliseconds: 0, leaseMilliseconds: 100)

        let first = try #require(firstLeased)
        #expect(first.items == [.directed(number: 1), .directed(number: 3)])
        // Item 2 waits for item 1 even though the poll had room.
        #expect(queue.lease(leaseNumber: 2, maximumItems: 10, broadcastHead: 0, nowMilliseconds: 1, leaseMilliseconds: 100) == nil)
        try queue.checkAnswer(item: .directed(number: 1), leaseNumber: 1, nowMilliseconds: 2)
        queue.recordAnswer(item: .directed(number: 1), leaseNumber: 1)
        let secondLeased = queue.lease(leaseNumber: 3, maximumItems: 10, broadcastHead: 0, nowMilliseconds: 3, leaseMilliseconds: 100)

        let second = try #require(secondLeased)
        #expect(second.items == [.directed(number: 2)])
    }

    @Test("a receipt under an expired lease is refused and the item is delivered again")
    func fencing() throws {
        var queue = AdapterQueue(adapterID: "bank:ICBC", limits: limits, broadcastAnsweredThrough: 0)
        try queue.enqueue(number: 7, orderingKey: "K")
        let leaseLeased = queue.lease(leaseNumber: 1, maximumItems: 5, broadcastHead: 0, nowMilliseconds: 0, leaseMilliseconds: 100)

        let lease = try #require(leaseLeased)
        #expect(throws: QueueRefusal.leaseNotHeld(leaseNumber: 1)) {
            try queue.checkAnswer(item: .directed(number: 7), leaseNumber: lease.number, nowMilliseconds: 100)
        }
        #expect(queue.expireLeases(nowMilliseconds: 100) == [.requeued(.directed(number: 7), nextAttempt: 2)])
        let againLeased = queue.lease(leaseNumber: 2, maximumItems: 5, broadcastHead: 0, nowMilliseconds: 101, leaseMilliseconds: 100)

        let again = try #require(againLeased)
        #expect(again.items == [.directed(number: 7)])
        #expect(again.attempts[.directed(number: 7)] == 2)
        #expect(throws: QueueRefusal.leaseNotHeld(leaseNumber: 1)) {
            try queue.checkAnswer(item: .directed(number: 7), leaseNumber: 1, nowMilliseconds: 102)
        }
        try queue.checkAnswer(item: .directed(number: 7), leaseNumber: 2, nowMilliseconds: 102)
    }

    @Test("after the last attempt an item is dead-lettered, not redelivered")
    func deadLetter() throws {
        var queue = AdapterQueue(adapterID: "bank:ICBC", limits: limits, broadcastAnsweredThrough: 0)
        try queue.enqueue(number: 1, orderingKey: nil)
        var now: Int64 = 0
        var outcomes: [ExpiryOutcome] = []
        for leaseNumber in 1...3 {
            let leased = queue.lease(leaseNumber: Int64(leaseNumber), maximumItems: 1, broadcastHead: 0, nowMilliseconds: now, leaseMilliseconds: 10)
            #expect(leased != nil)
            now += 10
            outcomes += queue.expireLeases(nowMilliseconds: now)
        }
        #expect(outcomes.last == .deadLettered(.directed(number: 1)))
        #expect(queue.lease(leaseNumber: 9, maximumItems: 1, broadcastHead: 0, nowMilliseconds: now, leaseMilliseconds: 10) == nil)
    }

    @Test("broadcast entries are read past with a cursor; the watermark advances over answered runs")
    func broadcastCursor() throws {
        var queue = AdapterQueue(adapterID: "bank:ICBC", limits: limits, broadcastAnsweredThrough: 0)
        let leaseLeased = queue.lease(leaseNumber: 1, maximumItems: 3, broadcastHead: 5, nowMilliseconds: 0, leaseMilliseconds: 100)

        let lease = try #require(leaseLeased)
        #expect(lease.items == [.broadcast(sequence: 1), .broadcast(sequence: 2), .broadcast(sequence: 3)])
        queue.recordAnswer(item: .broadcast(sequence: 2), leaseNumber: 1)
        #expect(queue.broadcastAnsweredThrough == 0)
        queue.recordAnswer(item: .broadcast(sequence: 1), leaseNumber: 1)
        #expect(queue.broadcastAnsweredThrough == 2)
        let nextLeased = queue.lease(leaseNumber: 2, maximumItems: 10, broadcastHead: 5, nowMilliseconds: 1, leaseMilliseconds: 100)

        let next = try #require(nextLeased)
        #expect(next.items == [.broadcast(sequence: 4), .broadcast(sequence: 5)])
    }

    @Test("a full queue refuses more work instead of growing")
    func bounded() throws {
        var queue = AdapterQueue(adapterID: "bank:ICBC", limits: limits, broadcastAnsweredThrough: 0)
        for number in 1...10 { try queue.enqueue(number: Int64(number), orderingKey: nil) }
        #expect(throws: QueueRefusal.queueFull(adapterID: "bank:ICBC", limit: 10)) {
            try queue.enqueue(number: 11, orderingKey: nil)
        }
    }

    @Test("item ids round trip on the wire and nothing else parses")
    func wireIDs() {
        #expect(WorkItemID(wire: "B42") == .broadcast(sequence: 42))
        #expect(WorkItemID(wire: "D7") == .directed(number: 7))
        for bad in ["", "B", "X1", "B-1", "B01", "D0", "D1.5", "b1"] { #expect(WorkItemID(wire: bad) == nil) }
    }
}

extension AdapterQueueTests {
    @Test("after a restart an expired lease's broadcast entry is delivered again once, not twice in one lease")
    func restartDoesNotDuplicate() throws {
        var queue = AdapterQueue(adapterID: "bank:CCB", limits: limits, broadcastAnsweredThrough: 605)
        let stored = StoredLease(number: 9, adapterID: "bank:CCB", items: [(.broadcast(sequence: 606), 1), (.broadcast(sequence: 607), 1)],
                                 expiresAtMilliseconds: 100)
        queue.restore(broadcastAnsweredAbove: [607], leases: [stored], leasedDirectedItems: [:], queuedDirectedItems: [])
        #expect(queue.expireLeases(nowMilliseconds: 200) == [.requeued(.broadcast(sequence: 606), nextAttempt: 2)])
        let leased = queue.lease(leaseNumber: 10, maximumItems: 10, broadcastHead: 608, nowMilliseconds: 201, leaseMilliseconds: 100)
        let lease = try #require(leased)
        #expect(lease.items == [.broadcast(sequence: 606), .broadcast(sequence: 608)])
        #expect(lease.attempts[.broadcast(sequence: 606)] == 2)
    }
}
