import Foundation
import HubProtocol
import Testing

@Suite("Money")
struct MoneyTests {
    @Test("exact decimal strings round trip", arguments: [
        ("0", "CNY", Int64(0), "0.00"),
        ("0.5", "CNY", 50, "0.50"),
        ("1234.56", "CNY", 123_456, "1234.56"),
        ("-12.30", "CNY", -1_230, "-12.30"),
        ("700", "JPY", 700, "700"),
        ("92233720368547758.07", "CNY", Int64.max, "92233720368547758.07"),
        ("-92233720368547758.08", "USD", Int64.min, "-92233720368547758.08"),
        ("9223372036854775807", "JPY", Int64.max, "9223372036854775807"),
    ])
    func roundTrip(text: String, code: String, minorUnits: Int64, printed: String) throws {
        let money = try Money(decimal: text, currency: Currency(code: code))
        #expect(money.minorUnits == minorUnits)
        #expect(money.decimalString == printed)
        #expect(try Money(decimal: printed, currency: money.currency) == money)
    }

    @Test("malformed amounts are refused with a reason", arguments: [
        "1e3", "1E3", "-0", "-0.00", "NaN", "Infinity", "1,000", "1,000.00", "+5", " 5", "5 ",
        ".5", "5.", "01", "00.5", "1.2.3", "--1", "1-", "５", "", "abc", "0x10",
    ])
    func malformed(text: String) {
        #expect(throws: MoneyError.self) { try Money(decimal: text, currency: .cny) }
    }

    @Test("more fraction digits than the currency has")
    func tooManyFractionDigits() {
        #expect(throws: MoneyError.tooManyFractionDigits(text: "0.001", currency: "CNY", allowed: 2)) {
            try Money(decimal: "0.001", currency: .cny)
        }
        #expect(throws: MoneyError.tooManyFractionDigits(text: "1.5", currency: "JPY", allowed: 0)) {
            try Money(decimal: "1.5", currency: .jpy)
        }
    }

    @Test("values beyond Int64 are out of range, not wrapped")
    func outOfRange() {
        #expect(throws: MoneyError.outOfRange("92233720368547758.08")) {
            try Money(decimal: "92233720368547758.08", currency: .cny)
        }
        #expect(throws: MoneyError.outOfRange("99999999999999999999999")) {
            try Money(decimal: "99999999999999999999999", currency: .jpy)
        }
    }

    @Test("unknown currencies are refused")
    func unknownCurrency() {
        #expect(throws: MoneyError.unknownCurrency("XYZ")) { try Currency(code: "XYZ") }
        #expect(throws: MoneyError.unknownCurrency("cny")) { try Currency(code: "cny") }
    }

    @Test("arithmetic is checked: overflow and mixed currencies are errors")
    func checkedArithmetic() throws {
        let big = Money(minorUnits: .max, currency: .cny)
        #expect(throws: MoneyError.self) { try big.adding(Money(minorUnits: 1, currency: .cny)) }
        #expect(throws: MoneyError.self) {
            try Money(minorUnits: .min, currency: .cny).subtracting(Money(minorUnits: 1, currency: .cny))
        }
        #expect(throws: MoneyError.self) { try big.multiplied(by: 2) }
        #expect(throws: MoneyError.currencyMismatch("CNY", "USD")) {
            try Money(minorUnits: 1, currency: .cny).adding(Money(minorUnits: 1, currency: .usd))
        }
        let sum = try Money(minorUnits: 150, currency: .cny).adding(Money(minorUnits: 250, currency: .cny))
        #expect(sum == Money(minorUnits: 400, currency: .cny))
        #expect(try sum.subtracting(Money(minorUnits: 500, currency: .cny)).decimalString == "-1.00")
    }

    @Test("JSON carries the amount as a decimal string beside its currency")
    func json() throws {
        let money = Money(minorUnits: 100_050, currency: .cny)
        let data = try JSONEncoder().encode(money)
        let object = try JSONSerialization.jsonObject(with: data) as? [String: String]
        #expect(object == ["amount": "1000.50", "currency": "CNY"])
        #expect(try JSONDecoder().decode(Money.self, from: data) == money)
        let bad = Data(#"{"amount":"1e3","currency":"CNY"}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Money.self, from: bad) }
    }
}
