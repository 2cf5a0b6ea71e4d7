import Foundation

/// Decodes wire documents strictly: the bytes must be JSON as ``JSONParser`` accepts it, and the
/// value must match the type exactly.
///
/// Refused, each with a ``WireError`` naming the JSON path: an unknown field, a missing field, a
/// wrong JSON type, `null` anywhere (an absent optional field is left out), floating point, an
/// unknown `kind`, duplicate keys, too large or too deep documents. Foundation's `JSONDecoder`
/// ignores unknown keys and accepts duplicates, which would let two parties read one sealed
/// document differently; this decoder does not.
///
/// After a type's `init(from:)` returns, every member of every object it was given must have been
/// read; otherwise the first unread key (in sorted order) is reported as an unknown field. When
/// the decoded type conforms to ``WireValidatable``, its `validate()` runs last.
public struct StrictJSONDecoder: Sendable {
    /// Size and depth bounds.
    public var limits: JSONLimits

    /// A decoder with the given limits.
    public init(limits: JSONLimits = .standard) {
        self.limits = limits
    }

    /// Decodes and (for ``WireValidatable`` types) validates a document from its bytes.
    public func decode<Value: Decodable>(_ type: Value.Type, from bytes: [UInt8]) throws(WireError) -> Value {
        let tree = try JSONParser.parse(bytes, limits: limits)
        return try decode(type, from: tree)
    }

    /// Decodes and (for ``WireValidatable`` types) validates a document from its bytes.
    public func decode<Value: Decodable>(_ type: Value.Type, from data: Data) throws(WireError) -> Value {
        guard data.count <= limits.maximumDocumentBytes else {
            throw WireError(at: .root, .documentTooLarge(limitBytes: limits.maximumDocumentBytes, actualBytes: data.count))
        }
        return try decode(type, from: [UInt8](data))
    }

    /// Decodes and (for ``WireValidatable`` types) validates an already parsed document.
    public func decode<Value: Decodable>(_ type: Value.Type, from tree: JSONValue) throws(WireError) -> Value {
        let value = try TreeDecoder.decode(type, from: tree, codingPath: [])
        if let validatable = value as? any WireValidatable {
            try validatable.validate()
        }
        return value
    }

    /// Parses bytes into a ``JSONValue`` with the strict parser's rules.
    public func parse(_ bytes: [UInt8]) throws(WireError) -> JSONValue {
        try JSONParser.parse(bytes, limits: limits)
    }
}

/// A wire type with rules beyond its JSON shape (positive amounts, ordered periods, required
/// documents). ``StrictJSONDecoder`` calls `validate()` after decoding.
public protocol WireValidatable {
    /// Checks the rules; the error names the path of the offending field (from the document root).
    func validate() throws(WireError)
}

// MARK: - Errors from inside init(from:)

extension WireError {
    /// Converts any error thrown while decoding at `codingPath` into a `WireError` with its path.
    static func converting(_ error: any Error, at codingPath: [any CodingKey]) -> WireError {
        if let wireError = error as? WireError { return wireError }
        guard let decodingError = error as? DecodingError else {
            return WireError(at: JSONPath(codingPath: codingPath), .invalidValue(String(describing: error)))
        }
        switch decodingError {
        case .keyNotFound(let key, let context):
            return WireError(at: JSONPath(codingPath: context.codingPath + [key]), .missingField)
        case .typeMismatch(let type, let context):
            return WireError(at: JSONPath(codingPath: context.codingPath), .wrongType(expected: "\(type)", found: context.debugDescription))
        case .valueNotFound(let type, let context):
            return WireError(at: JSONPath(codingPath: context.codingPath), .wrongType(expected: "\(type)", found: "nothing"))
        case .dataCorrupted(let context):
            return WireError(at: JSONPath(codingPath: context.codingPath), .invalidValue(context.debugDescription))
        @unknown default:
            return WireError(at: JSONPath(codingPath: codingPath), .invalidValue(String(describing: decodingError)))
        }
    }
}
