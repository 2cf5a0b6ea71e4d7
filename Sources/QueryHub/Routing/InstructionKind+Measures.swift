import HubProtocol

/// What routing (``Router``) and admission (``Authority``) ask of a measure's kind. The kinds are
/// the wire's own (``InstructionKind``, `"bank.freeze"`): the hub carries exactly the five bank
/// measures and the eight police measures a court can seal, so it keeps no list of its own.
extension InstructionKind {
    /// Who carries a measure out.
    public enum Addressee: String, Hashable, Sendable, Codable {
        /// A bank, through its head office (T2T) or a provincial branch (P2P).
        case bank
        /// The police, through the hub's police adapter.
        case police
    }

    /// The bank or the police.
    public var addressee: Addressee {
        rawValue.hasPrefix("bank.") ? .bank : .police
    }

    /// True for investigations that change nothing: the bank query and the four police queries.
    public var isQuery: Bool {
        switch self {
        case .bankQuery, .policeIdentity, .policeExitEntry, .policeVehicles, .policeHotelStays:
            return true
        case .bankFreeze, .bankRenew, .bankUnfreeze, .bankDeduct,
             .policeRestrictExit, .policeSeizeVehicle, .policeLocatePerson, .policeRelease:
            return false
        }
    }

    /// True when the measure carries out a ruling (裁定书 or 决定书) that a judge of the issuing
    /// court made (R-A1, R-B10, R-G3–R-G6): every control measure and every release of one.
    public var requiresRuling: Bool { !isQuery }

    /// True when the ruling needs the president's approval (院长批准, R-A1). Of the measures the
    /// hub carries, only locating a person does: it rests on a detention decision (拘留决定, R-G5),
    /// and detention is on R-A1's list. An exit restriction is not on that list.
    public var requiresPresidentApproval: Bool { self == .policeLocatePerson }
}
