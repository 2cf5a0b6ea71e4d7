/// The keyed container of ``TreeDecoder``: marks each key it reads.
struct TreeKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: TreeDecoder
    let members: [String: JSONValue]
    var codingPath: [any CodingKey] { decoder.codingPath }
    var allKeys: [Key] { members.keys.compactMap { Key(stringValue: $0) } }

    func contains(_ key: Key) -> Bool { members[key.stringValue] != nil }

    /// A member that must be present; marks it read.
    private func member(_ key: Key) throws(WireError) -> JSONValue {
        guard let value = members[key.stringValue] else {
            throw WireError(at: JSONPath(codingPath: codingPath + [key]), .missingField)
        }
        decoder.markRead(key: key.stringValue)
        return value
    }

    /// Explicit `null` is refused: an absent optional field is written by leaving it out.
    func decodeNil(forKey key: Key) throws -> Bool {
        if case .null = try member(key) {
            throw WireError(at: JSONPath(codingPath: codingPath + [key]), .nullNotAllowed)
        }
        return false
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool {
        try TreeDecoder.bool(member(key), codingPath + [key])
    }

    func decode(_ type: String.Type, forKey key: Key) throws -> String {
        try TreeDecoder.string(member(key), codingPath + [key])
    }

    func decode(_ type: Double.Type, forKey key: Key) throws -> Double {
        throw TreeDecoder.floatingPointError(codingPath + [key])
    }

    func decode(_ type: Float.Type, forKey key: Key) throws -> Float {
        throw TreeDecoder.floatingPointError(codingPath + [key])
    }

    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try integer(type, key) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try integer(type, key) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try integer(type, key) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try integer(type, key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try integer(type, key) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try integer(type, key) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try integer(type, key) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try integer(type, key) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try integer(type, key) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try integer(type, key) }

    private func integer<Integer: FixedWidthInteger>(_ type: Integer.Type, _ key: Key) throws(WireError) -> Integer {
        try TreeDecoder.integer(type, member(key), codingPath + [key])
    }

    func decode<Value: Decodable>(_ type: Value.Type, forKey key: Key) throws -> Value {
        try TreeDecoder.decode(type, from: member(key), codingPath: codingPath + [key])
    }

    func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type, forKey key: Key
    ) throws -> KeyedDecodingContainer<NestedKey> {
        // A nested container's reads are not tracked member by member: refuse it rather than
        // let unknown keys through. Wire types decode nested objects as their own types.
        throw WireError(at: JSONPath(codingPath: codingPath + [key]), .invalidValue("nested containers are not supported; decode a type"))
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        throw WireError(at: JSONPath(codingPath: codingPath + [key]), .invalidValue("nested containers are not supported; decode a type"))
    }

    func superDecoder() throws -> any Decoder {
        throw WireError(at: JSONPath(codingPath: codingPath), .invalidValue("super decoders are not supported"))
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        throw WireError(at: JSONPath(codingPath: codingPath + [key]), .invalidValue("super decoders are not supported"))
    }
}

/// The unkeyed container of ``TreeDecoder``: reads elements in order and reports how far it got.
struct TreeUnkeyedContainer: UnkeyedDecodingContainer {
    let decoder: TreeDecoder
    let elements: [JSONValue]
    private(set) var currentIndex = 0
    var codingPath: [any CodingKey] { decoder.codingPath }
    var count: Int? { elements.count }
    var isAtEnd: Bool { currentIndex >= elements.count }

    init(decoder: TreeDecoder, elements: [JSONValue]) {
        self.decoder = decoder
        self.elements = elements
    }

    /// The next element; marks it read.
    private mutating func next() throws(WireError) -> (JSONValue, [any CodingKey]) {
        let elementPath = codingPath + [JSONIndexKey(index: currentIndex)]
        guard currentIndex < elements.count else {
            throw WireError(at: JSONPath(codingPath: elementPath), .missingField)
        }
        let element = elements[currentIndex]
        currentIndex += 1
        decoder.markRead(elementCount: currentIndex)
        return (element, elementPath)
    }

