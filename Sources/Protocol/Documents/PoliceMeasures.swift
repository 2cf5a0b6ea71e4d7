// The police control measures (R-G3 … R-G6). One type per kind.

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

/// A vehicle identification number (车辆识别代号, ISO 3779): 17 characters, digits and upper-case
/// letters except I, O and Q.
public enum VehicleIdentificationNumberFormat: WireStringFormat {
    public static let name = "a vehicle identification number"
    public static func problem(with text: String) -> String? {
        guard text.utf8.count == 17 else { return "it must have 17 characters" }
        let allowed = text.utf8.allSatisfy { byte in
            (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") && byte != UInt8(ascii: "I") && byte != UInt8(ascii: "O") && byte != UInt8(ascii: "Q"))
        }
        return allowed ? nil : "only digits and upper-case letters other than I, O and Q are allowed"
    }
}

/// A vehicle identification number, see ``VehicleIdentificationNumberFormat``.
public typealias VehicleIdentificationNumber = WireString<VehicleIdentificationNumberFormat>

/// 查封车辆 — traffic police block transfer and new mortgages of a vehicle and report when they
/// come upon it (R-G4).
public struct PoliceSeizeVehicle: Hashable, Sendable, Codable, WireValidatable, KindTagged {
    static let expectedKind = InstructionKind.policeSeizeVehicle
    /// 种类 — always `police.seizeVehicle`.
    public let kind: InstructionKind
    /// 指令头 — instruction id, court, case, officer, time, documents.
    public let header: InstructionHeader
    /// 车辆所有人 — the registered owner.
    public let party: Party
    /// 号牌号码 — the plate, e.g. `京A12345`; this or the VIN, or both.
    public let plateNumber: WireText?
    /// 车辆识别代号 — the VIN; this or the plate, or both.
    public let vin: VehicleIdentificationNumber?

    /// A vehicle seizure.
    public init(header: InstructionHeader, party: Party, plateNumber: WireText?, vin: VehicleIdentificationNumber?) {
        self.kind = Self.expectedKind
        self.header = header
        self.party = party
        self.plateNumber = plateNumber
        self.vin = vin
    }

    /// The sealed ruling and notice (R-G4); a plate or a VIN.
    public func validate() throws(WireError) {
        try validateKind()
        try header.validate(at: "$.header")
        try header.requireDocuments([.ruling, .assistanceNotice], rule: "R-G4", at: "$.header")
        guard plateNumber != nil || vin != nil else {
            throw WireError(path: "$.plateNumber", reason: .invalidValue("a seizure names the plate, the VIN, or both"))
        }
    }
}

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

/// 解除措施 — end an exit restriction, a vehicle seizure or a locate request (R-G6).
public struct PoliceRelease: Hashable, Sendable, Codable, WireValidatable, KindTagged {
    static let expectedKind = InstructionKind.policeRelease
    /// 种类 — always `police.release`.
    public let kind: InstructionKind
    /// 指令头 — instruction id, court, case, officer, time, documents (a release notice).
    public let header: InstructionHeader
    /// 原措施指令编号 — the instruction id of the measure released.
    public let releasedInstructionId: InstructionID
    /// 原措施种类 — its kind: restrictExit, seizeVehicle or locatePerson.
    public let releasedKind: InstructionKind
    /// 被解除人 — the party of the released measure.
    public let party: Party

    /// A release.
    public init(header: InstructionHeader, releasedInstructionId: InstructionID, releasedKind: InstructionKind, party: Party) {
        self.kind = Self.expectedKind
        self.header = header
        self.releasedInstructionId = releasedInstructionId
        self.releasedKind = releasedKind
        self.party = party
    }

    /// A release notice (R-G6); the released measure is a police control measure other than itself.
    public func validate() throws(WireError) {
        try validateKind()
        try header.validate(at: "$.header")
        try header.requireDocuments([.releaseNotice], rule: "R-G6", at: "$.header")
        guard releasedKind.isPoliceMeasure else {
            throw WireError(path: "$.releasedKind", reason: .invalidValue("only police.restrictExit, police.seizeVehicle and police.locatePerson are released"))
        }
        guard releasedInstructionId != header.instructionId else {
            throw WireError(path: "$.releasedInstructionId", reason: .invalidValue("a release cannot name itself"))
        }
    }
}
