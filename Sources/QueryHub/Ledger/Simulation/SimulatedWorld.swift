import HubProtocol

/// A measure the simulated bank has received and not yet answered.
struct OutstandingMeasure: Sendable {
    enum Action: Sendable {
        case freeze
        case renew(newEnd: LedgerDay)
        case unfreeze(amount: Money?)
        case deduct(amount: Money, includeUnheld: Bool)
    }

    let id: LedgerInstructionID
    let freezeId: LedgerInstructionID
    let action: Action
}

/// The simulation's world: accounts with their kinds and claims, courts and their special
/// accounts, cases, the day, and each account's queue of measures awaiting the bank's answer.
struct SimulatedWorld {
    struct Account {
        let key: AccountKey
        let kind: AccountKind
        /// Whether the account carries a pledge or co-owner share (changing over time).
        let hasClaims: Bool
        var claims: [PriorityClaimReport]
        /// Measures sent to the bank, answered first in, first out (as a bank serves them).
        var outstanding: [OutstandingMeasure] = []
    }

    struct Case {
        let number: LedgerCase
        let court: LedgerCourt
        let owedMinor: Int64
    }

    var accounts: [Account] = []
    var courts: [LedgerCourt] = []
    var cases: [Case] = []
    var directory = SpecialAccountDirectory()
    var today: LedgerDay
    /// Accounts with outstanding measures, and where each sits in the list.
    var busy: [Int] = []
    var busyPosition: [Int: Int] = [:]
    /// Recently resolved measures, for duplicate receipts.
    var recentlyResolved: [(account: Int, id: LedgerInstructionID)] = []
    var nextId = 0

    init(parameters: LedgerSimulation.Parameters, random: inout SplitMix64) {
        today = LedgerDay(daysSinceEpoch: 20_454)  // 2026-01-01
        for number in 0..<parameters.courts {
            let court = LedgerCourt("C\(1000 + number)")
            courts.append(court)
            directory.register(
                court: court,
                renminbi: LedgerSpecialAccount(
                    bankName: "Court bank", accountNumber: "\(court)-RMB", accountName: "\(court) special"),
                foreignCurrency: LedgerSpecialAccount(
                    bankName: "Court bank", accountNumber: "\(court)-FX", accountName: "\(court) FX"))
        }
        for number in 0..<parameters.cases {
            let court = courts[random.next(below: courts.count)]
            let owed = random.next(in: 1_000...200_000) * 100
            cases.append(Case(number: LedgerCase("(2026)\(court)执\(number)号"), court: court, owedMinor: owed))
        }
        for number in 0..<parameters.accounts {
            accounts.append(SimulatedWorld.makeAccount(number, random: &random))
        }
    }

    private static func makeAccount(_ number: Int, random: inout SplitMix64) -> Account {
        let currency: Currency = random.chance(percent: 10) ? .usd : .cny
        let key = AccountKey(bankCode: "B\(number % 37)", accountNumber: "62\(100_000 + number)", currency: currency)
        let roll = random.next(below: 100)
        let kind: AccountKind
        if roll < 5 {
            kind = .pension(livingExpenseReserve: Money(minorUnits: 150_000, currency: currency))
        } else if roll < 10 {
            kind = .joint
        } else {
            kind = .ordinary
        }
        let hasClaims = roll < 20 && roll >= 5
        return Account(key: key, kind: kind, hasClaims: hasClaims, claims: [])
    }

    mutating func newId(_ prefix: String) -> LedgerInstructionID {
        nextId += 1
        return LedgerInstructionID("\(prefix)\(nextId)")
    }

    mutating func enqueue(_ measure: OutstandingMeasure, at index: Int) {
        accounts[index].outstanding.append(measure)
        if busyPosition[index] == nil {
            busyPosition[index] = busy.count
            busy.append(index)
        }
    }

    mutating func dequeue(at index: Int) {
        let measure = accounts[index].outstanding.removeFirst()
        recentlyResolved.append((index, measure.id))
        if recentlyResolved.count > 64 { recentlyResolved.removeFirst() }
        guard accounts[index].outstanding.isEmpty, let position = busyPosition[index] else { return }
        let last = busy.removeLast()
        if position < busy.count {
            busy[position] = last
            busyPosition[last] = position
        }
        busyPosition[index] = nil
    }

    func money(_ minor: Int64, _ index: Int) -> Money {
        Money(minorUnits: minor, currency: accounts[index].key.currency)
    }

    /// A balance report that keeps the rules: at least what courts hold plus claimed and protected
    /// funds; claims may appear, change or end.
    mutating func honestReport(of index: Int, held: Int64 = 0, random: inout SplitMix64) -> AccountReport {
        let account = accounts[index]
        if account.hasClaims {
            if random.chance(percent: 30) {
                accounts[index].claims = []
            } else {
                let kind: LedgerPriorityClaimKind = account.kind == .joint ? .coOwnerShare : .pledge
                let amount = money(random.next(in: 100...20_000) * 100, index)
                accounts[index].claims = [
                    PriorityClaimReport(claimId: "P\(index)", holder: "Holder \(index)", kind: kind, amount: amount)
                ]
            }
        }
        let claims = accounts[index].claims.reduce(Int64(0)) { $0 + $1.amount.minorUnits }
        var protected: Int64 = 0
        if case .pension(let reserve) = account.kind { protected = reserve.minorUnits }
        let balance = held + claims + protected + random.next(in: 0...60_000) * 100
        return AccountReport(
            account: account.key, balance: money(balance, index), kind: account.kind,
            priorityClaims: accounts[index].claims)
    }
}
