import HubProtocol

/// A scenario file for the simulated police (docs/scenarios-police.md): the office that answers
/// and the world it answers from, in one JSON object decoded strictly (unknown or missing fields,
/// `null` and unresolved references are refused with their JSON path).
///
/// ```json
/// {"version": 1, "description": "…", "responder": "GA110000",
///  "persons": […], "vehicles": […], "sightings": […], "finds": […], "outages": […]}
/// ```
public struct PoliceScenario: Hashable, Sendable, WireValidatable {
    /// The only format version so far.
    public static let currentVersion = 1

    /// 场景说明 — what the scenario is for.
    public let description: WireText
    /// 回执机构 — the police office code that signs receipts (`GA110000`).
    public let responder: InstitutionCode
    /// The population, the vehicles and the timeline.
    public let world: PoliceWorld

    /// A scenario.
    public init(description: WireText, responder: InstitutionCode, world: PoliceWorld) {
        self.description = description
        self.responder = responder
        self.world = world
    }

    /// Decodes and validates a scenario file's bytes.
    public static func decode(_ bytes: [UInt8]) throws(WireError) -> PoliceScenario {
        try StrictJSONDecoder().decode(PoliceScenario.self, from: bytes)
    }

    /// The world's rules (``PoliceWorld/validate()``).
    public func validate() throws(WireError) {
        try world.validate()
    }
}

/// On disk: one flat object; the world's members sit beside `version`, `description` and `responder`.
extension PoliceScenario: Codable {
    private enum CodingKeys: String, CodingKey {
        case version
        case description
        case responder
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let version = try container.decode(Int.self, forKey: .version)
        guard version == PoliceScenario.currentVersion else {
            throw DecodingError.dataCorruptedError(
                forKey: .version, in: container, debugDescription: "scenario version \(version) is not supported; this simulator reads version \(PoliceScenario.currentVersion)")
        }
        self.description = try container.decode(WireText.self, forKey: .description)
        self.responder = try container.decode(InstitutionCode.self, forKey: .responder)
        self.world = try PoliceWorld(from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(PoliceScenario.currentVersion, forKey: .version)
        try container.encode(description, forKey: .description)
        try container.encode(responder, forKey: .responder)
        try world.encode(to: encoder)
    }
}
