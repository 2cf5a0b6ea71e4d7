/// Whether the person found is held (人员控制情况, R-G5).
public enum PersonFoundCustody: String, WireEnumeration {
    /// 已控制 — held by the police, awaiting the court.
    case heldForCourt
    /// 发现未控制 — seen but not held.
    case sightedNotHeld
}
