/// One crossing of the border (出入境记录, R-G2).
public struct ExitEntryRecord: Hashable, Sendable, Codable {
    /// 出入境时间 — when.
    public let time: Timestamp
    /// 方向 — exit or entry.
    public let direction: BorderDirection
    /// 口岸 — the port of crossing.
    public let port: WireText
    /// 前往地/来自地 — the destination (or, on entry, where from).
    public let destination: WireText
    /// 登记电话 — the phone registered at the crossing.
    public let registeredPhone: PhoneNumber

    /// A crossing.
    public init(time: Timestamp, direction: BorderDirection, port: WireText, destination: WireText, registeredPhone: PhoneNumber) {
        self.time = time
        self.direction = direction
        self.port = port
        self.destination = destination
        self.registeredPhone = registeredPhone
    }
}
