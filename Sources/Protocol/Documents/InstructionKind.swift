/// The kinds of instruction a court seals (查控措施种类): the `kind` discriminator on the wire.
public enum InstructionKind: String, WireEnumeration, CustomStringConvertible {
    /// 查询 — ask a bank (or every bank) for the party's accounts (R-B7, R-B8).
    case bankQuery = "bank.query"
    /// 冻结 — hold funds on one account (R-B10 … R-B13).
    case bankFreeze = "bank.freeze"
    /// 续冻 — extend an existing freeze (R-B14).
    case bankRenew = "bank.renew"
    /// 解冻 — release a freeze, wholly or in part.
    case bankUnfreeze = "bank.unfreeze"
    /// 扣划 — move funds to the court's special account (R-B17 … R-B19).
    case bankDeduct = "bank.deduct"
    /// 身份信息查询 — identity data from the police (R-G2).
    case policeIdentity = "police.identity"
    /// 出入境信息查询 — exit-entry documents and records (R-G2).
    case policeExitEntry = "police.exitEntry"
    /// 车辆信息查询 — registered vehicles (R-G2).
    case policeVehicles = "police.vehicles"
    /// 旅馆住宿信息查询 — hotel stays (R-G2).
    case policeHotelStays = "police.hotelStays"
    /// 限制出境 — restrict the person's exit (R-G3).
    case policeRestrictExit = "police.restrictExit"
    /// 查封车辆 — seize a vehicle: block transfer and mortgage, report sightings (R-G4).
    case policeSeizeVehicle = "police.seizeVehicle"
    /// 协查布控 — locate a person under a detention decision (R-G5).
    case policeLocatePerson = "police.locatePerson"
    /// 解除措施 — release an earlier police measure (R-G6).
    case policeRelease = "police.release"

    /// The legal document that carries the judge's decision the measure carries out, whose
    /// `signedBy` is the ruling judge (R-A1): the ruling for bank measures and vehicle seizures,
    /// the exit-restriction or detention decision, the release notice; nil for queries, which
    /// rest on no ruling.
    public var decisionDocumentKind: LegalDocumentKind? {
        switch self {
        case .bankQuery, .policeIdentity, .policeExitEntry, .policeVehicles, .policeHotelStays: return nil
        case .bankFreeze, .bankRenew, .bankUnfreeze, .bankDeduct, .policeSeizeVehicle: return .ruling
        case .policeRestrictExit: return .exitRestrictionDecision
        case .policeLocatePerson: return .detentionDecision
        case .policeRelease: return .releaseNotice
        }
    }

    /// The wire name (`"bank.freeze"`), so that messages name a kind as the wire does.
    public var description: String { rawValue }

    /// True for the measures the police keep in force until released (R-G6).
    public var isPoliceMeasure: Bool {
        self == .policeRestrictExit || self == .policeSeizeVehicle || self == .policeLocatePerson
    }
}

/// A type that is one kind of instruction or receipt: carries its `kind` and checks it.
protocol KindTagged {
    associatedtype Kind: WireEnumeration & Equatable
    /// The kind this type is.
    static var expectedKind: Kind { get }
    /// The kind as decoded.
    var kind: Kind { get }
}

extension KindTagged {
    /// Refuses a document of another kind decoded as this type.
    func validateKind() throws(WireError) {
        guard kind == Self.expectedKind else {
            throw WireError(path: "$.kind", reason: .unknownKind(kind.rawValue, expected: [Self.expectedKind.rawValue]))
        }
    }
}
