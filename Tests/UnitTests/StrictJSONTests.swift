import Foundation
import HubProtocol
import Testing

/// Small wire-shaped types for exercising the decoder; the real documents have their own tests.
private struct Party: Codable, Equatable {
    let name: String
    let idNumber: String
}

private struct Account: Codable, Equatable {
    let number: String
    let balance: Money
}

private enum Colour: String, WireEnumeration {
    case red, green
}

private struct Statement: Codable, Equatable {
    let party: Party
    let accounts: [Account]
    let count: Int64
    let closed: Bool
    let note: String?
    let colour: Colour?
}

private let validStatement = """
    {
      "party": {"name": "张三", "idNumber": "11010519491231002X"},
      "accounts": [
        {"number": "6222020200112233445", "balance": {"amount": "1200.50", "currency": "CNY"}},
        {"number": "6222020200112233446", "balance": {"amount": "0.00", "currency": "CNY"}},
        {"number": "6222020200112233447", "balance": {"amount": "35.10", "currency": "USD"}}
      ],
      "count": 3,
      "closed": false
    }
    """

/// Decodes `text` as a `Statement` and returns the error it must throw.
private func refusal(_ text: String, limits: JSONLimits = .standard) -> WireError? {
    do {
        _ = try StrictJSONDecoder(limits: limits).decode(Statement.self, from: Array(text.utf8))
        return nil
    } catch {
        return error
    }
}

/// `validStatement` with one substring replaced (the replaced text must occur exactly once).
private func statement(replacing original: String, with replacement: String) -> String {
    precondition(validStatement.components(separatedBy: original).count == 2, "\(original) must occur once")
    return validStatement.replacingOccurrences(of: original, with: replacement)
}

@Suite("Strict JSON decoding")
struct StrictJSONTests {
    @Test("a valid document decodes; an absent optional field is nil")
    func validDocument() throws {
        let value = try StrictJSONDecoder().decode(Statement.self, from: Array(validStatement.utf8))
        #expect(value.party == Party(name: "张三", idNumber: "11010519491231002X"))
        #expect(value.accounts.count == 3)
        #expect(value.accounts[2].balance == Money(minorUnits: 3_510, currency: .usd))
        #expect(value.count == 3)
        #expect(value.note == nil)
        #expect(value.colour == nil)
        let withOptionals = statement(replacing: "\"closed\": false", with: "\"closed\": true, \"note\": \"x\", \"colour\": \"green\"")
        let decoded = try StrictJSONDecoder().decode(Statement.self, from: Array(withOptionals.utf8))
        #expect(decoded.note == "x")
        #expect(decoded.colour == .green)
        #expect(decoded.closed)
    }

    @Test("an unknown field is refused with its path", arguments: [
        ("\"count\": 3", "\"count\": 3, \"extra\": 1", "$.extra"),
        ("\"idNumber\": \"11010519491231002X\"", "\"idNumber\": \"11010519491231002X\", \"alias\": \"李四\"", "$.party.alias"),
        ("{\"amount\": \"35.10\"", "{\"fx\": true, \"amount\": \"35.10\"", "$.accounts[2].balance.fx"),
        ("\"count\": 3", "\"count\": 3, \"weird key\": 1", "$[\"weird key\"]"),
    ])
    func unknownField(original: String, replacement: String, path: String) {
        let error = refusal(statement(replacing: original, with: replacement))
        #expect(error == WireError(path: path, reason: .unknownField))
    }

    @Test("a missing field is refused with its path", arguments: [
        (", \"idNumber\": \"11010519491231002X\"", "", "$.party.idNumber"),
        ("\"count\": 3,", "", "$.count"),
        ("\"amount\": \"0.00\", ", "", "$.accounts[1].balance.amount"),
    ])
    func missingField(original: String, replacement: String, path: String) {
        let error = refusal(statement(replacing: original, with: replacement))
        #expect(error?.path == path)
        #expect(error?.reason == .missingField)
    }

