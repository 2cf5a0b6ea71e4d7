import HubProtocol

/// The banks of a synthetic nation.
extension SyntheticNation {
    /// The kinds of provincial bank, with their code letters and names.
    static let provincialKinds: [(letters: String, name: String)] = [
        ("RCB", "农村商业银行"), ("CB", "城市商业银行"), ("VB", "村镇银行"), ("RCC", "农村信用合作联社"),
    ]

    /// The 21 national banks on T2T, then `count − 21` provincial banks on P2P spread over the 32
    /// provinces; about a third of the provincial banks cannot deduct online.
    static func makeBanks(count: Int, random: inout SeededRandom) -> [BankProfile] {
        var banks: [BankProfile] = []
        banks.reserveCapacity(count)
        for (index, bank) in NationalBank.all.enumerated() {
            let code = InstitutionCode(stringLiteral: "C1" + padded(102 + index, 3) + padded(0, 9))
            banks.append(.nationalHeadOffice(code: bank.code, institutionCode: code, name: bank.name, seed: random.next()))
        }
        var serialByProvince = [Int](repeating: 0, count: Province.allCases.count)
        for index in NationalBank.all.count..<count {
            let provinceIndex = Int(random.next(below: UInt64(Province.allCases.count)))
            let province = Province.allCases[provinceIndex]
            serialByProvince[provinceIndex] += 1
            let serial = serialByProvince[provinceIndex]
            let kind = provincialKinds[Int(random.next(below: UInt64(provincialKinds.count)))]
            let code = "P" + padded(province.administrativeCode, 2) + kind.letters + padded(serial, 4)
            let institutionCode = InstitutionCode(stringLiteral: "C3" + padded(province.administrativeCode, 2) + padded(index, 6))
            let name = province.chineseName + "第\(serial)" + kind.name
            banks.append(
                .provincialBranch(
                    code: code, institutionCode: institutionCode, name: name, province: province,
                    onlineDeduct: random.next(below: 3) != 0, seed: random.next()))
        }
        assert(banks.count == count)
        return banks
    }

    /// `value` in decimal with leading zeros to `width` digits.
    static func padded(_ value: Int, _ width: Int) -> String {
        precondition(value >= 0, "padded values are not negative")
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// The index of the bank with this registry code.
    public func bankIndex(code: String) -> Int? {
        banks.firstIndex { $0.code == code }
    }
}