    /// Explicit `null` is refused; otherwise the element stays unread for the next decode.
    mutating func decodeNil() throws -> Bool {
        let elementPath = codingPath + [JSONIndexKey(index: currentIndex)]
        guard currentIndex < elements.count else {
            throw WireError(at: JSONPath(codingPath: elementPath), .missingField)
        }
        if case .null = elements[currentIndex] {
            throw WireError(at: JSONPath(codingPath: elementPath), .nullNotAllowed)
        }
        return false
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool {
        let (element, path) = try next()
        return try TreeDecoder.bool(element, path)
    }

    mutating func decode(_ type: String.Type) throws -> String {
        let (element, path) = try next()
        return try TreeDecoder.string(element, path)
    }

    mutating func decode(_ type: Double.Type) throws -> Double {
        throw TreeDecoder.floatingPointError(codingPath + [JSONIndexKey(index: currentIndex)])
    }

    mutating func decode(_ type: Float.Type) throws -> Float {
        throw TreeDecoder.floatingPointError(codingPath + [JSONIndexKey(index: currentIndex)])
    }

    mutating func decode(_ type: Int.Type) throws -> Int { try integer(type) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try integer(type) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try integer(type) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try integer(type) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try integer(type) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try integer(type) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(type) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(type) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(type) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(type) }

    private mutating func integer<Integer: FixedWidthInteger>(_ type: Integer.Type) throws(WireError) -> Integer {
        let (element, path) = try next()
        return try TreeDecoder.integer(type, element, path)
    }

    mutating func decode<Value: Decodable>(_ type: Value.Type) throws -> Value {
        let (element, path) = try next()
        return try TreeDecoder.decode(type, from: element, codingPath: path)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        throw WireError(at: JSONPath(codingPath: codingPath), .invalidValue("nested containers are not supported; decode a type"))
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        throw WireError(at: JSONPath(codingPath: codingPath), .invalidValue("nested containers are not supported; decode a type"))
    }

    mutating func superDecoder() throws -> any Decoder {
        throw WireError(at: JSONPath(codingPath: codingPath), .invalidValue("super decoders are not supported"))
    }
}

/// The single-value container of ``TreeDecoder``. Decoding a nested type through it hands the
/// whole value to that type, whose own decoder then checks for unread members.
struct TreeSingleValueContainer: SingleValueDecodingContainer {
    let decoder: TreeDecoder
    var codingPath: [any CodingKey] { decoder.codingPath }

    func decodeNil() -> Bool {
        if case .null = decoder.value { return true }
        return false
    }

    func decode(_ type: Bool.Type) throws -> Bool { try TreeDecoder.bool(decoder.value, codingPath) }
    func decode(_ type: String.Type) throws -> String { try TreeDecoder.string(decoder.value, codingPath) }
    func decode(_ type: Double.Type) throws -> Double { throw TreeDecoder.floatingPointError(codingPath) }
    func decode(_ type: Float.Type) throws -> Float { throw TreeDecoder.floatingPointError(codingPath) }
    func decode(_ type: Int.Type) throws -> Int { try TreeDecoder.integer(type, decoder.value, codingPath) }
    func decode(_ type: Int8.Type) throws -> Int8 { try TreeDecoder.integer(type, decoder.value, codingPath) }
    func decode(_ type: Int16.Type) throws -> Int16 { try TreeDecoder.integer(type, decoder.value, codingPath) }
    func decode(_ type: Int32.Type) throws -> Int32 { try TreeDecoder.integer(type, decoder.value, codingPath) }
    func decode(_ type: Int64.Type) throws -> Int64 { try TreeDecoder.integer(type, decoder.value, codingPath) }
    func decode(_ type: UInt.Type) throws -> UInt { try TreeDecoder.integer(type, decoder.value, codingPath) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try TreeDecoder.integer(type, decoder.value, codingPath) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try TreeDecoder.integer(type, decoder.value, codingPath) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try TreeDecoder.integer(type, decoder.value, codingPath) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try TreeDecoder.integer(type, decoder.value, codingPath) }

    func decode<Value: Decodable>(_ type: Value.Type) throws -> Value {
        let result = try TreeDecoder.decode(type, from: decoder.value, codingPath: codingPath)
        decoder.markConsumedWhole()
        return result
    }
}
