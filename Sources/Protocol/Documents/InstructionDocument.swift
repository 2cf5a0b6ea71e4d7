/// Any instruction a court seals, decoded by its `kind` (R-B1).
///
/// Decode with ``StrictJSONDecoder`` (which also runs ``validate()``); hash and seal the bytes of
/// ``CanonicalJSON/encode(_:)``.
public enum InstructionDocument: Hashable, Sendable, WireValidatable {
    case bankQuery(BankQuery)
    case bankFreeze(BankFreeze)
    case bankRenew(BankRenew)
    case bankUnfreeze(BankUnfreeze)
    case bankDeduct(BankDeduct)
    case policeIdentity(PoliceIdentityQuery)
    case policeExitEntry(PoliceExitEntryQuery)
    case policeVehicles(PoliceVehicleQuery)
    case policeHotelStays(PoliceHotelStayQuery)
    case policeRestrictExit(PoliceRestrictExit)
    case policeSeizeVehicle(PoliceSeizeVehicle)
    case policeLocatePerson(PoliceLocatePerson)
    case policeRelease(PoliceRelease)

    /// The kind of instruction.
    public var kind: InstructionKind { body.kind }

    /// The common header: instruction id, court, case, officer, time, documents.
    public var header: InstructionHeader { body.header }

    /// The rules of the kind, with paths from the document root.
    public func validate() throws(WireError) { try body.validate() }

    /// The instruction as its concrete type.
    private var body: any InstructionBody {
        switch self {
        case .bankQuery(let body): return body
        case .bankFreeze(let body): return body
        case .bankRenew(let body): return body
        case .bankUnfreeze(let body): return body
        case .bankDeduct(let body): return body
        case .policeIdentity(let body): return body
        case .policeExitEntry(let body): return body
        case .policeVehicles(let body): return body
        case .policeHotelStays(let body): return body
        case .policeRestrictExit(let body): return body
        case .policeSeizeVehicle(let body): return body
        case .policeLocatePerson(let body): return body
        case .policeRelease(let body): return body
        }
    }
}

/// What every concrete instruction type offers the enum.
protocol InstructionBody: Codable, WireValidatable {
    var kind: InstructionKind { get }
    var header: InstructionHeader { get }
}

extension BankQuery: InstructionBody {}
extension BankFreeze: InstructionBody {}
extension BankRenew: InstructionBody {}
extension BankUnfreeze: InstructionBody {}
extension BankDeduct: InstructionBody {}
extension PoliceIdentityQuery: InstructionBody {}
extension PoliceExitEntryQuery: InstructionBody {}
extension PoliceVehicleQuery: InstructionBody {}
extension PoliceHotelStayQuery: InstructionBody {}
extension PoliceRestrictExit: InstructionBody {}
extension PoliceSeizeVehicle: InstructionBody {}
extension PoliceLocatePerson: InstructionBody {}
extension PoliceRelease: InstructionBody {}

/// On the wire: the concrete instruction's object, whose `kind` member selects the type.
extension InstructionDocument: Codable {
    private enum CodingKeys: String, CodingKey {
        case kind
    }

    public init(from decoder: any Decoder) throws {
        let kind = try decoder.container(keyedBy: CodingKeys.self).decode(InstructionKind.self, forKey: .kind)
        switch kind {
        case .bankQuery: self = .bankQuery(try BankQuery(from: decoder))
        case .bankFreeze: self = .bankFreeze(try BankFreeze(from: decoder))
        case .bankRenew: self = .bankRenew(try BankRenew(from: decoder))
        case .bankUnfreeze: self = .bankUnfreeze(try BankUnfreeze(from: decoder))
        case .bankDeduct: self = .bankDeduct(try BankDeduct(from: decoder))
        case .policeIdentity: self = .policeIdentity(try PoliceIdentityQuery(from: decoder))
        case .policeExitEntry: self = .policeExitEntry(try PoliceExitEntryQuery(from: decoder))
        case .policeVehicles: self = .policeVehicles(try PoliceVehicleQuery(from: decoder))
        case .policeHotelStays: self = .policeHotelStays(try PoliceHotelStayQuery(from: decoder))
        case .policeRestrictExit: self = .policeRestrictExit(try PoliceRestrictExit(from: decoder))
        case .policeSeizeVehicle: self = .policeSeizeVehicle(try PoliceSeizeVehicle(from: decoder))
        case .policeLocatePerson: self = .policeLocatePerson(try PoliceLocatePerson(from: decoder))
        case .policeRelease: self = .policeRelease(try PoliceRelease(from: decoder))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        try body.encode(to: encoder)
    }
}
