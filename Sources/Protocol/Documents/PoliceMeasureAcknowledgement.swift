/// 措施已执行 — the police confirm a control measure or its release is in force (R-G3 … R-G6).
public struct PoliceMeasureAcknowledgement: Hashable, Sendable, Codable, WireValidatable, KindTagged {
    static let expectedKind = ReceiptKind.policeMeasureAcknowledged
    /// 种类 — always `police.measureAcknowledged`.
    public let kind: ReceiptKind
    /// 回执头 — instruction id of the measure, police office, time.
    public let header: ReceiptHeader
    /// 措施种类 — restrictExit, seizeVehicle, locatePerson or release.
    public let measure: InstructionKind
    /// 生效时间 — when the measure (or release) took effect.
    public let effectiveAt: Timestamp
    /// 控制截止日 — for an exit restriction, the last day of control as registered.
    public let controlUntil: CalendarDate?

    /// An acknowledgement.
    public init(header: ReceiptHeader, measure: InstructionKind, effectiveAt: Timestamp, controlUntil: CalendarDate?) {
        self.kind = Self.expectedKind
        self.header = header
        self.measure = measure
        self.effectiveAt = effectiveAt
        self.controlUntil = controlUntil
    }

    /// A police measure or release; a control end exactly for an exit restriction.
    public func validate() throws(WireError) {
        try validateKind()
        guard measure.isPoliceMeasure || measure == .policeRelease else {
            throw WireError(path: "$.measure", reason: .invalidValue("only police measures and releases are acknowledged, not \(measure.rawValue)"))
        }
        guard (measure == .policeRestrictExit) == (controlUntil != nil) else {
            throw WireError(path: "$.controlUntil", reason: .invalidValue("the control end is given exactly for police.restrictExit"))
        }
    }
}
