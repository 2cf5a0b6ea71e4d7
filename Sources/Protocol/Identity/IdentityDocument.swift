/// A party's identity document (证件): its kind and a number validated for that kind.
///
/// Numbers with a check character are their own types (``ResidentIDNumber``,
/// ``UnifiedSocialCreditCode``, ``OrganizationCode``); the rest are ``PlainDocumentNumber``s with a
/// length and character limit per kind. On the wire: `{"type": "residentID", "number": "…"}`
/// (R-B7: a query names the document type and number).
public enum IdentityDocument: Hashable, Sendable, CustomStringConvertible {
    /// 居民身份证号码.
    case residentID(ResidentIDNumber)
    /// 统一社会信用代码.
    case unifiedSocialCreditCode(UnifiedSocialCreditCode)
    /// 组织机构代码.
    case organizationCode(OrganizationCode)
    /// 护照.
    case passport(PassportNumber)
    /// 港澳居民来往内地通行证.
    case hongKongMacauPermit(HongKongMacauPermitNumber)
    /// 台湾居民来往大陆通行证.
    case taiwanPermit(TaiwanPermitNumber)
    /// 外国人永久居留身份证.
    case foreignPermanentResidenceCard(ForeignPermanentResidenceCardNumber)
    /// Any other document.
    case other(OtherDocumentNumber)

    /// A document from its kind and number text, validated for that kind.
    public init(kind: IdentityDocumentKind, number: String) throws(IdentityDocumentError) {
        switch kind {
        case .residentID:
            do { self = .residentID(try ResidentIDNumber(number)) } catch { throw .residentID(error) }
        case .unifiedSocialCreditCode:
            do { self = .unifiedSocialCreditCode(try UnifiedSocialCreditCode(number)) } catch { throw .unifiedSocialCreditCode(error) }
        case .organizationCode:
            do { self = .organizationCode(try OrganizationCode(number)) } catch { throw .organizationCode(error) }
        case .passport: self = .passport(try PassportNumber(number))
        case .hongKongMacauPermit: self = .hongKongMacauPermit(try HongKongMacauPermitNumber(number))
        case .taiwanPermit: self = .taiwanPermit(try TaiwanPermitNumber(number))
        case .foreignPermanentResidenceCard:
            self = .foreignPermanentResidenceCard(try ForeignPermanentResidenceCardNumber(number))
        case .other: self = .other(try OtherDocumentNumber(number))
        }
    }

    /// The kind of document.
    public var kind: IdentityDocumentKind {
        switch self {
        case .residentID: return .residentID
        case .unifiedSocialCreditCode: return .unifiedSocialCreditCode
        case .organizationCode: return .organizationCode
        case .passport: return .passport
        case .hongKongMacauPermit: return .hongKongMacauPermit
        case .taiwanPermit: return .taiwanPermit
        case .foreignPermanentResidenceCard: return .foreignPermanentResidenceCard
        case .other: return .other
        }
    }

    /// The number in its printed form (an organisation code with its hyphen).
    public var number: String {
        switch self {
        case .residentID(let number): return number.description
        case .unifiedSocialCreditCode(let number): return number.description
        case .organizationCode(let number): return number.description
        case .passport(let number): return number.description
        case .hongKongMacauPermit(let number): return number.description
        case .taiwanPermit(let number): return number.description
        case .foreignPermanentResidenceCard(let number): return number.description
        case .other(let number): return number.description
        }
    }

    /// True for documents of organisations (credit code, organisation code), false for persons'.
    public var identifiesOrganization: Bool {
        kind == .unifiedSocialCreditCode || kind == .organizationCode
    }

    /// `"residentID 11010519491231002X"`.
    public var description: String { "\(kind) \(number)" }
}

/// On the wire: `{"type": "residentID", "number": "11010519491231002X"}`.
extension IdentityDocument: Codable {
    private enum CodingKeys: String, CodingKey {
        case type
        case number
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let typeName = try container.decode(String.self, forKey: .type)
        guard let kind = IdentityDocumentKind(rawValue: typeName) else {
            throw DecodingError.dataCorruptedError(
                forKey: .type, in: container, debugDescription: IdentityDocumentError.unknownType(typeName).description)
        }
        let number = try container.decode(String.self, forKey: .number)
        do {
            self = try IdentityDocument(kind: kind, number: number)
        } catch {
            throw DecodingError.dataCorruptedError(forKey: .number, in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind.rawValue, forKey: .type)
        try container.encode(number, forKey: .number)
    }
}

/// Why an identity document was refused.
public enum IdentityDocumentError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The document type is not one the hub knows.
    case unknownType(String)
    /// A number without a check character does not have the shape of its kind.
    case invalidNumber(kind: IdentityDocumentKind, text: String, reason: String)
    /// The resident ID number is invalid.
    case residentID(ResidentIDNumberError)
    /// The unified social credit code is invalid.
    case unifiedSocialCreditCode(UnifiedSocialCreditCodeError)
    /// The organisation code is invalid.
    case organizationCode(OrganizationCodeError)

    public var description: String {
        switch self {
        case .unknownType(let name):
            let known = IdentityDocumentKind.allCases.map(\.rawValue).joined(separator: ", ")
            return "unknown identity document type \"\(name)\"; known: \(known)"
        case .invalidNumber(let kind, let text, let reason):
            return "\(kind) number \"\(text)\" is invalid: \(reason)"
        case .residentID(let error): return error.description
        case .unifiedSocialCreditCode(let error): return error.description
        case .organizationCode(let error): return error.description
        }
    }
}
