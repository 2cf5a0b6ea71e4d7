/// One answer from an adapter, under the lease it was given with.
public struct AnswerSubmission: Sendable {
    /// The outcome that means a bank holds no account of the party: stored compactly.
    public static let noAccountFound = "noAccountFound"

    public var item: WorkItemID
    public var leaseNumber: Int64
    /// `noAccountFound`, `done`, `cannotAssist` …
    public var outcome: String
    /// The adapter's exact receipt bytes.
    public var body: [UInt8]
    /// The adapter's seal (and Merkle proof) as JSON.
    public var sealJSON: String
    /// Why the receipt breaks a rule, found before the core took it; nil when it is sound. The
    /// control ledger's own finding is added when the core applies ``ledgerReport``.
    public var flaggedReason: String?
    /// What the receipt tells the control ledger, applied by the core in acceptance order; nil
    /// when it tells it nothing.
    public var ledgerReport: LedgerReport?

    public init(
        item: WorkItemID, leaseNumber: Int64, outcome: String, body: [UInt8], sealJSON: String,
        flaggedReason: String? = nil, ledgerReport: LedgerReport? = nil
    ) {
        self.item = item
        self.leaseNumber = leaseNumber
        self.outcome = outcome
        self.body = body
        self.sealJSON = sealJSON
        self.flaggedReason = flaggedReason
        self.ledgerReport = ledgerReport
    }
}

/// What became of one answer.
public enum AnswerResult: Sendable, Equatable {
    /// Stored now.
    case accepted
    /// The same answer was stored before: nothing changed.
    case repeated
    /// Another answer for this item was stored before (HTTP 409).
    case conflict
    /// The lease does not hold the item (expired, unknown, not this item): refused; the item is
    /// delivered again.
    case refused(QueueRefusal)
    /// No such item for this adapter.
    case unknownItem
}

extension HubCore {
    /// Which instruction an item of `adapterID` belongs to (court, instruction id), or nil when
    /// the adapter has no such item.
    public func instruction(of item: WorkItemID, adapterID: String) async throws -> (court: String, instructionID: String)? {
        try await instructionKey(of: item, adapterID: adapterID)
    }

    /// ``instruction(of:adapterID:)`` for a batch of items in one call (nil for an item that is
    /// nil or that the adapter does not have).
    public func instructions(of items: [WorkItemID?], adapterID: String) async throws -> [(court: String, instructionID: String)?] {
        var owners: [(court: String, instructionID: String)?] = []
        owners.reserveCapacity(items.count)
        for item in items {
            guard let item else {
                owners.append(nil)
                continue
            }
            owners.append(try await instructionKey(of: item, adapterID: adapterID))
        }
        return owners
    }

    /// Which instruction an item belongs to, from memory while it is open, else from the store.
    func instructionKey(of item: WorkItemID, adapterID: String) async throws -> (court: String, instructionID: String)? {
        switch item {
        case .broadcast(let sequence):
            guard queues[adapterID]?.readsBroadcasts(in: broadcastAdapters) == true, sequence <= broadcastHead else { return nil }
            if let entry = broadcastEntries[sequence] { return (entry.court, entry.instructionID) }
            return try await store.broadcastInstruction(sequence: sequence).map { ($0.court, $0.instructionID) }
        case .directed(let number):
            if let entry = directedEntries[number] {
                return entry.adapterID == adapterID ? (entry.court, entry.instructionID) : nil
            }
            guard let stored = try await store.workItem(number: number), stored.adapterID == adapterID else { return nil }
            return (stored.court, stored.instructionID)
        }
    }

