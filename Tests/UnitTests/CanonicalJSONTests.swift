import Foundation
import HubProtocol
import Testing

/// SplitMix64: a seeded generator, so every property run is the same run.
private struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}

/// Characters chosen to stress escaping and key order: controls, quotes, non-BMP, CJK, U+FFFD.
private let alphabet: [Character] = [
    "a", "b", "Z", "0", "9", " ", "\"", "\\", "/", "\n", "\t", "\u{01}", "\u{1F}", "\u{7F}",
    "é", "ö", "中", "冻", "€", "😀", "\u{FFFD}", "\u{FB33}", "\r",
]

private func randomString(_ generator: inout SeededGenerator) -> String {
    let length = Int.random(in: 0...6, using: &generator)
    return String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
}

/// A random document: depth-bounded, integers across the whole wire range.
private func randomValue(depth: Int, _ generator: inout SeededGenerator) -> JSONValue {
    let choice = Int.random(in: 0..<(depth >= 4 ? 4 : 6), using: &generator)
    switch choice {
    case 0: return .bool(Bool.random(using: &generator))
    case 1: return .integer(Int64.random(in: JSONValue.integerRange, using: &generator))
    case 2: return .string(randomString(&generator))
    case 3: return .integer(Int64.random(in: -20...20, using: &generator))
    case 4:
        let count = Int.random(in: 0...4, using: &generator)
        return .array((0..<count).map { _ in randomValue(depth: depth + 1, &generator) })
    default:
        var members: [String: JSONValue] = [:]
        for _ in 0..<Int.random(in: 0...5, using: &generator) {
            members[randomString(&generator)] = randomValue(depth: depth + 1, &generator)
        }
        return .object(members)
    }
}

/// A non-canonical rendering: members shuffled, random whitespace, characters escaped as `\uXXXX`
/// at random. A different byte sequence for the same logical document.
private func scrambledText(_ value: JSONValue, _ generator: inout SeededGenerator) -> String {
    let spaces = [" ", "\n", "\t", "\r\n", "  ", ""]
    func space() -> String { spaces.randomElement(using: &generator)! }
    func quoted(_ text: String) -> String {
        var result = "\""
        for unit in text.unicodeScalars {
            if unit == "\"" || unit == "\\" || unit.value < 0x20 || Bool.random(using: &generator) {
                for codeUnit in String(unit).utf16 { result += String(format: "\\u%04X", codeUnit) }
            } else {
                result.unicodeScalars.append(unit)
            }
        }
        return result + "\""
    }
    switch value {
    case .null: return "null"
    case .bool(let flag): return flag ? "true" : "false"
    case .integer(let number): return String(number)
    case .string(let text): return quoted(text)
    case .array(let elements):
        return "[" + space() + elements.map { scrambledText($0, &generator) + space() }.joined(separator: "," + space()) + "]"
    case .object(let members):
        let entries = members.shuffled(using: &generator).map { key, member in
            quoted(key) + space() + ":" + space() + scrambledText(member, &generator)
        }
        return "{" + space() + entries.joined(separator: space() + "," + space()) + space() + "}"
    }
}

private struct Sample: Codable, Equatable {
    let name: String
    let amount: Money
    let count: Int64
    let flags: [Bool]
    let note: String?
}

@Suite("Canonical JSON")
struct CanonicalJSONTests {
    @Test("keys sort by UTF-16 code units (the RFC 8785 §3.2.3 example)")
    func keyOrder() throws {
        let input = #"{"\u20ac":"Euro","\r":"CR","\ufb33":"Hebrew","1":"One","\ud83d\ude00":"Smiley","\u0080":"Control","\u00f6":"Latin"}"#
        let canonical = try CanonicalJSON.canonicalize(Array(input.utf8))
        let expected = "{\"\\r\":\"CR\",\"1\":\"One\",\"\u{80}\":\"Control\",\"ö\":\"Latin\",\"€\":\"Euro\",\"😀\":\"Smiley\",\"\u{FB33}\":\"Hebrew\"}"
        #expect(String(decoding: canonical, as: UTF8.self) == expected)
    }

