import HubProtocol

/// The checked insertions that both loading and changes go through. Each checks everything first
/// and mutates last, so a refused record leaves the registry unchanged.
extension Registry {
    /// Adds a court. With `checkingParent` false the parent is checked later
    /// (``checkParent(of:)``), so that a file may list a court before its parent.
    mutating func insertCourt(_ court: RegisteredCourt, checkingParent: Bool) throws(RegistryError) {
        let entity = "court \(court.code)"
        guard courtsByCode[court.code] == nil else { throw .duplicate(.court, id: court.code.description) }
        guard courtsByCode.count < Registry.maximumCourts else { throw .capacityReached(what: "courts", maximum: Registry.maximumCourts) }
        try FieldCheck.name(court.name, entity: entity)
        if checkingParent { try checkParent(of: court) }
        courtsByCode[court.code] = court
        courtOrder.append(court.code)
        assert(courtOrder.count == courtsByCode.count)
    }

    /// A court's parent must be registered, one level above it, and in its province (or be the
    /// Supreme People's Court, above a high court).
    func checkParent(of court: RegisteredCourt) throws(RegistryError) {
        guard let parent = court.parent else { return }
        guard courtsByCode[parent] != nil else {
            throw .unknown(.court, id: parent.description, referencedBy: "court \(court.code) (as its parent)")
        }
        let levels = CourtLevel.allCases.sorted()
        guard let index = levels.firstIndex(of: court.level), index > 0, levels[index - 1] == parent.level else {
            throw .invalidParent(court: court.code, parent: parent, reason: "a \(court.level) court's parent is one level above it, not \(parent.level)")
        }
        guard parent.level == .supreme || parent.province == court.province else {
            throw .invalidParent(court: court.code, parent: parent, reason: "the parent is in another province")
        }
    }

    /// Adds a bank: a new code, and P2P links only in provinces whose high court is registered.
    mutating func insertBank(_ bank: RegisteredBank) throws(RegistryError) {
        let entity = "bank \(bank.code)"
        try FieldCheck.code(bank.code, entity: entity, field: "code")
        guard banksByCode[bank.code] == nil else { throw .duplicate(.bank, id: bank.code) }
        guard banksByCode.count < Registry.maximumBanks else { throw .capacityReached(what: "banks", maximum: Registry.maximumBanks) }
        try FieldCheck.name(bank.name, entity: entity)
        var seen: Set<Province> = []
        // At most one entry per province once duplicates are refused: bounded by Province.allCases.
        for province in bank.p2pProvinces {
            guard seen.insert(province).inserted else { throw .p2pLinkExists(bankCode: bank.code, province: province) }
            try checkHighCourt(of: province, forBank: bank.code)
        }
        banksByCode[bank.code] = bank
        bankOrder.append(bank.code)
        assert(bankOrder.count == banksByCode.count)
    }

    /// A P2P link needs the province's high court in the registry: the court end of the link.
    func checkHighCourt(of province: Province, forBank bankCode: String) throws(RegistryError) {
        guard courtsByCode[.high(province)] != nil else {
            throw .highCourtNotRegistered(bankCode: bankCode, province: province)
        }
    }

    /// Adds a police office: a new code, within ``maximumPoliceOffices``.
    mutating func insertPoliceOffice(_ office: PoliceOffice) throws(RegistryError) {
        let entity = "police office \(office.id)"
        try FieldCheck.code(office.id, entity: entity, field: "id")
        guard policeOfficesByID[office.id] == nil else { throw .duplicate(.policeOffice, id: office.id) }
        guard policeOfficesByID.count < Registry.maximumPoliceOffices else {
            throw .capacityReached(what: "police office (the hub reaches the police through one national office)", maximum: Registry.maximumPoliceOffices)
        }
        try FieldCheck.name(office.name, entity: entity)
        policeOfficesByID[office.id] = office
        policeOfficeOrder.append(office.id)
    }

