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

    /// A release notice signed by a judge (R-G6, R-A1); the released measure is a police control measure other than itself.
    public func validate() throws(WireError) {
        try validateKind()
        try header.validate(at: "$.header")
        try header.requireDocuments([.releaseNotice], rule: "R-G6", at: "$.header")
        // The release carries out the judge's decision to end the measure: the notice names the judge (R-A1).
        try header.requireSigner(of: .releaseNotice, at: "$.header")
        guard releasedKind.isPoliceMeasure else {
            throw WireError(path: "$.releasedKind", reason: .invalidValue("only police.restrictExit, police.seizeVehicle and police.locatePerson are released"))
        }
        guard releasedInstructionId != header.instructionId else {
            throw WireError(path: "$.releasedInstructionId", reason: .invalidValue("a release cannot name itself"))
        }
    }
}
