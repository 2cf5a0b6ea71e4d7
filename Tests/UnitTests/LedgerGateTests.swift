import Foundation
import HubProtocol
import Logging
import QueryHub
import Synchronization
import Testing

/// A store that can be made to fail its commits, as a full disk would, or its reads of an
/// instruction, as a lost connection to the database would.
final class FailingStore: Store {
    let inner: SQLiteStore
    let failing = Mutex(false)
    let failingReads = Mutex(false)

    init(path: String) throws { inner = try SQLiteStore(path: path) }

    func commit(_ changes: StoreChanges) async throws {
        if failing.withLock({ $0 }) { throw StoreError.corrupt("the disk is full (test)") }
        try await inner.commit(changes)
    }
    func loadState() async throws -> StoreState { try await inner.loadState() }
    func instruction(court: String, instructionID: String) async throws -> StoredInstruction? {
        if failingReads.withLock({ $0 }) { throw StoreError.corrupt("the database went away (test)") }
        return try await inner.instruction(court: court, instructionID: instructionID)
    }
    func workItems(court: String, instructionID: String) async throws -> [StoredWorkItem] {
        try await inner.workItems(court: court, instructionID: instructionID)
    }
    func workItem(number: Int64) async throws -> StoredWorkItem? { try await inner.workItem(number: number) }
    func broadcastInstruction(sequence: Int64) async throws -> StoredInstruction? {
        try await inner.broadcastInstruction(sequence: sequence)
    }
    func receipts(court: String, instructionID: String) async throws -> [StoredReceipt] {
        try await inner.receipts(court: court, instructionID: instructionID)
    }
    func receipt(court: String, instructionID: String, adapterID: String) async throws -> StoredReceipt? {
        try await inner.receipt(court: court, instructionID: instructionID, adapterID: adapterID)
    }
    func broadcastAnswers(sequence: Int64) async throws -> [StoredBroadcastAnswerRange] {
        try await inner.broadcastAnswers(sequence: sequence)
    }
    func resultEvents(court: String, after cursor: Int64, limit: Int) async throws -> [StoredResultEvent] {
        try await inner.resultEvents(court: court, after: cursor, limit: limit)
    }
    func events(court: String, instructionID: String) async throws -> [StoredEvent] {
        try await inner.events(court: court, instructionID: instructionID)
    }
    func auditEntries(after sequence: Int64, limit: Int) async throws -> [AuditEntry] {
        try await inner.auditEntries(after: sequence, limit: limit)
    }
}

/// The gate between the core and the control ledger, without HTTP: what the core hands it, in
/// which order, and what survives a failed commit, a repeated receipt and a restart.
@Suite("Ledger gate in the core")
struct LedgerGateTests {
    /// 2026-06-01T02:00:00Z, a Monday morning in Beijing.
    static let now: Int64 = 1_780_279_200_000
    static let chaoyang = try! CourtCode("京0105")
    static let registry = try! Registry.sample()
    static let account = AccountKey(bankCode: "ICBC", accountNumber: "6222020200112233445", currency: .cny)
    static let target = Submission.Targets.adapters([
        .init(adapterID: "bank:ICBC", orderingKey: "ICBC/6222020200112233445/CNY", routeJSON: "{}")
    ])

    /// A core with a gate over `store`, restored, and the gate rebuilt from it, on a fixed clock.
    static func hub(_ store: any Store) async throws -> (HubCore, LedgerGate) {
        let gate = LedgerGate(registry: registry, logger: Logger(label: "test"), clock: { now })
        let core = HubCore(
            store: store, broadcastAdapters: [], logger: Logger(label: "test"), ledger: gate, clock: { now })
        try await core.restore(adapters: [("bank:ICBC", true)])
        _ = try await gate.rebuild(from: store, throughAuditSequence: await core.lastAuditSequence)
        return (core, gate)
    }

    /// A submission as the intake makes it from a sample document.
    static func submission(_ document: [UInt8]) throws -> Submission {
        let decoded = try StrictJSONDecoder().decode(InstructionDocument.self, from: document)
        return Submission(
            court: "京0105", instructionID: decoded.header.instructionId.description, kind: decoded.kind.rawValue,
            contentHash: Array(SHA256Bytes.of(String(decoding: document, as: UTF8.self))), document: document,
            sealJSON: "{}", targets: target, ledgerInstruction: LedgerTranslation.instruction(decoded))
    }

