import HubProtocol

/// Why a scenario could not be loaded or played; each case names where in the file.
public enum ScenarioError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file is not a scenario (strict decoding or its rules).
    case decoding(WireError)
    /// A decimal amount that is not one in its currency.
    case invalidAmount(path: String, MoneyError)
    /// A field that does not fit the event or step, or a missing one.
    case invalidField(path: String, reason: String)
    /// The bank refused an account, freeze or event.
    case ledger(path: String, BankLedgerError)
    /// The instruction a step describes breaks the wire rules.
    case instruction(path: String, WireError)

    /// What was wrong and where.
    public var description: String {
        switch self {
        case .decoding(let error): return "scenario: \(error)"
        case .invalidAmount(let path, let error): return "\(path): \(error)"
        case .invalidField(let path, let reason): return "\(path): \(reason)"
        case .ledger(let path, let error): return "\(path): \(error)"
        case .instruction(let path, let error): return "\(path): the instruction is invalid: \(error)"
        }
    }
}
