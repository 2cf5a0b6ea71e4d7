import HubProtocol

/// Why a police backend refused to answer an instruction at all (rather than answering with a
/// ``CannotAssist`` receipt).
public enum PoliceBackendError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The instruction is meant for a bank, not the police.
    case notAPoliceInstruction(InstructionKind)
    /// This instruction id was already handled with another document; the first answer stands.
    case conflictingInstruction(InstructionID)

    public var description: String {
        switch self {
        case .notAPoliceInstruction(let kind):
            return "\(kind.rawValue) is not a police instruction; police backends handle police.* kinds only"
        case .conflictingInstruction(let id):
            return "instruction \(id) was already handled with another document; an instruction id names one document"
        }
    }
}
