/// A unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from the digits and
/// upper-case letters without I, O, Z, S and V.
///
/// Layout: registration authority (1), organisation category (2), administrative area (3…8,
/// digits), the GB 11714 organisation code (9…17, whose own check character is verified too), and
/// a MOD 31 check character (18). Lower-case letters are refused rather than upper-cased, so that one
/// organisation has exactly one spelling in documents and ledger keys.
public struct UnifiedSocialCreditCode: Hashable, Sendable, CustomStringConvertible {
    /// The 18 characters.
    public let text: String

    /// Validates characters, authority and category, area, embedded organisation code and check.
    public init(_ text: String) throws(UnifiedSocialCreditCodeError) {
        let bytes = try UnifiedSocialCreditCode.alphabetBytes(text)
        let authorityText = String(UnicodeScalar(bytes[0]))
        guard let authority = RegistrationAuthority(rawValue: authorityText) else {
            throw UnifiedSocialCreditCodeError.unknownRegistrationAuthority(text: text, character: authorityText)
        }
        let category = Character(UnicodeScalar(bytes[1]))
        guard authority.organizationCategories.contains(category) else {
            throw UnifiedSocialCreditCodeError.unknownOrganizationCategory(
                text: text, authority: authorityText, category: String(category))
        }
        try UnifiedSocialCreditCode.validateArea(bytes[2..<8], text: text)
        do {
            _ = try OrganizationCode(String(decoding: bytes[8..<17], as: UTF8.self))
        } catch {
            throw UnifiedSocialCreditCodeError.organizationCode(text: text, error)
        }
        let expected = CheckCharacters.creditCodeCheck(bytes[0..<17])
        guard bytes[17] == expected else {
            throw UnifiedSocialCreditCodeError.checkCharacterMismatch(
                text: text, expected: String(UnicodeScalar(expected)), found: String(UnicodeScalar(bytes[17])))
        }
        self.text = text
    }

    /// The MOD 31 check character for 17 characters; nil unless all are in the GB 32100 alphabet.
    public static func checkCharacter(forFirst17 characters: String) -> Character? {
        let bytes = Array(characters.utf8)
        guard bytes.count == 17, bytes.allSatisfy({ CheckCharacters.creditCodeValue($0) != nil }) else { return nil }
        return Character(UnicodeScalar(CheckCharacters.creditCodeCheck(bytes[0..<17])))
    }

    /// The 18 characters.
    public var description: String { text }

    /// The registration authority (character 1).
    public var registrationAuthority: RegistrationAuthority {
        guard let authority = RegistrationAuthority(rawValue: String(text.prefix(1))) else {
            preconditionFailure("a validated credit code has a known authority")
        }
        return authority
    }

    /// The organisation category (character 2), meaningful together with the authority.
    public var organizationCategory: Character { Array(text)[1] }

    /// The six-digit administrative area code (characters 3…8).
    public var areaCode: String { String(Array(text)[2..<8]) }

    /// The embedded GB 11714 organisation code (characters 9…17).
    public var organizationCode: OrganizationCode {
        do {
            return try OrganizationCode(String(Array(text)[8..<17]))
        } catch {
            preconditionFailure("a validated credit code embeds a valid organisation code: \(error)")
        }
    }
}

// MARK: - Validation helpers

extension UnifiedSocialCreditCode {
    /// Two-digit prefixes an area code may have: a province-level code, or 10 for national bodies (100000).
    static let areaPrefixes: Set<Int> = ResidentIDNumber.provinceCodes.union([10])

    /// The bytes of an 18-character text in the GB 32100 alphabet, or an error naming the first fault.
    static func alphabetBytes(_ text: String) throws(UnifiedSocialCreditCodeError) -> [UInt8] {
        let characters = Array(text.prefix(64))
        guard characters.count == 18 else {
            throw UnifiedSocialCreditCodeError.wrongLength(text: String(characters), count: text.count)
        }
        for (offset, character) in characters.enumerated() {
            let position = offset + 1
            guard let byte = character.asciiValue else {
                throw UnifiedSocialCreditCodeError.invalidCharacter(text: text, position: position, character: String(character))
            }
            if CheckCharacters.creditCodeValue(byte) != nil { continue }
            if CheckCharacters.isLowerLetter(byte) {
                throw UnifiedSocialCreditCodeError.lowercaseLetter(text: text, position: position, character: String(character))
            }
            if CheckCharacters.isUpperLetter(byte) {
                throw UnifiedSocialCreditCodeError.excludedLetter(text: text, position: position, character: String(character))
            }
            throw UnifiedSocialCreditCodeError.invalidCharacter(text: text, position: position, character: String(character))
        }
        return Array(text.utf8)
    }

