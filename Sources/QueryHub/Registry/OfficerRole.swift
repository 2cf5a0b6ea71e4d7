/// The roles of court staff who take part in enforcement (执行人员). An officer may hold several
/// (a president is also a judge).
public enum OfficerRole: String, Hashable, Sendable, CaseIterable, Codable, Comparable, CustomStringConvertible {
    /// 法官: makes rulings to freeze or deduct (R-A1).
    case judge
    /// 执行员: carries out enforcement measures (R-A1).
    case enforcementOfficer
    /// 法警: judicial police, carry out enforcement measures with the enforcement officers (R-A1).
    case judicialPolice
    /// 院长: approves what R-A1 reserves to the president (listing, consumption restriction,
    /// fines, detention, summons) and, here, special-account changes (R-B5).
    case president

    /// The Chinese title (`法官`).
    public var chineseName: String {
        switch self {
        case .judge: return "法官"
        case .enforcementOfficer: return "执行员"
        case .judicialPolice: return "法警"
        case .president: return "院长"
        }
    }

    /// Declaration order: judge, enforcement officer, judicial police, president.
    public static func < (left: OfficerRole, right: OfficerRole) -> Bool {
        left.rank < right.rank
    }

    private var rank: Int {
        switch self {
        case .judge: return 0
        case .enforcementOfficer: return 1
        case .judicialPolice: return 2
        case .president: return 3
        }
    }

    /// The wire name (`"enforcementOfficer"`).
    public var description: String { rawValue }
}
