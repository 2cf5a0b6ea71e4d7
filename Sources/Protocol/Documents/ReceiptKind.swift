/// The kinds of receipt a bank or police adapter seals (回执种类): the `kind` discriminator.
public enum ReceiptKind: String, WireEnumeration {
    /// 查询结果 — accounts and assets found (R-B8).
    case bankQueryResult = "bank.queryResult"
    /// 无账户 — the explicit "no account found" answer (R-B8).
    case bankNoAccountFound = "bank.noAccountFound"
    /// 冻结结果 (R-B11 … R-B13).
    case bankFreezeResult = "bank.freezeResult"
    /// 续冻结果 (R-B14).
    case bankRenewResult = "bank.renewResult"
    /// 解冻结果.
    case bankUnfreezeResult = "bank.unfreezeResult"
    /// 扣划结果 (R-B18, R-B19).
    case bankDeductResult = "bank.deductResult"
    /// 无法协助 — the measure could not be carried out, with a reason from a closed list (R-B21).
    case cannotAssist = "cannotAssist"
    /// 身份信息 (R-G2).
    case policeIdentityResult = "police.identityResult"
    /// 出入境信息 (R-G2).
    case policeExitEntryResult = "police.exitEntryResult"
    /// 车辆信息 (R-G2).
    case policeVehiclesResult = "police.vehiclesResult"
    /// 旅馆住宿信息 (R-G2).
    case policeHotelStaysResult = "police.hotelStaysResult"
    /// 措施已执行 — a restriction, seizure, locate request or release is in force (R-G3 … R-G6).
    case policeMeasureAcknowledged = "police.measureAcknowledged"
    /// 发现车辆 — traffic police came upon a seized vehicle (R-G4).
    case policeVehicleSighted = "police.vehicleSighted"
    /// 发现人员 — police found a person the court is looking for (R-G5).
    case policePersonFound = "police.personFound"
}

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

/// A freeze already on an account, as a bank reports it (R-B8, R-B13, R-B14).
public struct ExistingFreeze: Hashable, Sendable, Codable {
    /// 冻结机关 — the authority that holds it (a court, a procuratorate, a public security bureau).
    public let authority: WireText
    /// 冻结文书号 — the number of its freeze document.
    public let documentNumber: WireText
    /// 冻结金额 — its limit.
    public let amount: Money
    /// 冻结期限 — its first and last day.
    public let period: DatePeriod

    /// An existing freeze.
    public init(authority: WireText, documentNumber: WireText, amount: Money, period: DatePeriod) {
        self.authority = authority
        self.documentNumber = documentNumber
        self.amount = amount
        self.period = period
    }

    func validate(at path: String, currency: Currency) throws(WireError) {
        try WireRules.requirePositive(amount, at: path + ".amount")
        try WireRules.requireCurrency(amount, currency, at: path + ".amount.currency")
        try period.validate(at: path + ".period")
    }
}

extension Array where Element == ExistingFreeze {
    /// Validates each freeze of a list, with its index in the path; at most 100 (the longest
    /// queues seen on one account are a few dozen).
    func validate(at path: String, currency: Currency) throws(WireError) {
        try WireRules.requireCount(self, atMost: 100, at: path)
        for (index, freeze) in enumerated() {
            try freeze.validate(at: path + "[\(index)]", currency: currency)
        }
    }
}
