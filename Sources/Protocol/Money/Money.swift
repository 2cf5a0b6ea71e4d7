/// An amount of money: integer minor units (fen for CNY) with a currency. Never floating point.
///
/// On the wire an amount is a decimal string (`"1234.50"`) beside its currency code; see
/// ``Money/init(decimal:currency:)`` for the exact grammar. Arithmetic is checked: overflow and
/// mixing currencies are errors, never a wrap or a silent conversion.
public struct Money: Hashable, Sendable {
    /// The amount in the currency's minor unit (fen for CNY, yen for JPY).
    public let minorUnits: Int64
    /// The currency of the amount.
    public let currency: Currency

    /// An amount from minor units.
    public init(minorUnits: Int64, currency: Currency) {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    /// Zero in the given currency.
    public static func zero(_ currency: Currency) -> Money {
        Money(minorUnits: 0, currency: currency)
    }

    /// True when the amount is greater than zero.
    public var isPositive: Bool { minorUnits > 0 }
    /// True when the amount is below zero.
    public var isNegative: Bool { minorUnits < 0 }
    /// True when the amount is zero.
    public var isZero: Bool { minorUnits == 0 }
}

// MARK: - Checked arithmetic

extension Money {
    /// The sum, or an error on mixed currencies or overflow.
    public func adding(_ other: Money) throws(MoneyError) -> Money {
        try requireSameCurrency(other)
        let (sum, overflow) = minorUnits.addingReportingOverflow(other.minorUnits)
        if overflow { throw MoneyError.overflow(operation: "\(self) + \(other)") }
        return Money(minorUnits: sum, currency: currency)
    }

    /// The difference, or an error on mixed currencies or overflow.
    public func subtracting(_ other: Money) throws(MoneyError) -> Money {
        try requireSameCurrency(other)
        let (difference, overflow) = minorUnits.subtractingReportingOverflow(other.minorUnits)
        if overflow { throw MoneyError.overflow(operation: "\(self) - \(other)") }
        return Money(minorUnits: difference, currency: currency)
    }

    /// The amount times an integer factor, or an error on overflow.
    public func multiplied(by factor: Int64) throws(MoneyError) -> Money {
        let (product, overflow) = minorUnits.multipliedReportingOverflow(by: factor)
        if overflow { throw MoneyError.overflow(operation: "\(self) × \(factor)") }
        return Money(minorUnits: product, currency: currency)
    }

    /// The smaller of two amounts of the same currency.
    public func minimum(_ other: Money) throws(MoneyError) -> Money {
        try requireSameCurrency(other)
        return minorUnits <= other.minorUnits ? self : other
    }

    /// Orders two amounts of the same currency; mixing currencies is an error.
    public func isLess(than other: Money) throws(MoneyError) -> Bool {
        try requireSameCurrency(other)
        return minorUnits < other.minorUnits
    }

