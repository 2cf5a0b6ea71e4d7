import Foundation
import HubProtocol
import QueryHub
import Testing

/// The registry: the sample's contents, changes and their records (R-B5), the strict registry
/// file, consistency checks, and seal keys that are revoked or expired.
@Suite("Registry")
struct RegistryTests {
    private static let time: Int64 = 1_780_000_000_000

    private let registry: Registry
    private let chaoyang: CourtCode

    init() throws {
        registry = try Registry.sample()
        chaoyang = try CourtCode("京0105")
    }

    private func id(_ court: CourtCode, _ role: OfficerRole) -> String {
        Registry.sampleOfficerID(court: court, role: role)
    }

    // MARK: - The sample

    @Test("R-B4, R-B5: the sample has every role and CNY and USD special accounts in every court")
    func sampleContents() throws {
        #expect(registry.courts.count == 8)
        #expect(Set(registry.courts.compactMap(\.province)) == [.beijing, .shanghai])
        for court in registry.courts {
            let officers = registry.officers.filter { $0.court == court.code }
            #expect(Set(officers.flatMap(\.roles)) == Set(OfficerRole.allCases), "\(court.code)")
            #expect(registry.specialAccounts(of: court.code).map(\.currency) == [.cny, .usd])
            #expect(try registry.specialAccount(court: court.code, currency: .usd).bankCode == "BOC")
        }
        #expect(registry.court(chaoyang)?.level == .basic)
        #expect(registry.court(chaoyang)?.parent == (try CourtCode("京03")))
        #expect(registry.banks.filter(\.t2tLinked).map(\.code) == ["ICBC", "CCB", "BOC"])
        #expect(registry.adapters.map(\.description) == ["bank:ICBC", "bank:CCB", "bank:BOC", "bank:BJRCB@京", "bank:SHRCB@沪", "police:MPS"])
        #expect(throws: RegistryError.noSpecialAccount(court: chaoyang, currency: .eur)) {
            try registry.specialAccount(court: chaoyang, currency: .eur)
        }
    }

    // MARK: - Changes and records

    private func account(approver: String, number: String = "0200001009000099888") throws -> QueryHub.SpecialAccount {
        QueryHub.SpecialAccount(court: chaoyang, currency: .cny, bankCode: "CCB", accountNumber: number,
                       accountName: try PartyName("北京市朝阳区人民法院"), approverID: approver)
    }

    @Test("R-B5: a special-account change without a proper approver is refused and changes nothing")
    func specialAccountNeedsApproval() throws {
        var registry = registry
        let before = try registry.specialAccount(court: chaoyang, currency: .cny)
        let haidianPresident = try id(CourtCode("京0108"), .president)
        let refusals: [(QueryHub.SpecialAccount, String, RegistryError)] = [
            (try account(approver: ""), "operator-1", .approvalMissing(court: chaoyang, currency: .cny)),
            (try account(approver: id(chaoyang, .judge)), "operator-1", .approverNotPresident(approverID: id(chaoyang, .judge), court: chaoyang)),
            (try account(approver: haidianPresident), "operator-1", .approverNotPresident(approverID: haidianPresident, court: chaoyang)),
            (try account(approver: id(chaoyang, .president)), id(chaoyang, .president), .approverIsActor(approverID: id(chaoyang, .president))),
        ]
        for (account, actor, expected) in refusals {
            #expect(throws: expected) {
                try registry.apply(.setSpecialAccount(account: account), by: actor, atUnixMilliseconds: Self.time, reason: "new CNY account")
            }
        }
        #expect(try registry.specialAccount(court: chaoyang, currency: .cny) == before)
        #expect(registry.changeRecords.isEmpty)
    }

    @Test("R-B5: an approved special-account change replaces the account and is recorded with who, when and why")
    func specialAccountChangeRecorded() throws {
        var registry = registry
        let changed = try account(approver: id(chaoyang, .president))
        let record = try registry.apply(.setSpecialAccount(account: changed), by: "operator-7", atUnixMilliseconds: Self.time,
                                        reason: "CNY special account moved to CCB")
        #expect(try registry.specialAccount(court: chaoyang, currency: .cny) == changed)
        #expect(registry.specialAccounts(of: chaoyang).count == 2)
        #expect(record == RegistryChangeRecord(sequence: 1, actor: "operator-7", atUnixMilliseconds: Self.time,
                                               reason: "CNY special account moved to CCB", change: .setSpecialAccount(account: changed)))
        #expect(registry.changeRecords == [record])
        let encoded = try JSONEncoder().encode(record)
        #expect(try JSONDecoder().decode(RegistryChangeRecord.self, from: encoded) == record)
    }

    @Test("change records are numbered in order, must not go back in time, and are discarded once stored")
    func changeRecordSequence() throws {
        var registry = registry
        try registry.apply(.deactivateOfficer(officerID: id(chaoyang, .judge)), by: "operator-1", atUnixMilliseconds: Self.time, reason: "retired")
        try registry.apply(.linkBankT2T(bankCode: "SHRCB"), by: "operator-2", atUnixMilliseconds: Self.time + 5, reason: "head office linked")
        #expect(registry.changeRecords.map(\.sequence) == [1, 2])
        #expect(registry.changeRecords.map(\.change.operation) == ["deactivateOfficer", "linkBankT2T"])
        #expect(throws: RegistryError.timeWentBackwards(previousUnixMilliseconds: Self.time + 5, givenUnixMilliseconds: Self.time)) {
            try registry.apply(.linkBankT2T(bankCode: "BJRCB"), by: "operator-1", atUnixMilliseconds: Self.time, reason: "late")
        }
        #expect(throws: RegistryError.self) {
            try registry.apply(.linkBankT2T(bankCode: "BJRCB"), by: "operator-1", atUnixMilliseconds: Self.time + 6, reason: "  ")
        }
        #expect(throws: RegistryError.officerAlreadyInactive(officerID: id(chaoyang, .judge))) {
            try registry.apply(.deactivateOfficer(officerID: id(chaoyang, .judge)), by: "operator-1", atUnixMilliseconds: Self.time + 6, reason: "twice")
        }
        registry.discardChangeRecords(through: 1)
        #expect(registry.changeRecords.map(\.sequence) == [2])
        try registry.apply(.linkBankT2T(bankCode: "BJRCB"), by: "operator-1", atUnixMilliseconds: Self.time + 7, reason: "head office linked")
        #expect(registry.changeRecords.map(\.sequence) == [2, 3])
    }

    @Test("consistency: unknown court, duplicate id, wrong parent level and a P2P link without its high court are refused")
    func consistencyOfChanges() throws {
        var registry = registry
        let officer = Officer(id: "110199-judge", court: try CourtCode("京0199"), name: try PartyName("张三"), phone: "13900000000",
                              roles: [.judge], credentialNumber: "ZF110199-1", credentialScanSHA256: String(repeating: "ab", count: 32))
        #expect(throws: RegistryError.unknown(.court, id: "京0199", referencedBy: "officer 110199-judge")) {
            try registry.apply(.addOfficer(officer: officer), by: "operator-1", atUnixMilliseconds: Self.time, reason: "new judge")
        }
        #expect(throws: RegistryError.duplicate(.bank, id: "ICBC")) {
            try registry.apply(.addBank(bank: registry.banks[0]), by: "operator-1", atUnixMilliseconds: Self.time, reason: "again")
        }
        let basic = RegisteredCourt(code: try CourtCode("京0106"), name: "北京市丰台区人民法院", parent: .high(.beijing))
        #expect(throws: RegistryError.invalidParent(court: basic.code, parent: .high(.beijing),
                                                    reason: "a basic court's parent is one level above it, not high")) {
            try registry.apply(.addCourt(court: basic), by: "operator-1", atUnixMilliseconds: Self.time, reason: "new court")
        }
        #expect(throws: RegistryError.highCourtNotRegistered(bankCode: "BJRCB", province: .tianjin)) {
            try registry.apply(.linkBankP2P(bankCode: "BJRCB", province: .tianjin), by: "operator-1", atUnixMilliseconds: Self.time, reason: "津")
        }
        let badPhone = Officer(id: "110105-new", court: chaoyang, name: try PartyName("李四"), phone: "call me",
                               roles: [.judge], credentialNumber: "ZF1", credentialScanSHA256: String(repeating: "ab", count: 32))
        #expect(throws: RegistryError.self) {
            try registry.apply(.addOfficer(officer: badPhone), by: "operator-1", atUnixMilliseconds: Self.time, reason: "new judge")
        }
        #expect(registry.changeRecords.isEmpty)
    }

    // MARK: - The registry file

    private func sampleJSONObject() throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(registry.jsonRepresentation())) as? [String: Any])
    }

    private func load(_ object: [String: Any]) throws -> Registry {
        try Registry(json: Array(JSONSerialization.data(withJSONObject: object)))
    }

    @Test("the registry file round-trips: loading what was written gives the same contents and the same bytes")
    func fileRoundTrip() throws {
        let keys = try Dictionary(uniqueKeysWithValues: Registry.sampleSealKeyOwners.prefix(3).map { owner in
            (owner, try SealPrivateKey.generate(.ed25519).publicKey)
        })
        let original = try Registry.sample(sealKeys: keys)
        let loaded = try Registry(json: original.jsonRepresentation())
        #expect(loaded.contents == original.contents)
        #expect(loaded.jsonRepresentation() == original.jsonRepresentation())
        #expect(loaded.allSealKeys.count == 3)
    }

    @Test("the registry file refuses an unknown key, naming its path", arguments: [
        ("banks", 1, "capabilities", "onlineDeduction", "banks[1].capabilities.onlineDeduction"),
        ("officers", 3, nil, "rank", "officers[3].rank"),
    ] as [(String, Int, String?, String, String)])
    func unknownKey(list: String, index: Int, member: String?, key: String, path: String) throws {
        var object = try sampleJSONObject()
        var items = try #require(object[list] as? [[String: Any]])
        if let member {
            var inner = try #require(items[index][member] as? [String: Any])
            inner[key] = true
            items[index][member] = inner
        } else {
            items[index][key] = "senior"
        }
        object[list] = items
        #expect {
            try load(object)
        } throws: { error in
            guard case .unknownKey(let found, _) = error as? RegistryLoadError else { return false }
            return found == path
        }
    }

    @Test("the registry file refuses an unknown top-level key, a missing key, an unknown currency and another format version")
    func fileErrors() throws {
        var object = try sampleJSONObject()
        object["comment"] = "not allowed"
        #expect(throws: RegistryLoadError.unknownKey(
            path: "comment", knownKeys: ["formatVersion", "courts", "banks", "policeOffices", "officers", "specialAccounts", "sealKeys"])) {
            try load(object)
        }
        object = try sampleJSONObject()
        var banks = try #require(object["banks"] as? [[String: Any]])
        banks[0]["name"] = nil
        object["banks"] = banks
        #expect(throws: RegistryLoadError.missingKey(path: "banks[0].name")) { try load(object) }
        object = try sampleJSONObject()
        var accounts = try #require(object["specialAccounts"] as? [[String: Any]])
        accounts[1]["currency"] = "XYZ"
        object["specialAccounts"] = accounts
        #expect { try load(object) } throws: { error in
            guard case .invalidValue(let path, _) = error as? RegistryLoadError else { return false }
            return path == "specialAccounts[1].currency"
        }
        object = try sampleJSONObject()
        object["formatVersion"] = 2
        #expect { try load(object) } throws: { error in
            guard case .invalidValue(let path, let reason) = error as? RegistryLoadError else { return false }
            return path == "formatVersion" && reason.contains("version 2")
        }
        #expect { try Registry(json: Array("{\"courts\": [".utf8)) } throws: { error in
            guard case .notJSON = error as? RegistryLoadError else { return false }
            return true
        }
    }

    @Test("the registry file's contents are checked for consistency: an officer of an unregistered court, a duplicate officer")
    func fileConsistency() throws {
        var object = try sampleJSONObject()
        var officers = try #require(object["officers"] as? [[String: Any]])
        officers[0]["court"] = "沪0199"
        object["officers"] = officers
        #expect(throws: RegistryLoadError.inconsistent(.unknown(.court, id: "沪0199", referencedBy: "officer 11-judge"))) {
            try load(object)
        }
        object = try sampleJSONObject()
        officers = try #require(object["officers"] as? [[String: Any]])
        officers[1]["id"] = officers[0]["id"]
        object["officers"] = officers
        #expect(throws: RegistryLoadError.inconsistent(.duplicate(.officer, id: "11-judge"))) { try load(object) }
    }

    // MARK: - Seal keys

    @Test("seal keys: valid inside their period, refused before it, after it, and once revoked", arguments: SealAlgorithm.allCases)
    func sealKeyLifecycle(algorithm: SealAlgorithm) throws {
        let owner = SealKeyOwner.court(chaoyang)
        let key = try SealPrivateKey.generate(algorithm)
        var registry = try Registry.sample(sealKeys: [owner: key.publicKey])
        let keyId = Registry.sampleSealKeyID(for: owner)
        let from = Registry.sampleKeysValidFromUnixMilliseconds
        let until = Registry.sampleKeysValidUntilUnixMilliseconds
        let record = try registry.sealKey(owner: owner, keyId: keyId, atUnixMilliseconds: Self.time)
        #expect(record.publicKey == key.publicKey)
        #expect(record.algorithm == algorithm)
        #expect(throws: SealKeyLookupError.notYetValid(owner: owner, keyId: keyId, validFromUnixMilliseconds: from)) {
            try registry.sealKey(owner: owner, keyId: keyId, atUnixMilliseconds: from - 1)
        }
        #expect(throws: SealKeyLookupError.expired(owner: owner, keyId: keyId, validUntilUnixMilliseconds: until)) {
            try registry.sealKey(owner: owner, keyId: keyId, atUnixMilliseconds: until)
        }
        #expect(throws: SealKeyLookupError.unknownKey(owner: owner, keyId: "court:京0105#2")) {
            try registry.sealKey(owner: owner, keyId: "court:京0105#2", atUnixMilliseconds: Self.time)
        }
        try registry.apply(.revokeSealKey(owner: owner, keyId: keyId), by: "operator-1", atUnixMilliseconds: Self.time, reason: "key compromised")
        #expect(throws: SealKeyLookupError.revoked(owner: owner, keyId: keyId, revokedAtUnixMilliseconds: Self.time)) {
            try registry.sealKey(owner: owner, keyId: keyId, atUnixMilliseconds: Self.time)
        }
        #expect(try registry.sealKey(owner: owner, keyId: keyId, atUnixMilliseconds: Self.time - 1).publicKey == key.publicKey)
        #expect(throws: RegistryError.sealKeyAlreadyRevoked(owner: owner, keyId: keyId)) {
            try registry.apply(.revokeSealKey(owner: owner, keyId: keyId), by: "operator-1", atUnixMilliseconds: Self.time, reason: "again")
        }
    }

    @Test("seal keys: an unregistered owner, a duplicate key id, an empty period and a PEM of another algorithm are refused")
    func sealKeyConsistency() throws {
        var registry = registry
        let publicKey = try SealPrivateKey.generate(.ed25519).publicKey
        let stranger = SealKeyOwner.bank(code: "XYZ")
        let key = SealKeyRecord(owner: stranger, keyId: "k1", publicKey: publicKey, validFromUnixMilliseconds: 0, validUntilUnixMilliseconds: 1)
        #expect(throws: RegistryError.unknown(.sealKeyOwner, id: "bank:XYZ", referencedBy: "seal key k1")) {
            try registry.apply(.addSealKey(key: key), by: "operator-1", atUnixMilliseconds: Self.time, reason: "new key")
        }
        let icbc = SealKeyOwner.bank(code: "ICBC")
        let empty = SealKeyRecord(owner: icbc, keyId: "k1", publicKey: publicKey, validFromUnixMilliseconds: 5, validUntilUnixMilliseconds: 5)
        #expect(throws: RegistryError.invalidValidity(owner: icbc, keyId: "k1", fromUnixMilliseconds: 5, untilUnixMilliseconds: 5)) {
            try registry.apply(.addSealKey(key: empty), by: "operator-1", atUnixMilliseconds: Self.time, reason: "new key")
        }
        let good = SealKeyRecord(owner: icbc, keyId: "k1", publicKey: publicKey, validFromUnixMilliseconds: 0, validUntilUnixMilliseconds: 10)
        try registry.apply(.addSealKey(key: good), by: "operator-1", atUnixMilliseconds: Self.time, reason: "new key")
        #expect(throws: RegistryError.duplicate(.sealKey, id: "k1 of bank:ICBC")) {
            try registry.apply(.addSealKey(key: good), by: "operator-1", atUnixMilliseconds: Self.time, reason: "again")
        }
        var object = try #require(JSONSerialization.jsonObject(with: Data(registry.jsonRepresentation())) as? [String: Any])
        var keys = try #require(object["sealKeys"] as? [[String: Any]])
        keys[0]["algorithm"] = SealAlgorithm.sm2WithSM3.rawValue
        object["sealKeys"] = keys
        #expect { try load(object) } throws: { error in
            guard case .invalidValue(let path, _) = error as? RegistryLoadError else { return false }
            return path == "sealKeys[0].publicKeyPEM"
        }
    }
}
