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

/// On what occasion traffic police came upon a seized vehicle (发现情形, R-G4).
public enum SightingOccasion: String, WireEnumeration {
    /// 年检 — periodic inspection.
    case inspection
    /// 办理过户 — an attempt to transfer it.
    case transferAttempt
    /// 办理抵押 — an attempt to mortgage it.
    case mortgageAttempt
    /// 路面巡查 — patrol or checkpoint.
    case patrol
    /// 其他.
    case other
}

/// 发现车辆 — a later event on a vehicle seizure: the police came upon the vehicle (R-G4).
public struct PoliceVehicleSighted: Hashable, Sendable, Codable, WireValidatable, KindTagged {
    static let expectedKind = ReceiptKind.policeVehicleSighted
    /// 种类 — always `police.vehicleSighted`.
    public let kind: ReceiptKind
    /// 回执头 — instruction id of the seizeVehicle instruction, police office, time reported.
    public let header: ReceiptHeader
    /// 发现时间 — when the vehicle was seen.
    public let sightedAt: Timestamp
    /// 发现情形 — on what occasion.
    public let occasion: SightingOccasion
    /// 发现地点 — where.
    public let location: WireText
    /// 号牌号码 — the plate seen.
    public let plateNumber: WireText

    /// A sighting.
    public init(header: ReceiptHeader, sightedAt: Timestamp, occasion: SightingOccasion, location: WireText, plateNumber: WireText) {
        self.kind = Self.expectedKind
        self.header = header
        self.sightedAt = sightedAt
        self.occasion = occasion
        self.location = location
        self.plateNumber = plateNumber
    }

    /// Seen no later than reported.
    public func validate() throws(WireError) {
        try validateKind()
        guard sightedAt <= header.respondedAt else {
            throw WireError(path: "$.sightedAt", reason: .invalidValue("seen after it was reported (\(header.respondedAt))"))
        }
    }
}

/// Whether the person found is held (人员控制情况, R-G5).
public enum PersonFoundCustody: String, WireEnumeration {
    /// 已控制 — held by the police, awaiting the court.
    case heldForCourt
    /// 发现未控制 — seen but not held.
    case sightedNotHeld
}

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
