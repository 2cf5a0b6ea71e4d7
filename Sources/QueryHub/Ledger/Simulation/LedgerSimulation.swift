import HubProtocol

/// A deterministic simulation of the control ledger, in the manner of TigerBeetle's VOPR: from one
/// seed, a long run of random measures, bank receipts (honest and rule-breaking), account reports
/// and clock jumps over many accounts, courts and cases, checking every invariant as it goes.
///
/// The simulated bank answers each account's measures in the order they were sent (as a bank
/// serves them), honestly from the ledger's own view, or with a deliberate rule-breaking change
/// whose flag the ledger must raise. An honest receipt that is flagged, a rule-breaking one that is
/// applied, or any broken invariant stops the run with a ``Failure`` that names the seed and step.
public struct LedgerSimulation {
    /// The size and seed of a run.
    public struct Parameters: Sendable, Equatable {
        /// The seed; the same seed replays the same run exactly.
        public var seed: UInt64
        /// How many operations to run.
        public var operations: Int
        /// Accounts (about one in ten in US dollars).
        public var accounts = 1_000
        /// Courts, each with renminbi and foreign-currency special accounts.
        public var courts = 50
        /// Cases, each belonging to one court.
        public var cases = 400
        /// Steps between full checks of every account and every case (the touched account is checked
        /// after every step).
        public var fullCheckInterval = 1_000

        /// A run of `operations` steps from `seed`.
        public init(seed: UInt64, operations: Int) {
            precondition(operations >= 0, "operations cannot be negative")
            self.seed = seed
            self.operations = operations
        }
    }

    /// What a run did.
    public struct Report: Sendable, Equatable, CustomStringConvertible {
        /// The seed of the run.
        public var seed: UInt64 = 0
        /// Operations run.
        public var operations = 0
        /// Measures accepted for dispatch.
        public var accepted = 0
        /// Measures refused before dispatch.
        public var refused = 0
        /// Honest receipts and reports applied.
        public var applied = 0
        /// Rule-breaking receipts and reports flagged, as they had to be.
        public var flaggedAsExpected = 0
        /// Clock jumps.
        public var clockJumps = 0
        /// Full checks of the whole ledger.
        public var fullChecks = 0
        /// The ledger's counters at the end.
        public var counters = LedgerCounters()
        /// The last simulated day.
        public var lastDay = LedgerDay(daysSinceEpoch: 0)
        /// A hash of the final state of every account: equal for equal seeds.
        public var digest: UInt64 = 0

        public var description: String {
            "seed \(seed): \(operations) operations; \(accepted) measures accepted, \(refused) refused; "
                + "\(applied) receipts and reports applied, \(flaggedAsExpected) rule-breaking ones flagged; "
                + "\(counters.lapses) lapses, \(counters.takeovers) takeovers, \(counters.inflowFills) inflow fills, "
                + "\(counters.lapseWarnings) warnings; \(clockJumps) clock jumps to \(lastDay); "
                + "\(fullChecks) full checks; digest \(String(digest, radix: 16))\nflags: " + flagSummary
        }

        /// Flagged reports by kind, in a fixed order.
        public var flagSummary: String {
            ReceiptFlag.Kind.allCases.map { "\($0.rawValue) \(counters.flagsByKind[$0] ?? 0)" }.joined(separator: ", ")
        }
    }

    /// A run that found a bug: the seed to replay it, the step, and what was wrong.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        /// The seed of the failing run.
        public let seed: UInt64
        /// The step (0-based) at which the failure was seen.
        public let step: Int
        /// The operation of that step.
        public let operation: String
        /// What was wrong.
        public let problems: [String]

