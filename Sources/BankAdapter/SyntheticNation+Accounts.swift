import HubProtocol

/// The accounts of a synthetic nation.
extension SyntheticNation {
    /// The account columns, grouped by bank.
    struct Accounts {
        var owner: [UInt32] = []
        var balance: [Int64] = []
        var kind: [UInt8] = []
        var currency: [UInt8] = []
        var status: [UInt8] = []
        var bankStart: [Int] = [0]
    }

    /// Kinds by weight, for people and for companies.
    static let personKinds: [(SimulatedAccountKind, Int)] = [
        (.current, 50), (.savings, 20), (.pension, 8), (.foreignCurrency, 4), (.joint, 4), (.margin, 2), (.fundAccount, 12),
    ]
    static let companyKinds: [(SimulatedAccountKind, Int)] = [(.current, 60), (.margin, 20), (.foreignCurrency, 10), (.fundAccount, 10)]

    /// How many accounts each bank holds: national banks by their share, provincial banks the rest
    /// with weights between 1 and 4; the counts add up to `total`.
    static func accountCounts(total: Int, banks: [BankProfile], random: inout SeededRandom) -> [Int] {
        let nationalCount = NationalBank.all.count
        var counts = NationalBank.all.map { total * $0.accountSharePerMille / 1_000 }
        let provincialTotal = total - counts.reduce(0, +)
        let weights = (nationalCount..<banks.count).map { _ in random.next(in: 1...4) }
        let weightTotal = max(1, weights.reduce(0, +))
        counts += weights.map { provincialTotal * $0 / weightTotal }
        // Rounding leaves a few accounts over: the largest bank takes them.
        counts[0] += total - counts.reduce(0, +)
        assert(counts.reduce(0, +) == total && counts.allSatisfy { $0 >= 0 })
        return counts
    }

    static func makeAccounts(count: Int, banks: [BankProfile], owners: Owners, random: inout SeededRandom) -> Accounts {
        var accounts = Accounts()
        accounts.owner.reserveCapacity(count)
        accounts.balance.reserveCapacity(count)
        accounts.kind.reserveCapacity(count)
        accounts.currency.reserveCapacity(count)
        accounts.status.reserveCapacity(count)
        accounts.bankStart.reserveCapacity(banks.count + 1)
        let ownerCount = UInt64(owners.body.count)
        for bankCount in accountCounts(total: count, banks: banks, random: &random) {
            for _ in 0..<bankCount {
                let owner = Int(random.next(below: ownerCount))
                let kind = drawKind(company: owners.organizationCheck[owner] != 0, random: &random)
                let currency = kind == .foreignCurrency ? UInt8(random.next(in: 1...(Currency.supported.count - 1))) : 0
                let statusDraw = random.next(below: 100)
                let status: UInt8 = statusDraw < 4 ? 2 : (statusDraw < 7 ? 1 : 0)
                accounts.owner.append(UInt32(owner))
                accounts.kind.append(UInt8(SimulatedAccountKind.allCases.firstIndex(of: kind)!))
                accounts.currency.append(currency)
                accounts.status.append(status)
                accounts.balance.append(status == 2 ? 0 : drawBalance(currency: Currency.supported[Int(currency)], random: &random))
            }
            accounts.bankStart.append(accounts.owner.count)
        }
        return accounts
    }

    static func drawKind(company: Bool, random: inout SeededRandom) -> SimulatedAccountKind {
        let table = company ? companyKinds : personKinds
        var draw = random.next(in: 0...99)
        for (kind, weight) in table {
            if draw < weight { return kind }
            draw -= weight
        }
        return .current
    }

    /// A balance spread over orders of magnitude: 0 to about 10 million in major units.
    static func drawBalance(currency: Currency, random: inout SeededRandom) -> Int64 {
        var major: Int64 = 1
        for _ in 0..<random.next(in: 0...7) { major *= 10 }
        let amount = Int64(random.next(below: UInt64(major))) * currency.minorUnitsPerMajorUnit
        return amount + Int64(random.next(below: UInt64(currency.minorUnitsPerMajorUnit)))
    }
}

/// Reading accounts of a synthetic nation.
extension SyntheticNation {
    /// Bank `bank`'s accounts, as indices.
    public func accounts(ofBank bank: Int) -> Range<Int> {
        bankAccountStart[bank]..<bankAccountStart[bank + 1]
    }

    /// The owner's accounts, as indices, across all banks.
    public func accounts(ofOwner owner: Int) -> [Int] {
        ownerAccounts[ownerAccountStart[owner]..<ownerAccountStart[owner + 1]].map { Int($0) }
    }

    /// The bank holding an account.
    public func bank(ofAccount account: Int) -> Int {
        precondition(account >= 0 && account < accountCount, "no account \(account)")
        var low = 0
        var high = bankCount
        while high - low > 1 {
            let middle = (low + high) / 2
            if bankAccountStart[middle] <= account { low = middle } else { high = middle }
        }
        return low
    }

    /// The owner of an account.
    public func owner(ofAccount account: Int) -> Int { Int(accountOwner[account]) }

    /// The account's number: `62`, the bank's index in 5 digits, the account's in 9.
    public func accountNumber(_ account: Int) -> AccountNumber {
        AccountNumber(stringLiteral: "62" + Self.padded(bank(ofAccount: account), 5) + Self.padded(account, 9))
    }

    /// The account's kind.
    public func accountKind(_ account: Int) -> SimulatedAccountKind { SimulatedAccountKind.allCases[Int(accountKind[account])] }

    /// The account's currency.
    public func accountCurrency(_ account: Int) -> Currency { Currency.supported[Int(accountCurrency[account])] }

    /// The account's balance.
    public func balance(ofAccount account: Int) -> Money { Money(minorUnits: accountBalanceMinor[account], currency: accountCurrency(account)) }
}
