/// The type of a deposit account (账户类型).
public enum AccountType: String, WireEnumeration {
    /// 活期 — a current (demand) account.
    case current
    /// 定期 — a fixed-term deposit.
    case fixedTerm
    /// 保证金 — a margin account (its funds usually carry a priority claim, R-B16).
    case margin
    /// 养老金 — an account receiving a pension (R-P1: living expenses must be left).
    case pension
    /// 信用卡 — a credit card account.
    case creditCard
    /// 其他 — any other kind.
    case other
}
