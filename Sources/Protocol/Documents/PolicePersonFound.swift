/// 发现人员 — a later event on a locate request: the police found the person (R-G5).
public struct PolicePersonFound: Hashable, Sendable, Codable, WireValidatable, KindTagged {
    static let expectedKind = ReceiptKind.policePersonFound
    /// 种类 — always `police.personFound`.
    public let kind: ReceiptKind
    /// 回执头 — instruction id of the locatePerson instruction, police office, time reported.
    public let header: ReceiptHeader
    /// 发现时间 — when the person was found.
    public let foundAt: Timestamp
    /// 发现地点 — where.
    public let location: WireText
    /// 控制情况 — held or only seen.
    public let custody: PersonFoundCustody
    /// 联系电话 — whom the court calls at the finding office.
    public let contactPhone: PhoneNumber

    /// A finding.
    public init(header: ReceiptHeader, foundAt: Timestamp, location: WireText, custody: PersonFoundCustody, contactPhone: PhoneNumber) {
        self.kind = Self.expectedKind
        self.header = header
        self.foundAt = foundAt
        self.location = location
        self.custody = custody
        self.contactPhone = contactPhone
    }

    /// Found no later than reported.
    public func validate() throws(WireError) {
        try validateKind()
        guard foundAt <= header.respondedAt else {
            throw WireError(path: "$.foundAt", reason: .invalidValue("found after it was reported (\(header.respondedAt))"))
        }
    }
}
