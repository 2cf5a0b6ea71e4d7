/// An organisation code (组织机构代码, GB 11714-1997): eight body characters (digits or upper-case
/// letters) and a check character (`0`…`9` or `X`, MOD 11 with weights 3 7 9 10 5 8 4 2).
///
/// Accepted forms: `"XXXXXXXX-X"` (as printed on certificates) and the nine characters without the
/// hyphen (as embedded in a unified social credit code). Both give the same value, printed in one
/// form: with the hyphen (``description``); ``compact`` gives the nine characters. Lower-case
/// letters are refused, not fixed, so that one code has one spelling.
public struct OrganizationCode: Hashable, Sendable, CustomStringConvertible {
    /// The nine characters without the hyphen.
    public let compact: String

    /// Validates either accepted form, including the check character.
    public init(_ text: String) throws(OrganizationCodeError) {
        guard text.count <= 64, text.allSatisfy(\.isASCII) else {
            let offending = text.enumerated().first(where: { !$0.element.isASCII })
            throw OrganizationCodeError.invalidCharacter(
                text: String(text.prefix(64)), position: (offending?.offset ?? 64) + 1,
                character: offending.map { String($0.element) } ?? "")
        }
        var bytes = Array(text.utf8)
        if bytes.count == 10 {
            guard bytes[8] == UInt8(ascii: "-") else {
                throw OrganizationCodeError.malformed(text: text, reason: "a 10-character code must have a hyphen before the check character")
            }
            bytes.remove(at: 8)
        }
        guard bytes.count == 9 else { throw OrganizationCodeError.wrongLength(text: text, count: text.count) }
        try OrganizationCode.validate(bytes, text: text)
        self.compact = String(decoding: bytes, as: UTF8.self)
    }

    /// The check character for eight body characters; nil unless they are digits or upper-case letters.
    public static func checkCharacter(forBody body: String) -> Character? {
        let bytes = Array(body.utf8)
        guard bytes.count == 8, bytes.allSatisfy({ CheckCharacters.alphanumericValue($0) != nil }) else { return nil }
        return Character(UnicodeScalar(CheckCharacters.organizationCodeCheck(bytes[0..<8])))
    }

    /// `"XXXXXXXX-X"`.
    public var description: String {
        String(compact.prefix(8)) + "-" + String(compact.suffix(1))
    }

    static func validate(_ bytes: [UInt8], text: String) throws(OrganizationCodeError) {
        precondition(bytes.count == 9)
        for index in 0..<8 where CheckCharacters.alphanumericValue(bytes[index]) == nil {
            let character = String(UnicodeScalar(bytes[index]))
            if CheckCharacters.isLowerLetter(bytes[index]) {
                throw OrganizationCodeError.lowercaseLetter(text: text, character: character)
            }
            throw OrganizationCodeError.invalidCharacter(text: text, position: index + 1, character: character)
        }
        let check = bytes[8]
        guard CheckCharacters.isDigit(check) || check == UInt8(ascii: "X") else {
            if check == UInt8(ascii: "x") {
                throw OrganizationCodeError.lowercaseLetter(text: text, character: "x")
            }
            throw OrganizationCodeError.invalidCharacter(text: text, position: 9, character: String(UnicodeScalar(check)))
        }
        let expected = CheckCharacters.organizationCodeCheck(bytes[0..<8])
        guard check == expected else {
            throw OrganizationCodeError.checkCharacterMismatch(
                text: text, expected: String(UnicodeScalar(expected)), found: String(UnicodeScalar(check)))
        }
    }
}

/// On the wire: one JSON string, `"XXXXXXXX-X"`; decoding also accepts the nine-character form.
extension OrganizationCode: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try OrganizationCode(text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// Why an organisation code was refused. Positions count the nine characters without the hyphen, from 1.
public enum OrganizationCodeError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Neither 9 characters nor 10 with a hyphen.
    case wrongLength(text: String, count: Int)
    /// The shape is wrong in a way the reason names.
    case malformed(text: String, reason: String)
    /// A character that may not stand at this position.
    case invalidCharacter(text: String, position: Int, character: String)
    /// A lower-case letter; codes are upper case.
    case lowercaseLetter(text: String, character: String)
    /// The check character does not match the body.
    case checkCharacterMismatch(text: String, expected: String, found: String)

    public var description: String {
        switch self {
        case .wrongLength(let text, let count):
            return "organisation code \"\(text)\" has \(count) characters; it must be XXXXXXXX-X or 9 characters"
        case .malformed(let text, let reason):
            return "organisation code \"\(text)\" is malformed: \(reason)"
        case .invalidCharacter(let text, let position, let character):
            let allowed = position == 9 ? "a digit or X" : "a digit or an upper-case letter"
            return "organisation code \"\(text)\" has \"\(character)\" at position \(position); expected \(allowed)"
        case .lowercaseLetter(let text, let character):
            return "organisation code \"\(text)\" has the lower-case letter \"\(character)\"; codes are upper case"
        case .checkCharacterMismatch(let text, let expected, let found):
            return "organisation code \"\(text)\" ends in \(found) but its check character is \(expected)"
        }
    }
}
