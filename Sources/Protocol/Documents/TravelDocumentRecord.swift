/// One travel document (出入境证件, R-G2).
public struct TravelDocumentRecord: Hashable, Sendable, Codable {
    /// 证件种类.
    public let type: TravelDocumentType
    /// 证件号码.
    public let number: WireText
    /// 签发日期.
    public let issuedOn: CalendarDate
    /// 有效期至.
    public let expiresOn: CalendarDate

    /// A travel document.
    public init(type: TravelDocumentType, number: WireText, issuedOn: CalendarDate, expiresOn: CalendarDate) {
        self.type = type
        self.number = number
        self.issuedOn = issuedOn
        self.expiresOn = expiresOn
    }
}
