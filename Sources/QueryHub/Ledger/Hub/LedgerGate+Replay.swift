import Foundation
import HubProtocol
import Logging

/// What a rebuild found.
public struct LedgerReplaySummary: Sendable, Equatable {
    /// Measures on accounts dispatched again.
    public var measures = 0
    /// Receipts and query results applied again.
    public var receipts = 0
    /// Receipts stored with a flag, kept for the operator without being applied.
    public var flaggedReceipts = 0
    /// Measures the ledger refused on replay although the hub had accepted them (logged).
    public var refusedOnReplay = 0
    /// Receipts the ledger flagged on replay although the hub had stored them as sound (logged).
    public var flaggedOnReplay = 0

    /// Nothing replayed yet.
    public init() {}
}

extension LedgerGate {
    /// The instruction kinds whose receipts the ledger learns from.
    static let replayedKinds: Set<String> = ["bank.freeze", "bank.renew", "bank.unfreeze", "bank.deduct", "bank.query"]

    /// Rebuilds the ledger after a start, reading the store only: every accepted bank measure and
    /// query, in acceptance order, with its stored receipts placed at the time they were received.
    ///
    /// The audit chain is the order of acceptance (one `submit <kind>` entry per accepted
    /// instruction, appended in service-time order, R-G9); each instruction's document and
    /// receipts come from the store. A receipt is applied before any instruction served after it
    /// was received, and before one served in the same millisecond (such an instruction may have
    /// needed it, as a deduct needs its freeze's receipt), but never before its own instruction.
    /// Receipts stored with a flag were not applied then and are not now: they are kept for the
    /// operator. Each operation runs on the day it ran first, so the replay repeats the lapses
    /// and takeovers of the past; the ledger is then brought to today.
    public func rebuild(
        from store: any Store, throughAuditSequence lastSequence: Int64, pageSize: Int = 5_000
    ) async throws -> LedgerReplaySummary {
        precondition(pageSize >= 1 && lastSequence >= 0, "a page holds at least one entry")
        var replay = Replay()
        var after: Int64 = 0
        // Each page moves past at least one entry, so this ends within lastSequence pages.
        while after < lastSequence {
            let page = try await store.auditEntries(after: after, limit: pageSize)
            guard let last = page.last else { break }
            for entry in page where entry.sequence <= lastSequence {
                guard let (court, kind) = LedgerGate.acceptedInstruction(entry), let id = entry.instructionID else { continue }
                try await replayInstruction(court: court, id: id, kind: kind, from: store, into: &replay)
            }
            precondition(last.sequence > after, "audit entries come in increasing sequence")
            after = last.sequence
        }
        replay.drain(through: Int64.max, gate: self)
        observe(ledger.advance(to: today()), logging: false)
        logger.info(
            "control ledger rebuilt from the store",
            metadata: [
                "measures": "\(replay.summary.measures)", "receipts": "\(replay.summary.receipts)",
                "flagged": "\(replay.summary.flaggedReceipts)", "refusedOnReplay": "\(replay.summary.refusedOnReplay)",
                "flaggedOnReplay": "\(replay.summary.flaggedOnReplay)",
            ])
        return replay.summary
    }

    /// The court and kind of an audit entry that records an accepted instruction of a kind the
    /// ledger learns from; nil otherwise.
    static func acceptedInstruction(_ entry: AuditEntry) -> (court: String, kind: String)? {
        guard entry.action.hasPrefix("submit "), entry.outcome == "accepted", entry.principal.hasPrefix("court:") else {
            return nil
        }
        let kind = String(entry.action.dropFirst("submit ".count))
        guard replayedKinds.contains(kind) else { return nil }
        return (String(entry.principal.dropFirst("court:".count)), kind)
    }

