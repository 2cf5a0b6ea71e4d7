import HubProtocol

/// What the hub knows about the network's participants: courts, their officers and special
/// accounts, banks and how they are linked, police offices, and everyone's seal keys.
///
/// A value: a snapshot can be handed to a request handler and read without locks. It changes only
/// through ``apply(_:by:atUnixMilliseconds:reason:)``, which checks the change against everything
/// already registered and keeps a ``RegistryChangeRecord`` of who changed what, when and why; a
/// refused change leaves the registry as it was. Loading (``init(contents:)``,
/// ``init(json:)``) runs the same checks. Pure: no I/O, no clock; times are inputs.
public struct Registry: Sendable {
    /// The most courts (China has about 3,500).
    public static let maximumCourts = 5_000
    /// The most officers, all courts together.
    public static let maximumOfficers = 500_000
    /// The most banks. The network reaches about 4,000; the bound leaves room for provincial
    /// branches connected on their own and for the bench's 16,000-bank runs, and caps the fan-out
    /// of one query to every bank (each bank's answer is held until the query completes).
    public static let maximumBanks = 20_000
    /// The most police offices: the hub reaches the police through one national office (公安部)
    /// under the court–police mechanism, so a second one would leave routing ambiguous.
    public static let maximumPoliceOffices = 1
    /// The most seal keys one owner may hold (current, next, and revoked or expired ones kept for
    /// verifying old documents).
    public static let maximumSealKeysPerOwner = 16
    /// The most change records kept before ``discardChangeRecords(through:)`` is called.
    public static let maximumKeptChangeRecords = 100_000

    var courtsByCode: [CourtCode: RegisteredCourt] = [:]
    var courtOrder: [CourtCode] = []
    var officersByID: [String: Officer] = [:]
    var officerOrder: [String] = []
    var banksByCode: [String: RegisteredBank] = [:]
    var bankOrder: [String] = []
    var policeOfficesByID: [String: PoliceOffice] = [:]
    var policeOfficeOrder: [String] = []
    /// Per court, its special accounts in the order first set (one per currency).
    var specialAccountsByCourt: [CourtCode: [SpecialAccount]] = [:]
    /// Per owner, its keys in the order added.
    var sealKeysByOwner: [SealKeyOwner: [SealKeyRecord]] = [:]

    /// The changes applied and not yet discarded, oldest first.
    public internal(set) var changeRecords: [RegistryChangeRecord] = []
    /// The sequence number of the last change applied (0 before any).
    public internal(set) var lastChangeSequence: UInt64 = 0
    /// The time of the last change applied, Unix milliseconds; nil before any.
    public internal(set) var lastChangeUnixMilliseconds: Int64?

    /// An empty registry.
    public init() {}
}

// MARK: - Lookups

extension Registry {
    /// Every court, in the order registered.
    public var courts: [RegisteredCourt] {
        courtOrder.compactMap { courtsByCode[$0] }
    }

    /// The court with this code, or nil.
    public func court(_ code: CourtCode) -> RegisteredCourt? {
        courtsByCode[code]
    }

    /// Every officer, in the order registered.
    public var officers: [Officer] {
        officerOrder.compactMap { officersByID[$0] }
    }

    /// The officer with this id, or nil.
    public func officer(id: String) -> Officer? {
        officersByID[id]
    }

    /// Every bank, in the order registered (the order a query to every bank fans out in).
    public var banks: [RegisteredBank] {
        bankOrder.compactMap { banksByCode[$0] }
    }

    /// The bank with this code, or nil.
    public func bank(code: String) -> RegisteredBank? {
        banksByCode[code]
    }

    /// Every police office, in the order registered.
    public var policeOffices: [PoliceOffice] {
        policeOfficeOrder.compactMap { policeOfficesByID[$0] }
    }

    /// The police office with this id, or nil.
    public func policeOffice(id: String) -> PoliceOffice? {
        policeOfficesByID[id]
    }

    /// The court's special accounts, one per currency.
    public func specialAccounts(of court: CourtCode) -> [SpecialAccount] {
        specialAccountsByCourt[court] ?? []
    }

    /// Where a deduct in this currency sends the money (R-B17), or an error when the court has no
    /// special account in it.
    public func specialAccount(court: CourtCode, currency: Currency) throws(RegistryError) -> SpecialAccount {
        guard let account = specialAccounts(of: court).first(where: { $0.currency == currency }) else {
            throw .noSpecialAccount(court: court, currency: currency)
        }
        assert(account.court == court)
        return account
    }

    /// Every key of the owner, revoked and expired ones included, in the order added.
    public func sealKeys(of owner: SealKeyOwner) -> [SealKeyRecord] {
        sealKeysByOwner[owner] ?? []
    }

    /// Every seal key, grouped by owner in the order owners were registered.
    public var allSealKeys: [SealKeyRecord] {
        let owners = courtOrder.map(SealKeyOwner.court) + bankOrder.map { SealKeyOwner.bank(code: $0) }
            + policeOfficeOrder.map { SealKeyOwner.policeOffice(id: $0) }
        return owners.flatMap(sealKeys(of:))
    }

    /// The key to verify a seal with: the owner's key of that id, if it may be trusted at the
    /// given time. Refuses an unknown key, a key revoked at or before that time, and a key outside
    /// its validity period, saying which.
    public func sealKey(
        owner: SealKeyOwner, keyId: String, atUnixMilliseconds time: Int64
    ) throws(SealKeyLookupError) -> SealKeyRecord {
        guard let record = sealKeys(of: owner).first(where: { $0.keyId == keyId }) else {
            throw .unknownKey(owner: owner, keyId: keyId)
        }
        if let revoked = record.revokedAtUnixMilliseconds, revoked <= time {
            throw .revoked(owner: owner, keyId: keyId, revokedAtUnixMilliseconds: revoked)
        }
        guard time >= record.validFromUnixMilliseconds else {
            throw .notYetValid(owner: owner, keyId: keyId, validFromUnixMilliseconds: record.validFromUnixMilliseconds)
        }
        guard time < record.validUntilUnixMilliseconds else {
            throw .expired(owner: owner, keyId: keyId, validUntilUnixMilliseconds: record.validUntilUnixMilliseconds)
        }
        return record
    }

    /// True when the owner is registered (its court, bank or police office exists).
    public func isRegistered(_ owner: SealKeyOwner) -> Bool {
        switch owner {
        case .court(let code): return courtsByCode[code] != nil
        case .bank(let code): return banksByCode[code] != nil
        case .policeOffice(let id): return policeOfficesByID[id] != nil
        }
    }
}
