/// The canonical bytes of a wire document, for hashing, seals and duplicate detection.
///
/// In the style of RFC 8785 (JSON Canonicalization Scheme): object keys sorted by their UTF-16
/// code units, no whitespace, strings escaped minimally (`\"`, `\\`, `\b`, `\f`, `\n`, `\r`, `\t`,
/// other control characters as `\u00xx`; everything else as UTF-8), integers in plain decimal.
/// Because the wire has no floating point and integers stay within ±(2^53 − 1), this output is
/// exactly what an RFC 8785 implementation produces for the same document. The same logical
/// document always gives the same bytes, whatever the member order or whitespace it arrived with.
public enum CanonicalJSON {
    /// The canonical bytes of an encodable value. Refuses floating point, `nil` (`null`),
    /// integers beyond ±(2^53 − 1) and the same key encoded twice, naming the path.
    public static func encode<Value: Encodable>(_ value: Value) throws(WireError) -> [UInt8] {
        serialize(try tree(of: value))
    }

    /// The ``JSONValue`` tree an encodable value encodes to (with the refusals of ``encode(_:)``).
    public static func tree<Value: Encodable>(of value: Value) throws(WireError) -> JSONValue {
        try TreeEncoder.encode(value)
    }

    /// The canonical bytes of a document given as bytes, parsed with the strict parser's rules.
    public static func canonicalize(_ bytes: [UInt8], limits: JSONLimits = .standard) throws(WireError) -> [UInt8] {
        serialize(try JSONParser.parse(bytes, limits: limits))
    }

    /// The canonical bytes of a parsed document.
    public static func serialize(_ value: JSONValue) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(512)
        write(value, to: &output)
        return output
    }

    /// The key order of the canonical form: UTF-16 code units, lexicographically (RFC 8785 §3.2.3).
    public static func keyPrecedes(_ left: String, _ right: String) -> Bool {
        left.utf16.lexicographicallyPrecedes(right.utf16)
    }

    private static func write(_ value: JSONValue, to output: inout [UInt8]) {
        switch value {
        case .null: output.append(contentsOf: Array("null".utf8))
        case .bool(let flag): output.append(contentsOf: Array((flag ? "true" : "false").utf8))
        case .integer(let number):
            assert(JSONValue.integerRange.contains(number), "integers on the wire stay within ±(2^53 − 1)")
            output.append(contentsOf: Array(String(number).utf8))
        case .string(let text): writeString(text, to: &output)
        case .array(let elements):
            output.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                write(element, to: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            output.append(UInt8(ascii: "{"))
            for (index, key) in members.keys.sorted(by: keyPrecedes).enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                writeString(key, to: &output)
                output.append(UInt8(ascii: ":"))
                write(members[key]!, to: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    /// RFC 8785 §3.2.2.2: the short escapes, `\u00xx` (lower-case hex) for other controls.
    static func writeString(_ text: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x08: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
            case 0x09: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0x0A: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0C: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
            case 0x0D: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x00..<0x20:
                let hexDigits = Array("0123456789abcdef".utf8)
                output.append(contentsOf: Array("\\u00".utf8))
                output.append(hexDigits[Int(byte >> 4)])
                output.append(hexDigits[Int(byte & 0x0F)])
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}

extension JSONValue {
    /// The document indented by two spaces, keys in canonical order: for people (documentation,
    /// logs), never for hashing — use ``CanonicalJSON/serialize(_:)`` for that.
    public var indentedText: String {
        var output: [UInt8] = []
        writeIndented(to: &output, level: 0)
        return String(decoding: output, as: UTF8.self)
    }

    private func writeIndented(to output: inout [UInt8], level: Int) {
        let inner = Array(String(repeating: "  ", count: level + 1).utf8)
        let outer = Array(String(repeating: "  ", count: level).utf8)
        switch self {
        case .array(let elements) where !elements.isEmpty:
            output.append(contentsOf: Array("[\n".utf8))
            for (index, element) in elements.enumerated() {
                output.append(contentsOf: inner)
                element.writeIndented(to: &output, level: level + 1)
                output.append(contentsOf: Array((index + 1 < elements.count ? ",\n" : "\n").utf8))
            }
            output.append(contentsOf: outer + [UInt8(ascii: "]")])
        case .object(let members) where !members.isEmpty:
            output.append(contentsOf: Array("{\n".utf8))
            let keys = members.keys.sorted(by: CanonicalJSON.keyPrecedes)
            for (index, key) in keys.enumerated() {
                output.append(contentsOf: inner)
                CanonicalJSON.writeString(key, to: &output)
                output.append(contentsOf: Array(": ".utf8))
                members[key]!.writeIndented(to: &output, level: level + 1)
                output.append(contentsOf: Array((index + 1 < keys.count ? ",\n" : "\n").utf8))
            }
            output.append(contentsOf: outer + [UInt8(ascii: "}")])
        default:
            output.append(contentsOf: CanonicalJSON.serialize(self))
        }
    }
}
