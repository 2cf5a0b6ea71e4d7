/// The `Decoder` over a ``JSONValue`` tree that ``StrictJSONDecoder`` uses.
///
/// One instance per decoded value. It records which keys its keyed containers read and how many
/// elements its unkeyed containers read; ``finish()`` then refuses whatever was left unread.
final class TreeDecoder: Decoder {
    /// The value being decoded.
    let value: JSONValue
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// Keys of ``value`` (an object) that some keyed container read.
    private(set) var readKeys: Set<String> = []
    /// Elements of ``value`` (an array) that some unkeyed container read, from the front.
    private(set) var readElementCount = 0
    /// Set when the value was taken as a whole (a nested decode through a single-value container).
    private var consumedWhole = false

    private init(value: JSONValue, codingPath: [any CodingKey]) {
        self.value = value
        self.codingPath = codingPath
    }

    /// Decodes `type` from `value`, then refuses unread members. Primitives take a fast path.
    static func decode<Value: Decodable>(
        _ type: Value.Type, from value: JSONValue, codingPath: [any CodingKey]
    ) throws(WireError) -> Value {
        // No wire type accepts null: an absent optional field is left out instead.
        if case .null = value { throw WireError(at: JSONPath(codingPath: codingPath), .nullNotAllowed) }
        if let primitive = try decodePrimitive(type, from: value, codingPath: codingPath) {
            return primitive
        }
        let decoder = TreeDecoder(value: value, codingPath: codingPath)
        let result: Value
        do {
            result = try Value(from: decoder)
        } catch {
            throw WireError.converting(error, at: codingPath)
        }
        try decoder.finish()
        return result
    }

    /// Strings, booleans and integers without building a decoder; nil for other types.
    private static func decodePrimitive<Value>(
        _ type: Value.Type, from value: JSONValue, codingPath: [any CodingKey]
    ) throws(WireError) -> Value? {
        if type == String.self { return try TreeDecoder.string(value, codingPath) as? Value }
        if type == Bool.self { return try TreeDecoder.bool(value, codingPath) as? Value }
        if type == Int64.self { return try TreeDecoder.integer(Int64.self, value, codingPath) as? Value }
        if type == Int.self { return try TreeDecoder.integer(Int.self, value, codingPath) as? Value }
        if type == Double.self || type == Float.self {
            throw TreeDecoder.floatingPointError(codingPath)
        }
        return nil
    }

    /// Refuses keys never read and elements never read.
    private func finish() throws(WireError) {
        if consumedWhole { return }
        switch value {
        case .object(let members):
            let unread = members.keys.filter { !readKeys.contains($0) }
            if let first = unread.min(by: CanonicalJSON.keyPrecedes) {
                throw WireError(at: JSONPath(codingPath: codingPath).appending(key: first), .unknownField)
            }
        case .array(let elements) where readElementCount < elements.count:
            throw WireError(at: JSONPath(codingPath: codingPath).appending(index: readElementCount), .unexpectedElement)
        default:
            break
        }
    }

    func markRead(key: String) { readKeys.insert(key) }
    func markRead(elementCount: Int) { readElementCount = max(readElementCount, elementCount) }
    func markConsumedWhole() { consumedWhole = true }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let members) = value else {
            throw WireError(at: JSONPath(codingPath: codingPath), .wrongType(expected: "an object", found: value.typeDescription))
        }
        return KeyedDecodingContainer(TreeKeyedContainer<Key>(decoder: self, members: members))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let elements) = value else {
            throw WireError(at: JSONPath(codingPath: codingPath), .wrongType(expected: "an array", found: value.typeDescription))
        }
        return TreeUnkeyedContainer(decoder: self, elements: elements)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        TreeSingleValueContainer(decoder: self)
    }
}

// MARK: - Primitive conversions shared by the containers

extension TreeDecoder {
    static func string(_ value: JSONValue, _ codingPath: [any CodingKey]) throws(WireError) -> String {
        guard case .string(let text) = value else { throw mismatch("a string", value, codingPath) }
        return text
    }

    static func bool(_ value: JSONValue, _ codingPath: [any CodingKey]) throws(WireError) -> Bool {
        guard case .bool(let flag) = value else { throw mismatch("a boolean", value, codingPath) }
        return flag
    }

    static func integer<Integer: FixedWidthInteger>(
        _ type: Integer.Type, _ value: JSONValue, _ codingPath: [any CodingKey]
    ) throws(WireError) -> Integer {
        guard case .integer(let number) = value else { throw mismatch("an integer", value, codingPath) }
        guard let converted = Integer(exactly: number) else {
            throw WireError(at: JSONPath(codingPath: codingPath), .integerOutOfRange(String(number)))
        }
        return converted
    }

    static func floatingPointError(_ codingPath: [any CodingKey]) -> WireError {
        WireError(at: JSONPath(codingPath: codingPath), .invalidValue("floating point is not used on the wire"))
    }

    static func mismatch(_ expected: String, _ value: JSONValue, _ codingPath: [any CodingKey]) -> WireError {
        if case .null = value { return WireError(at: JSONPath(codingPath: codingPath), .nullNotAllowed) }
        return WireError(at: JSONPath(codingPath: codingPath), .wrongType(expected: expected, found: value.typeDescription))
    }
}
