import HubProtocol

/// A small registry for the demo and the tests: two provinces, officers of every role in every
/// court, special accounts in CNY and USD, three national banks on T2T and two regional banks on
/// P2P only, and the Ministry of Public Security.
///
/// | court | name | parent |
/// |---|---|---|
/// | 京 | 北京市高级人民法院 | — |
/// | 京01 | 北京市第一中级人民法院 | 京 |
/// | 京03 | 北京市第三中级人民法院 | 京 |
/// | 京0105 | 北京市朝阳区人民法院 | 京03 (not 京01: Chaoyang's appeals go to the Third Intermediate Court) |
/// | 京0108 | 北京市海淀区人民法院 | 京01 |
/// | 沪 | 上海市高级人民法院 | — |
/// | 沪01 | 上海市第一中级人民法院 | 沪 |
/// | 沪0101 | 上海市黄浦区人民法院 | 沪01 |
///
/// Banks: ICBC, CCB, BOC (T2T, online deduct, history query); BJRCB (P2P in 京, online deduct);
/// SHRCB (P2P in 沪, no online deduct). Every court has four officers, ids
/// ``sampleOfficerID(court:role:)``: a judge, an enforcement officer, a judicial police officer and
/// a president (also a judge), and special accounts in CNY (at ICBC) and USD (at BOC) approved by
/// its president.
extension Registry {
    /// When the sample's seal keys become valid: 2026-01-01T00:00:00Z, Unix milliseconds.
    public static let sampleKeysValidFromUnixMilliseconds: Int64 = 1_767_225_600_000
    /// When the sample's seal keys stop being valid: 2100-01-01T00:00:00Z, Unix milliseconds.
    public static let sampleKeysValidUntilUnixMilliseconds: Int64 = 4_102_444_800_000

    /// The sample registry, with a seal key for each owner in `sealKeys` (generated elsewhere;
    /// owners left out have no key). Key ids are ``sampleSealKeyID(for:)``.
    public static func sample(sealKeys: [SealKeyOwner: SealPublicKey] = [:]) throws(RegistryError) -> Registry {
        var contents = sampleContents()
        let owners = sampleSealKeyOwners
        for owner in sealKeys.keys.sorted(by: { $0.description < $1.description }) where !owners.contains(owner) {
            throw .unknown(.sealKeyOwner, id: owner.description, referencedBy: "the sample's seal keys")
        }
        contents.sealKeys = owners.compactMap { owner in
            sealKeys[owner].map { key in
                SealKeyRecord(
                    owner: owner, keyId: sampleSealKeyID(for: owner), publicKey: key,
                    validFromUnixMilliseconds: sampleKeysValidFromUnixMilliseconds,
                    validUntilUnixMilliseconds: sampleKeysValidUntilUnixMilliseconds)
            }
        }
        return try Registry(contents: contents)
    }

    /// Every owner the sample can hold a seal key for: its courts, banks and police office.
    public static var sampleSealKeyOwners: [SealKeyOwner] {
        let contents = sampleContents()
        return contents.courts.map { SealKeyOwner.court($0.code) } + contents.banks.map { SealKeyOwner.bank(code: $0.code) }
            + contents.policeOffices.map { SealKeyOwner.policeOffice(id: $0.id) }
    }

    /// The key id of an owner's sample key: `court:京0105#1`.
    public static func sampleSealKeyID(for owner: SealKeyOwner) -> String {
        owner.description + "#1"
    }

    /// The id of the sample officer of a court with a role: the court's numeric code (province,
    /// intermediate and basic numbers: `110105` for 京0105, `11` for 京) and the role,
    /// `110105-enforcementOfficer`.
    public static func sampleOfficerID(court: CourtCode, role: OfficerRole) -> String {
        var digits = court.province.map { String($0.administrativeCode) } ?? "00"
        if let number = court.intermediateNumber { digits += zeroPadded(number, width: 2) }
        if let number = court.basicNumber { digits += zeroPadded(number, width: 2) }
        return digits + "-" + role.rawValue
    }

    /// The bytes standing in for a sample officer's credential scan; the sample registers their
    /// SHA-256 (R-B4), so a measure that attaches them passes ``Officer/matchesCredentialScan(_:)``.
    public static func sampleCredentialScan(officerID: String) -> [UInt8] {
        Array("sample credential scan of officer \(officerID)".utf8)
    }

    /// The sample without seal keys.
    static func sampleContents() -> RegistryContents {
        let courts = sampleCourts()
        var officers: [Officer] = []
        var accounts: [SpecialAccount] = []
        for (index, court) in courts.enumerated() {
            officers += sampleOfficers(of: court.code, courtIndex: index)
            accounts += sampleSpecialAccounts(of: court, courtIndex: index)
        }
        return RegistryContents(
            courts: courts, banks: sampleBanks(), policeOffices: [PoliceOffice(id: "MPS", name: "公安部")],
            officers: officers, specialAccounts: accounts, sealKeys: [])
    }

