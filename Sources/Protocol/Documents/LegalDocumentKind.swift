/// The kind of a sealed legal document attached to an instruction (法律文书种类).
public enum LegalDocumentKind: String, WireEnumeration {
    /// 裁定书 — the court's ruling (to freeze, deduct, …), signed by a judge.
    case ruling
    /// 协助执行通知书 — the notice asking the bank or police to assist.
    case assistanceNotice
    /// 协助查询通知书 / 查询清单 — the notice with the query list (R-B7).
    case queryNotice
    /// 委托执行函 — the letter delegating a matter to another court (R-D2).
    case delegationLetter
    /// 拘留决定书 — the decision to detain, for locating a person (R-G5).
    case detentionDecision
    /// 限制出境决定书 — the decision restricting exit (R-G3).
    case exitRestrictionDecision
    /// 解除通知书 — the notice releasing a measure (R-G6).
    case releaseNotice
    /// 执行依据 — the judgment or other basis document (R-D5).
    case basisDocument
}