    /// Takes a batch of answers from `adapterID`. Every answer is judged on its own; those accepted
    /// are durable together before this returns.
    ///
    /// Three passes: find each answer's instruction (may read the store); then, without
    /// suspending from the clock reading to the append to the group commit, check each lease,
    /// apply the accepted answers to the control ledger and record them; last, judge the answers
    /// the queue refused (a repeat, a conflict, or fencing), which reads the store again.
    public func answer(adapterID: String, answers: [AnswerSubmission], audit context: AuditContext) async throws -> [AnswerResult] {
        if let failure { throw HubCoreError.stopped(reason: failure) }
        guard queues[adapterID] != nil else { throw HubCoreError.unknownAdapter(adapterID) }
        var keys: [(court: String, instructionID: String)?] = []
        for answer in answers { keys.append(try await instructionKey(of: answer.item, adapterID: adapterID)) }
        if let failure { throw HubCoreError.stopped(reason: failure) }
        let now = clock()
        var results: [AnswerResult] = []
        var refusals: [(index: Int, refusal: QueueRefusal)] = []
        var changes = StoreChanges()
        var noAccountSequences: [Int64] = []
        var sealForRanges = ""
        for (index, answer) in answers.enumerated() {
            guard let key = keys[index] else {
                results.append(.unknownItem)
                continue
            }
            do {
                try queues[adapterID]!.checkAnswer(item: answer.item, leaseNumber: answer.leaseNumber, nowMilliseconds: now)
            } catch {
                refusals.append((index, error))
                results.append(.refused(error))
                continue
            }
            if case .broadcast(let sequence) = answer.item, answer.outcome == AnswerSubmission.noAccountFound {
                accept(answer, adapterID: adapterID, key: key, at: now, into: &changes)
                noAccountSequences.append(sequence)
                sealForRanges = answer.sealJSON
            } else {
                var stored = answer
                let ledgerFlag = ledger?.answered(
                    answer, court: key.court, instructionID: key.instructionID, adapterID: adapterID, receivedAtMilliseconds: now)
                stored.flaggedReason = [answer.flaggedReason, ledgerFlag].compactMap { $0 }.joined(separator: "; ").nilIfEmpty
                accept(stored, adapterID: adapterID, key: key, at: now, into: &changes)
            }
            results.append(.accepted)
        }
        appendNoAccountRanges(noAccountSequences, adapterID: adapterID, sealJSON: sealForRanges, at: now, into: &changes)
        noteWatermark(of: adapterID, into: &changes)
        closeCompletedBroadcasts(at: now, into: &changes)
        let acceptedCount = results.filter { $0 == .accepted }.count
        statistics.receiptsAccepted += acceptedCount
        changes.auditEntries.append(
            audit.append(
                atMilliseconds: now, principal: context.principal, certificateFingerprint: context.certificateFingerprint,
                clientAddress: context.clientAddress, action: "receipts", outcome: "\(acceptedCount) of \(answers.count) accepted",
                instructionID: nil,
                detail: "items: \(answers.prefix(8).map(\.item.description).joined(separator: ","))\(answers.count > 8 ? ",…" : "")"))
        try await durable(changes)
        for (index, refusal) in refusals {
            results[index] = try await judgeRepeat(answers[index], adapterID: adapterID, key: keys[index]!, refusal: refusal)
        }
        return results
    }

    /// Records one answer the queue took: the lease, the stored receipt (unless it is a compact "no
    /// account" answer to a broadcast), the court's result event, and a directed target's close.
    private func accept(
        _ answer: AnswerSubmission, adapterID: String, key: (court: String, instructionID: String), at now: Int64,
        into changes: inout StoreChanges
    ) {
        let attempt = queues[adapterID]!.leases[answer.leaseNumber]?.attempts[answer.item] ?? 1
        queues[adapterID]!.recordAnswer(item: answer.item, leaseNumber: answer.leaseNumber)
        if queues[adapterID]!.leases[answer.leaseNumber] == nil {
            changes.leasesEnded.append(answer.leaseNumber)
            workFreed.insert(adapterID)  // lease capacity back
        }
        if case .broadcast = answer.item, answer.outcome == AnswerSubmission.noAccountFound {
            // Stored compactly as ranges by the caller.
        } else {
            changes.receipts.append(
                StoredReceipt(
                    court: key.court, instructionID: key.instructionID, adapterID: adapterID, item: answer.item,
                    outcome: answer.outcome, body: answer.body, sealJSON: answer.sealJSON,
                    receivedAtMilliseconds: now, flaggedReason: answer.flaggedReason))
            changes.resultEvents.append(resultEvent(key, event: "receipt", adapterID: adapterID, at: now))
        }
        if case .directed(let number) = answer.item {
            workFreed.insert(adapterID)  // the next item on its account may go out
            changes.workItemUpdates.append((number, .answered, attempt))
            closeDirected(number, key: key, at: now, into: &changes)
        }
    }

    /// An answer the queue refused: a repeat of a stored answer is harmless; another answer for
    /// an answered item is a conflict; anything else is the queue's refusal (fencing). Runs only
    /// after the batch's own commit is durable: commits are sequential, so every answer the queue
    /// had taken when it refused this one is on disk (an answer repeated within one batch is
    /// judged against the first). No barrier commit per refusal: a post of hundreds of answers
    /// under an expired lease made hundreds of commits one after another.
    private func judgeRepeat(_ answer: AnswerSubmission, adapterID: String, key: (court: String, instructionID: String),
                             refusal: QueueRefusal) async throws -> AnswerResult {
        if case .broadcast(let sequence) = answer.item,
            try await store.hasNoAccountAnswer(adapterID: adapterID, sequence: sequence)
        {
            return answer.outcome == AnswerSubmission.noAccountFound ? .repeated : .conflict
        }
        if let stored = try await store.receipt(court: key.court, instructionID: key.instructionID, adapterID: adapterID) {
            return stored.body == answer.body && stored.outcome == answer.outcome ? .repeated : .conflict
        }
        return .refused(refusal)
    }