    @Test("a wrong type is refused with its path and both types", arguments: [
        ("\"count\": 3", "\"count\": \"3\"", "$.count", "an integer", "a string"),
        ("\"closed\": false", "\"closed\": 0", "$.closed", "a boolean", "an integer"),
        ("\"name\": \"张三\"", "\"name\": [\"张三\"]", "$.party.name", "a string", "an array"),
        ("{\"number\": \"6222020200112233446\"", "{\"number\": 6222020200112233", "$.accounts[1].number", "a string", "an integer"),
        ("\"party\": {", "\"party\": [], \"x\": {", "$.party", "an object", "an array"),
    ])
    func wrongType(original: String, replacement: String, path: String, expected: String, found: String) {
        let error = refusal(statement(replacing: original, with: replacement))
        #expect(error == WireError(path: path, reason: .wrongType(expected: expected, found: found)))
    }

    @Test("a bad amount inside a nested array element names the full path")
    func badAmountPath() {
        let error = refusal(statement(replacing: "\"35.10\"", with: "\"35.1.0\""))
        #expect(error?.path == "$.accounts[2].balance.amount")
        guard case .invalidValue(let message)? = error?.reason else {
            Issue.record("expected an invalid value, got \(String(describing: error))")
            return
        }
        #expect(message.contains("35.1.0"))
        #expect(error?.description == "$.accounts[2].balance.amount: \"35.1.0\" is not a decimal amount: only one decimal point is allowed")
    }

    @Test("a value outside a closed list is an unknown kind naming the allowed values")
    func unknownKind() {
        let error = refusal(statement(replacing: "\"closed\": false", with: "\"closed\": false, \"colour\": \"blue\""))
        #expect(error == WireError(path: "$.colour", reason: .unknownKind("blue", expected: ["red", "green"])))
    }

    @Test("null is refused for optional and required fields alike", arguments: [
        ("\"closed\": false", "\"closed\": false, \"note\": null", "$.note"),
        ("\"count\": 3", "\"count\": null", "$.count"),
        ("\"name\": \"张三\"", "\"name\": null", "$.party.name"),
    ])
    func nullRefused(original: String, replacement: String, path: String) {
        #expect(refusal(statement(replacing: original, with: replacement)) == WireError(path: path, reason: .nullNotAllowed))
    }

    @Test("duplicate keys are refused, also when spelled with escapes", arguments: [
        ("\"count\": 3", "\"count\": 3, \"count\": 3", "$.count"),
        ("\"name\": \"张三\"", "\"name\": \"张三\", \"n\\u0061me\": \"李四\"", "$.party.name"),
    ])
    func duplicateKey(original: String, replacement: String, path: String) {
        #expect(refusal(statement(replacing: original, with: replacement)) == WireError(path: path, reason: .duplicateKey))
    }

    @Test("numbers with a fraction or exponent are refused where an integer or string is expected", arguments: [
        ("\"count\": 3", "\"count\": 3.0", "$.count", "3.0"),
        ("\"count\": 3", "\"count\": 1e3", "$.count", "1e3"),
        ("\"count\": 3", "\"count\": -2.5E-1", "$.count", "-2.5E-1"),
        ("\"amount\": \"1200.50\"", "\"amount\": 1200.50", "$.accounts[0].balance.amount", "1200.50"),
    ])
    func nonInteger(original: String, replacement: String, path: String, number: String) {
        #expect(refusal(statement(replacing: original, with: replacement)) == WireError(path: path, reason: .nonIntegerNumber(number)))
    }

