/// On what occasion traffic police came upon a seized vehicle (发现情形, R-G4).
public enum SightingOccasion: String, WireEnumeration {
    /// 年检 — periodic inspection.
    case inspection
    /// 办理过户 — an attempt to transfer it.
    case transferAttempt
    /// 办理抵押 — an attempt to mortgage it.
    case mortgageAttempt
    /// 路面巡查 — patrol or checkpoint.
    case patrol
    /// 其他.
    case other
}
