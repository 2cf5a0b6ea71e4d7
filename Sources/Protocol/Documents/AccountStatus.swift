/// The status of an account (账户状态); closed accounts are reported too (R-B8).
public enum AccountStatus: String, WireEnumeration {
    /// 正常.
    case active
    /// 久悬 — dormant: no activity for a year or more.
    case dormant
    /// 止付 — payments stopped (loss report and the like).
    case suspended
    /// 销户 — closed.
    case closed
}
