import HubProtocol

/// Why a measure could not be routed; raised before anything is stored.
public enum RoutingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The issuing court is not registered.
    case unknownCourt(CourtCode)
    /// The named bank is not registered.
    case unknownBank(String)
    /// The bank is registered but no link reaches it: no T2T, no P2P in any province.
    case bankNotConnected(String)
    /// The measure acts on one account, so it must name the bank.
    case bankRequired(InstructionKind)
    /// A police measure named a bank.
    case bankNotAllowed(InstructionKind, bankCode: String)
    /// The bank cannot carry out this kind of measure over the network.
    case bankLacksCapability(bankCode: String, kind: InstructionKind, capability: String)
    /// A query to every bank found no connected bank.
    case noConnectedBank
    /// No police office is registered.
    case noPoliceOffice

    public var description: String {
        switch self {
        case .unknownCourt(let court):
            return "court \(court) is not registered"
        case .unknownBank(let code):
            return "bank \(code) is not registered"
        case .bankNotConnected(let code):
            return "bank \(code) has neither a total-to-total link nor a point-to-point link in any province"
        case .bankRequired(let kind):
            return "\(kind) acts on one account and must name its bank; only bank.query may go to every bank"
        case .bankNotAllowed(let kind, let code):
            return "\(kind) goes to the police and cannot name a bank (\(code))"
        case .bankLacksCapability(let code, let kind, let capability):
            return "bank \(code) cannot carry out \(kind) over the network (no \(capability))"
        case .noConnectedBank:
            return "no bank is connected, so a query to every bank reaches none"
        case .noPoliceOffice:
            return "no police office is registered"
        }
    }
}
