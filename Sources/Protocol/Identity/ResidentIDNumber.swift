/// A citizen identity number (公民身份号码, GB 11643-1999): 18 characters.
///
/// Layout: six digits of administrative area (the first two a real province-level code), eight
/// digits of birth date `YYYYMMDD`, three digits of sequence (odd for men), and a check character
/// (ISO 7064 MOD 11-2, `0`…`9` or `X`).
///
/// Choices, so that one person has exactly one spelling on the wire and in every ledger key:
/// - The check character `X` must be upper case; a lower-case `x` is refused with
///   ``ResidentIDNumberError/lowercaseCheckCharacter``, never silently fixed, because the hub forwards
///   sealed bytes unchanged and a bank comparing them must see the same number the hub checked.
/// - Legacy 15-digit numbers (issued before 1999) are refused by ``init(_:)`` with
///   ``ResidentIDNumberError/legacyFifteenDigits``; convert them explicitly with
///   ``init(legacy15:)``, so a document never changes a number without saying so.
/// - Birth years before 1900 are refused; a birth date in the future is refused only where a
///   reference date is given (``init(_:asOf:)``), because pure validation has no clock.
public struct ResidentIDNumber: Hashable, Sendable, CustomStringConvertible {
    /// The 18 characters, upper case.
    public let text: String

    /// Earliest birth year accepted.
    public static let earliestBirthYear = 1900

    /// Two-digit province-level codes that start real ID numbers: the 31 mainland divisions
    /// (GB/T 2260), 71 Taiwan, 81 Hong Kong, 82 Macau, and 83, used in the residence permits of
    /// Taiwan residents, which follow GB 11643.
    public static let provinceCodes: Set<Int> = [
        11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
        50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83,
    ]

    /// Validates an 18-character number: characters, province, birth date and check character.
    public init(_ text: String) throws(ResidentIDNumberError) {
        let bytes = try ResidentIDNumber.asciiBytes(text)
        if bytes.count == 15, bytes.allSatisfy(CheckCharacters.isDigit) {
            throw ResidentIDNumberError.legacyFifteenDigits(text)
        }
        guard bytes.count == 18 else { throw ResidentIDNumberError.wrongLength(text: text, count: bytes.count) }
        for index in 0..<17 where !CheckCharacters.isDigit(bytes[index]) {
            throw ResidentIDNumberError.invalidCharacter(text: text, position: index + 1, character: String(UnicodeScalar(bytes[index])))
        }
        let check = bytes[17]
        if check == UInt8(ascii: "x") { throw ResidentIDNumberError.lowercaseCheckCharacter(text) }
        guard CheckCharacters.isDigit(check) || check == UInt8(ascii: "X") else {
            throw ResidentIDNumberError.invalidCharacter(text: text, position: 18, character: String(UnicodeScalar(check)))
        }
        try ResidentIDNumber.validateBody(bytes[0..<17], text: text)
        let expected = CheckCharacters.residentIDCheck(bytes[0..<17])
        guard check == expected else {
            throw ResidentIDNumberError.checkCharacterMismatch(
                text: text, expected: String(UnicodeScalar(expected)), found: String(UnicodeScalar(check)))
        }
        self.text = text
        assert(birthDate.year >= ResidentIDNumber.earliestBirthYear)
    }

    /// Validates as ``init(_:)`` and also refuses a birth date after `today`.
    public init(_ text: String, asOf today: CalendarDate) throws(ResidentIDNumberError) {
        try self.init(text)
        guard birthDate <= today else {
            throw ResidentIDNumberError.birthDateInFuture(text: text, birthDate: birthDate, today: today)
        }
    }

    /// Converts a legacy 15-digit number (area, `YYMMDD` of a 19xx birth, sequence) to its 18-digit
    /// form: inserts `19` before the year and appends the computed check character.
    public init(legacy15 text: String) throws(ResidentIDNumberError) {
        let bytes = try ResidentIDNumber.asciiBytes(text)
        guard bytes.count == 15 else { throw ResidentIDNumberError.wrongLength(text: text, count: bytes.count) }
        for index in 0..<15 where !CheckCharacters.isDigit(bytes[index]) {
            throw ResidentIDNumberError.invalidCharacter(text: text, position: index + 1, character: String(UnicodeScalar(bytes[index])))
        }
        let body = Array(bytes[0..<6]) + Array("19".utf8) + Array(bytes[6..<15])
        try ResidentIDNumber.validateBody(body[0..<17], text: text)
        let check = CheckCharacters.residentIDCheck(body[0..<17])
        try self.init(String(decoding: body + [check], as: UTF8.self))
    }

