/// A case number (案号), `（2026）京0105执1234号`: the year the case was filed, the court code, the
/// case type marker, the sequence within that court, type and year, and `号`.
///
/// The official form uses full-width parentheses `（）`; ASCII `()` are accepted too, because
/// documents typed by hand carry them. The form as written is kept, so ``description`` and the
/// JSON encoding give back the exact input, and ``canonical`` gives the official form. Equality and
/// hashing ignore the parentheses: `(2026)京0105执1234号` and `（2026）京0105执1234号` are the same
/// case, so ledgers keyed by case never split one case in two.
///
/// The pre-2016 form (`（2014）执他字第22号`, no court code) is refused with
/// ``CaseNumberError/legacyFormat(_:)``.
public struct CaseNumber: Sendable, CustomStringConvertible {
    /// The parentheses around the year.
    public enum Parentheses: String, Hashable, Sendable {
        /// `（` `）`, the official form.
        case fullWidth
        /// `(` `)`.
        case ascii
    }

    /// The filing year, 1949…2100.
    public let year: Int
    /// The court that holds the case.
    public let court: CourtCode
    /// The case type.
    public let type: CaseType
    /// The number of the case within its court, type and year, 1…9,999,999.
    public let sequence: Int
    /// The parentheses the number was written with.
    public let parentheses: Parentheses

    /// Years a case number may carry.
    public static let yearRange: ClosedRange<Int> = 1949...2100
    /// Sequence numbers a case number may carry.
    public static let sequenceRange: ClosedRange<Int> = 1...9_999_999

    /// A case number from its parts.
    public init(
        year: Int, court: CourtCode, type: CaseType, sequence: Int, parentheses: Parentheses = .fullWidth
    ) throws(CaseNumberError) {
        guard CaseNumber.yearRange.contains(year) else { throw CaseNumberError.yearOutOfRange(year) }
        guard CaseNumber.sequenceRange.contains(sequence) else { throw CaseNumberError.sequenceOutOfRange(sequence) }
        self.year = year
        self.court = court
        self.type = type
        self.sequence = sequence
        self.parentheses = parentheses
    }

    /// The number as written (full-width or ASCII parentheses as given).
    public var description: String { render(parentheses) }

    /// The official form, with full-width parentheses.
    public var canonical: String { render(.fullWidth) }

    private func render(_ style: Parentheses) -> String {
        let (open, close) = style == .fullWidth ? ("（", "）") : ("(", ")")
        return open + String(year) + close + court.description + type.marker + String(sequence) + "号"
    }
}

extension CaseNumber: Hashable {
    /// The same case: parentheses are a matter of writing, not of identity.
    public static func == (left: CaseNumber, right: CaseNumber) -> Bool {
        left.year == right.year && left.court == right.court && left.type == right.type
            && left.sequence == right.sequence
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(year)
        hasher.combine(court)
        hasher.combine(type)
        hasher.combine(sequence)
    }
}

/// On the wire: the number as written, one JSON string.
extension CaseNumber: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try CaseNumber(text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
