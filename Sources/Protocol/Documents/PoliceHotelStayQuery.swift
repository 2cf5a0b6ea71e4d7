/// 旅馆住宿信息查询 — the person's hotel stays within a period (R-G2).
public struct PoliceHotelStayQuery: Hashable, Sendable, Codable, WireValidatable, KindTagged {
    static let expectedKind = InstructionKind.policeHotelStays
    /// 种类 — always `police.hotelStays`.
    public let kind: InstructionKind
    /// 指令头 — instruction id, court, case, officer, time, documents.
    public let header: InstructionHeader
    /// 被查询人 — a natural person.
    public let party: Party
    /// 查询期间 — stays that overlap this period.
    public let period: DatePeriod

    /// A hotel-stay query.
    public init(header: InstructionHeader, party: Party, period: DatePeriod) {
        self.kind = Self.expectedKind
        self.header = header
        self.party = party
        self.period = period
    }

    /// A person; an ordered period.
    public func validate() throws(WireError) {
        try validateKind()
        try header.validate(at: "$.header")
        try header.requireDocuments([.assistanceNotice], rule: "R-G1", at: "$.header")
        try party.requirePerson(at: "$.party")
        try period.validate(at: "$.period")
    }
}