    static func validateArea(_ area: ArraySlice<UInt8>, text: String) throws(UnifiedSocialCreditCodeError) {
        precondition(area.count == 6)
        let areaText = String(decoding: area, as: UTF8.self)
        guard area.allSatisfy(CheckCharacters.isDigit) else {
            throw UnifiedSocialCreditCodeError.invalidAreaCode(text: text, area: areaText)
        }
        let start = area.startIndex
        let prefix = Int(area[start] - UInt8(ascii: "0")) * 10 + Int(area[start + 1] - UInt8(ascii: "0"))
        guard areaPrefixes.contains(prefix) else {
            throw UnifiedSocialCreditCodeError.invalidAreaCode(text: text, area: areaText)
        }
    }
}

/// On the wire: the 18 characters as one JSON string.
extension UnifiedSocialCreditCode: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try UnifiedSocialCreditCode(text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}

/// Why a unified social credit code was refused. Positions count from 1.
public enum UnifiedSocialCreditCodeError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Not 18 characters.
    case wrongLength(text: String, count: Int)
    /// A character outside digits and upper-case letters.
    case invalidCharacter(text: String, position: Int, character: String)
    /// One of I, O, Z, S, V, which GB 32100 leaves out to avoid confusion with 1, 0, 2, 5, U.
    case excludedLetter(text: String, position: Int, character: String)
    /// A lower-case letter; codes are upper case.
    case lowercaseLetter(text: String, position: Int, character: String)
    /// Character 1 names no registration authority.
    case unknownRegistrationAuthority(text: String, character: String)
    /// Character 2 is not a category of that authority.
    case unknownOrganizationCategory(text: String, authority: String, category: String)
    /// Characters 3…8 are not a plausible administrative area code.
    case invalidAreaCode(text: String, area: String)
    /// Characters 9…17 are not a valid GB 11714 organisation code.
    case organizationCode(text: String, OrganizationCodeError)
    /// The check character does not match the first 17.
    case checkCharacterMismatch(text: String, expected: String, found: String)

    public var description: String {
        let prefix = "credit code"
        switch self {
        case .wrongLength(let text, let count):
            return "\(prefix) \"\(text)\" has \(count) characters; it must have 18"
        case .invalidCharacter(let text, let position, let character):
            return "\(prefix) \"\(text)\" has \"\(character)\" at position \(position); expected a digit or an upper-case letter"
        case .excludedLetter(let text, let position, let character):
            return "\(prefix) \"\(text)\" has \"\(character)\" at position \(position); the letters I, O, Z, S and V are not used"
        case .lowercaseLetter(let text, let position, let character):
            return "\(prefix) \"\(text)\" has the lower-case letter \"\(character)\" at position \(position); codes are upper case"
        case .unknownRegistrationAuthority(let text, let character):
            return "\(prefix) \"\(text)\" starts with \"\(character)\", which is no registration authority (1-9, A, N, Y)"
        case .unknownOrganizationCategory(let text, let authority, let category):
            return "\(prefix) \"\(text)\" has category \"\(category)\", which authority \"\(authority)\" does not use"
        case .invalidAreaCode(let text, let area):
            return "\(prefix) \"\(text)\" has area code \"\(area)\", which is not an administrative area code"
        case .organizationCode(let text, let error):
            return "\(prefix) \"\(text)\" embeds an invalid organisation code: \(error)"
        case .checkCharacterMismatch(let text, let expected, let found):
            return "\(prefix) \"\(text)\" ends in \(found) but its check character is \(expected)"
        }
    }
}
