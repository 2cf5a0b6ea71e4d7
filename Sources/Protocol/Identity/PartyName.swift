import Foundation

/// The name of a party (当事人姓名或名称): a person's or an organisation's name as it must match
/// the bank's and the police's records.
///
/// Normalisation, so that the same name always compares equal and hashes alike: surrounding
/// white space (including the ideographic space U+3000) is trimmed, every internal run of white
/// space becomes one ASCII space (foreign names keep their word breaks, a stray double space
/// disappears), and the text is put in Unicode NFC, so a decomposed "é" equals the composed one.
/// Refused with a reason: an empty name, more than ``maximumLength`` characters, and control,
/// format (zero-width, bidirectional overrides), private-use or unassigned characters, which have
/// no place in a name and can hide one name behind another.
public struct PartyName: Hashable, Sendable, CustomStringConvertible {
    /// The normalised name.
    public let text: String

    /// The longest name accepted, in characters (extended grapheme clusters) after normalisation.
    public static let maximumLength = 100
    /// The longest input examined, in Unicode scalars, before normalisation bounds the work.
    public static let maximumInputScalars = 1_000

    /// Normalises and validates a name.
    public init(_ raw: String) throws(PartyNameError) {
        guard raw.unicodeScalars.count <= PartyName.maximumInputScalars else {
            throw PartyNameError.tooLong(length: raw.count, maximum: PartyName.maximumLength)
        }
        for scalar in raw.unicodeScalars where PartyName.isForbidden(scalar) {
            throw PartyNameError.forbiddenCharacter(name: raw, scalar: PartyName.hexadecimal(scalar))
        }
        let collapsed = PartyName.collapsingWhiteSpace(raw)
        let normalised = collapsed.precomposedStringWithCanonicalMapping
        guard !normalised.isEmpty else { throw PartyNameError.empty }
        guard normalised.count <= PartyName.maximumLength else {
            throw PartyNameError.tooLong(length: normalised.count, maximum: PartyName.maximumLength)
        }
        self.text = normalised
        assert(!text.hasPrefix(" ") && !text.hasSuffix(" "))
    }

    /// The normalised name.
    public var description: String { text }

    /// Trims white space at both ends and turns each internal run into one space.
    static func collapsingWhiteSpace(_ raw: String) -> String {
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in raw.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace { result.append(" ") }
            pendingSpace = false
            result.append(scalar)
        }
        return String(result)
    }

    /// Control (Cc, which includes tab and line feed), format (Cf), line and paragraph separators,
    /// private-use, surrogate and unassigned scalars.
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .privateUse, .surrogate, .unassigned:
            return true
        default:
            return false
        }
    }

    static func hexadecimal(_ scalar: Unicode.Scalar) -> String {
        let digits = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}

/// On the wire: the normalised name as one JSON string; decoding normalises and validates.
extension PartyName: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try PartyName(text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}

/// Why a party name was refused.
public enum PartyNameError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Nothing but white space.
    case empty
    /// Longer than the limit after normalisation.
    case tooLong(length: Int, maximum: Int)
    /// A control, format, separator, private-use or unassigned character, named by its code point.
    case forbiddenCharacter(name: String, scalar: String)

    public var description: String {
        switch self {
        case .empty:
            return "the party name is empty"
        case .tooLong(let length, let maximum):
            return "the party name has \(length) characters; at most \(maximum) are allowed"
        case .forbiddenCharacter(let name, let scalar):
            let printable = name.unicodeScalars.filter { !PartyName.isForbidden($0) }
            return "the party name \"\(String(String.UnicodeScalarView(printable)))\" contains the character \(scalar), which is not allowed in a name"
        }
    }
}
