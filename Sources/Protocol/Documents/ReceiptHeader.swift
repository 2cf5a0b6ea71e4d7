/// What every receipt carries: which instruction it answers, who answers, and when.
public struct ReceiptHeader: Hashable, Sendable, Codable {
    /// 指令编号 — the instruction this receipt answers (for later events, the measure they concern).
    public let instructionId: InstructionID
    /// 回执机构 — the bank's or police office's code.
    public let responder: InstitutionCode
    /// 回执时间 — when the responder handled the instruction; results reflect its data at that
    /// time (R-B8).
    public let respondedAt: Timestamp

    /// A receipt header.
    public init(instructionId: InstructionID, responder: InstitutionCode, respondedAt: Timestamp) {
        self.instructionId = instructionId
        self.responder = responder
        self.respondedAt = respondedAt
    }
}
