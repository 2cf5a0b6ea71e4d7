/// The rules one kind of wire string obeys (an instruction id, an account number, free text).
public protocol WireStringFormat: Sendable {
    /// What the string is, for error messages (`"an instruction id"`).
    static var name: String { get }
    /// Why `text` is not acceptable, or nil when it is.
    static func problem(with text: String) -> String?
}

/// A string checked against its ``WireStringFormat`` when it is made or decoded, so that a value
/// of this type is always valid. On the wire: a plain JSON string.
public struct WireString<Format: WireStringFormat>: Hashable, Sendable, CustomStringConvertible {
    /// The text, exactly as on the wire.
    public let text: String

    /// The text, or an error saying what rule it breaks.
    public init(_ text: String) throws(WireError) {
        if let problem = Format.problem(with: text) {
            throw WireError(path: "$", reason: .invalidValue("\"\(text)\" is not \(Format.name): \(problem)"))
        }
        self.text = text
    }

    public var description: String { text }
}

/// Literals are for fixtures and constants written by programmers: an invalid literal is a bug.
extension WireString: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) {
        precondition(Format.problem(with: value) == nil, "invalid \(Format.name) literal \"\(value)\"")
        self.text = value
    }
}

extension WireString: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        if let problem = Format.problem(with: text) {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "\"\(text)\" is not \(Format.name): \(problem)")
        }
        self.text = text
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}

// MARK: - The formats

/// Byte-level checks shared by the formats.
enum TextRules {
    static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }

    static func length(_ text: String, _ range: ClosedRange<Int>) -> String? {
        range.contains(text.utf8.count) ? nil : "it must have \(range.lowerBound) to \(range.upperBound) characters"
    }
}

/// An instruction id (指令编号): chosen by the court, its idempotency key: 1–64 of `[A-Za-z0-9._-]`.
public enum InstructionIDFormat: WireStringFormat {
    public static let name = "an instruction id"
    public static func problem(with text: String) -> String? {
        if let problem = TextRules.length(text, 1...64) { return problem }
        let allowed = text.utf8.allSatisfy { TextRules.isASCIIAlphanumeric($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") }
        return allowed ? nil : "only letters, digits, '.', '_' and '-' are allowed"
    }
}

/// The code of a bank or police office registered with the hub (机构代码): 2–32 of `[A-Z0-9.-]`
/// (a bank's financial institution code, `C1010211000012`; a police office, `GA110105`).
public enum InstitutionCodeFormat: WireStringFormat {
    public static let name = "an institution code"
    public static func problem(with text: String) -> String? {
        if let problem = TextRules.length(text, 2...32) { return problem }
        let allowed = text.utf8.allSatisfy { byte in
            (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
        }
        return allowed ? nil : "only upper-case letters, digits, '.' and '-' are allowed"
    }
}

/// A bank account or card number (账号/卡号): 6–40 ASCII letters, digits or hyphens.
public enum AccountNumberFormat: WireStringFormat {
    public static let name = "an account number"
    public static func problem(with text: String) -> String? {
        if let problem = TextRules.length(text, 6...40) { return problem }
        let allowed = text.utf8.allSatisfy { TextRules.isASCIIAlphanumeric($0) || $0 == UInt8(ascii: "-") }
        return allowed ? nil : "only letters, digits and '-' are allowed"
    }
}

/// A telephone number (联系电话): an optional `+`, then 5–20 digits and hyphens
/// (`13800138000`, `010-65550123`, `+852-21234567`).
public enum PhoneNumberFormat: WireStringFormat {
    public static let name = "a telephone number"
    public static func problem(with text: String) -> String? {
        let body = text.hasPrefix("+") ? String(text.dropFirst()) : text
        if let problem = TextRules.length(body, 5...20) { return problem }
        guard body.utf8.first != UInt8(ascii: "-"), body.utf8.last != UInt8(ascii: "-") else { return "it may not start or end with '-'" }
        let allowed = body.utf8.allSatisfy { ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: "-") }
        return allowed ? nil : "only digits and '-' (after an optional leading '+') are allowed"
    }
}

/// A SHA-256 digest as 64 lower-case hexadecimal digits: binds a scanned or sealed document.
public enum SHA256HexFormat: WireStringFormat {
    public static let name = "a SHA-256 digest"
    public static func problem(with text: String) -> String? {
        guard text.utf8.count == 64 else { return "it must have 64 hexadecimal digits" }
        let allowed = text.utf8.allSatisfy { ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "f")) }
        return allowed ? nil : "only lower-case hexadecimal digits are allowed"
    }
}

/// Free text (a branch name, an address, an authority's name): 1–500 characters, no control or
/// format characters, no white space at either end.
public enum WireTextFormat: WireStringFormat {
    public static let name = "text"
    public static func problem(with text: String) -> String? {
        guard !text.isEmpty, text.count <= 500 else { return "it must have 1 to 500 characters" }
        guard text.unicodeScalars.allSatisfy({ scalar in
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator, .privateUse, .surrogate, .unassigned: return false
            default: return true
            }
        }) else { return "control and format characters are not allowed" }
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
              !first.properties.isWhitespace, !last.properties.isWhitespace
        else { return "it may not start or end with white space" }
        return nil
    }
}

/// An instruction id (指令编号), see ``InstructionIDFormat``.
public typealias InstructionID = WireString<InstructionIDFormat>
/// A bank's or police office's code (机构代码), see ``InstitutionCodeFormat``.
public typealias InstitutionCode = WireString<InstitutionCodeFormat>
/// An account number (账号), see ``AccountNumberFormat``.
public typealias AccountNumber = WireString<AccountNumberFormat>
/// A telephone number (电话号码), see ``PhoneNumberFormat``.
public typealias PhoneNumber = WireString<PhoneNumberFormat>
/// A SHA-256 digest in lower-case hex (摘要值), see ``SHA256HexFormat``.
public typealias SHA256Hex = WireString<SHA256HexFormat>
/// Bounded free text, see ``WireTextFormat``.
public typealias WireText = WireString<WireTextFormat>
/// An officer's id in the court's registry (执行人员编号): the same characters as an instruction id.
public typealias OfficerID = WireString<InstructionIDFormat>