    private static func sampleCourts() -> [RegisteredCourt] {
        let table: [(code: String, name: String, parent: String?)] = [
            ("京", "北京市高级人民法院", nil),
            ("京01", "北京市第一中级人民法院", "京"),
            ("京03", "北京市第三中级人民法院", "京"),
            ("京0105", "北京市朝阳区人民法院", "京03"),
            ("京0108", "北京市海淀区人民法院", "京01"),
            ("沪", "上海市高级人民法院", nil),
            ("沪01", "上海市第一中级人民法院", "沪"),
            ("沪0101", "上海市黄浦区人民法院", "沪01"),
        ]
        return table.map { row in
            RegisteredCourt(code: sampleCourtCode(row.code), name: row.name, parent: row.parent.map(sampleCourtCode))
        }
    }

    private static func sampleBanks() -> [RegisteredBank] {
        let national = BankCapabilities(onlineDeduct: true, historyQuery: true)
        return [
            RegisteredBank(code: "ICBC", name: "中国工商银行", t2tLinked: true, p2pProvinces: [], capabilities: national),
            RegisteredBank(code: "CCB", name: "中国建设银行", t2tLinked: true, p2pProvinces: [], capabilities: national),
            RegisteredBank(code: "BOC", name: "中国银行", t2tLinked: true, p2pProvinces: [], capabilities: national),
            RegisteredBank(
                code: "BJRCB", name: "北京农村商业银行", t2tLinked: false, p2pProvinces: [.beijing],
                capabilities: BankCapabilities(onlineDeduct: true, historyQuery: false)),
            RegisteredBank(
                code: "SHRCB", name: "上海农村商业银行", t2tLinked: false, p2pProvinces: [.shanghai],
                capabilities: BankCapabilities(onlineDeduct: false, historyQuery: false)),
        ]
    }

    private static let sampleNames = [
        "王伟", "李娜", "张敏", "刘洋", "陈静", "杨帆", "赵磊", "黄丽", "周杰", "吴芳", "徐明", "孙颖", "马超", "朱琳", "胡斌", "郭欣",
        "何勇", "林燕", "高峰", "罗敏", "郑涛", "梁红", "谢军", "宋佳", "唐亮", "许婷", "韩冰", "冯刚", "邓丽", "曹阳", "彭飞", "曾静",
    ]

    private static func sampleOfficers(of court: CourtCode, courtIndex: Int) -> [Officer] {
        OfficerRole.allCases.enumerated().map { roleIndex, role in
            let index = courtIndex * OfficerRole.allCases.count + roleIndex
            let id = sampleOfficerID(court: court, role: role)
            let name: PartyName
            do {
                name = try PartyName(sampleNames[index % sampleNames.count])
            } catch {
                preconditionFailure("the sample names are valid: \(error)")
            }
            return Officer(
                id: id, court: court, name: name, phone: "1390100" + zeroPadded(index, width: 4),
                roles: role == .president ? [.president, .judge] : [role],
                credentialNumber: "ZF" + String(id.prefix { $0 != "-" }) + "-" + String(roleIndex + 1),
                credentialScanSHA256: SHA256Digest.hexadecimal(of: sampleCredentialScan(officerID: id)))
        }
    }

    private static func sampleSpecialAccounts(of court: RegisteredCourt, courtIndex: Int) -> [SpecialAccount] {
        let approver = sampleOfficerID(court: court.code, role: .president)
        let serial = zeroPadded(courtIndex + 1, width: 6)
        let name: PartyName
        do {
            name = try PartyName(court.name)
        } catch {
            preconditionFailure("the sample court names are valid: \(error)")
        }
        return [
            SpecialAccount(
                court: court.code, currency: .cny, bankCode: "ICBC", accountNumber: "0200001009" + serial + "888",
                accountName: name, approverID: approver),
            SpecialAccount(
                court: court.code, currency: .usd, bankCode: "BOC", accountNumber: "3447" + serial + "01",
                accountName: name, approverID: approver),
        ]
    }

    private static func sampleCourtCode(_ text: String) -> CourtCode {
        do {
            return try CourtCode(text)
        } catch {
            preconditionFailure("the sample court codes are valid: \(error)")
        }
    }
}

/// `value` in decimal with leading zeros up to `width` digits.
private func zeroPadded(_ value: Int, width: Int) -> String {
    precondition(value >= 0, "only non-negative numbers are padded")
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
}