    private func requireSameCurrency(_ other: Money) throws(MoneyError) {
        guard currency == other.currency else {
            throw MoneyError.currencyMismatch(currency.code, other.currency.code)
        }
    }
}

// MARK: - Decimal strings

extension Money {
    /// Parses an exact decimal string in the currency's minor unit.
    ///
    /// Grammar: an optional `-`, then digits with no leading zero (except a lone `0`), then
    /// optionally `.` and one to `minorUnitDigits` digits. Refused with a reason: empty text,
    /// `+`, spaces, exponents (`1e3`), `NaN`/`Infinity`, thousands separators (`1,000`), a bare
    /// point (`.5`, `5.`), `-0` in any form, more fraction digits than the currency has (`0.001`
    /// CNY, `1.5` JPY), and values beyond 64-bit minor units.
    public init(decimal text: String, currency: Currency) throws(MoneyError) {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty else { throw MoneyError.empty }
        var index = 0
        var negative = false
        if bytes[0] == UInt8(ascii: "-") {
            negative = true
            index = 1
        }
        let integerStart = index
        while index < bytes.count, Money.isDigit(bytes[index]) { index += 1 }
        let integerDigits = bytes[integerStart..<index]
        guard !integerDigits.isEmpty else {
            throw MoneyError.malformed(text: text, reason: Money.describeBadStart(bytes, at: integerStart))
        }
        if integerDigits.count > 1, integerDigits.first == UInt8(ascii: "0") {
            throw MoneyError.malformed(text: text, reason: "leading zero")
        }
        var fractionDigits = ArraySlice<UInt8>()
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            let fractionStart = index + 1
            index = fractionStart
            while index < bytes.count, Money.isDigit(bytes[index]) { index += 1 }
            fractionDigits = bytes[fractionStart..<index]
            guard !fractionDigits.isEmpty else {
                throw MoneyError.malformed(text: text, reason: "a decimal point must be followed by digits")
            }
        }
        guard index == bytes.count else {
            throw MoneyError.malformed(text: text, reason: Money.describeBadCharacter(bytes[index]))
        }
        guard fractionDigits.count <= currency.minorUnitDigits else {
            throw MoneyError.tooManyFractionDigits(
                text: text, currency: currency.code, allowed: currency.minorUnitDigits)
        }
        // Accumulate the magnitude unsigned: Int64.min has no positive counterpart.
        var magnitude: UInt64 = 0
        let scaledDigits = Array(integerDigits) + Array(fractionDigits)
            + Array(repeating: UInt8(ascii: "0"), count: currency.minorUnitDigits - fractionDigits.count)
        let limit = negative ? UInt64(Int64.max) + 1 : UInt64(Int64.max)
        for digit in scaledDigits {
            let (timesTen, overflowMultiply) = magnitude.multipliedReportingOverflow(by: 10)
            let (next, overflowAdd) = timesTen.addingReportingOverflow(UInt64(digit - UInt8(ascii: "0")))
            if overflowMultiply || overflowAdd || next > limit { throw MoneyError.outOfRange(text) }
            magnitude = next
        }
        if negative && magnitude == 0 {
            throw MoneyError.malformed(text: text, reason: "negative zero")
        }
        let signed = negative ? Int64(truncatingIfNeeded: 0 &- magnitude) : Int64(magnitude)
        self.init(minorUnits: signed, currency: currency)
    }

    /// The exact decimal string with every minor digit (`"1234.50"`, `"-0.05"`, `"700"` for JPY).
    public var decimalString: String {
        let scale = currency.minorUnitsPerMajorUnit
        // Int64.min has no positive counterpart: work on the magnitude as UInt64.
        let magnitude = minorUnits.magnitude
        let major = magnitude / UInt64(scale)
        let minor = magnitude % UInt64(scale)
        var result = minorUnits < 0 ? "-" : ""
        result += String(major)
        if currency.minorUnitDigits > 0 {
            let minorText = String(minor)
            result += "." + String(repeating: "0", count: currency.minorUnitDigits - minorText.count) + minorText
        }
        return result
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private static func describeBadStart(_ bytes: [UInt8], at index: Int) -> String {
        guard index < bytes.count else { return "no digits" }
        if bytes[index] == UInt8(ascii: ".") { return "digits are needed before the decimal point" }
        return describeBadCharacter(bytes[index])
    }

    private static func describeBadCharacter(_ byte: UInt8) -> String {
        switch byte {
        case UInt8(ascii: ","): return "thousands separators are not allowed"
        case UInt8(ascii: "e"), UInt8(ascii: "E"): return "exponents are not allowed"
        case UInt8(ascii: "+"): return "a plus sign is not allowed"
        case UInt8(ascii: " "), UInt8(ascii: "\t"): return "spaces are not allowed"
        case UInt8(ascii: "-"): return "a minus sign is only allowed first"
        case UInt8(ascii: "."): return "only one decimal point is allowed"
        default:
            if byte >= 0x80 { return "only ASCII digits are allowed" }
            return "unexpected character \"\(Character(Unicode.Scalar(byte)))\""
        }
    }
}

extension Money: CustomStringConvertible {
    /// `"1234.50 CNY"`.
    public var description: String { "\(decimalString) \(currency.code)" }
}

/// On the wire: `{"amount": "1234.50", "currency": "CNY"}` (金额, 币种).
extension Money: Codable {
    private enum CodingKeys: String, CodingKey {
        case amount
        case currency
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let currency = try container.decode(Currency.self, forKey: .currency)
        let text = try container.decode(String.self, forKey: .amount)
        do {
            self = try Money(decimal: text, currency: currency)
        } catch {
            throw DecodingError.dataCorruptedError(
                forKey: .amount, in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(decimalString, forKey: .amount)
        try container.encode(currency, forKey: .currency)
    }
}
