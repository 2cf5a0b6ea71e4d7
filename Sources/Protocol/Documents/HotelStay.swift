/// One hotel stay (旅馆住宿记录, R-G2).
public struct HotelStay: Hashable, Sendable, Codable {
    /// 入住时间 — check-in.
    public let checkIn: Timestamp
    /// 退房时间 — check-out; absent while the person is still staying.
    public let checkOut: Timestamp?
    /// 旅馆名称 — the hotel's name.
    public let hotelName: WireText
    /// 旅馆地址 — the hotel's address.
    public let hotelAddress: WireText
    /// 登记电话 — the phone registered at check-in.
    public let registeredPhone: PhoneNumber

    /// A stay.
    public init(checkIn: Timestamp, checkOut: Timestamp?, hotelName: WireText, hotelAddress: WireText, registeredPhone: PhoneNumber) {
        self.checkIn = checkIn
        self.checkOut = checkOut
        self.hotelName = hotelName
        self.hotelAddress = hotelAddress
        self.registeredPhone = registeredPhone
    }
}
