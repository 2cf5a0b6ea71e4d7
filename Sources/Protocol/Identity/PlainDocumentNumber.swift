/// Marks a kind of identity document whose number has no check character; see ``PlainDocumentNumber``.
public protocol PlainDocumentKind: Sendable {
    /// The document kind whose shape rules apply.
    static var kind: IdentityDocumentKind { get }
}

/// Passports: ``IdentityDocumentKind/passport``.
public enum PassportKind: PlainDocumentKind {
    public static var kind: IdentityDocumentKind { .passport }
}

/// Hong Kong and Macau residents' permits: ``IdentityDocumentKind/hongKongMacauPermit``.
public enum HongKongMacauPermitKind: PlainDocumentKind {
    public static var kind: IdentityDocumentKind { .hongKongMacauPermit }
}

/// Taiwan residents' permits: ``IdentityDocumentKind/taiwanPermit``.
public enum TaiwanPermitKind: PlainDocumentKind {
    public static var kind: IdentityDocumentKind { .taiwanPermit }
}

/// Foreigners' permanent residence cards: ``IdentityDocumentKind/foreignPermanentResidenceCard``.
public enum ForeignPermanentResidenceCardKind: PlainDocumentKind {
    public static var kind: IdentityDocumentKind { .foreignPermanentResidenceCard }
}

/// Any other document: ``IdentityDocumentKind/other``.
public enum OtherDocumentKind: PlainDocumentKind {
    public static var kind: IdentityDocumentKind { .other }
}

/// A document number without a check character, validated against the length and characters of its
/// kind. The kind is part of the type, so a passport number cannot stand where a permit is expected.
public struct PlainDocumentNumber<Kind: PlainDocumentKind>: Hashable, Sendable, CustomStringConvertible {
    /// The number, ASCII digits and upper-case letters (and hyphens for ``OtherDocumentKind``).
    public let text: String

    /// Validates the shape; lower-case letters and spaces are refused, not fixed.
    public init(_ text: String) throws(IdentityDocumentError) {
        guard text.count <= 64, text.allSatisfy(\.isASCII) else {
            let reason = text.count > 64 ? "the number is longer than 64 characters" : "only ASCII characters are allowed"
            throw IdentityDocumentError.invalidNumber(kind: Kind.kind, text: String(text.prefix(64)), reason: reason)
        }
        if let problem = Kind.kind.problemWithPlainNumber(Array(text.utf8)) {
            throw IdentityDocumentError.invalidNumber(kind: Kind.kind, text: text, reason: problem)
        }
        self.text = text
    }

    /// The number.
    public var description: String { text }
}

/// On the wire: the number as one JSON string.
extension PlainDocumentNumber: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try PlainDocumentNumber(text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}

/// A passport number.
public typealias PassportNumber = PlainDocumentNumber<PassportKind>
/// A Hong Kong or Macau resident's permit number.
public typealias HongKongMacauPermitNumber = PlainDocumentNumber<HongKongMacauPermitKind>
/// A Taiwan resident's permit number.
public typealias TaiwanPermitNumber = PlainDocumentNumber<TaiwanPermitKind>
/// A foreigner's permanent residence card number.
public typealias ForeignPermanentResidenceCardNumber = PlainDocumentNumber<ForeignPermanentResidenceCardKind>
/// The number of any other document.
public typealias OtherDocumentNumber = PlainDocumentNumber<OtherDocumentKind>
