/// The registration authority (登记管理部门) named by the first character of a unified social
/// credit code (GB 32100-2015, table 1), with the organisation categories it may register.
public enum RegistrationAuthority: String, Hashable, Sendable, Codable, CaseIterable, CustomStringConvertible {
    /// 机构编制: government bodies and public institutions.
    case institutionalEstablishment = "1"
    /// 外交: resident foreign news organisations.
    case foreignAffairs = "2"
    /// 司法行政: law firms, notaries, legal services, forensic institutions, arbitration commissions.
    case justice = "3"
    /// 文化: foreign cultural centres.
    case culture = "4"
    /// 民政: social organisations, private non-enterprise units, foundations.
    case civilAffairs = "5"
    /// 旅游: representative offices of foreign tourism authorities.
    case tourism = "6"
    /// 宗教: religious sites and colleges.
    case religiousAffairs = "7"
    /// 工会: trade unions.
    case tradeUnion = "8"
    /// 工商 (market regulation): enterprises, individual businesses, farmers' cooperatives.
    case marketRegulation = "9"
    /// 中央军委改革和编制办公室: military public institutions.
    case military = "A"
    /// 农业: rural collective economic organisations.
    case agriculture = "N"
    /// 其他: any other authority.
    case other = "Y"

    /// The organisation-category characters (second character of the code) this authority uses.
    public var organizationCategories: Set<Character> {
        switch self {
        case .institutionalEstablishment: return ["1", "2", "3", "9"]
        case .foreignAffairs, .culture, .tradeUnion, .military: return ["1", "9"]
        case .justice: return ["1", "2", "3", "4", "5", "9"]
        case .civilAffairs: return ["1", "2", "3", "9"]
        case .tourism, .religiousAffairs: return ["1", "2", "9"]
        case .marketRegulation: return ["1", "2", "3"]
        case .agriculture: return ["1", "2", "3", "9"]
        case .other: return ["1"]
        }
    }

    /// The code character (`"9"`).
    public var description: String { rawValue }
}
