/// A police office the hub carries measures to (R-G1–R-G6): in practice the Ministry of Public
/// Security (公安部), linked to the Supreme People's Court under the joint court–police mechanism.
public struct PoliceOffice: Hashable, Sendable {
    /// The office's code (`MPS`), see ``RegistryCode``.
    public let id: String
    /// The office's name (`公安部`).
    public let name: String

    /// An office record; the registry checks it when it is added.
    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}

/// On the wire: `{"id": "MPS", "name": "公安部"}`; unknown keys are refused.
extension PoliceOffice: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, name
    }

    public init(from decoder: any Decoder) throws {
        try decoder.refuseUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try container.decode(String.self, forKey: .id), name: try container.decode(String.self, forKey: .name))
    }
}
