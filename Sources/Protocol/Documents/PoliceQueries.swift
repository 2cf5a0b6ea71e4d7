// The police queries (R-G2). One type per kind; they share the shape header + party.

extension Party {
    /// Refuses an organisation where the police measure concerns a natural person.
    func requirePerson(at path: String) throws(WireError) {
        guard !document.identifiesOrganization else {
            throw WireError(path: path + ".document.type", reason: .invalidValue("this measure concerns a natural person, not \(document.kind)"))
        }
    }
}

/// The role of the person in the case, which decides what the police may disclose (R-G2).
public enum PartyRole: String, WireEnumeration {
    /// 被执行人 — the debtor in an enforcement case.
    case debtor
    /// 保全被申请人 — the respondent of a preservation (保全) application.
    case preservationRespondent
}

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

/// 出入境信息查询 — exit-entry documents and, for a debtor, exit-entry records (R-G2).
public struct PoliceExitEntryQuery: Hashable, Sendable, Codable, WireValidatable, KindTagged {
    static let expectedKind = InstructionKind.policeExitEntry
    /// 种类 — always `police.exitEntry`.
    public let kind: InstructionKind
    /// 指令头 — instruction id, court, case, officer, time, documents.
    public let header: InstructionHeader
    /// 被查询人 — a natural person.
    public let party: Party
    /// 当事人身份 — debtor or preservation respondent.
    public let role: PartyRole
    /// 是否查询出入境记录 — ask for exit-entry records too; only for a debtor (R-G2).
    public let includeRecords: Bool

    /// An exit-entry query.
    public init(header: InstructionHeader, party: Party, role: PartyRole, includeRecords: Bool) {
        self.kind = Self.expectedKind
        self.header = header
        self.party = party
        self.role = role
        self.includeRecords = includeRecords
    }

    /// A person; records only for a debtor (R-G2).
    public func validate() throws(WireError) {
        try validateKind()
        try header.validate(at: "$.header")
        try header.requireDocuments([.assistanceNotice], rule: "R-G1", at: "$.header")
        try party.requirePerson(at: "$.party")
        guard !includeRecords || role == .debtor else {
            throw WireRules.violation("R-G2", at: "$.includeRecords", "exit-entry records are disclosed for debtors only")
        }
    }
}

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
