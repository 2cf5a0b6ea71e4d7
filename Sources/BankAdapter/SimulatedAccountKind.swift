import HubProtocol

/// The kinds of account the simulated core system keeps; each maps to a wire ``AccountType``.
public enum SimulatedAccountKind: String, Hashable, Sendable, CaseIterable, Codable {
    /// 活期: a current account.
    case current
    /// 定期储蓄: a fixed-term savings deposit.
    case savings
    /// 养老金账户: receives a pension; a protected minimum stays untouched by courts (R-P1).
    case pension
    /// 外币账户: a current account in a foreign currency (R-B17 on deduct).
    case foreignCurrency
    /// 联名账户: a joint account; the co-owner's share is reported and held like a priority claim (R-B16).
    case joint
    /// 保证金账户: a pledged margin account; its funds carry a priority claim (R-B16).
    case margin
    /// 理财资金账户: the fund account a wealth product is linked to (R-B15).
    case fundAccount

    /// The account type a query result reports (R-B8).
    public var wireType: AccountType {
        switch self {
        case .current, .foreignCurrency, .joint, .fundAccount: return .current
        case .savings: return .fixedTerm
        case .pension: return .pension
        case .margin: return .margin
        }
    }
}
