/// The check-character algorithms of the three Chinese identifier standards, over ASCII bytes.
///
/// Internal: callers use the validated types (``ResidentIDNumber``, ``UnifiedSocialCreditCode``,
/// ``OrganizationCode``); tests compute check characters through their public `checkCharacter`
/// functions.
enum CheckCharacters {
    /// GB 11643 / ISO 7064 MOD 11-2 weights: 2^(17 - i) mod 11 for positions 1…17.
    static let residentIDWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    /// Check characters indexed by (weighted sum mod 11).
    static let residentIDCheckSymbols: [UInt8] = Array("10X98765432".utf8)

    /// GB 32100 weights: 3^(i-1) mod 31 for positions 1…17.
    static let creditCodeWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    /// GB 32100 alphabet: digits and upper-case letters without I, O, Z, S, V; index = value.
    static let creditCodeAlphabet: [UInt8] = Array("0123456789ABCDEFGHJKLMNPQRTUWXY".utf8)

    /// GB 11714 weights for the eight body characters.
    static let organizationCodeWeights = [3, 7, 9, 10, 5, 8, 4, 2]

    /// The MOD 11-2 check character over 17 ASCII digits.
    static func residentIDCheck(_ digits: ArraySlice<UInt8>) -> UInt8 {
        precondition(digits.count == 17)
        var sum = 0
        for (weight, byte) in zip(residentIDWeights, digits) {
            precondition(isDigit(byte))
            sum += weight * Int(byte - UInt8(ascii: "0"))
        }
        return residentIDCheckSymbols[sum % 11]
    }

    /// The MOD 31 check character over 17 characters of the credit-code alphabet.
    static func creditCodeCheck(_ characters: ArraySlice<UInt8>) -> UInt8 {
        precondition(characters.count == 17)
        var sum = 0
        for (weight, byte) in zip(creditCodeWeights, characters) {
            guard let value = creditCodeValue(byte) else { preconditionFailure("not in the GB 32100 alphabet") }
            sum += weight * value
        }
        return creditCodeAlphabet[(31 - sum % 31) % 31]
    }

    /// The MOD 11 check character over eight digits or upper-case letters (A = 10 … Z = 35).
    static func organizationCodeCheck(_ characters: ArraySlice<UInt8>) -> UInt8 {
        precondition(characters.count == 8)
        var sum = 0
        for (weight, byte) in zip(organizationCodeWeights, characters) {
            guard let value = alphanumericValue(byte) else { preconditionFailure("not a digit or upper-case letter") }
            sum += weight * value
        }
        let check = 11 - sum % 11
        switch check {
        case 10: return UInt8(ascii: "X")
        case 11: return UInt8(ascii: "0")
        default: return UInt8(ascii: "0") + UInt8(check)
        }
    }

    /// The value of a character in the GB 32100 alphabet, or nil for any other byte.
    static func creditCodeValue(_ byte: UInt8) -> Int? {
        creditCodeAlphabet.firstIndex(of: byte)
    }

    /// 0…9 for digits, 10…35 for upper-case ASCII letters, nil otherwise.
    static func alphanumericValue(_ byte: UInt8) -> Int? {
        if isDigit(byte) { return Int(byte - UInt8(ascii: "0")) }
        if isUpperLetter(byte) { return Int(byte - UInt8(ascii: "A")) + 10 }
        return nil
    }

    static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    static func isUpperLetter(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")
    }

    static func isLowerLetter(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")
    }

    /// A character for error messages: the ASCII byte itself, or the Unicode character at an offset.
    static func character(in text: String, atOffset offset: Int) -> String {
        let characters = Array(text)
        guard offset >= 0, offset < characters.count else { return "" }
        return String(characters[offset])
    }
}
