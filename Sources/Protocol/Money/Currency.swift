/// An ISO 4217 currency the network handles, with the number of digits of its minor unit.
///
/// Only the currencies in ``Currency/supported`` exist: an unknown code is an error, never a guess,
/// because the number of minor digits decides what an amount means (JPY has none, CNY has two).
public struct Currency: Hashable, Sendable, CustomStringConvertible {
    /// The three-letter ISO 4217 code, upper case (`CNY`).
    public let code: String
    /// Digits after the decimal point in this currency's minor unit (2 for CNY, 0 for JPY).
    public let minorUnitDigits: Int

    private init(code: String, minorUnitDigits: Int) {
        precondition(code.count == 3 && minorUnitDigits >= 0 && minorUnitDigits <= 3)
        self.code = code
        self.minorUnitDigits = minorUnitDigits
    }

    /// Renminbi, 人民币. Minor unit: fen (分).
    public static let cny = Currency(code: "CNY", minorUnitDigits: 2)
    /// US dollar.
    public static let usd = Currency(code: "USD", minorUnitDigits: 2)
    /// Euro.
    public static let eur = Currency(code: "EUR", minorUnitDigits: 2)
    /// Hong Kong dollar.
    public static let hkd = Currency(code: "HKD", minorUnitDigits: 2)
    /// Pound sterling.
    public static let gbp = Currency(code: "GBP", minorUnitDigits: 2)
    /// Japanese yen: no minor unit.
    public static let jpy = Currency(code: "JPY", minorUnitDigits: 0)

    /// Every currency the hub accepts.
    public static let supported: [Currency] = [.cny, .usd, .eur, .hkd, .gbp, .jpy]

    /// The currency with this ISO 4217 code, or an error naming the code.
    public init(code: String) throws(MoneyError) {
        guard let found = Currency.supported.first(where: { $0.code == code }) else {
            throw MoneyError.unknownCurrency(code)
        }
        self = found
    }

    /// Ten to the power of ``minorUnitDigits``: minor units in one major unit.
    public var minorUnitsPerMajorUnit: Int64 {
        var result: Int64 = 1
        for _ in 0..<minorUnitDigits { result *= 10 }
        return result
    }

    public var description: String { code }
}

extension Currency: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let code = try container.decode(String.self)
        do {
            self = try Currency(code: code)
        } catch {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }
}
