import HubProtocol

/// Plays a scenario: builds its banks, carries out each step's instruction at its time, checks
/// the receipt against the wire rules and the expectation, and advances every bank to the end.
public struct ScenarioPlayer: Sendable {
    /// The scenario.
    public let scenario: Scenario
    /// The banks, in the order declared; after ``play()``, as the scenario left them.
    public private(set) var ledgers: [BankLedger]

    /// What one step produced.
    public struct StepOutcome: Sendable {
        /// The step's instruction id.
        public let id: InstructionID
        /// The receipt the bank gave.
        public let receipt: ReceiptDocument
        /// Where it differs from the expectation or breaks a wire rule; empty when it is right.
        public let mismatches: [String]
    }

    /// A player for the scenario, its banks built.
    public init(scenario: Scenario) throws(ScenarioError) {
        self.scenario = scenario
        self.ledgers = try scenario.makeLedgers()
    }

    /// Plays every step and then advances the banks to the end.
    public mutating func play() throws(ScenarioError) -> [StepOutcome] {
        var outcomes: [StepOutcome] = []
        for (index, step) in scenario.steps.enumerated() {
            let path = "$.steps[\(index)]"
            guard let bank = ledgers.firstIndex(where: { $0.profile.code == step.bank }) else {
                throw .invalidField(path: path + ".bank", reason: "no bank \(step.bank)")
            }
            let document = try instruction(for: step, bank: ledgers[bank], path: path)
            let receipt = ledgers[bank].handle(document, receivedAt: step.at)
            var mismatches = ScenarioPlayer.compare(receipt, with: step.expect, currency: step.currency ?? .cny)
            do { try receipt.validate() } catch { mismatches.append("the receipt breaks a wire rule: \(error)") }
            outcomes.append(StepOutcome(id: step.id, receipt: receipt, mismatches: mismatches))
        }
        for index in ledgers.indices { ledgers[index].advance(to: scenario.end) }
        return outcomes
    }

    /// The instruction a step describes.
    func instruction(for step: ScenarioStep, bank: BankLedger, path: String) throws(ScenarioError) -> InstructionDocument {
        let factory = CourtInstructionFactory(court: step.court)
        let key = step.account.map { AccountKey(number: $0, currency: step.currency ?? .cny) }
        let reference = key.map { AccountReference(bank: bank.profile.institutionCode, number: $0.number, currency: $0.currency) }
        let holder = key.flatMap { bank.account($0)?.owner }
        func need<Value>(_ value: Value?, _ field: String) throws(ScenarioError) -> Value {
            guard let value else { throw .invalidField(path: path + "." + field, reason: "a \(step.measure.rawValue) step needs \(field)") }
            return value
        }
        func amount() throws(ScenarioError) -> Money {
            let text = try need(step.amount, "amount")
            let currency = reference?.currency ?? .cny
            return Money(minorUnits: try Scenario.minorUnits(text, currency, path: path + ".amount", positive: true), currency: currency)
        }
        func wire(_ make: () throws(WireError) -> InstructionDocument) throws(ScenarioError) -> InstructionDocument {
            do { return try make() } catch { throw .instruction(path: path, error) }
        }
        switch step.measure {
        case .query:
            let party = try need(step.party, "party")
            return try wire { () throws(WireError) in
                try factory.query(id: step.id, party: party, bank: bank.profile.institutionCode, at: step.at)
            }
        case .freeze:
            let (party, account, limit, until) = (try need(step.party ?? holder, "party"), try need(reference, "account"), try amount(), try need(step.until, "until"))
            return try wire { () throws(WireError) in
                try factory.freeze(
                    id: step.id, party: party, account: account, limit: limit, until: until,
                    allowLimitedFreeze: step.allowLimitedFreeze ?? true, at: step.at)
            }
        case .renew:
            let (freezeId, account, limit, until) = (try need(step.freeze, "freeze"), try need(reference, "account"), try amount(), try need(step.until, "until"))
            return try wire { () throws(WireError) in
                try factory.renew(id: step.id, freezeId: freezeId, account: account, limit: limit, newEnd: until, at: step.at)
            }
        case .unfreeze:
            let (freezeId, account) = (try need(step.freeze, "freeze"), try need(reference, "account"))
            let partial = step.amount == nil ? nil : try amount()
            return try wire { () throws(WireError) in
                try factory.unfreeze(id: step.id, freezeId: freezeId, account: account, amount: partial, at: step.at)
            }
        case .deduct:
            let (party, account, asked) = (try need(step.party ?? holder, "party"), try need(reference, "account"), try amount())
            let convert = step.convertForeignCurrency ?? false
            return try wire { () throws(WireError) in
                try factory.deduct(
                    id: step.id, party: party, freezeId: step.freeze, account: account, amount: asked,
                    specialAccount: factory.specialAccount(currency: convert ? .cny : account.currency), convertForeignCurrency: convert,
                    includeUnheldAvailableFunds: step.includeUnheldAvailableFunds ?? (step.freeze == nil),
                    otherAssetsInsufficient: step.otherAssetsInsufficient, at: step.at)
            }
        }
    }
}
