/// How much of a freeze an unfreeze releases (解冻方式).
public enum UnfreezeScope: String, WireEnumeration {
    /// 全部解冻 — the whole freeze ends.
    case whole
    /// 部分解冻 — the stated amount is released; the rest stays frozen.
    case partial
}
