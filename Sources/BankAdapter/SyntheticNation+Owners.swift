import HubProtocol

/// The people and companies of a synthetic nation.
extension SyntheticNation {
    /// Mainland province codes that ID numbers and credit codes start with (the 兵团 uses 65).
    static let mainlandProvinceCodes: [Int] = ResidentIDNumber.provinceCodes.filter { $0 < 70 }.sorted()
    static let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
    static let givenCharacters = Array("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬鹏辉浩宇轩然博文欣怡子涵梓萱雨晨思远嘉俊志国建华")
    static let companyWords = Array("华信恒泰盛达永安鑫隆宏远金利源通顺发鼎丰瑞祥兴旺昌")
    static let companyTrades = ["商贸", "建设工程", "科技", "实业", "物流", "房地产开发", "餐饮管理", "机械制造"]

    /// The owner columns.
    struct Owners {
        var body: [UInt64] = []
        var check: [UInt8] = []
        var organizationCheck: [UInt8] = []
    }

    /// `count` owners: 90 % people born 1940–2006, 10 % companies registered with market regulation.
    static func makeOwners(count: Int, random: inout SeededRandom) -> Owners {
        var owners = Owners()
        owners.body.reserveCapacity(count)
        owners.check.reserveCapacity(count)
        owners.organizationCheck.reserveCapacity(count)
        let firstBirthDay = -10_958  // 1940-01-01 in days since 1970-01-01
        for _ in 0..<count {
            let province = mainlandProvinceCodes[Int(random.next(below: UInt64(mainlandProvinceCodes.count)))]
            let area = UInt64(province * 10_000 + random.next(in: 1...15) * 100 + random.next(in: 1...25))
            if random.next(below: 10) == 0 {
                let serial = UInt64(random.next(in: 10_000_000...99_999_999))
                let body = String(serial)
                guard let organizationCheck = OrganizationCode.checkCharacter(forBody: body),
                      let check = UnifiedSocialCreditCode.checkCharacter(forFirst17: "91" + String(area) + body + String(organizationCheck))
                else { preconditionFailure("generated organisation codes are digits") }
                owners.body.append(area * 100_000_000 + serial)
                owners.check.append(check.asciiValue!)
                owners.organizationCheck.append(organizationCheck.asciiValue!)
            } else {
                let birthDays = firstBirthDay + random.next(in: 0...(67 * 365))
                guard let birth = try? CalendarDate(daysSinceEpoch: birthDays) else { preconditionFailure("birth days are in range") }
                let date = UInt64(birth.year * 10_000 + birth.month * 100 + birth.day)
                let body = area * 100_000_000_000 + date * 1_000 + UInt64(random.next(in: 0...999))
                guard let check = ResidentIDNumber.checkCharacter(forFirst17: String(body)) else {
                    preconditionFailure("a generated ID body has 17 digits")
                }
                owners.body.append(body)
                owners.check.append(check.asciiValue!)
                owners.organizationCheck.append(0)
            }
        }
        return owners
    }

    /// Whether the owner is a company.
    public func ownerIsCompany(_ owner: Int) -> Bool { ownerOrganizationCheck[owner] != 0 }

    /// The owner's ID number or credit code.
    public func ownerDocumentNumber(_ owner: Int) -> String {
        let check = String(UnicodeScalar(ownerCheck[owner]))
        guard ownerIsCompany(owner) else { return String(ownerBody[owner]) + check }
        let area = ownerBody[owner] / 100_000_000
        let serial = ownerBody[owner] % 100_000_000
        return "91" + String(area) + String(serial) + String(UnicodeScalar(ownerOrganizationCheck[owner])) + check
    }

    /// The owner's name: a Chinese personal name, or a company name in the owner's province.
    public func ownerName(_ owner: Int) -> String {
        var random = SeededRandom(seed: SeededRandom.mix(seed ^ UInt64(owner) &* 0x9E37))
        if ownerIsCompany(owner) {
            let area = Int(ownerBody[owner] / 100_000_000)
            let province = Province(administrativeCode: area / 10_000)?.chineseName ?? ""
            let word = (0..<2).map { _ in String(Self.companyWords[Int(random.next(below: UInt64(Self.companyWords.count)))]) }.joined()
            let trade = Self.companyTrades[Int(random.next(below: UInt64(Self.companyTrades.count)))]
            return province + word + trade + "有限公司"
        }
        let surname = Self.surnames[Int(random.next(below: UInt64(Self.surnames.count)))]
        let length = random.next(below: 3) == 0 ? 1 : 2
        let given = (0..<length).map { _ in String(Self.givenCharacters[Int(random.next(below: UInt64(Self.givenCharacters.count)))]) }
        return String(surname) + given.joined()
    }

    /// The owner as a party to measures: name and typed document.
    public func party(ofOwner owner: Int) -> Party {
        let kind: IdentityDocumentKind = ownerIsCompany(owner) ? .unifiedSocialCreditCode : .residentID
        do {
            return Party(name: try PartyName(ownerName(owner)), document: try IdentityDocument(kind: kind, number: ownerDocumentNumber(owner)))
        } catch {
            preconditionFailure("a generated owner is valid: \(error)")
        }
    }
}
