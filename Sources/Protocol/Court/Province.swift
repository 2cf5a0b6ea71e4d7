/// A provincial-level jurisdiction with a high court: the 31 mainland provinces, autonomous
/// regions and municipalities, and the Xinjiang Production and Construction Corps (兵团), whose
/// courts form their own system under the Xinjiang High Court's XPCC branch.
///
/// Each has the one-character short name that court codes begin with (`京` in `（2026）京0105执1号`)
/// and its two-digit administrative code (GB/T 2260). Guizhou's courts use `黔`, the traditional
/// short name, not `贵`.
public enum Province: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    case beijing, tianjin, hebei, shanxi, innerMongolia
    case liaoning, jilin, heilongjiang
    case shanghai, jiangsu, zhejiang, anhui, fujian, jiangxi, shandong
    case henan, hubei, hunan, guangdong, guangxi, hainan
    case chongqing, sichuan, guizhou, yunnan, tibet
    case shaanxi, gansu, qinghai, ningxia, xinjiang
    /// 新疆生产建设兵团: its courts use the short name `兵`.
    case xinjiangProductionAndConstructionCorps

    /// The short name used in court codes and case numbers (`京`, `兵`).
    public var shortName: Character {
        facts.shortName
    }

    /// The two-digit administrative code (11 Beijing … 65 Xinjiang). The XPCC has no code of its own
    /// in GB/T 2260 (its land is in Xinjiang, 65); 66 is the code used for it in national statistics.
    public var administrativeCode: Int {
        facts.administrativeCode
    }

    /// The full Chinese name (`北京市`).
    public var chineseName: String {
        facts.chineseName
    }

    /// The province whose courts use this short name, or nil.
    public init?(shortName: Character) {
        guard let found = Province.byShortName[shortName] else { return nil }
        self = found
    }

    /// The province with this two-digit administrative code, or nil.
    public init?(administrativeCode: Int) {
        guard let found = Province.allCases.first(where: { $0.administrativeCode == administrativeCode }) else { return nil }
        self = found
    }

    /// The wire name (`"beijing"`).
    public var description: String { rawValue }

    private struct Facts: Sendable {
        let shortName: Character
        let administrativeCode: Int
        let chineseName: String
    }

    private var facts: Facts {
        switch self {
        case .beijing: return Facts(shortName: "京", administrativeCode: 11, chineseName: "北京市")
        case .tianjin: return Facts(shortName: "津", administrativeCode: 12, chineseName: "天津市")
        case .hebei: return Facts(shortName: "冀", administrativeCode: 13, chineseName: "河北省")
        case .shanxi: return Facts(shortName: "晋", administrativeCode: 14, chineseName: "山西省")
        case .innerMongolia: return Facts(shortName: "内", administrativeCode: 15, chineseName: "内蒙古自治区")
        case .liaoning: return Facts(shortName: "辽", administrativeCode: 21, chineseName: "辽宁省")
        case .jilin: return Facts(shortName: "吉", administrativeCode: 22, chineseName: "吉林省")
        case .heilongjiang: return Facts(shortName: "黑", administrativeCode: 23, chineseName: "黑龙江省")
        case .shanghai: return Facts(shortName: "沪", administrativeCode: 31, chineseName: "上海市")
        case .jiangsu: return Facts(shortName: "苏", administrativeCode: 32, chineseName: "江苏省")
        case .zhejiang: return Facts(shortName: "浙", administrativeCode: 33, chineseName: "浙江省")
        case .anhui: return Facts(shortName: "皖", administrativeCode: 34, chineseName: "安徽省")
        case .fujian: return Facts(shortName: "闽", administrativeCode: 35, chineseName: "福建省")
        case .jiangxi: return Facts(shortName: "赣", administrativeCode: 36, chineseName: "江西省")
        case .shandong: return Facts(shortName: "鲁", administrativeCode: 37, chineseName: "山东省")
        case .henan: return Facts(shortName: "豫", administrativeCode: 41, chineseName: "河南省")
        case .hubei: return Facts(shortName: "鄂", administrativeCode: 42, chineseName: "湖北省")
        case .hunan: return Facts(shortName: "湘", administrativeCode: 43, chineseName: "湖南省")
        case .guangdong: return Facts(shortName: "粤", administrativeCode: 44, chineseName: "广东省")
        case .guangxi: return Facts(shortName: "桂", administrativeCode: 45, chineseName: "广西壮族自治区")
        case .hainan: return Facts(shortName: "琼", administrativeCode: 46, chineseName: "海南省")
        case .chongqing: return Facts(shortName: "渝", administrativeCode: 50, chineseName: "重庆市")
        case .sichuan: return Facts(shortName: "川", administrativeCode: 51, chineseName: "四川省")
        case .guizhou: return Facts(shortName: "黔", administrativeCode: 52, chineseName: "贵州省")
        case .yunnan: return Facts(shortName: "云", administrativeCode: 53, chineseName: "云南省")
        case .tibet: return Facts(shortName: "藏", administrativeCode: 54, chineseName: "西藏自治区")
        case .shaanxi: return Facts(shortName: "陕", administrativeCode: 61, chineseName: "陕西省")
        case .gansu: return Facts(shortName: "甘", administrativeCode: 62, chineseName: "甘肃省")
        case .qinghai: return Facts(shortName: "青", administrativeCode: 63, chineseName: "青海省")
        case .ningxia: return Facts(shortName: "宁", administrativeCode: 64, chineseName: "宁夏回族自治区")
        case .xinjiang: return Facts(shortName: "新", administrativeCode: 65, chineseName: "新疆维吾尔自治区")
        case .xinjiangProductionAndConstructionCorps: return Facts(
            shortName: "兵", administrativeCode: 66, chineseName: "新疆生产建设兵团")
        }
    }

    private static let byShortName: [Character: Province] = Dictionary(
        uniqueKeysWithValues: Province.allCases.map { ($0.shortName, $0) })
}

/// On the wire: the English name (`"beijing"`); decoding names the unknown value.
extension Province: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let name = try container.decode(String.self)
        guard let province = Province(rawValue: name) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "unknown province \"\(name)\"")
        }
        self = province
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
