import HubProtocol

/// The kinds of things the registry holds, as error messages name them.
public enum RegistryEntity: String, Hashable, Sendable, Codable, CustomStringConvertible {
    case court, officer, bank, policeOffice = "police office", sealKey = "seal key", sealKeyOwner = "seal-key owner"

    /// The name in messages (`police office`).
    public var description: String { rawValue }
}

/// Why the registry refused a record, a change or a lookup. Every case names what failed.
public enum RegistryError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A field is malformed: `entity` names the record (`officer 110105-judge`), `field` the field.
    case invalidField(entity: String, field: String, value: String, reason: String)
    /// A second record with an id already registered.
    case duplicate(RegistryEntity, id: String)
    /// A record refers to something not registered; `referencedBy` says which record.
    case unknown(RegistryEntity, id: String, referencedBy: String)
    /// A court's parent is not a court one level above it in the same province.
    case invalidParent(court: CourtCode, parent: CourtCode, reason: String)
    /// An officer with no role can do nothing and is refused.
    case officerWithoutRole(officerID: String)
    /// A new officer must be active when added by a change.
    case newOfficerInactive(officerID: String)
    /// Deactivating an officer who is already inactive.
    case officerAlreadyInactive(officerID: String)
    /// A key whose validity period is empty or reversed.
    case invalidValidity(owner: SealKeyOwner, keyId: String, fromUnixMilliseconds: Int64, untilUnixMilliseconds: Int64)
    /// A new key must not be revoked when added by a change.
    case newSealKeyRevoked(owner: SealKeyOwner, keyId: String)
    /// Revoking a key twice.
    case sealKeyAlreadyRevoked(owner: SealKeyOwner, keyId: String)
    /// A special account without an approver (R-B5).
    case approvalMissing(court: CourtCode, currency: Currency)
    /// The approver is not a president of the account's court (R-B5).
    case approverNotPresident(approverID: String, court: CourtCode)
    /// The approver has been deactivated.
    case approverInactive(approverID: String)
    /// The approver is the one making the change: approval takes a second person (R-B5).
    case approverIsActor(approverID: String)
    /// The court has no special account in that currency (R-B17).
    case noSpecialAccount(court: CourtCode, currency: Currency)
    /// Linking T2T a bank already linked T2T.
    case bankAlreadyT2T(bankCode: String)
    /// A P2P link to a bank that is linked T2T: its P2P links have stopped (R-B3).
    case p2pLinkToT2TBank(bankCode: String, province: Province)
    /// Adding a P2P link that exists, or listing a province twice.
    case p2pLinkExists(bankCode: String, province: Province)
    /// Removing a P2P link that does not exist.
    case p2pLinkMissing(bankCode: String, province: Province)
    /// A P2P link in a province whose high court is not registered (R-B3: banks link to high courts).
    case highCourtNotRegistered(bankCode: String, province: Province)
    /// Actor or reason of a change missing or malformed.
    case invalidChangeMetadata(reason: String)
    /// A change dated before the previous one: the record must be in time order.
    case timeWentBackwards(previousUnixMilliseconds: Int64, givenUnixMilliseconds: Int64)
    /// A limit of the registry was reached.
    case capacityReached(what: String, maximum: Int)

    public var description: String {
        switch self {
        case .invalidField(let entity, let field, let value, let reason):
            return "\(entity): \(field) \"\(value)\" is invalid: \(reason)"
        case .duplicate(let entity, let id):
            return "\(entity) \(id) is already registered"
        case .unknown(let entity, let id, let referencedBy):
            return "\(referencedBy) names \(entity) \(id), which is not registered"
        case .invalidParent(let court, let parent, let reason):
            return "court \(court) cannot have parent \(parent): \(reason)"
        case .officerWithoutRole(let id):
            return "officer \(id) has no role; give at least one of \(OfficerRole.allCases.map(\.rawValue).joined(separator: ", "))"
        case .newOfficerInactive(let id):
            return "officer \(id) is added already deactivated; add officers active"
        case .officerAlreadyInactive(let id):
            return "officer \(id) is already inactive"
        case .invalidValidity(let owner, let keyId, let from, let until):
            return "seal key \(keyId) of \(owner): validity [\(from), \(until)) ms is empty; it must start before it ends"
        case .newSealKeyRevoked(let owner, let keyId):
            return "seal key \(keyId) of \(owner) is added already revoked"
        case .sealKeyAlreadyRevoked(let owner, let keyId):
            return "seal key \(keyId) of \(owner) is already revoked"
        case .approvalMissing(let court, let currency):
            return "special account of \(court) in \(currency): no approver; a special account needs approval (R-B5)"
        case .approverNotPresident(let approverID, let court):
            return "\(approverID) cannot approve a special account of \(court): only a president of \(court) can (R-B5)"
        case .approverInactive(let approverID):
            return "approver \(approverID) is inactive"
        case .approverIsActor(let approverID):
            return "\(approverID) cannot approve a change they make: approval takes a second person (R-B5)"
        case .noSpecialAccount(let court, let currency):
            return "court \(court) has no special account in \(currency) (R-B17)"
        case .bankAlreadyT2T(let code):
            return "bank \(code) is already linked total-to-total"
        case .p2pLinkToT2TBank(let code, let province):
            return "bank \(code) is linked total-to-total; its point-to-point links have stopped, so none is added in \(province) (R-B3)"
        case .p2pLinkExists(let code, let province):
            return "bank \(code) is already linked point-to-point in \(province)"
        case .p2pLinkMissing(let code, let province):
            return "bank \(code) has no point-to-point link in \(province)"
        case .highCourtNotRegistered(let code, let province):
            return "bank \(code) cannot link point-to-point in \(province): the high court \(CourtCode.high(province)) is not registered (R-B3)"
        case .invalidChangeMetadata(let reason):
            return "registry change refused: \(reason)"
        case .timeWentBackwards(let previous, let given):
            return "registry change at \(given) ms is earlier than the previous change at \(previous) ms"
        case .capacityReached(let what, let maximum):
            return "the registry holds at most \(maximum) \(what)"
        }
    }
}

/// Why a seal key was not handed out for verification.
public enum SealKeyLookupError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The owner has no key of that id.
    case unknownKey(owner: SealKeyOwner, keyId: String)
    /// The key was revoked at or before the time of use.
    case revoked(owner: SealKeyOwner, keyId: String, revokedAtUnixMilliseconds: Int64)
    /// The time of use is before the key's validity starts.
    case notYetValid(owner: SealKeyOwner, keyId: String, validFromUnixMilliseconds: Int64)
    /// The time of use is at or after the key's validity ends.
    case expired(owner: SealKeyOwner, keyId: String, validUntilUnixMilliseconds: Int64)

    public var description: String {
        switch self {
        case .unknownKey(let owner, let keyId):
            return "\(owner) has no registered seal key \"\(keyId)\""
        case .revoked(let owner, let keyId, let time):
            return "seal key \"\(keyId)\" of \(owner) was revoked at \(time) ms"
        case .notYetValid(let owner, let keyId, let time):
            return "seal key \"\(keyId)\" of \(owner) is not valid before \(time) ms"
        case .expired(let owner, let keyId, let time):
            return "seal key \"\(keyId)\" of \(owner) expired at \(time) ms"
        }
    }
}
