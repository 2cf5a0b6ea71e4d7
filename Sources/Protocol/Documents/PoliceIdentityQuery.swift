/// 身份信息查询 — the person's identity record (R-G2).
public struct PoliceIdentityQuery: Hashable, Sendable, Codable, WireValidatable, KindTagged {
    static let expectedKind = InstructionKind.policeIdentity
    /// 种类 — always `police.identity`.
    public let kind: InstructionKind
    /// 指令头 — instruction id, court, case, officer, time, documents.
    public let header: InstructionHeader
    /// 被查询人 — a natural person: name and identity document.
    public let party: Party

    /// An identity query.
    public init(header: InstructionHeader, party: Party) {
        self.kind = Self.expectedKind
        self.header = header
        self.party = party
    }

    /// A person, an assistance notice.
    public func validate() throws(WireError) {
        try validateKind()
        try header.validate(at: "$.header")
        try header.requireDocuments([.assistanceNotice], rule: "R-G1", at: "$.header")
        try party.requirePerson(at: "$.party")
    }
}
