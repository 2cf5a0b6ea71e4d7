import HubProtocol

/// Checks of the registry's text fields. Each throws ``RegistryError/invalidField(entity:field:value:reason:)``
/// naming the record and the field.
enum FieldCheck {
    /// The longest name of a court, bank or police office, in characters.
    static let maximumNameLength = 100
    /// The longest officer id or credential number, in characters.
    static let maximumIdentifierLength = 64
    /// The fewest and most digits of a phone number (a short extension … E.164's limit).
    static let phoneDigitRange = 5...15

    /// A display name: 1 to ``maximumNameLength`` characters, no control or format characters,
    /// no white space at either end.
    static func name(_ text: String, entity: String) throws(RegistryError) {
        let reason: String?
        if text.isEmpty {
            reason = "a name is not empty"
        } else if text.count > maximumNameLength {
            reason = "a name has at most \(maximumNameLength) characters"
        } else if text.unicodeScalars.contains(where: isForbiddenInName) {
            reason = "a name holds no control or invisible formatting characters"
        } else if text.first?.isWhitespace == true || text.last?.isWhitespace == true {
            reason = "a name does not start or end with white space"
        } else {
            reason = nil
        }
        if let reason { throw .invalidField(entity: entity, field: "name", value: text, reason: reason) }
    }

    /// An ASCII identifier: 1 to ``maximumIdentifierLength`` letters, digits, `-`, `_` or `.`.
    static func identifier(_ text: String, entity: String, field: String) throws(RegistryError) {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty, bytes.count <= maximumIdentifierLength else {
            throw .invalidField(entity: entity, field: field, value: text, reason: "1 to \(maximumIdentifierLength) characters")
        }
        guard bytes.allSatisfy(isIdentifierByte) else {
            throw .invalidField(entity: entity, field: field, value: text, reason: "only ASCII letters, digits, -, _ and .")
        }
    }

    /// A bank or police-office code, see ``RegistryCode``.
    static func code(_ text: String, entity: String, field: String) throws(RegistryError) {
        if let problem = RegistryCode.problem(with: text) {
            throw .invalidField(entity: entity, field: field, value: text, reason: problem)
        }
    }

    /// A phone number: ASCII digits and `-`, optionally `+` first, with 5 to 15 digits.
    static func phone(_ text: String, entity: String) throws(RegistryError) {
        let bytes = Array(text.utf8)
        let body = bytes.first == UInt8(ascii: "+") ? Array(bytes.dropFirst()) : bytes
        let digits = body.filter(isDigit).count
        guard body.allSatisfy({ isDigit($0) || $0 == UInt8(ascii: "-") }), phoneDigitRange.contains(digits) else {
            throw .invalidField(
                entity: entity, field: "phone", value: text,
                reason: "\(phoneDigitRange.lowerBound) to \(phoneDigitRange.upperBound) ASCII digits, with - between groups and + first if international")
        }
    }

    /// Lower-case hex SHA-256, 64 characters.
    static func digest(_ text: String, entity: String, field: String) throws(RegistryError) {
        guard SHA256Digest.isHexadecimalDigest(text) else {
            throw .invalidField(entity: entity, field: field, value: text, reason: "64 lower-case hex digits (SHA-256)")
        }
    }

    /// A bank account number: ASCII digits only, within the lengths ``SpecialAccount`` allows.
    static func accountNumber(_ text: String, entity: String) throws(RegistryError) {
        let bytes = Array(text.utf8)
        let lengths = SpecialAccount.minimumAccountNumberLength...SpecialAccount.maximumAccountNumberLength
        guard lengths.contains(bytes.count), bytes.allSatisfy(isDigit) else {
            throw .invalidField(
                entity: entity, field: "accountNumber", value: text,
                reason: "\(lengths.lowerBound) to \(lengths.upperBound) ASCII digits")
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private static func isIdentifierByte(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
    }

    private static func isForbiddenInName(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .privateUse, .surrogate, .unassigned:
            return true
        default:
            return false
        }
    }
}
