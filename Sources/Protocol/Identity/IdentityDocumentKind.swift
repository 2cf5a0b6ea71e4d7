/// The type of a party's identity document (证件类型), as named on the wire.
public enum IdentityDocumentKind: String, Hashable, Sendable, Codable, CaseIterable, CustomStringConvertible {
    /// 居民身份证: resident ID number, GB 11643, with a check character.
    case residentID
    /// 统一社会信用代码: GB 32100, with a check character.
    case unifiedSocialCreditCode
    /// 组织机构代码: GB 11714, with a check character.
    case organizationCode
    /// 护照: a passport of any country.
    case passport
    /// 港澳居民来往内地通行证: permit of a Hong Kong or Macau resident (H or M and 8 or 10 digits).
    case hongKongMacauPermit
    /// 台湾居民来往大陆通行证: permit of a Taiwan resident (8 digits, or 10 characters in old permits).
    case taiwanPermit
    /// 外国人永久居留身份证: 15 characters (old card) or 18 (the 2023 card).
    case foreignPermanentResidenceCard
    /// Any other document: 1 to 32 digits, upper-case letters or hyphens.
    case other

    /// Whether the number carries a check character that the hub verifies.
    public var hasCheckCharacter: Bool {
        switch self {
        case .residentID, .unifiedSocialCreditCode, .organizationCode: return true
        case .passport, .hongKongMacauPermit, .taiwanPermit, .foreignPermanentResidenceCard, .other: return false
        }
    }

    /// The wire name (`"residentID"`).
    public var description: String { rawValue }

    /// The shape a number of a kind without a check character must have, or nil when it fits.
    func problemWithPlainNumber(_ bytes: [UInt8]) -> String? {
        let digit = CheckCharacters.isDigit
        let upper = CheckCharacters.isUpperLetter
        switch self {
        case .passport:
            guard (5...20).contains(bytes.count) else { return "a passport number has 5 to 20 characters" }
            guard bytes.allSatisfy({ digit($0) || upper($0) }) else { return "a passport number has only digits and upper-case letters" }
        case .hongKongMacauPermit:
            let shaped = (bytes.count == 9 || bytes.count == 11) && (bytes.first == UInt8(ascii: "H") || bytes.first == UInt8(ascii: "M"))
                && bytes.dropFirst().allSatisfy(digit)
            guard shaped else { return "a Hong Kong or Macau permit number is H or M followed by 8 or 10 digits" }
        case .taiwanPermit:
            let shaped = (bytes.count == 8 && bytes.allSatisfy(digit))
                || (bytes.count == 10 && bytes.prefix(8).allSatisfy(digit) && bytes.allSatisfy({ digit($0) || upper($0) }))
            guard shaped else { return "a Taiwan permit number is 8 digits, or 8 digits and 2 digits or upper-case letters" }
        case .foreignPermanentResidenceCard:
            let old = bytes.count == 15 && bytes.prefix(3).allSatisfy(upper) && bytes.dropFirst(3).allSatisfy(digit)
            let new = bytes.count == 18 && bytes.first == UInt8(ascii: "9") && bytes.prefix(17).allSatisfy(digit)
                && (digit(bytes[17]) || bytes[17] == UInt8(ascii: "X"))
            guard old || new else {
                return "a permanent residence card number is 3 letters and 12 digits, or 18 characters starting with 9"
            }
        case .other:
            guard (1...32).contains(bytes.count) else { return "a document number has 1 to 32 characters" }
            guard bytes.allSatisfy({ digit($0) || upper($0) || $0 == UInt8(ascii: "-") }) else {
                return "a document number has only digits, upper-case letters and hyphens"
            }
        case .residentID, .unifiedSocialCreditCode, .organizationCode:
            preconditionFailure("\(self) is validated by its own type")
        }
        return nil
    }
}
