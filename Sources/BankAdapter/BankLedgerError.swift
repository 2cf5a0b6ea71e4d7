import HubProtocol

/// Why the simulated bank refused to be set up a certain way (an account, a freeze by another
/// authority, an event). Measures by courts are never refused with an error: they get receipts.
public enum BankLedgerError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Two accounts with the same number and currency.
    case duplicateAccount(AccountKey)
    /// An event or freeze names an account the bank does not hold.
    case unknownAccount(AccountKey)
    /// An amount outside 0…``BankLedger/maximumMinorUnits`` (or zero where a positive one is needed).
    case amountOutOfRange(what: String, minorUnits: Int64)
    /// An account whose fields contradict each other.
    case inconsistentAccount(AccountKey, reason: String)
    /// An event names a claim the account does not carry.
    case unknownClaim(AccountKey, claimId: String)
    /// An event names a product not linked to the account.
    case unknownProduct(AccountKey, productName: String)
    /// An event before the ledger's present.
    case eventInThePast(at: Timestamp, now: Timestamp)
    /// More scheduled events than the ledger keeps.
    case tooManyEvents(limit: Int)

    /// What was wrong, for the person who wrote the scenario.
    public var description: String {
        switch self {
        case .duplicateAccount(let key): return "account \(key) is declared twice"
        case .unknownAccount(let key): return "no account \(key) at this bank"
        case .amountOutOfRange(let what, let minorUnits):
            return "\(what): \(minorUnits) minor units is outside 0…\(BankLedger.maximumMinorUnits) (or not positive where it must be)"
        case .inconsistentAccount(let key, let reason): return "account \(key): \(reason)"
        case .unknownClaim(let key, let claimId): return "account \(key) carries no claim \"\(claimId)\""
        case .unknownProduct(let key, let name): return "no product \"\(name)\" is linked to account \(key)"
        case .eventInThePast(let at, let now): return "event at \(at) is before the bank's present \(now)"
        case .tooManyEvents(let limit): return "more than \(limit) scheduled events"
        }
    }
}
