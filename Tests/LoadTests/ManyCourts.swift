import Foundation
import HubPKI
import HubProtocol
import QueryHub

/// A registry with many basic courts in Beijing — a high court, intermediate courts `京01`,
/// `京02` … and under each up to 99 basic courts `京0101` … — each with a judge and an enforcement
/// officer, an Ed25519 seal key (fast to mint and to check), and a client certificate; and one
/// bank, ICBC, on its head-office (T2T) link. The sample registry has only 8 courts.
struct ManyCourts: Sendable {
    /// The basic courts, in code order.
    let courts: [CourtCode]
    let registry: Registry
    let sealKeys: [SealKeyOwner: SealPrivateKey]
    let pki: DevelopmentPKIMaterial

    static let province = Province.beijing
    static let bankCode = "ICBC"
    static let bankPrincipal = try! PrincipalIdentity(kind: .bank, id: bankCode)

    /// Mints `count` basic courts (1…99 × 99), their officers, keys and certificates.
    static func make(basicCourts count: Int) throws -> ManyCourts {
        precondition((1...99 * 99).contains(count), "at most 99 intermediate courts of 99 basic courts each")
        let intermediates = try (1...(count + 98) / 99).map { try CourtCode.intermediate(province, number: $0) }
        let courts = try (0..<count).map { index in
            try CourtCode.basic(province, intermediateNumber: index / 99 + 1, basicNumber: index % 99 + 1)
        }
        var registered = [RegisteredCourt(code: .high(province), name: "北京市高级人民法院", parent: nil)]
        registered += intermediates.map { RegisteredCourt(code: $0, name: "北京市第\($0.intermediateNumber!)中级人民法院", parent: .high(province)) }
        registered += courts.map { court in
            RegisteredCourt(
                code: court, name: "北京市第\(court.intermediateNumber!)中级人民法院辖区第\(court.basicNumber!)基层人民法院",
                parent: try? CourtCode.intermediate(province, number: court.intermediateNumber!))
        }
        var keys: [SealKeyOwner: SealPrivateKey] = [.bank(code: bankCode): try SealPrivateKey.generate(.ed25519)]
        for court in courts { keys[.court(court)] = try SealPrivateKey.generate(.ed25519) }
        let contents = RegistryContents(
            courts: registered,
            banks: [
                RegisteredBank(
                    code: bankCode, name: "中国工商银行", t2tLinked: true, p2pProvinces: [],
                    capabilities: BankCapabilities(onlineDeduct: true, historyQuery: true))
            ],
            policeOffices: [], officers: try courts.enumerated().flatMap { try officers(of: $1, index: $0) }, specialAccounts: [],
            sealKeys: keys.map { owner, key in
                SealKeyRecord(
                    owner: owner, keyId: Registry.sampleSealKeyID(for: owner), publicKey: key.publicKey,
                    validFromUnixMilliseconds: Registry.sampleKeysValidFromUnixMilliseconds,
                    validUntilUnixMilliseconds: Registry.sampleKeysValidUntilUnixMilliseconds)
            })
        let principals = try courts.map { try PrincipalIdentity(kind: .court, id: $0.description) } + [bankPrincipal]
        return ManyCourts(
            courts: courts, registry: try Registry(contents: contents), sealKeys: keys,
            pki: try DevelopmentPKI.makeInMemory(principals: principals))
    }

    private static let surnames = Array("王李张刘陈杨赵黄周吴徐孙马朱胡郭何林高罗")
    private static let givenNames = Array("伟娜敏洋静帆磊丽杰芳明颖超琳斌欣勇燕峰涛")

    /// A judge and an enforcement officer, with the sample's id scheme (`110105-judge`).
    private static func officers(of court: CourtCode, index: Int) throws -> [QueryHub.Officer] {
        try [OfficerRole.judge, .enforcementOfficer].enumerated().map { roleIndex, role in
            let number = index * 2 + roleIndex
            let id = Registry.sampleOfficerID(court: court, role: role)
            return QueryHub.Officer(
                id: id, court: court,
                name: try PartyName(String([surnames[number % surnames.count], givenNames[number / surnames.count % givenNames.count]])),
                phone: "139" + String(10_000_000 + number), roles: [role], credentialNumber: "ZF\(id.prefix { $0 != "-" })-\(roleIndex + 1)",
                credentialScanSHA256: SHA256Digest.hexadecimal(of: Registry.sampleCredentialScan(officerID: id)))
        }
    }

    /// A `bank.freeze` of `account` up to `limit`, issued by the court's enforcement officer under
    /// a ruling signed by the court's judge (R-A1, R-B10), limited freeze allowed (R-B12).
    func freezeDocument(
        court: CourtCode, instructionID: String, account: AccountReference, limit: Money, issuedAtMilliseconds: Int64
    ) throws -> [UInt8] {
        let officerID = Registry.sampleOfficerID(court: court, role: .enforcementOfficer)
        guard let officer = registry.officer(id: officerID) else { preconditionFailure("every court has an enforcement officer") }
        let issuedAt = Timestamp(millisecondsSinceEpoch: issuedAtMilliseconds - issuedAtMilliseconds % 1_000)
        // The period starts on the day in China Standard Time (UTC+8), the day the hub's ledger
        // judges by (R-B11): the UTC date is the day before from 16:00 UTC on.
        let firstDay = Timestamp(millisecondsSinceEpoch: issuedAtMilliseconds + 8 * 3_600_000).date
        let lastDay = try firstDay.adding(years: 1).adding(days: -1)
        let digest = String(repeating: "b", count: 64)
        return Array("""
            {"kind":"bank.freeze","header":{"instructionId":"\(instructionID)","court":"\(court)",\
            "case":{"number":"（2026）\(court)执1号","filingDate":"2026-01-05","amountOwed":{"amount":"500000.00","currency":"CNY"}},\
            "officer":{"id":"\(officer.id)","name":"\(officer.name)","phone":"\(officer.phone)",\
            "credentialNumber":"\(officer.credentialNumber)","credentialScanSHA256":"\(officer.credentialScanSHA256)"},\
            "issuedAt":"\(issuedAt)","legalDocuments":[\
            {"kind":"ruling","number":"（2026）\(court)执1号之一","sha256":"\(digest)",\
            "signedBy":"\(Registry.sampleOfficerID(court: court, role: .judge))"},\
            {"kind":"assistanceNotice","number":"（2026）\(court)执1号协助执行通知书","sha256":"\(digest)"}]},\
            "party":{"name":"张三","document":{"type":"residentID","number":"11010519491231002X"}},\
            "account":{"bank":"\(account.bank)","number":"\(account.number)","currency":"\(account.currency.code)"},\
            "amountLimit":\(try json(limit)),"period":{"from":"\(firstDay)","to":"\(lastDay)"},"allowLimitedFreeze":true}
            """.utf8)
    }

    /// The envelope a court posts: the exact bytes and the court's seal over them.
    func sealed(_ document: [UInt8], court: CourtCode) throws -> [UInt8] {
        let owner = SealKeyOwner.court(court)
        guard let key = sealKeys[owner] else { preconditionFailure("every court has a seal key") }
        return Array(try JSONEncoder().encode(try SealedDocument.seal(document, with: key, keyId: Registry.sampleSealKeyID(for: owner))))
    }

    private func json(_ money: Money) throws -> String {
        String(decoding: try JSONEncoder().encode(money), as: UTF8.self)
    }
}
