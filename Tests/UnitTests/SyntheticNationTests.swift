import BankAdapter
import HubProtocol
import Testing

@Suite("Synthetic nation")
struct SyntheticNationTests {
    static let nation = SyntheticNation.generate(seed: 1, bankCount: 4_000, accountCount: 40_000)

    @Test("courts have the real structure: the SPC, 32 high courts (31 provinces and the 兵团), intermediate and basic courts under them")
    func courts() {
        let nation = Self.nation
        #expect(nation.courts(at: .supreme) == [.supreme])
        #expect(Set(nation.courts(at: .high)) == Set(Province.allCases.map(CourtCode.high)))
        let intermediates = Set(nation.courts(at: .intermediate))
        #expect(nation.courts(at: .basic).allSatisfy { $0.parent.map(intermediates.contains) == true })
        #expect(intermediates.allSatisfy { $0.parent?.level == .high })
        #expect((2_500...5_000).contains(nation.courts.count))
        #expect(Set(nation.courts).count == nation.courts.count)
    }

    @Test("R-B2, R-B3: the 21 national banks are on T2T by name, the rest on P2P in every province")
    func banks() {
        let nation = Self.nation
        #expect(nation.bankCount == 4_000)
        let national = nation.banks.prefix(21)
        #expect(national.map(\.code).starts(with: ["ICBC", "ABC", "CCB", "BOC", "PSBC", "BOCOM", "CMB"]))
        #expect(Set(national.map(\.code)).isSuperset(of: ["CITIC", "CEB", "HXB", "CMBC", "CGB", "PAB", "CIB", "SPDB", "CZB", "EGB", "BOHAI"]))
        #expect(national.allSatisfy { $0.link == .totalToTotal })
        var provinces: Set<Province> = []
        for bank in nation.banks.dropFirst(21) {
            guard case .pointToPoint(let province) = bank.link else { Issue.record("\(bank.code) is not P2P"); continue }
            provinces.insert(province)
        }
        #expect(provinces == Set(Province.allCases))
        #expect(Set(nation.banks.map(\.code)).count == 4_000 && Set(nation.banks.map(\.institutionCode)).count == 4_000)
        #expect(nation.banks.contains { !$0.onlineDeduct } && nation.banks.contains { $0.onlineDeduct && $0.link != .totalToTotal })
    }

    @Test("owners' resident ID numbers and credit codes validate (a sample of 10,000)")
    func identitiesValidate() throws {
        let nation = Self.nation
        var random = SeededRandom(seed: 99)
        var companies = 0
        for _ in 0..<10_000 {
            let owner = Int(random.next(below: UInt64(nation.ownerCount)))
            let number = nation.ownerDocumentNumber(owner)
            if nation.ownerIsCompany(owner) {
                companies += 1
                _ = try UnifiedSocialCreditCode(number)
            } else {
                let id = try ResidentIDNumber(number)
                #expect((1940...2006).contains(id.birthDate.year))
            }
            _ = try PartyName(nation.ownerName(owner))
        }
        #expect((500...1_500).contains(companies))
    }

    @Test("the same seed gives the same nation; another seed another")
    func deterministic() {
        let again = SyntheticNation.generate(seed: 1, bankCount: 4_000, accountCount: 40_000)
        #expect(again == Self.nation)
        let other = SyntheticNation.generate(seed: 2, bankCount: 4_000, accountCount: 40_000)
        #expect(other != Self.nation)
        #expect(other.ownerDocumentNumber(0) != Self.nation.ownerDocumentNumber(0))
    }

    @Test("accounts: every bank's range and every owner's index agree, and a bank's ledger answers its holders' queries")
    func accountsAndLedger() throws {
        let nation = Self.nation
        #expect(nation.accountCount == 40_000)
        #expect((0..<nation.bankCount).reduce(0) { $0 + nation.accounts(ofBank: $1).count } == 40_000)
        let owner = nation.owner(ofAccount: 123)
        #expect(nation.accounts(ofOwner: owner).contains(123))
        let bank = nation.bank(ofAccount: 123)
        #expect(nation.accounts(ofBank: bank).contains(123))
        var ledger = nation.ledger(forBank: bank, start: BankFixture.start)
        #expect(ledger.accounts.count == nation.accounts(ofBank: bank).count)
        let query = try BankFixture.chaoyang.query(id: "Q1", party: nation.party(ofOwner: owner), bank: nil, at: BankFixture.time(days: 0))
        let receipt = ledger.handle(query, receivedAt: BankFixture.time(days: 0))
        try receipt.validate()
        let listed = try #require(receipt.queryResult).accounts.map(\.accountNumber)
        #expect(listed.contains(nation.accountNumber(123)))
        #expect(listed.count == nation.accounts(ofOwner: owner).filter { nation.bank(ofAccount: $0) == bank }.count)
    }
}
