import SwiftASN1
import X509

/// The kinds of party that may hold a client certificate of the hub.
public enum PrincipalKind: String, CaseIterable, Codable, Hashable, Sendable {
    /// A people's court (法院), identified by its court code, e.g. `京0105`.
    case court
    /// A bank head office or branch connected to the hub.
    case bank
    /// A public-security office connected to the hub.
    case police
    /// A person or system operating the hub itself.
    case `operator`
    /// Another instance of the hub (e.g. `hub-2`), forwarding a request it received to the
    /// instance that leads. Only such a peer may say, in headers, on whose behalf it calls.
    case hub

    /// Parses the lower-case name used in certificates and on the command line.
    public init(name: String) throws(PKIError) {
        guard let kind = PrincipalKind(rawValue: name) else {
            throw PKIError.unknownPrincipalKind(name)
        }
        self = kind
    }
}

/// Who a client certificate speaks for: its subject is `O=QueryHub, OU=<kind>, CN=<id>`.
///
/// The id is free text in UTF-8 (court codes are Chinese, e.g. `京0105`), at most
/// ``maximumIDCharacters`` characters (the X.520 upper bound for a common name), with no
/// control characters and no surrounding spaces, so that it reads the same in logs and files.
public struct PrincipalIdentity: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    /// The organization every hub principal certificate names.
    public static let organizationName = "QueryHub"
    /// The X.520 upper bound on a common name (ub-common-name).
    public static let maximumIDCharacters = 64

    /// What kind of party this is.
    public let kind: PrincipalKind
    /// The party's id within its kind (a court code, a bank code, …).
    public let id: String

    /// Creates a principal after checking that the id can be a certificate common name.
    public init(kind: PrincipalKind, id: String) throws(PKIError) {
        try Self.validate(id: id)
        self.kind = kind
        self.id = id
    }

    /// Parses `kind:id` as written on the command line, e.g. `court:京0105`.
    /// The id is everything after the first colon, so it may itself contain colons.
    public init(parsing text: String) throws(PKIError) {
        guard let colon = text.firstIndex(of: ":") else {
            throw PKIError.malformedPrincipal(text: text, reason: "no colon between kind and id")
        }
        let kindName = String(text[..<colon])
        let id = String(text[text.index(after: colon)...])
        guard PrincipalKind(rawValue: kindName) != nil else {
            throw PKIError.malformedPrincipal(
                text: text,
                reason: "unknown kind \"\(kindName)\"; expected court, bank, police, operator or hub"
            )
        }
        try self.init(kind: PrincipalKind(name: kindName), id: id)
    }

    /// `kind:id`, the form ``init(parsing:)`` reads.
    public var description: String { "\(kind.rawValue):\(id)" }

    /// Orders by kind, then id, so listings are stable.
    public static func < (left: PrincipalIdentity, right: PrincipalIdentity) -> Bool {
        if left.kind != right.kind { return left.kind.rawValue < right.kind.rawValue }
        return left.id < right.id
    }

    /// The subject a client certificate for this principal carries. All three attributes are
    /// UTF8String, which is what lets a Chinese court code be a common name.
    public var distinguishedName: DistinguishedName {
        DistinguishedName([
            RelativeDistinguishedName(
                .init(type: .RDNAttributeType.organizationName, utf8String: Self.organizationName)
            ),
            RelativeDistinguishedName(
                .init(type: .RDNAttributeType.organizationalUnitName, utf8String: kind.rawValue)
            ),
            RelativeDistinguishedName(.init(type: .RDNAttributeType.commonName, utf8String: id)),
        ])
    }

    private static func validate(id: String) throws(PKIError) {
        if id.isEmpty {
            throw PKIError.invalidPrincipalID(id: id, reason: "it is empty")
        }
        if id.count > maximumIDCharacters {
            throw PKIError.invalidPrincipalID(
                id: id,
                reason: "it has \(id.count) characters; at most \(maximumIDCharacters) are allowed"
            )
        }
        if id.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            throw PKIError.invalidPrincipalID(id: id, reason: "it contains a control character")
        }
        if id.first?.isWhitespace == true || id.last?.isWhitespace == true {
            throw PKIError.invalidPrincipalID(id: id, reason: "it begins or ends with a space")
        }
    }
}
