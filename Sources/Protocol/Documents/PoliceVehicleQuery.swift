/// 车辆信息查询 — vehicles registered to the party (R-G2). A person or an organisation.
public struct PoliceVehicleQuery: Hashable, Sendable, Codable, WireValidatable, KindTagged {
    static let expectedKind = InstructionKind.policeVehicles
    /// 种类 — always `police.vehicles`.
    public let kind: InstructionKind
    /// 指令头 — instruction id, court, case, officer, time, documents.
    public let header: InstructionHeader
    /// 被查询人 — the registered owner.
    public let party: Party

    /// A vehicle query.
    public init(header: InstructionHeader, party: Party) {
        self.kind = Self.expectedKind
        self.header = header
        self.party = party
    }

    /// An assistance notice.
    public func validate() throws(WireError) {
        try validateKind()
        try header.validate(at: "$.header")
        try header.requireDocuments([.assistanceNotice], rule: "R-G1", at: "$.header")
    }
}
