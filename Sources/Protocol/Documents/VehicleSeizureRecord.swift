/// A seizure already registered on a vehicle (查封信息, R-G2).
public struct VehicleSeizureRecord: Hashable, Sendable, Codable {
    /// 查封机关 — the seizing authority.
    public let authority: WireText
    /// 查封文书号 — its document number.
    public let documentNumber: WireText

    /// A seizure record.
    public init(authority: WireText, documentNumber: WireText) {
        self.authority = authority
        self.documentNumber = documentNumber
    }
}
