import HubProtocol

/// A seeded synthetic nation for load tests and what-if runs: courts with the real code structure
/// (the SPC, 32 high courts — 31 provinces and the 兵团 — and their intermediate and basic
/// courts), banks (21 national head offices on T2T, the rest provincial banks on P2P), and
/// accounts held by people with valid resident ID numbers and companies with valid unified social
/// credit codes. The same seed gives the same nation.
///
/// Memory is kept to a few dozen bytes per account: owners and accounts are stored as columns of
/// small integers (struct of arrays); names, ID numbers and account numbers are derived from them
/// on demand.
public struct SyntheticNation: Sendable, Equatable {
    /// The seed everything is drawn from.
    public let seed: UInt64
    /// Every court, the SPC first, then each province's high court, intermediate and basic courts.
    public let courts: [CourtCode]
    /// Every bank: the national head offices first.
    public let banks: [BankProfile]

    // Owners, one entry per owner (column per field).
    /// Person: the first 17 digits of the ID number as an integer; company: area × 10^8 + serial.
    let ownerBody: [UInt64]
    /// The check character (of the ID number, or of the credit code).
    let ownerCheck: [UInt8]
    /// Company: the organisation code's check character; person: 0.
    let ownerOrganizationCheck: [UInt8]

    // Accounts, grouped by bank (column per field).
    /// Owner index of each account.
    let accountOwner: [UInt32]
    /// Balance in minor units.
    let accountBalanceMinor: [Int64]
    /// ``SimulatedAccountKind`` index.
    let accountKind: [UInt8]
    /// Index into ``Currency/supported``.
    let accountCurrency: [UInt8]
    /// 0 active, 1 dormant, 2 closed.
    let accountStatus: [UInt8]
    /// Bank `b`'s accounts are `bankAccountStart[b] ..< bankAccountStart[b + 1]`.
    let bankAccountStart: [Int]
    /// Owner `o`'s accounts are `ownerAccounts[ownerAccountStart[o] ..< ownerAccountStart[o + 1]]`.
    let ownerAccountStart: [Int]
    /// Account indices by owner.
    let ownerAccounts: [UInt32]

    /// The largest nation the generator makes.
    public static let maximumBanks = 20_000
    /// The most accounts it makes.
    public static let maximumAccounts = 50_000_000

    /// Number of owners.
    public var ownerCount: Int { ownerBody.count }
    /// Number of accounts.
    public var accountCount: Int { accountOwner.count }
    /// Number of banks.
    public var bankCount: Int { banks.count }

    /// Generates a nation: `bankCount` banks (at least the 21 national ones) and `accountCount`
    /// accounts held by about `accountCount / 2.5` owners, 90 % people and 10 % companies.
    public static func generate(seed: UInt64, bankCount: Int, accountCount: Int) -> SyntheticNation {
        precondition(bankCount >= NationalBank.all.count && bankCount <= maximumBanks, "banks: \(NationalBank.all.count)…\(maximumBanks)")
        precondition(accountCount >= 1 && accountCount <= maximumAccounts, "accounts: 1…\(maximumAccounts)")
        var random = SeededRandom(seed: seed)
        let courts = makeCourts(random: &random)
        let banks = makeBanks(count: bankCount, random: &random)
        let ownerCount = max(1, accountCount * 2 / 5)
        let owners = makeOwners(count: ownerCount, random: &random)
        let accounts = makeAccounts(count: accountCount, banks: banks, owners: owners, random: &random)
        let index = indexByOwner(accountOwner: accounts.owner, ownerCount: ownerCount)
        return SyntheticNation(
            seed: seed, courts: courts, banks: banks, ownerBody: owners.body, ownerCheck: owners.check,
            ownerOrganizationCheck: owners.organizationCheck, accountOwner: accounts.owner, accountBalanceMinor: accounts.balance,
            accountKind: accounts.kind, accountCurrency: accounts.currency, accountStatus: accounts.status,
            bankAccountStart: accounts.bankStart, ownerAccountStart: index.start, ownerAccounts: index.accounts)
    }

    /// Counting sort of accounts by owner: the reverse index a query fan-out needs.
    static func indexByOwner(accountOwner: [UInt32], ownerCount: Int) -> (start: [Int], accounts: [UInt32]) {
        var start = [Int](repeating: 0, count: ownerCount + 1)
        for owner in accountOwner { start[Int(owner) + 1] += 1 }
        for owner in 0..<ownerCount { start[owner + 1] += start[owner] }
        var next = start
        var accounts = [UInt32](repeating: 0, count: accountOwner.count)
        for (account, owner) in accountOwner.enumerated() {
            accounts[next[Int(owner)]] = UInt32(account)
            next[Int(owner)] += 1
        }
        assert(start[ownerCount] == accountOwner.count)
        return (start, accounts)
    }
}
