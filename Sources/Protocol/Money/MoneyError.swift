/// Why an amount of money was refused. Every case names what was wrong.
public enum MoneyError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownCurrency(String)
    case empty
    /// The text is not a plain decimal number: it names the offending character or form.
    case malformed(text: String, reason: String)
    /// More fractional digits than the currency's minor unit has (`0.001` CNY).
    case tooManyFractionDigits(text: String, currency: String, allowed: Int)
    /// The value does not fit in 64-bit minor units.
    case outOfRange(String)
    /// Arithmetic on two different currencies.
    case currencyMismatch(String, String)
    /// Arithmetic whose result does not fit in 64-bit minor units.
    case overflow(operation: String)

    public var description: String {
        switch self {
        case .unknownCurrency(let code):
            return "unknown currency \"\(code)\"; supported: CNY, USD, EUR, HKD, GBP, JPY"
        case .empty:
            return "the amount is empty"
        case .malformed(let text, let reason):
            return "\"\(text)\" is not a decimal amount: \(reason)"
        case .tooManyFractionDigits(let text, let currency, let allowed):
            return "\"\(text)\" has more than \(allowed) fraction digits, which \(currency) does not have"
        case .outOfRange(let text):
            return "\"\(text)\" is beyond the largest amount the hub can hold"
        case .currencyMismatch(let left, let right):
            return "cannot combine \(left) with \(right)"
        case .overflow(let operation):
            return "\(operation) overflows the largest amount the hub can hold"
        }
    }
}
