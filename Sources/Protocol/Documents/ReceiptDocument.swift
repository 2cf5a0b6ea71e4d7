/// Any receipt a bank or police adapter seals, decoded by its `kind` (R-B9).
public enum ReceiptDocument: Hashable, Sendable, WireValidatable {
    case bankQueryResult(BankQueryResult)
    case bankNoAccountFound(BankNoAccountFound)
    case bankFreezeResult(BankFreezeResult)
    case bankRenewResult(BankRenewResult)
    case bankUnfreezeResult(BankUnfreezeResult)
    case bankDeductResult(BankDeductResult)
    case cannotAssist(CannotAssist)
    case policeIdentityResult(PoliceIdentityResult)
    case policeExitEntryResult(PoliceExitEntryResult)
    case policeVehiclesResult(PoliceVehicleResult)
    case policeHotelStaysResult(PoliceHotelStayResult)
    case policeMeasureAcknowledged(PoliceMeasureAcknowledgement)
    case policeVehicleSighted(PoliceVehicleSighted)
    case policePersonFound(PolicePersonFound)

    /// The kind of receipt.
    public var kind: ReceiptKind { body.kind }

    /// The common header: instruction id, responder, time.
    public var header: ReceiptHeader { body.header }

    /// The rules of the kind, with paths from the document root.
    public func validate() throws(WireError) { try body.validate() }

    private var body: any ReceiptBody {
        switch self {
        case .bankQueryResult(let body): return body
        case .bankNoAccountFound(let body): return body
        case .bankFreezeResult(let body): return body
        case .bankRenewResult(let body): return body
        case .bankUnfreezeResult(let body): return body
        case .bankDeductResult(let body): return body
        case .cannotAssist(let body): return body
        case .policeIdentityResult(let body): return body
        case .policeExitEntryResult(let body): return body
        case .policeVehiclesResult(let body): return body
        case .policeHotelStaysResult(let body): return body
        case .policeMeasureAcknowledged(let body): return body
        case .policeVehicleSighted(let body): return body
        case .policePersonFound(let body): return body
        }
    }
}

/// What every concrete receipt type offers the enum.
protocol ReceiptBody: Codable, WireValidatable {
    var kind: ReceiptKind { get }
    var header: ReceiptHeader { get }
}

extension BankQueryResult: ReceiptBody {}
extension BankNoAccountFound: ReceiptBody {}
extension BankFreezeResult: ReceiptBody {}
extension BankRenewResult: ReceiptBody {}
extension BankUnfreezeResult: ReceiptBody {}
extension BankDeductResult: ReceiptBody {}
extension CannotAssist: ReceiptBody {}
extension PoliceIdentityResult: ReceiptBody {}
extension PoliceExitEntryResult: ReceiptBody {}
extension PoliceVehicleResult: ReceiptBody {}
extension PoliceHotelStayResult: ReceiptBody {}
extension PoliceMeasureAcknowledgement: ReceiptBody {}
extension PoliceVehicleSighted: ReceiptBody {}
extension PolicePersonFound: ReceiptBody {}

/// On the wire: the concrete receipt's object, whose `kind` member selects the type.
extension ReceiptDocument: Codable {
    private enum CodingKeys: String, CodingKey {
        case kind
    }

    public init(from decoder: any Decoder) throws {
        let kind = try decoder.container(keyedBy: CodingKeys.self).decode(ReceiptKind.self, forKey: .kind)
        switch kind {
        case .bankQueryResult: self = .bankQueryResult(try BankQueryResult(from: decoder))
        case .bankNoAccountFound: self = .bankNoAccountFound(try BankNoAccountFound(from: decoder))
        case .bankFreezeResult: self = .bankFreezeResult(try BankFreezeResult(from: decoder))
        case .bankRenewResult: self = .bankRenewResult(try BankRenewResult(from: decoder))
        case .bankUnfreezeResult: self = .bankUnfreezeResult(try BankUnfreezeResult(from: decoder))
        case .bankDeductResult: self = .bankDeductResult(try BankDeductResult(from: decoder))
        case .cannotAssist: self = .cannotAssist(try CannotAssist(from: decoder))
        case .policeIdentityResult: self = .policeIdentityResult(try PoliceIdentityResult(from: decoder))
        case .policeExitEntryResult: self = .policeExitEntryResult(try PoliceExitEntryResult(from: decoder))
        case .policeVehiclesResult: self = .policeVehiclesResult(try PoliceVehicleResult(from: decoder))
        case .policeHotelStaysResult: self = .policeHotelStaysResult(try PoliceHotelStayResult(from: decoder))
        case .policeMeasureAcknowledged: self = .policeMeasureAcknowledged(try PoliceMeasureAcknowledgement(from: decoder))
        case .policeVehicleSighted: self = .policeVehicleSighted(try PoliceVehicleSighted(from: decoder))
        case .policePersonFound: self = .policePersonFound(try PolicePersonFound(from: decoder))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        try body.encode(to: encoder)
    }
}
