/// Leaving or entering (出入境方向).
public enum BorderDirection: String, WireEnumeration {
    /// 出境.
    case exit
    /// 入境.
    case entry
}
