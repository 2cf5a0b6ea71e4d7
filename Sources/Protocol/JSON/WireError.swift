/// Why a wire document was refused: where (a JSON path such as `$.accounts[2].balance.amount`)
/// and what was wrong there.
///
/// Every refusal of the strict decoder, the canonical encoder and the documents' `validate()` is a
/// `WireError`, so that a court or bank integrator always learns the exact field at fault.
public struct WireError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The JSON path of the offending value, `$` for the whole document (`$.party.document.number`,
    /// `$.accounts[2].balance`). Keys that are not plain identifiers are written `$["a key"]`.
    public let path: String
    /// What was wrong at ``path``.
    public let reason: Reason

    /// An error at `path` (rendered JSON path) for `reason`.
    public init(path: String, reason: Reason) {
        precondition(path.hasPrefix("$"), "a JSON path starts at the root, $")
        self.path = path
        self.reason = reason
    }

    /// An error at the path given as components (`["accounts", 2, "balance"]` style).
    init(at path: JSONPath, _ reason: Reason) {
        self.init(path: path.description, reason: reason)
    }

    /// The rule of the rulebook (`R-B7`) this error enforces, if it is a rule refusal.
    public var rule: String? {
        if case .ruleViolation(let rule, _) = reason { return rule }
        return nil
    }

    /// `"$.party.document: missing field"`.
    public var description: String { "\(path): \(reason)" }

    /// What was wrong with the value at a path. A closed list: each case is documented.
    public enum Reason: Equatable, Sendable, CustomStringConvertible {
        /// The bytes are not JSON (RFC 8259): the text says what was expected and at which byte.
        case syntax(String)
        /// The document is longer than the configured limit.
        case documentTooLarge(limitBytes: Int, actualBytes: Int)
        /// Arrays and objects nest deeper than the configured limit.
        case tooDeep(limit: Int)
        /// The same key appears twice in one object (compared after unescaping).
        case duplicateKey
        /// A number with a fraction or an exponent: the wire carries integers only; amounts are
        /// decimal strings.
        case nonIntegerNumber(String)
        /// An integer outside ±(2^53 − 1), the range every JSON implementation reads exactly, or
        /// outside the range of the field's Swift type.
        case integerOutOfRange(String)
        /// A key the type does not define.
        case unknownField
        /// A key the type requires is absent.
        case missingField
        /// The value has the wrong JSON type (a string where an object is expected…).
        case wrongType(expected: String, found: String)
        /// `null`: an optional field is written by leaving it out, never as `null`, so that each
        /// document has exactly one spelling.
        case nullNotAllowed
        /// A `kind` discriminator (or another closed-list value) outside its list.
        case unknownKind(String, expected: [String])
        /// An array element the type did not read (a fixed-size array given too many elements).
        case unexpectedElement
        /// The value has the right type but is not acceptable (a bad amount, a malformed date…).
        case invalidValue(String)
        /// The value breaks a rule of the rulebook, named by its ID (`R-B10`).
        case ruleViolation(rule: String, String)

        public var description: String {
            switch self {
            case .syntax(let message):
                return "not valid JSON: \(message)"
            case .documentTooLarge(let limit, let actual):
                return "the document has \(actual) bytes; the limit is \(limit)"
            case .tooDeep(let limit):
                return "arrays and objects nest deeper than \(limit) levels"
            case .duplicateKey:
                return "this key appears more than once in its object"
            case .nonIntegerNumber(let text):
                return "\(text) is not an integer: numbers on the wire are integers; amounts are decimal strings"
            case .integerOutOfRange(let text):
                return "the integer \(text) is out of range"
            case .unknownField:
                return "unknown field"
            case .missingField:
                return "missing field"
            case .wrongType(let expected, let found):
                return "expected \(expected), found \(found)"
            case .nullNotAllowed:
                return "null is not allowed: leave an absent optional field out"
            case .unknownKind(let value, let expected):
                return "unknown value \"\(value)\"; expected one of: \(expected.joined(separator: ", "))"
            case .unexpectedElement:
                return "unexpected array element"
            case .invalidValue(let message):
                return message
            case .ruleViolation(let rule, let message):
                return "\(rule): \(message)"
            }
        }
    }
}
