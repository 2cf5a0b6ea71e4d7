/// Sex as recorded in a resident ID number (GB 11643: the 17th digit is odd for men, even for women).
public enum Sex: String, Hashable, Sendable, Codable, CaseIterable, CustomStringConvertible {
    /// 男.
    case male
    /// 女.
    case female

    /// `"male"` or `"female"`.
    public var description: String { rawValue }
}
