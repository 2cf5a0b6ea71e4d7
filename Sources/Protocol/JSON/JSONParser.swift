/// A strict RFC 8259 parser that refuses what the wire does not use.
///
/// Beyond RFC 8259 it refuses: duplicate keys (compared after unescaping), numbers with a fraction
/// or exponent, integers beyond ±(2^53 − 1), `-0`, a byte-order mark, invalid UTF-8, lone UTF-16
/// surrogates in `\u` escapes, documents above ``JSONLimits/maximumDocumentBytes`` and nesting
/// above ``JSONLimits/maximumDepth``. Errors name the JSON path and the byte offset.
struct JSONParser {
    private let bytes: [UInt8]
    private let limits: JSONLimits
    private var offset = 0
    private var depth = 0
    /// The path of the value being parsed, for error messages.
    private var path = JSONPath.root

    /// Parses a whole document; anything but whitespace after the value is an error.
    static func parse(_ bytes: [UInt8], limits: JSONLimits) throws(WireError) -> JSONValue {
        guard bytes.count <= limits.maximumDocumentBytes else {
            throw WireError(at: .root, .documentTooLarge(limitBytes: limits.maximumDocumentBytes, actualBytes: bytes.count))
        }
        var parser = JSONParser(bytes: bytes, limits: limits)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            throw parser.syntaxError("a byte-order mark is not allowed")
        }
        parser.skipWhitespace()
        let value = try parser.parseValue()
        parser.skipWhitespace()
        guard parser.offset == bytes.count else {
            throw parser.syntaxError("unexpected \(parser.describeCurrent()) after the document")
        }
        assert(parser.depth == 0 && parser.path == .root)
        return value
    }

    private init(bytes: [UInt8], limits: JSONLimits) {
        self.bytes = bytes
        self.limits = limits
    }

    private mutating func parseValue() throws(WireError) -> JSONValue {
        guard offset < bytes.count else { throw syntaxError("a value was expected, found the end") }
        switch bytes[offset] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .integer(try parseInteger())
        default: throw syntaxError("a value was expected, found \(describeCurrent())")
        }
    }

    private mutating func parseObject() throws(WireError) -> JSONValue {
        try enterContainer()
        offset += 1  // {
        var members: [String: JSONValue] = [:]
        skipWhitespace()
        if consume(UInt8(ascii: "}")) {
            depth -= 1
            return .object(members)
        }
        // Each member consumes at least four bytes ("":0), so the document size bounds this loop.
        while offset < bytes.count {
            skipWhitespace()
            guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else {
                throw syntaxError("a key (a string) was expected, found \(describeCurrent())")
            }
            let key = try parseString()
            skipWhitespace()
            guard consume(UInt8(ascii: ":")) else { throw syntaxError("':' was expected after a key, found \(describeCurrent())") }
            skipWhitespace()
            let parentPath = path
            path = path.appending(key: key)
            guard members[key] == nil else { throw WireError(at: path, .duplicateKey) }
            members[key] = try parseValue()
            path = parentPath
            skipWhitespace()
            if consume(UInt8(ascii: "}")) {
                depth -= 1
                return .object(members)
            }
            guard consume(UInt8(ascii: ",")) else { throw syntaxError("',' or '}' was expected, found \(describeCurrent())") }
        }
        throw syntaxError("the object is not closed")
    }

    private mutating func parseArray() throws(WireError) -> JSONValue {
        try enterContainer()
        offset += 1  // [
        var elements: [JSONValue] = []
        skipWhitespace()
        if consume(UInt8(ascii: "]")) {
            depth -= 1
            return .array(elements)
        }
        // Each element consumes at least one byte, so the document size bounds this loop.
        while offset < bytes.count {
            skipWhitespace()
            let parentPath = path
            path = path.appending(index: elements.count)
            elements.append(try parseValue())
            path = parentPath
            skipWhitespace()
            if consume(UInt8(ascii: "]")) {
                depth -= 1
                return .array(elements)
            }
            guard consume(UInt8(ascii: ",")) else { throw syntaxError("',' or ']' was expected, found \(describeCurrent())") }
        }
        throw syntaxError("the array is not closed")
    }

    private mutating func enterContainer() throws(WireError) {
        depth += 1
        guard depth <= limits.maximumDepth else { throw WireError(at: path, .tooDeep(limit: limits.maximumDepth)) }
    }

    private mutating func expectLiteral(_ literal: String) throws(WireError) {
        let expected = Array(literal.utf8)
        guard bytes.count - offset >= expected.count, bytes[offset..<offset + expected.count].elementsEqual(expected) else {
            throw syntaxError("a value was expected, found \(describeCurrent())")
        }
        offset += expected.count
    }

    // MARK: - Numbers

    /// RFC 8259 number grammar, then: integers only, within ±(2^53 − 1), and no `-0`.
    private mutating func parseInteger() throws(WireError) -> Int64 {
        let start = offset
        _ = consume(UInt8(ascii: "-"))
        let integerStart = offset
        skipDigits()
        let integerDigits = offset - integerStart
        guard integerDigits > 0 else { throw syntaxError("a digit was expected after '-'") }
        if integerDigits > 1 && bytes[integerStart] == UInt8(ascii: "0") {
            throw syntaxError("a number may not have a leading zero")
        }
        var isInteger = true
        if consume(UInt8(ascii: ".")) {
            isInteger = false
            guard skipDigits() > 0 else { throw syntaxError("a digit was expected after '.'") }
        }
        if consume(UInt8(ascii: "e")) || consume(UInt8(ascii: "E")) {
            isInteger = false
            _ = consume(UInt8(ascii: "+")) || consume(UInt8(ascii: "-"))
            guard skipDigits() > 0 else { throw syntaxError("a digit was expected in the exponent") }
        }
        let text = String(decoding: bytes[start..<offset], as: UTF8.self)
        guard isInteger else { throw WireError(at: path, .nonIntegerNumber(text)) }
        guard text != "-0" else { throw WireError(at: path, .invalidValue("-0 is not allowed: write 0")) }
        guard let value = Int64(text), JSONValue.integerRange.contains(value) else {
            throw WireError(at: path, .integerOutOfRange(text))
        }
        return value
    }

    @discardableResult
    private mutating func skipDigits() -> Int {
        let start = offset
        while offset < bytes.count, bytes[offset] >= UInt8(ascii: "0"), bytes[offset] <= UInt8(ascii: "9") {
            offset += 1
        }
        return offset - start
    }

    // MARK: - Whitespace and helpers

    private mutating func skipWhitespace() {
        while offset < bytes.count {
            switch bytes[offset] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): offset += 1
            default: return
            }
        }
    }

    private mutating func consume(_ byte: UInt8) -> Bool {
        guard offset < bytes.count, bytes[offset] == byte else { return false }
        offset += 1
        return true
    }

    private func describeCurrent() -> String {
        guard offset < bytes.count else { return "the end" }
        let byte = bytes[offset]
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x" + String(byte, radix: 16, uppercase: true)
    }

    private func syntaxError(_ message: String) -> WireError {
        WireError(at: path, .syntax("\(message) (at byte \(offset))"))
    }
}

