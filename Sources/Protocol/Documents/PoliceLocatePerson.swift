/// 协查布控 — police look for a person under a detention decision and tell the court when they
/// find them (R-G5).
public struct PoliceLocatePerson: Hashable, Sendable, Codable, WireValidatable, KindTagged {
    static let expectedKind = InstructionKind.policeLocatePerson
    /// 种类 — always `police.locatePerson`.
    public let kind: InstructionKind
    /// 指令头 — instruction id, court, case, officer, time, documents (a detention decision).
    public let header: InstructionHeader
    /// 被布控人 — a natural person.
    public let party: Party
    /// 最后已知住址 — where the person was last known to live, if known.
    public let lastKnownAddress: WireText?

    /// A request to locate a person.
    public init(header: InstructionHeader, party: Party, lastKnownAddress: WireText?) {
        self.kind = Self.expectedKind
        self.header = header
        self.party = party
        self.lastKnownAddress = lastKnownAddress
    }

    /// The detention decision and notice (R-G5); a person.
    public func validate() throws(WireError) {
        try validateKind()
        try header.validate(at: "$.header")
        try header.requireDocuments([.detentionDecision, .assistanceNotice], rule: "R-G5", at: "$.header")
        try party.requirePerson(at: "$.party")
    }
}
