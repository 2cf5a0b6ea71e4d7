import HubProtocol

/// A court's measure in a scenario and the receipt it must get. The instruction is built by
/// ``CourtInstructionFactory`` for ``court``; the party is the account's holder unless ``party``
/// names another (to show a name that does not match the ID).
public struct ScenarioStep: Codable, Sendable, Hashable {
    /// The measure.
    public enum Measure: String, Codable, Sendable, Hashable {
        /// 查询: `party`.
        case query
        /// 冻结: `account`, `currency`, `amount` (the limit), `until`, optionally `allowLimitedFreeze` (default true).
        case freeze
        /// 续冻: `freeze`, `account`, `currency`, `amount`, `until` (the new end).
        case renew
        /// 解冻: `freeze`, `account`, `currency`, optionally `amount` (partial).
        case unfreeze
        /// 扣划: `account`, `currency`, `amount`, optionally `freeze`, `includeUnheldAvailableFunds`, `convertForeignCurrency`,
        /// `otherAssetsInsufficient`.
        case deduct
    }

    /// When the bank receives it.
    public let at: Timestamp
    /// The bank's code.
    public let bank: String
    /// The measure.
    public let measure: Measure
    /// The instruction id.
    public let id: InstructionID
    /// The issuing court.
    public let court: CourtCode
    /// The party, for a query; for other measures, overrides the account's holder.
    public let party: Party?
    /// The account's number.
    public let account: AccountNumber?
    /// The account's currency.
    public let currency: Currency?
    /// A decimal amount in the account's currency.
    public let amount: String?
    /// The last day of a freeze, or the new last day of a renewal.
    public let until: CalendarDate?
    /// For a freeze: whether a limited freeze is allowed (default true).
    public let allowLimitedFreeze: Bool?
    /// The freeze a renew, unfreeze or deduct names.
    public let freeze: InstructionID?
    /// For a deduct: also take funds no freeze holds (default: true exactly when no freeze is named).
    public let includeUnheldAvailableFunds: Bool?
    /// For a deduct from a foreign-currency account: convert to CNY (default false).
    public let convertForeignCurrency: Bool?
    /// For a deduct: the court's finding that the debtor's other assets are not enough, which a
    /// pension account needs (R-P1); left out of the instruction when absent.
    public let otherAssetsInsufficient: Bool?
    /// What the receipt must say.
    public let expect: ScenarioExpectation
}

/// What a step's receipt must say: its kind, and any of the amounts given (decimal strings in the
/// account's currency; `credited` in the special account's).
public struct ScenarioExpectation: Codable, Sendable, Hashable {
    /// The receipt's kind.
    public let receipt: ReceiptKind
    /// For cannotAssist: the reason.
    public let reason: CannotAssistReason?
    /// Freeze or renew: held.
    public let held: String?
    /// Freeze: not held.
    public let notHeld: String?
    /// Freeze: position in line.
    public let queuePosition: Int?
    /// Deduct: deducted.
    public let deducted: String?
    /// Deduct: not deducted.
    public let notDeducted: String?
    /// Deduct: what the special account received.
    public let credited: String?
    /// Unfreeze: released.
    public let released: String?
    /// Unfreeze or deduct: still held by the freeze.
    public let remainingHeld: String?
    /// Query: how many accounts are listed.
    public let accounts: Int?
    /// Query: the first listed account's available balance.
    public let availableBalance: String?
}
