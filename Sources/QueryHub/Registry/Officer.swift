import HubProtocol

/// A registered officer (执行人员) of one court, with the credential that R-B4 requires: the
/// hub accepts measures only from registered officers, and sends the officer's name, phone and
/// credential scan with each measure.
public struct Officer: Hashable, Sendable {
    /// The registry's id for the officer (`110105-judge`): ASCII, unique across all courts.
    public let id: String
    /// The court the officer belongs to.
    public let court: CourtCode
    /// The officer's name as on the credential.
    public let name: PartyName
    /// The contact phone sent with each measure (R-B4): digits, optionally `+` first and `-`.
    public let phone: String
    /// The officer's roles, in ``OfficerRole`` order, each once.
    public let roles: [OfficerRole]
    /// The number of the official credential (执行公务证).
    public let credentialNumber: String
    /// Lower-case hex SHA-256 of the registered credential scan; a measure's attached scan must
    /// hash to it.
    public let credentialScanSHA256: String
    /// When the officer stopped being allowed to issue measures, Unix milliseconds; nil while active.
    public let deactivatedAtUnixMilliseconds: Int64?

    /// An officer record; roles are put in order without repeats. The registry checks the rest.
    public init(
        id: String, court: CourtCode, name: PartyName, phone: String, roles: [OfficerRole],
        credentialNumber: String, credentialScanSHA256: String, deactivatedAtUnixMilliseconds: Int64? = nil
    ) {
        self.id = id
        self.court = court
        self.name = name
        self.phone = phone
        self.roles = Array(Set(roles)).sorted()
        self.credentialNumber = credentialNumber
        self.credentialScanSHA256 = credentialScanSHA256
        self.deactivatedAtUnixMilliseconds = deactivatedAtUnixMilliseconds
    }

    /// True while the officer has not been deactivated.
    public var isActive: Bool { deactivatedAtUnixMilliseconds == nil }

    /// True when the officer was active at the given time: not deactivated, or deactivated later.
    public func isActive(atUnixMilliseconds time: Int64) -> Bool {
        guard let deactivated = deactivatedAtUnixMilliseconds else { return true }
        return time < deactivated
    }

    /// True when the officer holds the role.
    public func hasRole(_ role: OfficerRole) -> Bool {
        roles.contains(role)
    }

    /// True when `scan` is the registered credential scan (its SHA-256 is the registered digest).
    public func matchesCredentialScan(_ scan: [UInt8]) -> Bool {
        SHA256Digest.hexadecimal(of: scan) == credentialScanSHA256
    }

    /// The same officer, deactivated at the given time.
    func deactivated(atUnixMilliseconds time: Int64) -> Officer {
        precondition(isActive, "only an active officer is deactivated")
        return Officer(
            id: id, court: court, name: name, phone: phone, roles: roles, credentialNumber: credentialNumber,
            credentialScanSHA256: credentialScanSHA256, deactivatedAtUnixMilliseconds: time)
    }

    /// The same officer with other roles.
    func withRoles(_ newRoles: [OfficerRole]) -> Officer {
        Officer(
            id: id, court: court, name: name, phone: phone, roles: newRoles, credentialNumber: credentialNumber,
            credentialScanSHA256: credentialScanSHA256, deactivatedAtUnixMilliseconds: deactivatedAtUnixMilliseconds)
    }
}

/// On the wire: the fields by name, roles as an array of role names; unknown keys are refused.
extension Officer: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, court, name, phone, roles, credentialNumber, credentialScanSHA256, deactivatedAtUnixMilliseconds
    }

    public init(from decoder: any Decoder) throws {
        try decoder.refuseUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try container.decode(String.self, forKey: .id),
            court: try container.decode(CourtCode.self, forKey: .court),
            name: try container.decode(PartyName.self, forKey: .name),
            phone: try container.decode(String.self, forKey: .phone),
            roles: try container.decode([OfficerRole].self, forKey: .roles),
            credentialNumber: try container.decode(String.self, forKey: .credentialNumber),
            credentialScanSHA256: try container.decode(String.self, forKey: .credentialScanSHA256),
            deactivatedAtUnixMilliseconds: try container.decodeIfPresent(Int64.self, forKey: .deactivatedAtUnixMilliseconds))
    }
}
