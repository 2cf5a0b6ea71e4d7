/// Why a resident ID number was refused. Positions count from 1, as people read the number.
public enum ResidentIDNumberError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Not 18 characters (or 15 for ``ResidentIDNumber/init(legacy15:)``).
    case wrongLength(text: String, count: Int)
    /// A 15-digit legacy number given where an 18-character number is required.
    case legacyFifteenDigits(String)
    /// A character that may not stand at this position.
    case invalidCharacter(text: String, position: Int, character: String)
    /// The check character is `x`; the standard writes `X`.
    case lowercaseCheckCharacter(String)
    /// The first two digits are not a province-level code.
    case unknownProvince(text: String, code: String)
    /// Characters 7…14 are not a calendar date.
    case invalidBirthDate(text: String, digits: String)
    /// The birth year is before 1900.
    case birthYearTooEarly(text: String, year: Int)
    /// The birth date is after the reference date.
    case birthDateInFuture(text: String, birthDate: CalendarDate, today: CalendarDate)
    /// The check character does not match the first 17 digits.
    case checkCharacterMismatch(text: String, expected: String, found: String)

    public var description: String {
        switch self {
        case .wrongLength(let text, let count):
            return "ID number \"\(text)\" has \(count) characters; it must have 18"
        case .legacyFifteenDigits(let text):
            return "ID number \"\(text)\" is a legacy 15-digit number; convert it to 18 digits explicitly"
        case .invalidCharacter(let text, let position, let character):
            let allowed = position == 18 ? "a digit or X" : "a digit"
            return "ID number \"\(text)\" has \"\(character)\" at position \(position); expected \(allowed)"
        case .lowercaseCheckCharacter(let text):
            return "ID number \"\(text)\" ends in a lower-case x; the check character must be upper-case X"
        case .unknownProvince(let text, let code):
            return "ID number \"\(text)\" starts with \(code), which is not a province-level area code"
        case .invalidBirthDate(let text, let digits):
            return "ID number \"\(text)\" has birth date \(digits), which is not a calendar date"
        case .birthYearTooEarly(let text, let year):
            return "ID number \"\(text)\" has birth year \(year), before \(ResidentIDNumber.earliestBirthYear)"
        case .birthDateInFuture(let text, let birthDate, let today):
            return "ID number \"\(text)\" has birth date \(birthDate), after \(today)"
        case .checkCharacterMismatch(let text, let expected, let found):
            return "ID number \"\(text)\" ends in \(found) but its check character is \(expected)"
        }
    }
}
