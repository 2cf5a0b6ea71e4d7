/// A parsed JSON document, as the strict parser accepts it: no floating point, integers within
/// ±(2^53 − 1), objects without duplicate keys.
///
/// Objects are dictionaries: member order carries no meaning on the wire (the canonical form sorts
/// keys), so two documents that differ only in member order are equal values.
public enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    /// An integer in ``JSONValue/integerRange``.
    case integer(Int64)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// The integers every JSON implementation reads exactly (I-JSON, RFC 7493): ±(2^53 − 1).
    public static let integerRange: ClosedRange<Int64> = -9_007_199_254_740_991...9_007_199_254_740_991

    /// The JSON type's name, for error messages (`"an object"`, `"a string"`).
    public var typeDescription: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .integer: return "an integer"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}

/// A `JSONValue` decodes from any decoder (taking the subtree as it is) and encodes to any encoder.
extension JSONValue: Codable {
    public init(from decoder: any Decoder) throws {
        if let treeDecoder = decoder as? TreeDecoder {
            treeDecoder.markConsumedWhole()
            self = treeDecoder.value
            return
        }
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .integer(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}

/// Bounds on what the parser accepts, so that a hostile document cannot exhaust memory or stack.
public struct JSONLimits: Equatable, Sendable {
    /// The longest document accepted, in bytes. Default 1 MiB: a sealed instruction is a few KiB.
    public var maximumDocumentBytes: Int
    /// The deepest nesting of arrays and objects accepted. Default 64; ours nest at most 6.
    public var maximumDepth: Int

    /// Limits; both must be positive.
    public init(maximumDocumentBytes: Int = 1 << 20, maximumDepth: Int = 64) {
        precondition(maximumDocumentBytes > 0, "a document limit must be positive")
        precondition(maximumDepth > 0 && maximumDepth <= 512, "the depth limit bounds recursion: 1...512")
        self.maximumDocumentBytes = maximumDocumentBytes
        self.maximumDepth = maximumDepth
    }

    /// 1 MiB, 64 levels.
    public static let standard = JSONLimits()
}
