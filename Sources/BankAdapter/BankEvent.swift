import HubProtocol

/// Something that happens to the bank at a given time, independent of courts: money moving, an
/// outage, a priority claim's review (applied by ``BankLedger/advance(to:)``).
public struct BankEvent: Hashable, Sendable {
    /// What happens.
    public enum Action: Hashable, Sendable {
        /// Money arrives on the account (salary, pension, a transfer): fills limited freezes (R-B12).
        case inflow(AccountKey, amountMinor: Int64)
        /// The holder pays out; only funds nobody holds can leave.
        case outflow(AccountKey, amountMinor: Int64)
        /// The bank's core system is down until the given time: measures get ``CannotAssistReason/systemOutage``.
        case outage(until: Timestamp)
        /// The court starts reviewing the claim holder's objection (R-B16).
        case claimReviewStarts(AccountKey, claimId: String)
        /// The review ends and the claim stands.
        case claimReviewEnds(AccountKey, claimId: String)
        /// The claim ends (pledge released, margin returned): its funds count and may be deducted (R-B16).
        case claimEnds(AccountKey, claimId: String)
        /// A wealth product matures: its value is paid into its linked fund account (R-B15).
        case productMatures(AccountKey, productName: WireText)
    }

    /// When it happens.
    public let at: Timestamp
    /// What happens.
    public let action: Action

    /// An event.
    public init(at: Timestamp, action: Action) {
        self.at = at
        self.action = action
    }
}
