import HubProtocol

/// One change to the registry. Every change goes through ``Registry/apply(_:by:atUnixMilliseconds:reason:)``,
/// which checks it and records it.
///
/// On the wire (in ``RegistryChangeRecord``): an object with the operation as its one key,
/// `{"deactivateOfficer": {"officerID": "110105-judge"}}`.
public enum RegistryChange: Hashable, Sendable, Codable {
    /// Registers a court; its parent, if any, must already be registered.
    case addCourt(court: RegisteredCourt)
    /// Registers an active officer with a credential (R-B4).
    case addOfficer(officer: Officer)
    /// Stops an officer from issuing measures from the change's time on.
    case deactivateOfficer(officerID: String)
    /// Replaces an officer's roles (at least one).
    case setOfficerRoles(officerID: String, roles: [OfficerRole])
    /// Registers a seal key (not revoked).
    case addSealKey(key: SealKeyRecord)
    /// Revokes a seal key from the change's time on.
    case revokeSealKey(owner: SealKeyOwner, keyId: String)
    /// Adds or replaces a court's special account for its currency; needs the approval of the
    /// court's president, who is not the actor (R-B5).
    case setSpecialAccount(account: SpecialAccount)
    /// Registers a bank.
    case addBank(bank: RegisteredBank)
    /// Links a bank's head office to the hub (总对总). Its P2P links stop carrying work (R-B3).
    case linkBankT2T(bankCode: String)
    /// Links a bank's provincial branch to that province's high court (点对点). Refused for a bank
    /// linked T2T (R-B3).
    case linkBankP2P(bankCode: String, province: Province)
    /// Ends a bank's P2P link in a province.
    case unlinkBankP2P(bankCode: String, province: Province)
    /// Replaces a bank's capabilities.
    case setBankCapabilities(bankCode: String, capabilities: BankCapabilities)
    /// Registers a police office.
    case addPoliceOffice(office: PoliceOffice)

    /// The operation's name (`"deactivateOfficer"`), for logs.
    public var operation: String {
        switch self {
        case .addCourt: return "addCourt"
        case .addOfficer: return "addOfficer"
        case .deactivateOfficer: return "deactivateOfficer"
        case .setOfficerRoles: return "setOfficerRoles"
        case .addSealKey: return "addSealKey"
        case .revokeSealKey: return "revokeSealKey"
        case .setSpecialAccount: return "setSpecialAccount"
        case .addBank: return "addBank"
        case .linkBankT2T: return "linkBankT2T"
        case .linkBankP2P: return "linkBankP2P"
        case .unlinkBankP2P: return "unlinkBankP2P"
        case .setBankCapabilities: return "setBankCapabilities"
        case .addPoliceOffice: return "addPoliceOffice"
        }
    }
}

/// A change the registry applied: who made it, when, why, and its place in the sequence. The
/// hub puts these in its audit chain (R-G9, R-B5: special-account changes are recorded).
public struct RegistryChangeRecord: Hashable, Sendable, Codable {
    /// 1 for the first change applied to a registry, then one more each time.
    public let sequence: UInt64
    /// Who made the change (an operator's or officer's id).
    public let actor: String
    /// When the change took effect, Unix milliseconds.
    public let atUnixMilliseconds: Int64
    /// Why, in the actor's words.
    public let reason: String
    /// The change itself.
    public let change: RegistryChange

    /// A record; made by ``Registry/apply(_:by:atUnixMilliseconds:reason:)``.
    public init(sequence: UInt64, actor: String, atUnixMilliseconds: Int64, reason: String, change: RegistryChange) {
        precondition(sequence > 0, "sequence numbers start at 1")
        self.sequence = sequence
        self.actor = actor
        self.atUnixMilliseconds = atUnixMilliseconds
        self.reason = reason
        self.change = change
    }
}
