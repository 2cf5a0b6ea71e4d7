import HubProtocol

extension Registry {
    /// The longest actor id, in characters.
    public static let maximumActorLength = 128
    /// The longest reason, in characters.
    public static let maximumReasonLength = 2_000

    /// Checks and applies one change, and records who made it, when and why.
    ///
    /// - Parameters:
    ///   - change: what to change.
    ///   - actor: who makes the change (1 to ``maximumActorLength`` characters).
    ///   - time: when it takes effect, Unix milliseconds; not before the previous change.
    ///   - reason: why (1 to ``maximumReasonLength`` characters).
    /// - Returns: the record, also appended to ``changeRecords``.
    /// - Throws: ``RegistryError`` saying what is wrong; the registry is then unchanged.
    @discardableResult
    public mutating func apply(
        _ change: RegistryChange, by actor: String, atUnixMilliseconds time: Int64, reason: String
    ) throws(RegistryError) -> RegistryChangeRecord {
        try checkChangeMetadata(actor: actor, atUnixMilliseconds: time, reason: reason)
        switch change {
        case .addCourt(let court): try insertCourt(court, checkingParent: true)
        case .addOfficer(let officer): try insertOfficer(officer, allowingInactive: false)
        case .deactivateOfficer(let officerID): try deactivateOfficer(officerID, atUnixMilliseconds: time)
        case .setOfficerRoles(let officerID, let roles): try setOfficerRoles(officerID, roles: roles)
        case .addSealKey(let key): try insertSealKey(key, allowingRevoked: false)
        case .revokeSealKey(let owner, let keyId): try revokeSealKey(owner: owner, keyId: keyId, atUnixMilliseconds: time)
        case .setSpecialAccount(let account): try insertSpecialAccount(account, actor: actor, atUnixMilliseconds: time)
        case .addBank(let bank): try insertBank(bank)
        case .linkBankT2T(let bankCode): try linkBankT2T(bankCode)
        case .linkBankP2P(let bankCode, let province): try linkBankP2P(bankCode, province: province)
        case .unlinkBankP2P(let bankCode, let province): try unlinkBankP2P(bankCode, province: province)
        case .setBankCapabilities(let bankCode, let capabilities):
            let bank = try existingBank(bankCode)
            banksByCode[bankCode] = bank.with(capabilities: capabilities)
        case .addPoliceOffice(let office): try insertPoliceOffice(office)
        }
        lastChangeSequence += 1
        lastChangeUnixMilliseconds = time
        let record = RegistryChangeRecord(
            sequence: lastChangeSequence, actor: actor, atUnixMilliseconds: time, reason: reason, change: change)
        changeRecords.append(record)
        assert(changeRecords.count <= Registry.maximumKeptChangeRecords)
        return record
    }

    /// Drops the kept records up to and including `sequence`, once the caller has stored them
    /// (in the audit chain). Later records stay.
    public mutating func discardChangeRecords(through sequence: UInt64) {
        precondition(sequence <= lastChangeSequence, "record \(sequence) has not been made yet")
        changeRecords.removeAll { $0.sequence <= sequence }
    }

    private func checkChangeMetadata(actor: String, atUnixMilliseconds time: Int64, reason: String) throws(RegistryError) {
        let trimmedActor = actor.trimmingWhiteSpace
        guard !trimmedActor.isEmpty, trimmedActor == actor, actor.count <= Registry.maximumActorLength else {
            throw .invalidChangeMetadata(reason: "the actor is 1 to \(Registry.maximumActorLength) characters without surrounding white space, not \"\(actor)\"")
        }
        guard !reason.trimmingWhiteSpace.isEmpty, reason.count <= Registry.maximumReasonLength else {
            throw .invalidChangeMetadata(reason: "a change needs a reason of 1 to \(Registry.maximumReasonLength) characters")
        }
        if let previous = lastChangeUnixMilliseconds, time < previous {
            throw .timeWentBackwards(previousUnixMilliseconds: previous, givenUnixMilliseconds: time)
        }
        guard changeRecords.count < Registry.maximumKeptChangeRecords else {
            throw .capacityReached(what: "kept change records (store and discard them)", maximum: Registry.maximumKeptChangeRecords)
        }
    }

    private mutating func deactivateOfficer(_ officerID: String, atUnixMilliseconds time: Int64) throws(RegistryError) {
        guard let officer = officersByID[officerID] else {
            throw .unknown(.officer, id: officerID, referencedBy: "deactivateOfficer")
        }
        guard officer.isActive else { throw .officerAlreadyInactive(officerID: officerID) }
        officersByID[officerID] = officer.deactivated(atUnixMilliseconds: time)
    }

    private mutating func setOfficerRoles(_ officerID: String, roles: [OfficerRole]) throws(RegistryError) {
        guard let officer = officersByID[officerID] else {
            throw .unknown(.officer, id: officerID, referencedBy: "setOfficerRoles")
        }
        guard !roles.isEmpty else { throw .officerWithoutRole(officerID: officerID) }
        officersByID[officerID] = officer.withRoles(roles)
    }

    private mutating func revokeSealKey(owner: SealKeyOwner, keyId: String, atUnixMilliseconds time: Int64) throws(RegistryError) {
        var keys = sealKeys(of: owner)
        guard let index = keys.firstIndex(where: { $0.keyId == keyId }) else {
            throw .unknown(.sealKey, id: "\(keyId) of \(owner)", referencedBy: "revokeSealKey")
        }
        guard keys[index].revokedAtUnixMilliseconds == nil else { throw .sealKeyAlreadyRevoked(owner: owner, keyId: keyId) }
        keys[index] = keys[index].revoked(atUnixMilliseconds: time)
        sealKeysByOwner[owner] = keys
    }

    private func existingBank(_ bankCode: String) throws(RegistryError) -> RegisteredBank {
        guard let bank = banksByCode[bankCode] else { throw .unknown(.bank, id: bankCode, referencedBy: "the change") }
        return bank
    }

    private mutating func linkBankT2T(_ bankCode: String) throws(RegistryError) {
        let bank = try existingBank(bankCode)
        guard !bank.t2tLinked else { throw .bankAlreadyT2T(bankCode: bankCode) }
        // The P2P provinces are kept as a record of the links that stopped; routing ignores them (R-B3).
        banksByCode[bankCode] = bank.with(t2tLinked: true)
    }

    private mutating func linkBankP2P(_ bankCode: String, province: Province) throws(RegistryError) {
        let bank = try existingBank(bankCode)
        guard !bank.t2tLinked else { throw .p2pLinkToT2TBank(bankCode: bankCode, province: province) }
        guard !bank.p2pProvinces.contains(province) else { throw .p2pLinkExists(bankCode: bankCode, province: province) }
        try checkHighCourt(of: province, forBank: bankCode)
        banksByCode[bankCode] = bank.with(p2pProvinces: bank.p2pProvinces + [province])
    }

    private mutating func unlinkBankP2P(_ bankCode: String, province: Province) throws(RegistryError) {
        let bank = try existingBank(bankCode)
        guard bank.p2pProvinces.contains(province) else { throw .p2pLinkMissing(bankCode: bankCode, province: province) }
        banksByCode[bankCode] = bank.with(p2pProvinces: bank.p2pProvinces.filter { $0 != province })
    }
}

extension String {
    /// The text without white space at either end.
    fileprivate var trimmingWhiteSpace: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