    @Test("strings are escaped minimally; whitespace is removed")
    func escaping() throws {
        let input = "{ \"b\" : [ 1 , true ],\n \"a\" : \"q\\\" s\\\\ /\\/ \\u0001\\u001f\\u007f \\b\\f\\n\\r\\t é中\" }"
        let canonical = try CanonicalJSON.canonicalize(Array(input.utf8))
        let expected = "{\"a\":\"q\\\" s\\\\ // \\u0001\\u001f\u{7F} \\b\\f\\n\\r\\t é中\",\"b\":[1,true]}"
        #expect(String(decoding: canonical, as: UTF8.self) == expected)
    }

    @Test("property: canonical bytes parse back to the same value and are a fixed point", arguments: 0..<8)
    func roundTrip(seed: UInt64) throws {
        var generator = SeededGenerator(state: seed)
        for _ in 0..<50 {
            let value = randomValue(depth: 0, &generator)
            let canonical = CanonicalJSON.serialize(value)
            let parsed = try StrictJSONDecoder().parse(canonical)
            #expect(parsed == value)
            #expect(try CanonicalJSON.canonicalize(canonical) == canonical)
        }
    }

    @Test("property: reordering members, whitespace and escapes do not change the canonical bytes", arguments: 0..<8)
    func stableUnderRewriting(seed: UInt64) throws {
        var generator = SeededGenerator(state: 1_000 + seed)
        for _ in 0..<50 {
            let value = randomValue(depth: 0, &generator)
            let first = scrambledText(value, &generator)
            let second = scrambledText(value, &generator)
            let canonicalFirst = try CanonicalJSON.canonicalize(Array(first.utf8))
            let canonicalSecond = try CanonicalJSON.canonicalize(Array(second.utf8))
            #expect(canonicalFirst == canonicalSecond)
            #expect(canonicalFirst == CanonicalJSON.serialize(value))
        }
    }

    @Test("decode(canonical(x)) == x for a Codable value; nil fields are left out")
    func codableRoundTrip() throws {
        let sample = Sample(name: "冻结\"x\"", amount: Money(minorUnits: 123_456, currency: .cny), count: -7, flags: [true, false], note: nil)
        let bytes = try CanonicalJSON.encode(sample)
        #expect(String(decoding: bytes, as: UTF8.self)
            == #"{"amount":{"amount":"1234.56","currency":"CNY"},"count":-7,"flags":[true,false],"name":"冻结\"x\""}"#)
        #expect(try StrictJSONDecoder().decode(Sample.self, from: bytes) == sample)
        let withNote = Sample(name: "", amount: .zero(.jpy), count: 0, flags: [], note: "n")
        #expect(try StrictJSONDecoder().decode(Sample.self, from: CanonicalJSON.encode(withNote)) == withNote)
    }

    @Test("encoding refuses floating point, nil and integers beyond ±(2^53 − 1), naming the path")
    func encodingRefusals() {
        struct WithDouble: Encodable { let rate = 0.5 }
        struct WithBigInteger: Encodable { let big: [Int64] = [1, 9_007_199_254_740_992] }
        struct WithNil: Encodable {
            func encode(to encoder: any Encoder) throws {
                var container = encoder.unkeyedContainer()
                try container.encodeNil()
            }
        }
        #expect(throws: WireError(path: "$.rate", reason: .invalidValue("floating point is not used on the wire"))) {
            try CanonicalJSON.encode(WithDouble())
        }
        #expect(throws: WireError(path: "$.big[1]", reason: .integerOutOfRange("9007199254740992"))) {
            try CanonicalJSON.encode(WithBigInteger())
        }
        #expect(throws: WireError(path: "$[0]", reason: .nullNotAllowed)) { try CanonicalJSON.encode(WithNil()) }
    }

    @Test("the indented rendering parses to the same document")
    func indented() throws {
        var generator = SeededGenerator(state: 99)
        for _ in 0..<20 {
            let value = randomValue(depth: 0, &generator)
            #expect(try StrictJSONDecoder().parse(Array(value.indentedText.utf8)) == value)
        }
    }
}
