/// 旅馆住宿信息 — the person's hotel stays in the period asked (R-G2); empty means none.
public struct PoliceHotelStayResult: Hashable, Sendable, Codable, WireValidatable, KindTagged {
    static let expectedKind = ReceiptKind.policeHotelStaysResult
    /// 种类 — always `police.hotelStaysResult`.
    public let kind: ReceiptKind
    /// 回执头 — instruction id, police office, time.
    public let header: ReceiptHeader
    /// 住宿记录 — the stays.
    public let stays: [HotelStay]

    /// A hotel-stay result.
    public init(header: ReceiptHeader, stays: [HotelStay]) {
        self.kind = Self.expectedKind
        self.header = header
        self.stays = stays
    }

    /// Check-out after check-in; a bounded list.
    public func validate() throws(WireError) {
        try validateKind()
        try WireRules.requireCount(stays, atMost: 10_000, at: "$.stays")
        for (index, stay) in stays.enumerated() {
            if let checkOut = stay.checkOut, checkOut < stay.checkIn {
                throw WireError(path: "$.stays[\(index)].checkOut", reason: .invalidValue("check-out before check-in"))
            }
        }
    }
}
