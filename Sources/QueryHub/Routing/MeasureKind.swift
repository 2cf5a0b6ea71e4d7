/// What a measure asks for, by its wire name (`"bank.freeze"`): the five bank measures and the
/// eight police measures the hub carries.
///
/// Routing (``Router``) needs only the addressee; admission (``Authority``) needs to know which
/// kinds are investigations (queries) and which control a person or asset and so rest on a ruling.
public enum MeasureKind: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    /// 查询: accounts, balances and freezes at a bank (R-B7, R-B8).
    case bankQuery = "bank.query"
    /// 冻结: a hold on funds in one account (R-B11).
    case bankFreeze = "bank.freeze"
    /// 续冻: extend an existing freeze (R-B14).
    case bankRenew = "bank.renew"
    /// 解冻: release a freeze (R-B10).
    case bankUnfreeze = "bank.unfreeze"
    /// 扣划: move funds to the court's special account (R-B17, R-B18).
    case bankDeduct = "bank.deduct"
    /// 身份信息查询: identity data from the police (R-G2).
    case policeIdentity = "police.identity"
    /// 出入境证件及记录查询: exit-entry documents and records (R-G2).
    case policeExitEntry = "police.exitEntry"
    /// 车辆信息查询: vehicles registered to the person (R-G2).
    case policeVehicles = "police.vehicles"
    /// 旅馆住宿信息查询: hotel stays (R-G2).
    case policeHotelStays = "police.hotelStays"
    /// 限制出境: exit restriction enforced by border control (R-G3).
    case policeRestrictExit = "police.restrictExit"
    /// 查封车辆: vehicle seizure by the traffic police (R-G4).
    case policeSeizeVehicle = "police.seizeVehicle"
    /// 查找被执行人: locating a person under a detention decision (R-G5).
    case policeLocatePerson = "police.locatePerson"
    /// 解除控制措施: release of a police control measure (R-G6).
    case policeRelease = "police.release"

    /// Who carries a measure out.
    public enum Addressee: String, Hashable, Sendable, Codable {
        /// A bank, through its head office (T2T) or a provincial branch (P2P).
        case bank
        /// The police, through the hub's police adapter.
        case police
    }

    /// The bank or the police.
    public var addressee: Addressee {
        rawValue.hasPrefix("bank.") ? .bank : .police
    }

    /// True for investigations that change nothing: the bank query and the four police queries.
    public var isQuery: Bool {
        switch self {
        case .bankQuery, .policeIdentity, .policeExitEntry, .policeVehicles, .policeHotelStays:
            return true
        case .bankFreeze, .bankRenew, .bankUnfreeze, .bankDeduct,
             .policeRestrictExit, .policeSeizeVehicle, .policeLocatePerson, .policeRelease:
            return false
        }
    }

    /// True when the measure carries out a ruling (裁定书 or 决定书) that a judge of the issuing
    /// court made (R-A1, R-B10, R-G3–R-G6): every control measure and every release of one.
    public var requiresRuling: Bool { !isQuery }

    /// True when the ruling needs the president's approval (院长批准, R-A1). Of the measures the
    /// hub carries, only locating a person does: it rests on a detention decision (拘留决定, R-G5),
    /// and detention is on R-A1's list. An exit restriction is not on that list.
    public var requiresPresidentApproval: Bool { self == .policeLocatePerson }

    /// The wire name (`"bank.freeze"`).
    public var description: String { rawValue }
}

/// On the wire: the wire name; decoding names an unknown kind and lists the known ones.
extension MeasureKind: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let name = try container.decode(String.self)
        guard let kind = MeasureKind(rawValue: name) else {
            let known = MeasureKind.allCases.map(\.rawValue).joined(separator: ", ")
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "unknown measure kind \"\(name)\"; known: \(known)")
        }
        self = kind
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
