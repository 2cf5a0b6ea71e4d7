/// The four levels of the people's courts (四级法院).
public enum CourtLevel: String, Hashable, Sendable, Codable, CaseIterable, Comparable, CustomStringConvertible {
    /// 最高人民法院, the Supreme People's Court.
    case supreme
    /// 高级人民法院, a provincial high court (and the XPCC branch of the Xinjiang High Court).
    case high
    /// 中级人民法院, an intermediate court (and specialised courts of that level: railway transport,
    /// maritime, intellectual property, financial).
    case intermediate
    /// 基层人民法院, a basic court.
    case basic

    /// Higher courts order first: supreme < high < intermediate < basic.
    public static func < (left: CourtLevel, right: CourtLevel) -> Bool {
        left.rank < right.rank
    }

    private var rank: Int {
        switch self {
        case .supreme: return 0
        case .high: return 1
        case .intermediate: return 2
        case .basic: return 3
        }
    }

    /// The wire name (`"basic"`).
    public var description: String { rawValue }
}
