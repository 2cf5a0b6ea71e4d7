import HubProtocol
import QueryHub

/// The benchmark's workload: a ledger with many accounts, and a cycle of valid measures and
/// receipts that leaves each account as it found it, so cycles can repeat without bound.
struct LedgerWorkload: Sendable {
    static let operationsPerCycle = 7
    static let balance = Money(minorUnits: 1_000_000_00, currency: .cny)
    static let freezeAmount = Money(minorUnits: 1_000_00, currency: .cny)
    static let halfAmount = Money(minorUnits: 500_00, currency: .cny)

    let ledger: ControlLedger
    let keys: [AccountKey]
    let court = LedgerCourt("B100")
    let target = LedgerSpecialAccount(bankName: "Court bank", accountNumber: "B100-RMB", accountName: "B100 special")
    let today = LedgerDay(daysSinceEpoch: 20_514)  // 2026-03-02

    init(accounts: Int, shards: Int) {
        var configuration = LedgerConfiguration()
        configuration.accountShardCount = shards
        configuration.caseShardCount = shards
        var directory = SpecialAccountDirectory()
        directory.register(court: court, renminbi: target, foreignCurrency: nil)
        ledger = ControlLedger(configuration: configuration, specialAccounts: directory, startDay: today)
        keys = (0..<accounts).map {
            AccountKey(bankCode: "B\($0 % 4_000)", accountNumber: "6222\(10_000_000 + $0)", currency: .cny)
        }
        for key in keys {
            let outcome = ledger.report(
                AccountReport(account: key, balance: Self.balance, kind: .ordinary, priorityClaims: []), today: today)
            precondition(outcome.isApplied, "opening report refused")
        }
    }

    /// Runs `count` cycles on this thread's accounts (every `threadCount`-th, from `thread`);
    /// returns how many operations were refused or flagged (zero when the ledger is right).
    func runCycles(_ count: Int, thread: Int, threadCount: Int) -> Int {
        let mine = stride(from: thread, to: keys.count, by: threadCount).map { keys[$0] }
        precondition(!mine.isEmpty, "more threads than accounts")
        var random = SplitMix64(seed: UInt64(thread) &+ 1)
        var failures = 0
        for cycle in 0..<count {
            let key = mine[random.next(below: mine.count)]
            failures += runCycle(on: key, id: "t\(thread)c\(cycle)")
        }
        return failures
    }

    private func runCycle(on key: AccountKey, id: String) -> Int {
        let caseNumber = LedgerCase("(2026)执\(key.accountNumber)号")
        let owed = Money(minorUnits: 10_000_000_00, currency: .cny)
        func header(_ suffix: String) -> MeasureHeader {
            MeasureHeader(
                instructionId: LedgerInstructionID(id + suffix), court: court, caseNumber: caseNumber, account: key,
                amountOwed: owed)
        }
        let freezeId = LedgerInstructionID(id + "F")
        var failures = 0
        let freeze = FreezeInstruction(
            header: header("F"), amount: Self.freezeAmount, start: today, end: today.adding(days: 180))
        failures += ledger.dispatch(.freeze(freeze), today: today).decision.isAccepted ? 0 : 1
        let report = FrozenReport(
            actualHeld: Self.freezeAmount, excess: .zero(.cny), uncountedHeld: .zero(.cny), start: today,
            end: today.adding(days: 180), earlierFreezes: 0)
        failures += apply(freezeId, key, Self.balance, .frozen(report))
        let deduct = DeductInstruction(header: header("D"), freezeId: freezeId, amount: Self.halfAmount, target: target)
        failures += ledger.dispatch(.deduct(deduct), today: today).decision.isAccepted ? 0 : 1
        let afterDeduct = Money(minorUnits: Self.balance.minorUnits - Self.halfAmount.minorUnits, currency: .cny)
        failures += apply(
            deduct.header.instructionId, key, afterDeduct,
            .deducted(deducted: Self.halfAmount, remainingHeld: Self.halfAmount))
        let unfreeze = UnfreezeInstruction(header: header("U"), freezeId: freezeId, amount: nil)
        failures += ledger.dispatch(.unfreeze(unfreeze), today: today).decision.isAccepted ? 0 : 1
        failures += apply(unfreeze.header.instructionId, key, afterDeduct, .unfrozen(released: Self.halfAmount))
        let inflow = AccountReport(account: key, balance: Self.balance, kind: .ordinary, priorityClaims: [])
        failures += ledger.report(inflow, today: today).isApplied ? 0 : 1
        return failures
    }

    private func apply(_ id: LedgerInstructionID, _ key: AccountKey, _ balance: Money, _ result: LedgerReceipt.Result) -> Int
    {
        let receipt = LedgerReceipt(instructionId: id, account: key, balance: balance, result: result)
        return ledger.apply(receipt, today: today).isApplied ? 0 : 1
    }
}
