/// 身份信息 — the person's identity record (R-G2).
public struct PoliceIdentityResult: Hashable, Sendable, Codable, WireValidatable, KindTagged {
    static let expectedKind = ReceiptKind.policeIdentityResult
    /// 种类 — always `police.identityResult`.
    public let kind: ReceiptKind
    /// 回执头 — instruction id, police office, time.
    public let header: ReceiptHeader
    /// 姓名 — the name.
    public let name: PartyName
    /// 曾用名 — former names (possibly none).
    public let formerNames: [PartyName]
    /// 出生日期 — the date of birth.
    public let birthDate: CalendarDate
    /// 户籍地 — the place of household registration.
    public let householdRegistration: WireText
    /// 住址 — the address.
    public let address: WireText
    /// 公民身份号码 — the resident ID number.
    public let idNumber: ResidentIDNumber
    /// 照片 — the ID photo.
    public let photo: AttachmentReference

    /// An identity result.
    public init(
        header: ReceiptHeader, name: PartyName, formerNames: [PartyName], birthDate: CalendarDate, householdRegistration: WireText,
        address: WireText, idNumber: ResidentIDNumber, photo: AttachmentReference
    ) {
        self.kind = Self.expectedKind
        self.header = header
        self.name = name
        self.formerNames = formerNames
        self.birthDate = birthDate
        self.householdRegistration = householdRegistration
        self.address = address
        self.idNumber = idNumber
        self.photo = photo
    }

    /// The birth date agrees with the one the ID number encodes; at most 20 former names.
    public func validate() throws(WireError) {
        try validateKind()
        try WireRules.requireCount(formerNames, atMost: 20, at: "$.formerNames")
        guard birthDate == idNumber.birthDate else {
            throw WireRules.violation("R-G2", at: "$.birthDate", "the ID number encodes \(idNumber.birthDate), not \(birthDate)")
        }
    }
}
