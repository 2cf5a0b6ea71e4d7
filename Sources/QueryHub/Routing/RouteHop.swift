import HubProtocol

/// One step a measure takes from the issuing court to the adapter that carries it out.
///
/// On the wire: `{"hop": "hub"}`, `{"hop": "highCourt", "court": "京"}`,
/// `{"hop": "bankHeadOffice", "bank": "ICBC"}`, `{"hop": "bankBranch", "bank": "BJRCB", "province": "beijing"}`,
/// `{"hop": "policeOffice", "office": "MPS"}`.
public enum RouteHop: Hashable, Sendable, CustomStringConvertible {
    /// The Supreme People's Court's hub (最高法院网络执行查控系统).
    case hub
    /// A provincial high court, the court end of a P2P link (R-B3).
    case highCourt(CourtCode)
    /// A bank's head office, over the T2T link (R-B2).
    case bankHeadOffice(bankCode: String)
    /// A bank's provincial branch, over the P2P link of that province (R-B3).
    case bankBranch(bankCode: String, province: Province)
    /// A police office.
    case policeOffice(officeID: String)

    /// `hub`, `high court 京`, `ICBC head office`, `BJRCB branch in 京`, `police office MPS`.
    public var description: String {
        switch self {
        case .hub: return "hub"
        case .highCourt(let court): return "high court \(court)"
        case .bankHeadOffice(let code): return "\(code) head office"
        case .bankBranch(let code, let province): return "\(code) branch in \(province.shortName)"
        case .policeOffice(let id): return "police office \(id)"
        }
    }
}

extension RouteHop: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case hop, court, bank, province, office
    }

    public init(from decoder: any Decoder) throws {
        try decoder.refuseUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let hop = try container.decode(String.self, forKey: .hop)
        switch hop {
        case "hub": self = .hub
        case "highCourt": self = .highCourt(try container.decode(CourtCode.self, forKey: .court))
        case "bankHeadOffice": self = .bankHeadOffice(bankCode: try container.decode(String.self, forKey: .bank))
        case "bankBranch":
            self = .bankBranch(
                bankCode: try container.decode(String.self, forKey: .bank),
                province: try container.decode(Province.self, forKey: .province))
        case "policeOffice": self = .policeOffice(officeID: try container.decode(String.self, forKey: .office))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .hop, in: container,
                debugDescription: "unknown hop \"\(hop)\"; known: hub, highCourt, bankHeadOffice, bankBranch, policeOffice")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .hub:
            try container.encode("hub", forKey: .hop)
        case .highCourt(let court):
            try container.encode("highCourt", forKey: .hop)
            try container.encode(court, forKey: .court)
        case .bankHeadOffice(let code):
            try container.encode("bankHeadOffice", forKey: .hop)
            try container.encode(code, forKey: .bank)
        case .bankBranch(let code, let province):
            try container.encode("bankBranch", forKey: .hop)
            try container.encode(code, forKey: .bank)
            try container.encode(province, forKey: .province)
        case .policeOffice(let id):
            try container.encode("policeOffice", forKey: .hop)
            try container.encode(id, forKey: .office)
        }
    }
}
