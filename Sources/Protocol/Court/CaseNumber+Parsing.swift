extension CaseNumber {
    /// The longest text examined, in characters: far beyond any real case number.
    public static let maximumLength = 40

    /// Parses `（2026）京0105执1234号` or `(2026)京0105执1234号` exactly: no spaces, ASCII digits,
    /// matching parentheses, a known court code and case type, a sequence without leading zeros, `号`.
    public init(_ text: String) throws(CaseNumberError) {
        guard !text.isEmpty else { throw CaseNumberError.empty }
        guard text.count <= CaseNumber.maximumLength else {
            throw CaseNumberError.malformed(text: String(text.prefix(CaseNumber.maximumLength)), reason: "longer than any case number")
        }
        if text.contains("字第") { throw CaseNumberError.legacyFormat(text) }
        let characters = Array(text)
        var index = 0
        let (year, parentheses) = try CaseNumber.parseYear(characters, text: text, index: &index)
        let court = try CaseNumber.parseCourt(characters, text: text, index: &index)
        let typeStart = index
        while index < characters.count, !CaseNumber.isASCIIDigit(characters[index]), characters[index] != "号" {
            index += 1
        }
        let marker = String(characters[typeStart..<index])
        guard !marker.isEmpty else { throw CaseNumberError.malformed(text: text, reason: "no case type after the court code") }
        guard let type = CaseType(rawValue: marker) else { throw CaseNumberError.unknownCaseType(text: text, marker: marker) }
        let sequence = try CaseNumber.parseSequence(characters, text: text, index: &index)
        guard index < characters.count, characters[index] == "号" else { throw CaseNumberError.missingTerminator(text) }
        guard index + 1 == characters.count else {
            throw CaseNumberError.malformed(text: text, reason: "nothing may follow 号")
        }
        try self.init(year: year, court: court, type: type, sequence: sequence, parentheses: parentheses)
        assert(description == text)
    }

    private static func parseYear(
        _ characters: [Character], text: String, index: inout Int
    ) throws(CaseNumberError) -> (Int, Parentheses) {
        let style: Parentheses
        switch characters[0] {
        case "（": style = .fullWidth
        case "(": style = .ascii
        default: throw CaseNumberError.malformed(text: text, reason: "a case number starts with the year in parentheses")
        }
        let close: Character = style == .fullWidth ? "）" : ")"
        guard characters.count > 5, characters[1...4].allSatisfy(isASCIIDigit) else {
            throw CaseNumberError.malformed(text: text, reason: "the year must be four ASCII digits")
        }
        guard characters.count > 6, characters[5] == close else {
            throw CaseNumberError.malformed(text: text, reason: "the year must be closed by \(close), matching \(characters[0])")
        }
        let year = characters[1...4].reduce(0) { $0 * 10 + ($1.wholeNumberValue ?? 0) }
        guard yearRange.contains(year) else { throw CaseNumberError.yearOutOfRange(year) }
        index = 6
        return (year, style)
    }

    private static func parseCourt(
        _ characters: [Character], text: String, index: inout Int
    ) throws(CaseNumberError) -> CourtCode {
        let start = index
        let supreme = Array(CourtCode.supremeDesignator)
        if characters.count >= start + supreme.count, Array(characters[start..<start + supreme.count]) == supreme {
            index += supreme.count
        } else {
            index += 1
            while index < characters.count, isASCIIDigit(characters[index]) { index += 1 }
        }
        do {
            return try CourtCode(String(characters[start..<min(index, characters.count)]))
        } catch {
            throw CaseNumberError.court(text: text, error)
        }
    }

    private static func parseSequence(
        _ characters: [Character], text: String, index: inout Int
    ) throws(CaseNumberError) -> Int {
        let start = index
        while index < characters.count, isASCIIDigit(characters[index]) { index += 1 }
        let digits = characters[start..<index]
        guard !digits.isEmpty else { throw CaseNumberError.malformed(text: text, reason: "no sequence number after the case type") }
        guard digits.first != "0" else { throw CaseNumberError.malformed(text: text, reason: "the sequence number has a leading zero") }
        guard digits.count <= 7 else {
            throw CaseNumberError.sequenceOutOfRange(Int(String(digits.prefix(18))) ?? Int.max)
        }
        return digits.reduce(0) { $0 * 10 + ($1.wholeNumberValue ?? 0) }
    }

    private static func isASCIIDigit(_ character: Character) -> Bool {
        character.isASCII && character.isNumber
    }
}

/// Why a case number was refused.
public enum CaseNumberError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No text.
    case empty
    /// The shape is wrong in the way the reason says.
    case malformed(text: String, reason: String)
    /// The pre-2016 form with `字第` and no court code.
    case legacyFormat(String)
    /// The year is outside 1949…2100.
    case yearOutOfRange(Int)
    /// The court code is invalid.
    case court(text: String, CourtCodeError)
    /// The type marker is not a known case type.
    case unknownCaseType(text: String, marker: String)
    /// The sequence is outside 1…9,999,999.
    case sequenceOutOfRange(Int)
    /// The number does not end in `号`.
    case missingTerminator(String)

    public var description: String {
        switch self {
        case .empty:
            return "the case number is empty"
        case .malformed(let text, let reason):
            return "case number \"\(text)\" is malformed: \(reason)"
        case .legacyFormat(let text):
            return "case number \"\(text)\" is in the pre-2016 form (字第, no court code); give the current form, e.g. （2026）京0105执1号"
        case .yearOutOfRange(let year):
            return "case year \(year) is outside \(CaseNumber.yearRange.lowerBound)...\(CaseNumber.yearRange.upperBound)"
        case .court(let text, let error):
            return "case number \"\(text)\" has an invalid court code: \(error)"
        case .unknownCaseType(let text, let marker):
            let known = CaseType.allCases.map(\.marker).joined(separator: " ")
            return "case number \"\(text)\" has the unknown case type \"\(marker)\"; known: \(known)"
        case .sequenceOutOfRange(let sequence):
            return "case sequence \(sequence) is outside 1...9999999"
        case .missingTerminator(let text):
            return "case number \"\(text)\" must end with 号 right after the sequence number"
        }
    }
}
