/// The kind of a priority claim on an account's funds (优先受偿权种类, R-B16).
public enum PriorityClaimKind: String, WireEnumeration {
    /// 质押 — a pledge.
    case pledge
    /// 保证金 — a margin deposit.
    case margin
    /// 共有人份额 — a co-owner's share of a joint account.
    case jointOwnerShare
    /// 留置 — a lien.
    case lien
    /// 其他 — another right with priority.
    case other
}