    /// Dispatches one stored instruction again, after the receipts that came before it, and queues
    /// its receipts at their times.
    private func replayInstruction(
        court: String, id: String, kind: String, from store: any Store, into replay: inout Replay
    ) async throws {
        guard let stored = try await store.instruction(court: court, instructionID: id) else {
            throw StoreError.corrupt("the audit chain names instruction \(id) of \(court), which is not stored")
        }
        let document = try StrictJSONDecoder().decode(InstructionDocument.self, from: stored.document)
        let instruction = LedgerTranslation.instruction(document)
        replay.drain(through: stored.serviceTimeMilliseconds, gate: self)
        if let instruction {
            replay.summary.measures += 1
            let day = LedgerDay(unixMillisecondsInChina: stored.serviceTimeMilliseconds)
            let outcome = ledger.dispatch(instruction, today: day)
            observe(outcome.events, logging: false)
            if case .refused(let refusal) = outcome.decision {
                replay.summary.refusedOnReplay += 1
                logger.warning(
                    "the ledger refused on replay a measure the hub had accepted",
                    metadata: ["court": "\(court)", "instructionId": "\(id)", "refusal": "\(refusal)"])
            }
        }
        for receipt in try await store.receipts(court: court, instructionID: id) {
            try queue(receipt, instruction: instruction, into: &replay)
        }
    }

    /// Queues a stored receipt for replay at its time, translated as it was when it arrived.
    private func queue(_ receipt: StoredReceipt, instruction: LedgerInstruction?, into replay: inout Replay) throws {
        guard !receipt.body.isEmpty, let bankCode = LedgerGate.bankCode(ofAdapter: receipt.adapterID) else { return }
        if let reason = receipt.flaggedReason {
            replay.summary.flaggedReceipts += 1
            flag(
                FlaggedReceipt(
                    court: receipt.court, instructionID: receipt.instructionID, adapterID: receipt.adapterID,
                    account: instruction?.header.account, reason: reason,
                    receivedAtMilliseconds: receipt.receivedAtMilliseconds), logging: false)
            return
        }
        let document = try StrictJSONDecoder().decode(ReceiptDocument.self, from: receipt.body)
        guard
            let report = LedgerTranslation.report(
                document, instruction: instruction, court: receipt.court, bankCode: bankCode)
        else { return }
        replay.enqueue(Replay.Pending(receipt: receipt, report: report))
    }

    /// The registry code of the bank an adapter serves; nil for a police adapter.
    public static func bankCode(ofAdapter adapterID: String) -> String? {
        switch try? AdapterID(adapterID) {
        case .bankHeadOffice(let code)?, .bankBranch(let code, _)?: return code
        case .police?, nil: return nil
        }
    }
}

/// The receipts of a rebuild waiting for their time, in order of receipt (then of queueing).
struct Replay {
    struct Pending {
        let receipt: StoredReceipt
        let report: LedgerReport
    }

    private var pending: [Pending] = []
    private var head = 0
    var summary = LedgerReplaySummary()

    /// Adds a receipt in order of its time; receipts of one time keep the order they came in.
    mutating func enqueue(_ item: Pending) {
        let time = item.receipt.receivedAtMilliseconds
        var low = head
        var high = pending.count
        while low < high {
            let middle = (low + high) / 2
            if pending[middle].receipt.receivedAtMilliseconds <= time { low = middle + 1 } else { high = middle }
        }
        pending.insert(item, at: low)
    }

    /// Applies every receipt received at or before `time`, in order.
    mutating func drain(through time: Int64, gate: LedgerGate) {
        while head < pending.count, pending[head].receipt.receivedAtMilliseconds <= time {
            let item = pending[head]
            head += 1
            apply(item, gate: gate)
        }
        // Drop what was applied once it is most of the array, so memory follows what waits.
        if head > 1_024 && head * 2 > pending.count {
            pending.removeFirst(head)
            head = 0
        }
    }

    private mutating func apply(_ item: Pending, gate: LedgerGate) {
        summary.receipts += 1
        let receipt = item.receipt
        let day = LedgerDay(unixMillisecondsInChina: receipt.receivedAtMilliseconds)
        let (reason, account) = gate.apply(item.report, today: day, logging: false)
        guard let reason else { return }
        summary.flaggedOnReplay += 1
        gate.logger.warning(
            "the ledger flagged on replay a receipt the hub had stored as sound",
            metadata: ["court": "\(receipt.court)", "instructionId": "\(receipt.instructionID)", "reason": "\(reason)"])
        gate.flag(
            FlaggedReceipt(
                court: receipt.court, instructionID: receipt.instructionID, adapterID: receipt.adapterID, account: account,
                reason: "on replay: " + reason, receivedAtMilliseconds: receipt.receivedAtMilliseconds), logging: false)
    }
}
