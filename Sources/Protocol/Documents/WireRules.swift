/// Helpers that the documents' `validate()` functions share: each returns or throws a
/// ``WireError`` at the path it is given.
enum WireRules {
    /// An amount that must be greater than zero.
    static func requirePositive(_ amount: Money, at path: String) throws(WireError) {
        guard amount.isPositive else {
            throw WireError(path: path, reason: .invalidValue("the amount must be greater than zero, not \(amount)"))
        }
    }

    /// An amount that must not be negative.
    static func requireNotNegative(_ amount: Money, at path: String) throws(WireError) {
        guard !amount.isNegative else {
            throw WireError(path: path, reason: .invalidValue("the amount may not be negative, not \(amount)"))
        }
    }

    /// Two amounts that must be in the same currency.
    static func requireCurrency(_ amount: Money, _ currency: Currency, at path: String) throws(WireError) {
        guard amount.currency == currency else {
            throw WireError(path: path, reason: .invalidValue("the amount is in \(amount.currency), the account in \(currency)"))
        }
    }

    /// `left + right`, or an error at `path` (mixed currencies, overflow).
    static func sum(_ left: Money, _ right: Money, at path: String) throws(WireError) -> Money {
        do { return try left.adding(right) } catch { throw WireError(path: path, reason: .invalidValue(error.description)) }
    }

    /// `left − right`, or an error at `path`.
    static func difference(_ left: Money, _ right: Money, at path: String) throws(WireError) -> Money {
        do { return try left.subtracting(right) } catch { throw WireError(path: path, reason: .invalidValue(error.description)) }
    }

    /// An amount that must not exceed a limit of the same currency; different currencies are not
    /// compared here (the hub converts with the day's rate, outside the wire model).
    static func requireAtMost(_ amount: Money, _ limit: Money, at path: String, _ message: String) throws(WireError) {
        guard amount.currency == limit.currency else { return }
        guard amount.minorUnits <= limit.minorUnits else {
            throw WireError(path: path, reason: .invalidValue("\(message): \(amount) is more than \(limit)"))
        }
    }

    /// A list that may hold at most `maximum` elements (every list on the wire is bounded).
    static func requireCount<Element>(_ list: [Element], atMost maximum: Int, at path: String) throws(WireError) {
        guard list.count <= maximum else {
            throw WireError(path: path, reason: .invalidValue("at most \(maximum) entries are allowed, not \(list.count)"))
        }
    }

    /// A rule of the rulebook broken.
    static func violation(_ rule: String, at path: String, _ message: String) -> WireError {
        WireError(path: path, reason: .ruleViolation(rule: rule, message))
    }
}
