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

    /// True for the documents a judge makes and signs — a ruling (裁定书), a detention decision
    /// (拘留决定书), an exit-restriction decision (限制出境决定书) — which therefore name their signer
    /// (`signedBy`, R-A1).
    public var requiresSigner: Bool {
        self == .ruling || self == .detentionDecision || self == .exitRestrictionDecision
    }

    /// True for the documents that need the court's president's approval (院长批准, R-A1) and so
    /// name the approver (`approvedBy`): a detention decision.
    public var requiresPresidentApproval: Bool { self == .detentionDecision }
}