        public var description: String {
            "ledger simulation failed: seed \(seed), step \(step), \(operation): "
                + problems.prefix(10).joined(separator: "; ")
                + " — replay with `hubd bench ledger-sim --seed \(seed) --operations \(step + 1)`"
        }
    }

    let parameters: Parameters
    var random: SplitMix64
    let ledger: ControlLedger
    var world: SimulatedWorld
    var report = Report()
    var step = 0

    /// A simulation ready to run.
    public init(parameters: Parameters) {
        precondition(parameters.accounts >= 1 && parameters.courts >= 1 && parameters.cases >= 1, "an empty world")
        self.parameters = parameters
        random = SplitMix64(seed: parameters.seed)
        var configuration = LedgerConfiguration()
        configuration.accountShardCount = 16
        configuration.caseShardCount = 8
        configuration.caseGuardMode = parameters.seed % 2 == 0 ? .reduce : .refuse
        configuration.costAllowanceBasisPoints = 500
        configuration.maximumLiveFreezesPerAccount = 12
        world = SimulatedWorld(parameters: parameters, random: &random)
        ledger = ControlLedger(
            configuration: configuration, specialAccounts: world.directory, startDay: world.today)
        report.seed = parameters.seed
    }

    /// Runs every operation, checking as it goes; returns what happened or the first failure.
    public mutating func run() throws(Failure) -> Report {
        for index in world.accounts.indices {
            try expectApplied(
                ledger.report(world.honestReport(of: index, random: &random), today: world.today), "opening report")
        }
        for current in 0..<parameters.operations {
            step = current
            try runOneOperation()
            if (current + 1) % parameters.fullCheckInterval == 0 { try fullCheck("periodic check") }
        }
        try fullCheck("final check")
        report.operations = parameters.operations
        report.counters = ledger.counters()
        report.lastDay = world.today
        report.digest = digest()
        return report
    }

    private mutating func runOneOperation() throws(Failure) {
        // Per mille. The clock moves a few days about every 300 operations, so that a run of
        // 100,000 covers about three years: freezes live long enough to queue, fill and lapse.
        let roll = random.next(below: 1_000)
        switch roll {
        case 0..<220: try dispatchFreeze()
        case 220..<460: try dispatchMeasureOnFreeze()
        case 460..<780: try answerNext()
        case 780..<900: try reportAccount()
        case 900..<950: try sendStrayReceipt()
        case 950..<953: try jumpClock()
        default: try courtAction()
        }
    }

    // MARK: - Checks

    func fail(_ operation: String, _ problems: [String]) -> Failure {
        Failure(seed: parameters.seed, step: step, operation: operation, problems: problems)
    }

    mutating func checkAccount(_ index: Int, _ operation: String) throws(Failure) {
        let problems = ledger.invariantViolations(of: world.accounts[index].key)
        if !problems.isEmpty { throw fail(operation, problems) }
    }

    mutating func fullCheck(_ operation: String) throws(Failure) {
        report.fullChecks += 1
        let problems = ledger.invariantViolations(quiescent: true)
        if !problems.isEmpty { throw fail(operation, problems) }
    }

    mutating func expectApplied(_ outcome: ReportOutcome, _ operation: String) throws(Failure) {
        if let flag = outcome.flag { throw fail(operation, ["an honest report was flagged: \(flag)"]) }
        report.applied += 1
    }

    mutating func expectFlagged(_ outcome: ReportOutcome, kinds: [ReceiptFlag.Kind], _ operation: String)
        throws(Failure)
    {
        guard let flag = outcome.flag else { throw fail(operation, ["a rule-breaking report was applied"]) }
        guard kinds.contains(flag.kind) else {
            throw fail(operation, ["flagged as \(flag.kind) (\(flag)), expected one of \(kinds)"])
        }
        report.flaggedAsExpected += 1
    }

    /// A hash of every account's final state, in a fixed order.
    func digest() -> UInt64 {
        var hasher = StableHasher()
        for account in world.accounts {
            guard let snapshot = ledger.snapshot(of: account.key) else { continue }
            hasher.combine(
                "\(snapshot.balance.minorUnits)/\(snapshot.heldTotal.minorUnits)/\(snapshot.deductedTotal.minorUnits)")
            for freeze in snapshot.freezes {
                hasher.combine(
                    "\(freeze.id)/\(freeze.state)/\(freeze.held.minorUnits)/\(freeze.limit.minorUnits)/\(freeze.end)")
            }
        }
        let counters = ledger.counters()
        hasher.combine(
            "\(counters.receiptsApplied)/\(counters.reportsFlagged)/\(counters.lapses)/\(counters.takeovers)")
        return hasher.value
    }
}