    static func freeze(_ id: String, amount: String) throws -> Submission {
        try submission(
            SampleInstructions.freeze(
                registry: registry, court: chaoyang, instructionID: id, issuedAtMilliseconds: now, amount: amount,
                from: SampleInstructions.chinaDay(ofMilliseconds: now), to: SampleInstructions.chinaDay(ofMilliseconds: now, plusDays: 90)))
    }

    static func deduct(_ id: String, freezeID: String, amount: String) throws -> Submission {
        try submission(
            SampleInstructions.deduct(
                registry: registry, court: chaoyang, instructionID: id, issuedAtMilliseconds: now, freezeID: freezeID,
                amount: amount))
    }

    /// The bank's answer to the next leased item, with what it tells the ledger.
    static func answer(
        _ core: HubCore, receipt: [UInt8], instruction: Submission
    ) async throws -> (AnswerSubmission, [AnswerResult]) {
        let lease = try #require(try await core.lease(adapterID: "bank:ICBC", maximumItems: 1, waitMilliseconds: 0, audit: HubCoreTests.context))
        let document = try StrictJSONDecoder().decode(ReceiptDocument.self, from: receipt)
        let report = LedgerTranslation.report(document, instruction: instruction.ledgerInstruction, court: "京0105", bankCode: "ICBC")
        let answer = AnswerSubmission(
            item: lease.items[0].item, leaseNumber: lease.leaseNumber, outcome: "done", body: receipt, sealJSON: "{}",
            ledgerReport: report)
        return (answer, try await core.answer(adapterID: "bank:ICBC", answers: [answer], audit: HubCoreTests.context))
    }

    static func freezeReceipt(_ id: String, held: String, notHeld: String, requested: String = "1000.00") -> [UInt8] {
        BankReceipts.freezeResult(
            id, requested: requested, held: held, notHeld: notHeld, from: SampleInstructions.chinaDay(ofMilliseconds: now),
            to: SampleInstructions.chinaDay(ofMilliseconds: now, plusDays: 90), at: now)
    }

