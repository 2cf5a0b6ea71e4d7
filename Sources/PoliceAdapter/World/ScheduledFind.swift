import HubProtocol

/// A moment when police come upon a person (R-G5). Reported to a court only when its locate
/// request is in force; once the person is held for the court the request is fulfilled and later
/// finds are not reported on it.
public struct ScheduledFind: Hashable, Sendable, Codable {
    /// 公民身份号码 — a person of the world.
    public let idNumber: ResidentIDNumber
    /// 发现时间.
    public let foundAt: Timestamp
    /// 发现地点.
    public let location: WireText
    /// 控制情况 — held for the court, or seen only.
    public let custody: PersonFoundCustody
    /// 联系电话 — the finding office's phone.
    public let contactPhone: PhoneNumber
    /// Seconds from the find to the report (0 … ``PoliceWorld/maximumReportDelaySeconds``).
    public let reportDelaySeconds: Int64

    /// A find.
    public init(idNumber: ResidentIDNumber, foundAt: Timestamp, location: WireText, custody: PersonFoundCustody, contactPhone: PhoneNumber, reportDelaySeconds: Int64) {
        self.idNumber = idNumber
        self.foundAt = foundAt
        self.location = location
        self.custody = custody
        self.contactPhone = contactPhone
        self.reportDelaySeconds = reportDelaySeconds
    }
}
