import HubProtocol
import Foundation

extension HubCore {
    /// Accepts a checked submission: idempotent on (court, instruction id), durable before it
    /// returns `.accepted`. `serviceTimeMilliseconds` is the legal time of service (R-B20).
    public func submit(_ submission: Submission, audit context: AuditContext) async throws -> SubmissionOutcome {
        if let failure { throw HubCoreError.stopped(reason: failure) }
        let key = HubCore.key(court: submission.court, instructionID: submission.instructionID)
        // A concurrent repeat waits for the first to finish, then reads its stored answer.
        while submissionsInFlight[key] != nil {
            await withCheckedContinuation { submissionsInFlight[key, default: []].append($0) }
        }
        if let existing = try await store.instruction(court: submission.court, instructionID: submission.instructionID) {
            return existing.contentHash == submission.contentHash ? .repeated(answerJSON: existing.answerJSON) : .conflict
        }
        if let failure { throw HubCoreError.stopped(reason: failure) }
        try checkCapacity(for: submission)
        submissionsInFlight[key] = []
        defer {
            for waiter in submissionsInFlight.removeValue(forKey: key) ?? [] { waiter.resume() }
        }
        // From the clock reading to the append in `durable`, nothing suspends: the ledger sees
        // measures in service-time order, which is also the order of the commits (R-B20).
        let now = clock()
        try ledger?.admit(submission, serviceTimeMilliseconds: now)
        if let released = submission.releasedInstructionID {
            // From here on the measure's events are refused (R-G6). Should the commit fail the
            // core stops, so the mark never outlives a release that was not stored.
            releasedMeasures.insert(HubCore.key(court: submission.court, instructionID: released))
        }
        var changes = StoreChanges()
        let (instruction, targetCount) = place(submission, at: now, into: &changes)
        changes.instructions.append(instruction)
        changes.auditEntries.append(
            audit.append(
                atMilliseconds: now, principal: context.principal, certificateFingerprint: context.certificateFingerprint,
                clientAddress: context.clientAddress, action: "submit \(submission.kind)", outcome: "accepted",
                instructionID: submission.instructionID, detail: "targets: \(targetCount)"))
        statistics.instructionsAccepted += 1
        do {
            try await durable(changes)
        } catch {
            // Not stored: no bank will see it, so the ledger must not keep it in line.
            ledger?.withdraw(submission, serviceTimeMilliseconds: now)
            throw error
        }
        return .accepted(answerJSON: instruction.answerJSON)
    }

    private func checkCapacity(for submission: Submission) throws {
        switch submission.targets {
        case .everyBank:
            let open = broadcastEntries.count
            guard open < limits.maximumOpenBroadcasts else {
                throw HubCoreError.overloaded("\(open) queries await answers from every bank")
            }
            // Counted with the one being submitted; the first is always let in (see the limit).
            let banks = broadcastAdapters.count
            guard open == 0 || (open + 1) * banks <= limits.maximumOpenBroadcastItems else {
                throw HubCoreError.overloaded(
                    "\(open) queries await answers from \(banks) banks: \(open * banks) items out, "
                        + "another would pass the limit of \(limits.maximumOpenBroadcastItems)")
            }
        case .adapters(let targets):
            for target in targets {
                guard let queue = queues[target.adapterID] else { throw HubCoreError.unknownAdapter(target.adapterID) }
                guard queue.queuedItemCount < limits.queue.maximumQueuedItems else {
                    throw HubCoreError.overloaded("the queue of \(target.adapterID) is full")
                }
            }
        }
    }

    /// Puts the submission into the broadcast log or the adapters' queues (in memory) and records
    /// the rows to write. Returns the stored instruction and how many targets it has.
    private func place(_ submission: Submission, at now: Int64, into changes: inout StoreChanges)
        -> (StoredInstruction, Int)
    {
        var broadcastSequence: Int64?
        var targetNames: [String] = []
        switch submission.targets {
        case .everyBank:
            broadcastHead += 1
            broadcastSequence = broadcastHead
            broadcastEntries[broadcastHead] = BroadcastEntry(
                court: submission.court, instructionID: submission.instructionID, kind: submission.kind,
                document: submission.document, sealJSON: submission.sealJSON)
        case .adapters(let targets):
            for target in targets {
                let number = nextWorkItemNumber
                nextWorkItemNumber += 1
                do {
                    try queues[target.adapterID]!.enqueue(number: number, orderingKey: target.orderingKey)
                } catch {
                    preconditionFailure("capacity was checked before placing: \(error)")
                }
                directedEntries[number] = DirectedEntry(
                    court: submission.court, instructionID: submission.instructionID, kind: submission.kind,
                    document: submission.document, sealJSON: submission.sealJSON, routeJSON: target.routeJSON,
                    adapterID: target.adapterID)
                changes.newWorkItems.append(
                    StoredWorkItem(
                        number: number, adapterID: target.adapterID, court: submission.court,
                        instructionID: submission.instructionID, orderingKey: target.orderingKey,
                        routeJSON: target.routeJSON))
                targetNames.append(target.adapterID)
            }
            openTargets[HubCore.key(court: submission.court, instructionID: submission.instructionID)] = targets.count
        }
        let answer = AcceptanceAnswer(
            id: submission.instructionID, serviceTime: Timestamps.rfc3339(milliseconds: now),
            targets: submission.targets == .everyBank ? ["*every bank* (\(broadcastAdapters.count))"] : targetNames)
        let instruction = StoredInstruction(
            court: submission.court, instructionID: submission.instructionID, kind: submission.kind,
            contentHash: submission.contentHash, document: submission.document, sealJSON: submission.sealJSON,
            serviceTimeMilliseconds: now, broadcastSequence: broadcastSequence, answerJSON: answer.json)
        return (instruction, submission.targets == .everyBank ? broadcastAdapters.count : targetNames.count)
    }
}

/// Who made a request, for the audit chain (R-G9).
public struct AuditContext: Sendable {
    public var principal: String
    public var certificateFingerprint: String
    public var clientAddress: String

    public init(principal: String, certificateFingerprint: String, clientAddress: String) {
        self.principal = principal
        self.certificateFingerprint = certificateFingerprint
        self.clientAddress = clientAddress
    }
}

/// The body of a 202: the instruction id, the legal time of service (R-B20) and the targets.
public struct AcceptanceAnswer: Codable, Sendable, Equatable {
    public var id: String
    public var serviceTime: String
    public var targets: [String]

    var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
    }
}

/// Timestamps on the wire: RFC 3339 in UTC, milliseconds when there are any — the protocol's one
/// canonical spelling (``Timestamp``), so a court can parse its service time with the same type.
public enum Timestamps {
    /// `2026-12-01T09:30:00.123Z`, or `2026-12-01T09:30:00Z` on a whole second.
    public static func rfc3339(milliseconds: Int64) -> String {
        Timestamp(millisecondsSinceEpoch: milliseconds).description
    }
}