    @Test("R-B20: a measure whose commit failed is withdrawn — it holds no place in line and no case reservation")
    func withdrawnWhenTheCommitFails() async throws {
        let store = try FailingStore(path: try HubCoreTests.path())
        let (core, gate) = try await Self.hub(store)
        store.failing.withLock { $0 = true }
        await #expect(throws: HubCoreError.self) {
            try await core.submit(try Self.freeze("F-1", amount: "1000.00"), audit: HubCoreTests.context)
        }
        #expect(gate.ledger.snapshot(of: Self.account)?.freezes.isEmpty ?? true)
        let caseNumber = LedgerCase("（2026）京0105执1号")
        #expect(gate.ledger.reserved(caseNumber: caseNumber, currency: .cny) == .zero(.cny))
        #expect(gate.ledger.counters().measuresWithdrawn == 1)
    }

    @Test("a receipt the bank sends twice is applied once: the repeat is settled before the ledger sees it")
    func repeatedReceiptAppliedOnce() async throws {
        let (core, gate) = try await Self.hub(try SQLiteStore(path: try HubCoreTests.path()))
        let freeze = try Self.freeze("F-2", amount: "1000.00")
        #expect(try await core.submit(freeze, audit: HubCoreTests.context) != .conflict)
        let (answer, first) = try await Self.answer(core, receipt: Self.freezeReceipt("F-2", held: "1000.00", notHeld: "0.00"), instruction: freeze)
        #expect(first == [.accepted])
        #expect(try await core.answer(adapterID: "bank:ICBC", answers: [answer], audit: HubCoreTests.context) == [.repeated])
        let counters = gate.ledger.counters()
        #expect(counters.receiptsApplied == 1)
        #expect(counters.reportsFlagged == 0, "a second application would be flagged as already resolved")
        #expect(gate.ledger.snapshot(of: Self.account)?.heldTotal == Money(minorUnits: 100_000, currency: .cny))
    }

    @Test("R-B16: a deduct that reaches funds under a priority claim being reviewed is refused; the held part may go")
    func priorityClaimUnderReview() async throws {
        let (core, gate) = try await Self.hub(try SQLiteStore(path: try HubCoreTests.path()))
        // The bank's query result: 1,000 on the account, 300 of it pledged and under review.
        let query = try StrictJSONDecoder().decode(ReceiptDocument.self, from: Self.queryResult(balance: "1000.00", pledged: "300.00"))
        let report = try #require(LedgerTranslation.report(query, instruction: nil, court: "京0105", bankCode: "ICBC"))
        let accounts = AnswerSubmission(
            item: .broadcast(sequence: 1), leaseNumber: 1, outcome: "done", body: [], sealJSON: "{}", ledgerReport: report)
        #expect(gate.answered(accounts, court: "京0105", instructionID: "Q-1", adapterID: "bank:ICBC", receivedAtMilliseconds: Self.now) == nil)
        let freeze = try Self.freeze("F-3", amount: "1000.00")
        _ = try await core.submit(freeze, audit: HubCoreTests.context)
        let (_, results) = try await Self.answer(core, receipt: Self.freezeReceipt("F-3", held: "700.00", notHeld: "300.00"), instruction: freeze)
        #expect(results == [.accepted])
        do {
            _ = try await core.submit(try Self.deduct("D-3", freezeID: "F-3", amount: "900.00"), audit: HubCoreTests.context)
            Issue.record("a deduct of claimed funds under review was accepted")
        } catch let problem as ProblemError {
            #expect(problem.problem == .ruleViolation)
            #expect(problem.detail.hasPrefix("R-B16"), "\(problem.detail)")
            #expect(problem.detail.contains("reviewing"))
            #expect(problem.field == "$.amount")
        }
        guard case .accepted = try await core.submit(try Self.deduct("D-4", freezeID: "F-3", amount: "700.00"), audit: HubCoreTests.context)
        else { Issue.record("the held 700 may be deducted"); return }
    }

    @Test("restart: a receipt and the deduct that needed it, in the same millisecond, replay in that order and rebuild the same ledger")
    func rebuildOrdersTiesByNeed() async throws {
        let path = try HubCoreTests.path()
        let (core, gate) = try await Self.hub(try SQLiteStore(path: path))
        let freeze = try Self.freeze("F-5", amount: "1000.00")
        _ = try await core.submit(freeze, audit: HubCoreTests.context)
        _ = try await Self.answer(core, receipt: Self.freezeReceipt("F-5", held: "1000.00", notHeld: "0.00"), instruction: freeze)
        let deduct = try Self.deduct("D-5", freezeID: "F-5", amount: "400.00")
        guard case .accepted = try await core.submit(deduct, audit: HubCoreTests.context) else {
            Issue.record("the deduct within the hold was not accepted"); return
        }
        let special = try Self.registry.specialAccount(court: Self.chaoyang, currency: .cny)
        _ = try await Self.answer(
            core,
            receipt: BankReceipts.deductResult(
                "D-5", freezeID: "F-5", requested: "400.00", deducted: "400.00", heldBefore: "1000.00", remaining: "600.00",
                specialAccount: special, at: Self.now),
            instruction: deduct)
        let before = try #require(gate.ledger.snapshot(of: Self.account))
        #expect(before.heldTotal == Money(minorUnits: 60_000, currency: .cny))
        let (_, rebuilt) = try await Self.hub(try SQLiteStore(path: path))
        #expect(rebuilt.ledger.snapshot(of: Self.account) == before)
        #expect(rebuilt.ledger.counters().measuresRefused == 0)
        #expect(rebuilt.ledger.counters().reportsFlagged == 0)
    }

    static func queryResult(balance: String, pledged: String) -> [UInt8] {
        Array("""
            {"kind":"bank.queryResult","header":\(BankReceipts.header("Q-1", at: now)),"accounts":[\
            {"openingDate":"2015-06-18","branch":"中国工商银行北京朝阳支行","accountName":"张三",\
            "accountNumber":"6222020200112233445","accountType":"current","status":"active",\
            "balance":\(BankReceipts.money(balance)),"availableBalance":\(BankReceipts.money("0.00")),\
            "contactPhone":"13800138000","existingFreezes":[],\
            "priorityClaims":[{"kind":"pledge","holder":"北京某担保有限公司","amount":\(BankReceipts.money(pledged)),"underReview":true}]}],\
            "otherAssets":[]}
            """.utf8)
    }
}

extension HubCoreTests {
    /// A fresh SQLite database path in a temporary directory.
    static func path() throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("core-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory.appendingPathComponent("hub.sqlite").path
    }
}