    /// The check character for 17 digits; `nil` if the text is not 17 ASCII digits.
    public static func checkCharacter(forFirst17 digits: String) -> Character? {
        let bytes = Array(digits.utf8)
        guard bytes.count == 17, bytes.allSatisfy(CheckCharacters.isDigit) else { return nil }
        return Character(UnicodeScalar(CheckCharacters.residentIDCheck(bytes[0..<17])))
    }

    /// The 18 characters.
    public var description: String { text }
}

// MARK: - Derived facts

extension ResidentIDNumber {
    /// The six-digit administrative area code of the place of first registration.
    public var areaCode: String { String(text.prefix(6)) }

    /// The two-digit province-level code (11 Beijing … 65 Xinjiang, 71, 81, 82, 83).
    public var provinceCode: Int {
        let bytes = Array(text.utf8)
        return Int(bytes[0] - UInt8(ascii: "0")) * 10 + Int(bytes[1] - UInt8(ascii: "0"))
    }

    /// The date of birth encoded in characters 7…14.
    public var birthDate: CalendarDate {
        let digits = String(decoding: Array(text.utf8)[6..<14], as: UTF8.self)
        do {
            return try CalendarDate(basicFormat: digits)
        } catch {
            preconditionFailure("a validated ID number holds a valid birth date: \(error)")
        }
    }

    /// Male when the 17th digit (the last of the sequence) is odd.
    public var sex: Sex {
        let digit = Array(text.utf8)[16] - UInt8(ascii: "0")
        return digit % 2 == 1 ? .male : .female
    }

    /// Whole years of age on `date`, or nil when `date` is before the birth date.
    ///
    /// Someone born on 29 February turns a year older on 1 March in common years (the birthday
    /// has not yet come on 28 February), the reading that never makes a person older early.
    public func age(on date: CalendarDate) -> Int? {
        let birth = birthDate
        guard date >= birth else { return nil }
        let birthdayPassed = (date.month, date.day) >= (birth.month, birth.day)
        let age = date.year - birth.year - (birthdayPassed ? 0 : 1)
        assert(age >= 0)
        return age
    }
}

// MARK: - Validation helpers

extension ResidentIDNumber {
    /// The text's bytes when every character is ASCII; otherwise an error naming the first other.
    static func asciiBytes(_ text: String) throws(ResidentIDNumberError) -> [UInt8] {
        guard !text.isEmpty else { throw ResidentIDNumberError.wrongLength(text: text, count: 0) }
        guard text.count <= 64 else { throw ResidentIDNumberError.wrongLength(text: String(text.prefix(64)), count: text.count) }
        for (offset, character) in text.enumerated() where !character.isASCII {
            throw ResidentIDNumberError.invalidCharacter(text: text, position: offset + 1, character: String(character))
        }
        return Array(text.utf8)
    }

    /// Checks the province code and the birth date of 17 digits.
    static func validateBody(_ body: ArraySlice<UInt8>, text: String) throws(ResidentIDNumberError) {
        precondition(body.count == 17 && body.allSatisfy(CheckCharacters.isDigit))
        let start = body.startIndex
        let province = Int(body[start] - UInt8(ascii: "0")) * 10 + Int(body[start + 1] - UInt8(ascii: "0"))
        guard provinceCodes.contains(province) else {
            throw ResidentIDNumberError.unknownProvince(text: text, code: String(decoding: body[start..<start + 2], as: UTF8.self))
        }
        let dateText = String(decoding: body[start + 6..<start + 14], as: UTF8.self)
        let date: CalendarDate
        do {
            date = try CalendarDate(basicFormat: dateText)
        } catch {
            throw ResidentIDNumberError.invalidBirthDate(text: text, digits: dateText)
        }
        guard date.year >= earliestBirthYear else {
            throw ResidentIDNumberError.birthYearTooEarly(text: text, year: date.year)
        }
    }
}

/// On the wire: the 18 characters as one JSON string.
extension ResidentIDNumber: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try ResidentIDNumber(text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}
