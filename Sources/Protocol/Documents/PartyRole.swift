/// The role of the person in the case, which decides what the police may disclose (R-G2).
public enum PartyRole: String, WireEnumeration {
    /// 被执行人 — the debtor in an enforcement case.
    case debtor
    /// 保全被申请人 — the respondent of a preservation (保全) application.
    case preservationRespondent
}
