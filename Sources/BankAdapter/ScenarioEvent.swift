import HubProtocol

/// A timed event of a scenario bank. Which fields it takes depends on ``kind``; a field the kind
/// does not use is refused.
public struct ScenarioEvent: Codable, Sendable, Hashable {
    /// What happens.
    public enum Kind: String, Codable, Sendable, Hashable {
        /// Money arrives: `account`, `currency`, `amount`, optionally `repeat`.
        case inflow
        /// The holder pays out: `account`, `currency`, `amount`, optionally `repeat`.
        case outflow
        /// The core system is down until `until`.
        case outage
        /// Review of a claim's objection starts: `account`, `currency`, `claim`.
        case claimReviewStarts
        /// The review ends, the claim stands: `account`, `currency`, `claim`.
        case claimReviewEnds
        /// The claim ends; its funds count: `account`, `currency`, `claim`.
        case claimEnds
        /// A product matures into its fund account: `account`, `currency`, `product`.
        case productMatures
    }

    /// When (the first time, for a repeated event).
    public let at: Timestamp
    /// What happens.
    public let kind: Kind
    /// The account's number.
    public let account: AccountNumber?
    /// The account's currency.
    public let currency: Currency?
    /// A decimal amount in the account's currency.
    public let amount: String?
    /// The end of an outage.
    public let until: Timestamp?
    /// The claim's id.
    public let claim: String?
    /// The product's name.
    public let product: WireText?
    /// Repeats of a money movement (a monthly pension).
    public let `repeat`: ScenarioRepeat?

    /// The fields each kind takes, besides `at` and `kind`.
    var allowedFields: Set<String> {
        switch kind {
        case .inflow, .outflow: return ["account", "currency", "amount", "repeat"]
        case .outage: return ["until"]
        case .claimReviewStarts, .claimReviewEnds, .claimEnds: return ["account", "currency", "claim"]
        case .productMatures: return ["account", "currency", "product"]
        }
    }

    /// The fields present, by name.
    var presentFields: Set<String> {
        var fields: Set<String> = []
        if account != nil { fields.insert("account") }
        if currency != nil { fields.insert("currency") }
        if amount != nil { fields.insert("amount") }
        if until != nil { fields.insert("until") }
        if claim != nil { fields.insert("claim") }
        if product != nil { fields.insert("product") }
        if `repeat` != nil { fields.insert("repeat") }
        return fields
    }
}

/// `{"everyDays": 30, "times": 12}`: the event happens `times` times, `everyDays` apart.
public struct ScenarioRepeat: Codable, Sendable, Hashable {
    /// Days between occurrences, 1…366.
    public let everyDays: Int
    /// Occurrences, the first included, 1…120.
    public let times: Int
}
