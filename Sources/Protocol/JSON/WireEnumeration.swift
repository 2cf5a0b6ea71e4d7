/// A closed list of string values on the wire (a `kind`, a status, a reason code).
///
/// Decoding a value outside the list fails with ``WireError/Reason/unknownKind(_:expected:)``,
/// which names the value, the path and every allowed value, instead of Foundation's generic
/// "cannot initialize from invalid String value".
public protocol WireEnumeration: Codable, CaseIterable, RawRepresentable, Sendable where RawValue == String {}

extension WireEnumeration {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Self(rawValue: text) else {
            throw WireError(at: JSONPath(codingPath: decoder.codingPath), .unknownKind(text, expected: Self.allRawValues))
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// Every allowed value, in declaration order.
    public static var allRawValues: [String] { allCases.map(\.rawValue) }
}
