/// The `Encoder` behind ``CanonicalJSON``: builds a ``JSONValue`` tree, refusing what the wire
/// does not carry (floating point, `nil`, integers beyond ±(2^53 − 1), a key encoded twice).
final class TreeEncoder: Encoder {
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    /// What this encoder's value became.
    fileprivate let node: EncodingNode

    private init(codingPath: [any CodingKey], node: EncodingNode) {
        self.codingPath = codingPath
        self.node = node
    }

    /// Encodes a value into a tree.
    static func encode<Value: Encodable>(_ value: Value) throws(WireError) -> JSONValue {
        let node = EncodingNode()
        try encode(value, into: node, codingPath: [])
        return try node.resolve(codingPath: [])
    }

    /// Encodes `value` into `node`; primitives are stored directly.
    fileprivate static func encode<Value: Encodable>(
        _ value: Value, into node: EncodingNode, codingPath: [any CodingKey]
    ) throws(WireError) {
        if let primitive = try primitive(value, codingPath: codingPath) {
            node.set(primitive)
            return
        }
        if let tree = value as? JSONValue {
            node.set(tree)
            return
        }
        let encoder = TreeEncoder(codingPath: codingPath, node: node)
        do {
            try value.encode(to: encoder)
        } catch let error as WireError {
            throw error
        } catch {
            throw WireError(at: JSONPath(codingPath: codingPath), .invalidValue(String(describing: error)))
        }
    }

    private static func primitive<Value>(_ value: Value, codingPath: [any CodingKey]) throws(WireError) -> JSONValue? {
        switch value {
        case let text as String: return .string(text)
        case let flag as Bool: return .bool(flag)
        case let number as Int64: return try integer(number, codingPath)
        case let number as Int: return try integer(number, codingPath)
        case is Double, is Float:
            throw WireError(at: JSONPath(codingPath: codingPath), .invalidValue("floating point is not used on the wire"))
        default: return nil
        }
    }

    static func integer<Integer: BinaryInteger>(_ number: Integer, _ codingPath: [any CodingKey]) throws(WireError) -> JSONValue {
        guard let exact = Int64(exactly: number), JSONValue.integerRange.contains(exact) else {
            throw WireError(at: JSONPath(codingPath: codingPath), .integerOutOfRange(String(number)))
        }
        return .integer(exact)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        node.becomeObject()
        return KeyedEncodingContainer(TreeKeyedEncodingContainer<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        node.becomeArray()
        return TreeUnkeyedEncodingContainer(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        TreeSingleValueEncodingContainer(node: node, codingPath: codingPath)
    }
}

/// One value under construction: unset, a finished value, an object or an array of nodes.
private final class EncodingNode {
    enum Content {
        case unset
        case value(JSONValue)
        case object([String: EncodingNode])
        case array([EncodingNode])
    }

    var content = Content.unset

    func set(_ value: JSONValue) {
        guard case .unset = content else { preconditionFailure("a value is encoded twice at one place") }
        content = .value(value)
    }

    func becomeObject() {
        switch content {
        case .unset: content = .object([:])
        case .object: break
        default: preconditionFailure("a keyed container was asked of a value that is not an object")
        }
    }

    func becomeArray() {
        switch content {
        case .unset: content = .array([])
        case .array: break
        default: preconditionFailure("an unkeyed container was asked of a value that is not an array")
        }
    }

    /// A new member node; a key encoded twice is an error.
    func addMember(_ key: String, codingPath: [any CodingKey]) throws(WireError) -> EncodingNode {
        guard case .object(var members) = content else { preconditionFailure("not an object") }
        guard members[key] == nil else { throw WireError(at: JSONPath(codingPath: codingPath), .duplicateKey) }
        let child = EncodingNode()
        members[key] = child
        content = .object(members)
        return child
    }

    /// A new element node at the end.
    func addElement() -> (node: EncodingNode, index: Int) {
        guard case .array(var elements) = content else { preconditionFailure("not an array") }
        let child = EncodingNode()
        elements.append(child)
        content = .array(elements)
        return (child, elements.count - 1)
    }

    func resolve(codingPath: [any CodingKey]) throws(WireError) -> JSONValue {
        switch content {
        case .unset:
            // A type that encoded nothing at all: an empty object is the only neutral choice.
            return .object([:])
        case .value(let value):
            return value
        case .object(let members):
            var resolved: [String: JSONValue] = [:]
            for (key, child) in members {
                resolved[key] = try child.resolve(codingPath: codingPath + [JSONStringKey(key)])
            }
            return .object(resolved)
        case .array(let elements):
            var resolved: [JSONValue] = []
            resolved.reserveCapacity(elements.count)
            for (index, child) in elements.enumerated() {
                resolved.append(try child.resolve(codingPath: codingPath + [JSONIndexKey(index: index)]))
            }
            return .array(resolved)
        }
    }
}

private struct TreeKeyedEncodingContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: EncodingNode
    let codingPath: [any CodingKey]

    /// `nil` is never written: optional fields are left out (``encodeIfPresent`` does that).
    mutating func encodeNil(forKey key: Key) throws {
        throw WireError(at: JSONPath(codingPath: codingPath + [key]), .nullNotAllowed)
    }

    mutating func encode<Value: Encodable>(_ value: Value, forKey key: Key) throws {
        let path = codingPath + [key]
        let child = try node.addMember(key.stringValue, codingPath: path)
        try TreeEncoder.encode(value, into: child, codingPath: path)
    }

    mutating func encode(_ value: Int8, forKey key: Key) throws { try encodeInteger(value, key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { try encodeInteger(value, key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { try encodeInteger(value, key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { try encodeInteger(value, key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { try encodeInteger(value, key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { try encodeInteger(value, key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { try encodeInteger(value, key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { try encodeInteger(value, key) }

    private mutating func encodeInteger<Integer: BinaryInteger>(_ value: Integer, _ key: Key) throws(WireError) {
        let path = codingPath + [key]
        let child = try node.addMember(key.stringValue, codingPath: path)
        child.set(try TreeEncoder.integer(value, path))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        preconditionFailure("nested containers are not used by wire types; encode a type")
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        preconditionFailure("nested containers are not used by wire types; encode a type")
    }

    mutating func superEncoder() -> any Encoder {
        preconditionFailure("super encoders are not used by wire types")
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        preconditionFailure("super encoders are not used by wire types")
    }
}

private struct TreeUnkeyedEncodingContainer: UnkeyedEncodingContainer {
    let node: EncodingNode
    let codingPath: [any CodingKey]
    var count: Int {
        guard case .array(let elements) = node.content else { return 0 }
        return elements.count
    }

    mutating func encodeNil() throws {
        throw WireError(at: JSONPath(codingPath: codingPath + [JSONIndexKey(index: count)]), .nullNotAllowed)
    }

    mutating func encode<Value: Encodable>(_ value: Value) throws {
        let (child, index) = node.addElement()
        try TreeEncoder.encode(value, into: child, codingPath: codingPath + [JSONIndexKey(index: index)])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        preconditionFailure("nested containers are not used by wire types; encode a type")
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        preconditionFailure("nested containers are not used by wire types; encode a type")
    }

    mutating func superEncoder() -> any Encoder {
        preconditionFailure("super encoders are not used by wire types")
    }
}

private struct TreeSingleValueEncodingContainer: SingleValueEncodingContainer {
    let node: EncodingNode
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws {
        throw WireError(at: JSONPath(codingPath: codingPath), .nullNotAllowed)
    }

    mutating func encode<Value: Encodable>(_ value: Value) throws {
        try TreeEncoder.encode(value, into: node, codingPath: codingPath)
    }
}
