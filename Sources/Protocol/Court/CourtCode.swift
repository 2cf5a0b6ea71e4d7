/// The court designator (法院代字) of a case number, per the Supreme People's Court's rules on case
/// numbers (关于人民法院案件案号的若干规定, 2015):
///
/// | code      | court                                                  |
/// |-----------|--------------------------------------------------------|
/// | `最高法`  | the Supreme People's Court                             |
/// | `京`      | the high court of a province (short name alone)        |
/// | `京01`    | an intermediate (or specialised: `京73`) court          |
/// | `京0105`  | a basic court                                          |
///
/// The two-digit numbers follow the administrative codes of prefectures and counties and are never
/// `00`. On the wire a court code is its text (`"京0105"`).
public struct CourtCode: Hashable, Sendable, CustomStringConvertible {
    /// The province; nil for the Supreme People's Court.
    public let province: Province?
    /// The intermediate court's number (1…99); nil for the supreme and high courts.
    public let intermediateNumber: Int?
    /// The basic court's number within its intermediate number (1…99); nil above basic level.
    public let basicNumber: Int?

    /// The designator of the Supreme People's Court.
    public static let supremeDesignator = "最高法"

    /// The Supreme People's Court.
    public static let supreme = CourtCode(province: nil, intermediateNumber: nil, basicNumber: nil)

    private init(province: Province?, intermediateNumber: Int?, basicNumber: Int?) {
        precondition(province != nil || (intermediateNumber == nil && basicNumber == nil))
        precondition(basicNumber == nil || intermediateNumber != nil)
        precondition(intermediateNumber.map { (1...99).contains($0) } ?? true)
        precondition(basicNumber.map { (1...99).contains($0) } ?? true)
        self.province = province
        self.intermediateNumber = intermediateNumber
        self.basicNumber = basicNumber
    }

    /// The high court of a province (`京`).
    public static func high(_ province: Province) -> CourtCode {
        CourtCode(province: province, intermediateNumber: nil, basicNumber: nil)
    }

    /// An intermediate court (`京01`): number 1…99.
    public static func intermediate(_ province: Province, number: Int) throws(CourtCodeError) -> CourtCode {
        guard (1...99).contains(number) else { throw CourtCodeError.numberOutOfRange(number) }
        return CourtCode(province: province, intermediateNumber: number, basicNumber: nil)
    }

    /// A basic court (`京0105`): both numbers 1…99.
    public static func basic(_ province: Province, intermediateNumber: Int, basicNumber: Int) throws(CourtCodeError) -> CourtCode {
        guard (1...99).contains(intermediateNumber) else { throw CourtCodeError.numberOutOfRange(intermediateNumber) }
        guard (1...99).contains(basicNumber) else { throw CourtCodeError.numberOutOfRange(basicNumber) }
        return CourtCode(province: province, intermediateNumber: intermediateNumber, basicNumber: basicNumber)
    }

    /// Parses a designator strictly: `最高法`, or a province short name and 0, 2 or 4 ASCII digits
    /// whose pairs are not `00`.
    public init(_ text: String) throws(CourtCodeError) {
        guard !text.isEmpty else { throw CourtCodeError.empty }
        guard text.count <= 16 else { throw CourtCodeError.malformed(text: String(text.prefix(16)), reason: "longer than any court code") }
        if text == CourtCode.supremeDesignator {
            self = .supreme
            return
        }
        let characters = Array(text)
        guard let province = Province(shortName: characters[0]) else {
            throw CourtCodeError.unknownProvince(text: text, shortName: String(characters[0]))
        }
        let digits = characters.dropFirst()
        for character in digits where !(character.isASCII && character.isNumber) {
            throw CourtCodeError.malformed(text: text, reason: "\"\(character)\" is not an ASCII digit")
        }
        let numbers = stride(from: digits.startIndex, to: digits.endIndex, by: 2).map { index in
            Int(String(digits[index..<min(index + 2, digits.endIndex)])) ?? 0
        }
        switch digits.count {
        case 0: self = .high(province)
        case 2, 4:
            guard !numbers.contains(0) else { throw CourtCodeError.malformed(text: text, reason: "00 is no court number") }
            self = CourtCode(province: province, intermediateNumber: numbers[0], basicNumber: numbers.count == 2 ? numbers[1] : nil)
        default:
            throw CourtCodeError.malformed(text: text, reason: "a short name is followed by 2 digits (intermediate court) or 4 (basic court), not \(digits.count)")
        }
        assert(description == text)
    }

    /// The level of the court.
    public var level: CourtLevel {
        if province == nil { return .supreme }
        if intermediateNumber == nil { return .high }
        return basicNumber == nil ? .intermediate : .basic
    }

    /// The court one level up by the structure of the code: basic `京0105` → `京01`, intermediate
    /// `京01` → high `京`, high → supreme, supreme → nil.
    ///
    /// For a basic court this is the intermediate court of the same prefecture number, which hears
    /// its appeals in most provinces but not everywhere (in Beijing, Chaoyang's 京0105 appeals to the
    /// Third Intermediate Court, 京03): route appeals by the court registry, not by this property.
    /// The province and the high court are always exact.
    public var parent: CourtCode? {
        switch level {
        case .supreme: return nil
        case .high: return .supreme
        case .intermediate: return province.map(CourtCode.high)
        case .basic: return CourtCode(province: province, intermediateNumber: intermediateNumber, basicNumber: nil)
        }
    }

    /// The high court of this court's province; nil for the Supreme People's Court.
    public var highCourt: CourtCode? {
        province.map(CourtCode.high)
    }

    /// True when `other` is this court or one of its ancestors by code structure.
    public func isWithin(_ other: CourtCode) -> Bool {
        var current: CourtCode? = self
        // At most four levels: the loop is bounded by the hierarchy's depth.
        for _ in 0..<CourtLevel.allCases.count {
            guard let court = current else { return false }
            if court == other { return true }
            current = court.parent
        }
        return false
    }

    /// The designator (`京0105`).
    public var description: String {
        guard let province else { return CourtCode.supremeDesignator }
        var text = String(province.shortName)
        if let intermediateNumber { text += CalendarDate.padded(intermediateNumber, width: 2) }
        if let basicNumber { text += CalendarDate.padded(basicNumber, width: 2) }
        return text
    }
}

/// On the wire: the designator as one JSON string (`"京0105"`).
extension CourtCode: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try CourtCode(text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// Why a court code was refused.
public enum CourtCodeError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No text.
    case empty
    /// The first character is no province's short name (and the text is not `最高法`).
    case unknownProvince(text: String, shortName: String)
    /// The digits after the short name are wrong in the way the reason says.
    case malformed(text: String, reason: String)
    /// A court number outside 1…99.
    case numberOutOfRange(Int)

    public var description: String {
        switch self {
        case .empty:
            return "the court code is empty"
        case .unknownProvince(let text, let shortName):
            return "court code \"\(text)\" starts with \"\(shortName)\", which is not a province short name (京, 沪, … 兵) nor 最高法"
        case .malformed(let text, let reason):
            return "court code \"\(text)\" is malformed: \(reason)"
        case .numberOutOfRange(let number):
            return "court number \(number) is outside 01...99"
        }
    }
}
