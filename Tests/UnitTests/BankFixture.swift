import BankAdapter
import HubProtocol

/// Accounts, parties and instructions for the simulated bank's tests: one ICBC head office, the
/// Chaoyang (京0105), Haidian (京0108) and Pudong (沪0115) courts.
enum BankFixture {
    static let start = Timestamp(millisecondsSinceEpoch: 1_796_083_200_000)  // 2026-12-01T00:00:00Z
    static let profile = BankProfile(
        code: "ICBC", institutionCode: "C1102000000000", name: "中国工商银行", link: .totalToTotal, onlineDeduct: true,
        medianDelayMilliseconds: 1_500, delaySpreadMilliseconds: 1_000, transientFailuresPerMille: 2, seed: 42)

    static let chaoyang = CourtInstructionFactory(court: court("京0105"))
    static let haidian = CourtInstructionFactory(court: court("京0108"))
    static let pudong = CourtInstructionFactory(court: court("沪0115"))

    static let zhang = party("张三", "11010519491231002X")
    static let li = party("李四", "110108198003151233")

    static func court(_ code: String) -> CourtCode {
        do { return try CourtCode(code) } catch { preconditionFailure("\(error)") }
    }

    static func party(_ name: String, _ number: String) -> Party {
        do { return Party(name: try PartyName(name), document: try IdentityDocument(kind: .residentID, number: number)) } catch {
            preconditionFailure("\(error)")
        }
    }

    static func name(_ text: String) -> PartyName {
        do { return try PartyName(text) } catch { preconditionFailure("\(error)") }
    }

    /// `days` days and `hours` hours after the start.
    static func time(days: Int, hours: Int = 9) -> Timestamp {
        Timestamp(millisecondsSinceEpoch: start.millisecondsSinceEpoch + Int64(days) * 86_400_000 + Int64(hours) * 3_600_000)
    }

    static func yuan(_ text: String, _ currency: Currency = .cny) -> Money {
        do { return try Money(decimal: text, currency: currency) } catch { preconditionFailure("\(error)") }
    }

    static func account(
        _ number: AccountNumber, owner: Party = zhang, balance: String, kind: SimulatedAccountKind = .current, currency: Currency = .cny,
        protectedMinimum: String = "0", claims: [SimulatedClaim] = [], products: [WealthProduct] = [], status: AccountStatus = .active
    ) -> SimulatedAccount {
        SimulatedAccount(
            number: number, currency: currency, kind: kind, owner: owner, openingDate: CalendarDate(unchecked: 2015, 6, 18),
            branch: "中国工商银行北京朝阳支行", contactPhone: "13800138000", status: status,
            closingDate: status == .closed ? CalendarDate(unchecked: 2021, 7, 30) : nil,
            balanceMinor: yuan(balance, currency).minorUnits, protectedMinimumMinor: yuan(protectedMinimum, currency).minorUnits,
            claims: claims, products: products)
    }

    static func ledger(_ accounts: [SimulatedAccount], profile: BankProfile = profile, rates: [String: ExchangeRate] = [:]) throws -> BankLedger {
        var ledger = BankLedger(profile: profile, start: start, exchangeRates: rates)
        for account in accounts { try ledger.addAccount(account) }
        return ledger
    }

    static func reference(_ account: SimulatedAccount, currency: Currency? = nil) -> AccountReference {
        AccountReference(bank: profile.institutionCode, number: account.number, currency: currency ?? account.currency)
    }

    static let yearEnd = CalendarDate(unchecked: 2027, 11, 30)

    /// A freeze of `limit` by `court` until 2027-11-30.
    static func freeze(
        _ id: InstructionID, _ account: SimulatedAccount, limit: String, by court: CourtInstructionFactory = chaoyang,
        day: Int = 0, allowLimited: Bool = true
    ) throws -> InstructionDocument {
        try court.freeze(
            id: id, party: account.owner, account: reference(account), limit: yuan(limit, account.currency), until: yearEnd,
            allowLimitedFreeze: allowLimited, at: time(days: day))
    }

    /// A deduct of `amount` from the freeze `freezeId` (or from available funds when nil), with the
    /// court's R-P1 finding when `otherAssetsInsufficient` is given.
    static func deduct(
        _ id: InstructionID, _ account: SimulatedAccount, amount: String, freeze freezeId: InstructionID?,
        by court: CourtInstructionFactory = chaoyang, day: Int, convert: Bool = false, includeUnheld: Bool? = nil,
        otherAssetsInsufficient: Bool? = nil
    ) throws -> InstructionDocument {
        try court.deduct(
            id: id, party: account.owner, freezeId: freezeId, account: reference(account), amount: yuan(amount, account.currency),
            specialAccount: court.specialAccount(currency: convert ? .cny : account.currency), convertForeignCurrency: convert,
            includeUnheldAvailableFunds: includeUnheld ?? (freezeId == nil), otherAssetsInsufficient: otherAssetsInsufficient,
            at: time(days: day))
    }
}

extension CalendarDate {
    /// A date written by the test's author.
    init(unchecked year: Int, _ month: Int, _ day: Int) {
        do { self = try CalendarDate(year: year, month: month, day: day) } catch { preconditionFailure("\(error)") }
    }
}

extension ReceiptDocument {
    var freezeResult: BankFreezeResult? { if case .bankFreezeResult(let result) = self { result } else { nil } }
    var deductResult: BankDeductResult? { if case .bankDeductResult(let result) = self { result } else { nil } }
    var unfreezeResult: BankUnfreezeResult? { if case .bankUnfreezeResult(let result) = self { result } else { nil } }
    var renewResult: BankRenewResult? { if case .bankRenewResult(let result) = self { result } else { nil } }
    var queryResult: BankQueryResult? { if case .bankQueryResult(let result) = self { result } else { nil } }
    var cannotAssistReason: CannotAssistReason? { if case .cannotAssist(let refusal) = self { refusal.reason } else { nil } }
}
