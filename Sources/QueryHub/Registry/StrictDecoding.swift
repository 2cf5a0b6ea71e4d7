/// A coding key for any member name or index: lets a decoder list every key an object holds.
struct AnyCodingKey: CodingKey, Hashable {
    let stringValue: String
    let intValue: Int?

    init(stringValue: String) {
        self.stringValue = stringValue
        self.intValue = nil
    }

    init(intValue: Int) {
        self.stringValue = String(intValue)
        self.intValue = intValue
    }
}

/// An object member that no field of the type has: refused, because a misspelt key
/// (`"t2tLinkd": true`) silently ignored would change what the registry means.
struct UnknownKeyError: Error {
    /// Where the key is, the key itself last.
    let codingPath: [any CodingKey]
    /// The keys the object may hold.
    let knownKeys: [String]
}

extension Decoder {
    /// Throws ``UnknownKeyError`` when the object being decoded has a key outside `keys`.
    func refuseUnknownKeys<Keys: CodingKey & CaseIterable>(_ keys: Keys.Type) throws {
        let container = try container(keyedBy: AnyCodingKey.self)
        let known = Keys.allCases.map(\.stringValue)
        // The keys are the input's own; their number is bounded by the document's size.
        for key in container.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) where !known.contains(key.stringValue) {
            throw UnknownKeyError(codingPath: codingPath + [key], knownKeys: known)
        }
    }
}

/// Renders a coding path as `banks[2].capabilities.onlineDeduct`; the top level is `(top level)`.
func renderCodingPath(_ path: [any CodingKey]) -> String {
    var text = ""
    for key in path {
        if let index = key.intValue {
            text += "[\(index)]"
        } else {
            text += text.isEmpty ? key.stringValue : "." + key.stringValue
        }
    }
    return text.isEmpty ? "(top level)" : text
}