// MARK: - Strings

extension JSONParser {
    /// A string: escapes decoded, raw bytes checked as UTF-8, control characters refused.
    fileprivate mutating func parseString() throws(WireError) -> String {
        offset += 1  // opening quote
        var buffer: [UInt8] = []
        // Every iteration consumes at least one byte: the document size bounds this loop.
        while offset < bytes.count {
            let byte = bytes[offset]
            switch byte {
            case UInt8(ascii: "\""):
                offset += 1
                guard let text = String(validating: buffer, as: UTF8.self) else {
                    throw syntaxError("the string is not valid UTF-8")
                }
                return text
            case UInt8(ascii: "\\"):
                offset += 1
                try parseEscape(into: &buffer)
            case 0x00..<0x20:
                throw syntaxError("a control character must be escaped in a string")
            default:
                buffer.append(byte)
                offset += 1
            }
        }
        throw syntaxError("the string is not closed")
    }

    private mutating func parseEscape(into buffer: inout [UInt8]) throws(WireError) {
        guard offset < bytes.count else { throw syntaxError("the escape is not complete") }
        let escaped = bytes[offset]
        offset += 1
        switch escaped {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): buffer.append(escaped)
        case UInt8(ascii: "b"): buffer.append(0x08)
        case UInt8(ascii: "f"): buffer.append(0x0C)
        case UInt8(ascii: "n"): buffer.append(0x0A)
        case UInt8(ascii: "r"): buffer.append(0x0D)
        case UInt8(ascii: "t"): buffer.append(0x09)
        case UInt8(ascii: "u"): try parseUnicodeEscape(into: &buffer)
        default: throw syntaxError("\\\(Character(Unicode.Scalar(escaped))) is not a JSON escape")
        }
    }

    /// `\uXXXX`, with surrogate pairs joined; a lone surrogate is an error.
    private mutating func parseUnicodeEscape(into buffer: inout [UInt8]) throws(WireError) {
        let first = try parseHexQuad()
        var scalarValue = UInt32(first)
        if (0xD800...0xDBFF).contains(first) {
            guard consume(UInt8(ascii: "\\")), consume(UInt8(ascii: "u")) else {
                throw syntaxError("a high surrogate must be followed by a low surrogate")
            }
            let second = try parseHexQuad()
            guard (0xDC00...0xDFFF).contains(second) else {
                throw syntaxError("a high surrogate must be followed by a low surrogate")
            }
            scalarValue = 0x10000 + ((UInt32(first) - 0xD800) << 10) + (UInt32(second) - 0xDC00)
        } else if (0xDC00...0xDFFF).contains(first) {
            throw syntaxError("a low surrogate without a high surrogate")
        }
        guard let scalar = Unicode.Scalar(scalarValue) else { throw syntaxError("not a Unicode scalar") }
        UTF8.encode(scalar) { buffer.append($0) }
    }

    private mutating func parseHexQuad() throws(WireError) -> UInt16 {
        guard bytes.count - offset >= 4 else { throw syntaxError("\\u needs four hex digits") }
        var value: UInt16 = 0
        for _ in 0..<4 {
            let byte = bytes[offset]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw syntaxError("\\u needs four hex digits")
            }
            value = value << 4 | UInt16(digit)
            offset += 1
        }
        return value
    }
}
