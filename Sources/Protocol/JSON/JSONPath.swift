/// A location in a JSON document: the keys and indexes from the root. Rendered as `$.a[2].b`.
struct JSONPath: Hashable, Sendable, CustomStringConvertible {
    /// One step from a container to a member.
    enum Component: Hashable, Sendable {
        case key(String)
        case index(Int)
    }

    private(set) var components: [Component]

    /// The root, `$`.
    static let root = JSONPath(components: [])

    init(components: [Component]) {
        self.components = components
    }

    /// The path of a Codable coding path: integer keys of unkeyed containers become indexes.
    init(codingPath: [any CodingKey]) {
        self.components = codingPath.map { key in
            if let index = key as? JSONIndexKey { return .index(index.index) }
            if let index = key.intValue, key.stringValue == "Index \(index)" { return .index(index) }
            return .key(key.stringValue)
        }
    }

    /// This path with one more key.
    func appending(key: String) -> JSONPath {
        var result = self
        result.components.append(.key(key))
        return result
    }

    /// This path with one more index.
    func appending(index: Int) -> JSONPath {
        var result = self
        result.components.append(.index(index))
        return result
    }

    var description: String {
        var text = "$"
        for component in components {
            switch component {
            case .index(let index):
                text += "[\(index)]"
            case .key(let key) where JSONPath.isIdentifier(key):
                text += "." + key
            case .key(let key):
                text += "[\"" + key.replacingBackslashesAndQuotes() + "\"]"
            }
        }
        return text
    }

    /// Plain identifiers (`[A-Za-z_][A-Za-z0-9_]*`) are written after a dot; others in brackets.
    private static func isIdentifier(_ key: String) -> Bool {
        guard let first = key.utf8.first, !(first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9")) else {
            return false
        }
        return key.utf8.allSatisfy { byte in
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || byte == UInt8(ascii: "_")
        }
    }
}

extension String {
    fileprivate func replacingBackslashesAndQuotes() -> String {
        var result = ""
        for character in self {
            if character == "\\" || character == "\"" { result.append("\\") }
            result.append(character)
        }
        return result
    }
}

/// The coding key of an array element: its index.
struct JSONIndexKey: CodingKey {
    let index: Int
    init(index: Int) { self.index = index }
    init?(stringValue: String) { return nil }
    init?(intValue: Int) { self.index = intValue }
    var stringValue: String { "Index \(index)" }
    var intValue: Int? { index }
}

/// The coding key of an object member, for paths built from strings.
struct JSONStringKey: CodingKey {
    let stringValue: String
    init(_ stringValue: String) { self.stringValue = stringValue }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { return nil }
    var intValue: Int? { nil }
}
