/// 限制出境 — border control stops the person leaving during the period (R-G3).
public struct PoliceRestrictExit: Hashable, Sendable, Codable, WireValidatable, KindTagged {
    static let expectedKind = InstructionKind.policeRestrictExit
    /// 种类 — always `police.restrictExit`.
    public let kind: InstructionKind
    /// 指令头 — instruction id, court, case, officer (name and phone, R-G3), time, documents.
    public let header: InstructionHeader
    /// 被限制人 — a natural person.
    public let party: Party
    /// 控制期限 — the control period (R-G3).
    public let period: DatePeriod
    /// 控制要求 — what border control is asked to do (R-G3).
    public let requirements: WireText

    /// An exit restriction.
    public init(header: InstructionHeader, party: Party, period: DatePeriod, requirements: WireText) {
        self.kind = Self.expectedKind
        self.header = header
        self.party = party
        self.period = period
        self.requirements = requirements
    }

    /// The decision and notice; a person; an ordered period.
    public func validate() throws(WireError) {
        try validateKind()
        try header.validate(at: "$.header")
        try header.requireDocuments([.exitRestrictionDecision, .assistanceNotice], rule: "R-G3", at: "$.header")
        try party.requirePerson(at: "$.party")
        try period.validate(at: "$.period")
    }
}
