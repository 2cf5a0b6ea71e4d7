/// The court officer who issues the measure (执行人员), with the credentials the bank sees (R-B4).
public struct Officer: Hashable, Sendable, Codable {
    /// 执行人员编号 — the officer's id in the court's registry of officers.
    public let id: OfficerID
    /// 姓名 — the officer's name.
    public let name: PartyName
    /// 联系电话 — the officer's telephone number.
    public let phone: PhoneNumber
    /// 执行公务证号 — the number of the officer's official credential (执行公务证 or 工作证).
    public let credentialNumber: WireText
    /// 证件扫描件摘要 — SHA-256 of the registered scan of that credential.
    public let credentialScanSHA256: SHA256Hex

    /// An officer.
    public init(id: OfficerID, name: PartyName, phone: PhoneNumber, credentialNumber: WireText, credentialScanSHA256: SHA256Hex) {
        self.id = id
        self.name = name
        self.phone = phone
        self.credentialNumber = credentialNumber
        self.credentialScanSHA256 = credentialScanSHA256
    }
}