    func resultEvent(_ key: (court: String, instructionID: String), event: String, adapterID: String?, at now: Int64)
        -> StoredResultEvent
    {
        defer { nextResultCursor += 1 }
        return StoredResultEvent(
            cursor: nextResultCursor, court: key.court, instructionID: key.instructionID, event: event,
            adapterID: adapterID, atMilliseconds: now)
    }

    /// One target of a directed instruction resolved: when it was the last, the instruction is complete.
    func closeDirected(_ number: Int64, key: (court: String, instructionID: String), at now: Int64, into changes: inout StoreChanges) {
        directedEntries[number] = nil
        let instructionKey = HubCore.key(court: key.court, instructionID: key.instructionID)
        guard let open = openTargets[instructionKey] else { return }
        precondition(open >= 1, "an instruction resolves at most once per target")
        if open == 1 {
            openTargets[instructionKey] = nil
            changes.resultEvents.append(resultEvent(key, event: "completed", adapterID: nil, at: now))
        } else {
            openTargets[instructionKey] = open - 1
        }
    }

    /// Records the adapter's broadcast watermark (its queue's) to be stored and in the banks' lowest.
    func noteWatermark(of adapterID: String, into changes: inout StoreChanges) {
        let watermark = queues[adapterID]!.broadcastAnsweredThrough
        changes.broadcastWatermarks[adapterID] = watermark
        broadcastAdapters.advance(adapterID, to: watermark)
    }

    /// Broadcast entries every bank has answered are complete: tell their courts and free them.
    /// O(1) to find how far that is, plus O(1) per entry completed.
    func closeCompletedBroadcasts(at now: Int64, into changes: inout StoreChanges) {
        let lowest = broadcastAdapters.lowest ?? broadcastHead
        guard lowest > broadcastCompletedThrough else { return }
        for sequence in (broadcastCompletedThrough + 1)...lowest {
            guard let entry = broadcastEntries.removeValue(forKey: sequence) else { continue }
            changes.resultEvents.append(
                resultEvent((entry.court, entry.instructionID), event: "completed", adapterID: nil, at: now))
        }
        broadcastCompletedThrough = lowest
    }

    private func appendNoAccountRanges(
        _ sequences: [Int64], adapterID: String, sealJSON: String, at now: Int64, into changes: inout StoreChanges
    ) {
        var start: Int64?
        var previous: Int64 = 0
        for sequence in sequences.sorted() {
            if let first = start, sequence != previous + 1 {
                changes.broadcastAnswerRanges.append(
                    StoredBroadcastAnswerRange(adapterID: adapterID, firstSequence: first, lastSequence: previous,
                                               receivedAtMilliseconds: now, sealJSON: sealJSON))
                start = sequence
            } else if start == nil {
                start = sequence
            }
            previous = sequence
        }
        if let first = start {
            changes.broadcastAnswerRanges.append(
                StoredBroadcastAnswerRange(adapterID: adapterID, firstSequence: first, lastSequence: previous,
                                           receivedAtMilliseconds: now, sealJSON: sealJSON))
        }
    }

    /// An item delivered the maximum number of times: the target resolves as dead-lettered.
    func recordDeadLetter(_ item: WorkItemID, adapterID: String, now: Int64, into changes: inout StoreChanges) {
        let key: (court: String, instructionID: String)
        switch item {
        case .broadcast(let sequence):
            guard let entry = broadcastEntries[sequence] else { return }
            key = (entry.court, entry.instructionID)
            noteWatermark(of: adapterID, into: &changes)
        case .directed(let number):
            guard let entry = directedEntries[number] else { return }
            key = (entry.court, entry.instructionID)
            changes.workItemUpdates.append((number, .deadLettered, limits.queue.maximumAttempts))
        }
        changes.receipts.append(
            StoredReceipt(
                court: key.court, instructionID: key.instructionID, adapterID: adapterID, item: item, outcome: "deadLettered",
                body: [], sealJSON: "{}", receivedAtMilliseconds: now,
                flaggedReason: "no answer after \(limits.queue.maximumAttempts) deliveries"))
        changes.resultEvents.append(resultEvent(key, event: "receipt", adapterID: adapterID, at: now))
        if case .directed(let number) = item { closeDirected(number, key: key, at: now, into: &changes) }
        closeCompletedBroadcasts(at: now, into: &changes)
    }
}

extension AdapterQueue {
    /// True when this adapter reads the broadcast log.
    func readsBroadcasts(in broadcastAdapters: BroadcastWatermarks) -> Bool { broadcastAdapters.contains(adapterID) }
}

extension String {
    /// Nil for the empty string.
    fileprivate var nilIfEmpty: String? { isEmpty ? nil : self }
}