    @Test("integers beyond ±(2^53 − 1) and -0 are refused")
    func integerRange() {
        #expect(refusal(statement(replacing: "\"count\": 3", with: "\"count\": 9007199254740992"))
            == WireError(path: "$.count", reason: .integerOutOfRange("9007199254740992")))
        #expect(refusal(statement(replacing: "\"count\": 3", with: "\"count\": -99999999999999999999"))
            == WireError(path: "$.count", reason: .integerOutOfRange("-99999999999999999999")))
        #expect(refusal(statement(replacing: "\"count\": 3", with: "\"count\": -0"))?.path == "$.count")
        let largest = statement(replacing: "\"count\": 3", with: "\"count\": 9007199254740991")
        #expect(throws: Never.self) { try StrictJSONDecoder().decode(Statement.self, from: Array(largest.utf8)) }
    }

    @Test("nesting deeper than the limit is refused at the level that broke it")
    func tooDeep() throws {
        let decoder = StrictJSONDecoder()
        let sixtyFour = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        #expect(throws: Never.self) { try decoder.parse(Array(sixtyFour.utf8)) }
        let sixtyFive = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        #expect(throws: WireError(path: "$" + String(repeating: "[0]", count: 64), reason: .tooDeep(limit: 64))) {
            try decoder.parse(Array(sixtyFive.utf8))
        }
        let shallow = StrictJSONDecoder(limits: JSONLimits(maximumDepth: 2))
        #expect(throws: Never.self) { try shallow.parse(Array("{\"party\": {\"name\": 1}}".utf8)) }
        #expect(throws: WireError(path: "$.party.name", reason: .tooDeep(limit: 2))) {
            try shallow.parse(Array("{\"party\": {\"name\": {}}}".utf8))
        }
    }

    @Test("a document above the size limit is refused before parsing")
    func tooLarge() {
        let limits = JSONLimits(maximumDocumentBytes: 100)
        let error = refusal(validStatement, limits: limits)
        #expect(error == WireError(path: "$", reason: .documentTooLarge(limitBytes: 100, actualBytes: validStatement.utf8.count)))
    }

    @Test("malformed JSON is refused with the path and byte offset", arguments: [
        ("{\"a\": 1,}", "$"),
        ("{\"a\": [1, 2,]}", "$.a[2]"),
        ("{\"a\": 1", "$"),
        ("{\"a\": 1} x", "$"),
        ("{'a': 1}", "$"),
        ("{\"a\": 01}", "$.a"),
        ("{\"a\": tru}", "$.a"),
        ("{\"a\": \"tab\there\"}", "$.a"),
        ("{\"a\": \"\\x41\"}", "$.a"),
        ("{\"a\": \"\\ud800\"}", "$.a"),
        ("{\"a\": \"\\udc00\\ud800\"}", "$.a"),
        ("{\"a\": +1}", "$.a"),
        ("", "$"),
    ])
    func syntax(text: String, path: String) {
        do {
            _ = try StrictJSONDecoder().parse(Array(text.utf8))
            Issue.record("\(text) was accepted")
        } catch {
            #expect(error.path == path)
            guard case .syntax(let message) = error.reason else {
                Issue.record("expected a syntax error, got \(error)")
                return
            }
            #expect(message.contains("at byte"))
        }
    }

    @Test("a byte-order mark and invalid UTF-8 are refused")
    func bytesLevel() {
        let decoder = StrictJSONDecoder()
        #expect(throws: WireError.self) { try decoder.parse([0xEF, 0xBB, 0xBF] + Array("{}".utf8)) }
        #expect(throws: WireError.self) { try decoder.parse(Array("{\"a\": \"".utf8) + [0xC3, 0x28] + Array("\"}".utf8)) }
        #expect(throws: WireError.self) { try decoder.parse(Array("{\"a\": \"".utf8) + [0xED, 0xA0, 0x80] + Array("\"}".utf8)) }
    }

    @Test("escapes decode to the characters they name, surrogate pairs included")
    func escapes() throws {
        let tree = try StrictJSONDecoder().parse(Array(#"["\u00e9\ud83d\ude00\/\"\\\n\t", "中"]"#.utf8))
        #expect(tree == .array([.string("é😀/\"\\\n\t"), .string("中")]))
    }

    @Test("an array element a type did not read is refused")
    func unreadElement() throws {
        struct Pair: Decodable {
            let first: String
            init(from decoder: any Decoder) throws {
                var container = try decoder.unkeyedContainer()
                first = try container.decode(String.self)
            }
        }
        #expect(throws: WireError(path: "$[1]", reason: .unexpectedElement)) {
            try StrictJSONDecoder().decode(Pair.self, from: Array(#"["a", "b"]"#.utf8))
        }
        #expect(try StrictJSONDecoder().decode(Pair.self, from: Array(#"["a"]"#.utf8)).first == "a")
    }

    @Test("an error reads as path, colon, reason")
    func description() {
        let error = WireError(path: "$.party.idNumber", reason: .missingField)
        #expect(error.description == "$.party.idNumber: missing field")
        let rule = WireError(path: "$.period", reason: .ruleViolation(rule: "R-B7", "history needs a period"))
        #expect(rule.rule == "R-B7")
        #expect(rule.description == "$.period: R-B7: history needs a period")
    }
}
