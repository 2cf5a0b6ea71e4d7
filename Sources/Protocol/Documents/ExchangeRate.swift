/// A decimal exchange rate (汇率): units of the credited currency per unit of the source currency,
/// 1–6 integer digits and up to 8 fraction digits, greater than zero (`"7.1234"`).
public enum ExchangeRateFormat: WireStringFormat {
    public static let name = "an exchange rate"
    public static func problem(with text: String) -> String? {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let integer = parts[0]
        let fraction = parts.count == 2 ? parts[1] : ""
        let isDigits = { (part: Substring) in part.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } }
        guard (1...6).contains(integer.utf8.count), isDigits(integer), isDigits(fraction), fraction.utf8.count <= 8,
              parts.count == 1 || !fraction.isEmpty
        else { return "write 1–6 digits, optionally '.' and 1–8 digits" }
        guard integer.utf8.count == 1 || integer.utf8.first != UInt8(ascii: "0") else { return "no leading zeros" }
        guard text.utf8.contains(where: { $0 > UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return "the rate must be above zero" }
        return nil
    }
}

/// An exchange rate, see ``ExchangeRateFormat``.
public typealias ExchangeRate = WireString<ExchangeRateFormat>