    /// Adds an officer of a registered court, with at least one role and a well-formed credential
    /// (R-B4). With `allowingInactive` false (a change), the officer must be active.
    mutating func insertOfficer(_ officer: Officer, allowingInactive: Bool) throws(RegistryError) {
        let entity = "officer \(officer.id)"
        try FieldCheck.identifier(officer.id, entity: entity, field: "id")
        guard officersByID[officer.id] == nil else { throw .duplicate(.officer, id: officer.id) }
        guard officersByID.count < Registry.maximumOfficers else { throw .capacityReached(what: "officers", maximum: Registry.maximumOfficers) }
        guard courtsByCode[officer.court] != nil else {
            throw .unknown(.court, id: officer.court.description, referencedBy: entity)
        }
        guard !officer.roles.isEmpty else { throw .officerWithoutRole(officerID: officer.id) }
        guard allowingInactive || officer.isActive else { throw .newOfficerInactive(officerID: officer.id) }
        try FieldCheck.phone(officer.phone, entity: entity)
        try FieldCheck.identifier(officer.credentialNumber, entity: entity, field: "credentialNumber")
        try FieldCheck.digest(officer.credentialScanSHA256, entity: entity, field: "credentialScanSHA256")
        officersByID[officer.id] = officer
        officerOrder.append(officer.id)
        assert(officerOrder.count == officersByID.count)
    }

    /// Sets a court's special account for its currency, replacing the one before (R-B5, R-B17).
    /// The approver must be a president of that court; for a change (`actor` given) also active
    /// at `time` and not the actor.
    mutating func insertSpecialAccount(
        _ account: SpecialAccount, actor: String?, atUnixMilliseconds time: Int64?
    ) throws(RegistryError) {
        let entity = "special account of \(account.court) in \(account.currency)"
        guard courtsByCode[account.court] != nil else {
            throw .unknown(.court, id: account.court.description, referencedBy: entity)
        }
        // Deducted money must reach a bank the registry knows: a typo in the bank code would
        // otherwise send funds nowhere.
        guard banksByCode[account.bankCode] != nil else {
            throw .unknown(.bank, id: account.bankCode, referencedBy: entity)
        }
        try FieldCheck.accountNumber(account.accountNumber, entity: entity)
        try checkApproval(of: account, actor: actor, atUnixMilliseconds: time)
        var accounts = specialAccountsByCourt[account.court] ?? []
        if let index = accounts.firstIndex(where: { $0.currency == account.currency }) {
            accounts[index] = account
        } else {
            accounts.append(account)
        }
        assert(accounts.count <= Currency.supported.count)
        specialAccountsByCourt[account.court] = accounts
    }

    private func checkApproval(
        of account: SpecialAccount, actor: String?, atUnixMilliseconds time: Int64?
    ) throws(RegistryError) {
        guard !account.approverID.isEmpty else { throw .approvalMissing(court: account.court, currency: account.currency) }
        guard let approver = officersByID[account.approverID] else {
            throw .unknown(.officer, id: account.approverID, referencedBy: "approval of special account of \(account.court) in \(account.currency)")
        }
        guard approver.court == account.court, approver.hasRole(.president) else {
            throw .approverNotPresident(approverID: approver.id, court: account.court)
        }
        if let time, !approver.isActive(atUnixMilliseconds: time) { throw .approverInactive(approverID: approver.id) }
        if let actor, actor == approver.id { throw .approverIsActor(approverID: approver.id) }
    }

    /// Adds a seal key of a registered owner: a valid, new key id for that owner and a non-empty
    /// validity period. With `allowingRevoked` false (a change), the key must not be revoked.
    mutating func insertSealKey(_ key: SealKeyRecord, allowingRevoked: Bool) throws(RegistryError) {
        guard isRegistered(key.owner) else {
            throw .unknown(.sealKeyOwner, id: key.owner.description, referencedBy: "seal key \(key.keyId)")
        }
        guard Seal.isValidKeyId(key.keyId) else {
            throw .invalidField(
                entity: "seal key of \(key.owner)", field: "keyId", value: key.keyId,
                reason: "1 to \(Seal.maximumKeyIdBytes) bytes of UTF-8 without control characters")
        }
        var keys = sealKeysByOwner[key.owner] ?? []
        guard !keys.contains(where: { $0.keyId == key.keyId }) else {
            throw .duplicate(.sealKey, id: "\(key.keyId) of \(key.owner)")
        }
        guard keys.count < Registry.maximumSealKeysPerOwner else {
            throw .capacityReached(what: "seal keys per owner (\(key.owner) has them all)", maximum: Registry.maximumSealKeysPerOwner)
        }
        guard key.validFromUnixMilliseconds < key.validUntilUnixMilliseconds else {
            throw .invalidValidity(
                owner: key.owner, keyId: key.keyId, fromUnixMilliseconds: key.validFromUnixMilliseconds,
                untilUnixMilliseconds: key.validUntilUnixMilliseconds)
        }
        guard allowingRevoked || key.revokedAtUnixMilliseconds == nil else {
            throw .newSealKeyRevoked(owner: key.owner, keyId: key.keyId)
        }
        keys.append(key)
        sealKeysByOwner[key.owner] = keys
    }
}
