import HubProtocol

/// A court known to the hub: only registered courts may issue measures.
public struct RegisteredCourt: Hashable, Sendable {
    /// The court designator (`京0105`); level and province follow from it.
    public let code: CourtCode
    /// The official name (`北京市朝阳区人民法院`).
    public let name: String
    /// The court above it in the registry (the court that hears its appeals), or nil for a court
    /// whose superior is not registered (a high court, whose superior is the Supreme People's
    /// Court). Not always ``CourtCode/parent``: Chaoyang (京0105) sits under the Third
    /// Intermediate Court (京03), not 京01.
    public let parent: CourtCode?

    /// A court record; the registry checks it when it is added.
    public init(code: CourtCode, name: String, parent: CourtCode?) {
        self.code = code
        self.name = name
        self.parent = parent
    }

    /// The court's level, from its code.
    public var level: CourtLevel { code.level }

    /// The court's province, from its code; nil for the Supreme People's Court.
    public var province: Province? { code.province }
}

/// On the wire: `{"code": "京0105", "name": "…", "parent": "京03"}`; unknown keys are refused.
extension RegisteredCourt: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case code, name, parent
    }

    public init(from decoder: any Decoder) throws {
        try decoder.refuseUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            code: try container.decode(CourtCode.self, forKey: .code),
            name: try container.decode(String.self, forKey: .name),
            parent: try container.decodeIfPresent(CourtCode.self, forKey: .parent))
    }
}
