import Foundation
import HubProtocol

/// Reading a scenario file and building the banks it declares.
extension Scenario {
    /// Decodes a scenario strictly (unknown keys, `null`, floats refused).
    public static func decode(_ bytes: [UInt8]) throws(ScenarioError) -> Scenario {
        do { return try StrictJSONDecoder().decode(Scenario.self, from: bytes) } catch { throw .decoding(error) }
    }

    /// Every bank's ledger at the scenario's start, with accounts, existing freezes and events, in
    /// the order declared.
    public func makeLedgers() throws(ScenarioError) -> [BankLedger] {
        var ledgers: [BankLedger] = []
        for (index, bank) in banks.enumerated() {
            ledgers.append(try makeLedger(bank, path: "$.banks[\(index)]", seed: UInt64(index) &+ 1))
        }
        return ledgers
    }

    private func makeLedger(_ bank: ScenarioBank, path: String, seed: UInt64) throws(ScenarioError) -> BankLedger {
        guard let link = bank.bankLink else { throw .invalidField(path: path + ".link", reason: "unknown link \(bank.link)") }
        let profile = BankProfile(
            code: bank.code, institutionCode: bank.institutionCode, name: bank.name, link: link, onlineDeduct: bank.onlineDeduct,
            medianDelayMilliseconds: bank.medianDelayMilliseconds, delaySpreadMilliseconds: bank.delaySpreadMilliseconds,
            transientFailuresPerMille: bank.transientFailuresPerMille, seed: SeededRandom.hash(bank.code, seed: seed))
        var rates: [String: ExchangeRate] = [:]
        for rate in bank.exchangeRates ?? [] { rates[rate.currency.code] = rate.rate }
        var ledger = BankLedger(profile: profile, start: start, exchangeRates: rates)
        for (index, account) in bank.accounts.enumerated() {
            try Scenario.add(account, to: &ledger, path: path + ".accounts[\(index)]")
        }
        for (index, event) in (bank.events ?? []).enumerated() {
            for occurrence in try Scenario.events(from: event, path: path + ".events[\(index)]") {
                do { try ledger.schedule(occurrence) } catch { throw .ledger(path: path + ".events[\(index)]", error) }
            }
        }
        return ledger
    }

    private static func add(_ account: ScenarioAccount, to ledger: inout BankLedger, path: String) throws(ScenarioError) {
        let currency = account.currency
        var claims: [SimulatedClaim] = []
        for (index, claim) in (account.claims ?? []).enumerated() {
            let amount = try minorUnits(claim.amount, currency, path: path + ".claims[\(index)].amount", positive: true)
            claims.append(SimulatedClaim(id: claim.id, kind: claim.kind, holder: claim.holder, amountMinor: amount, underReview: claim.underReview ?? false))
        }
        var products: [WealthProduct] = []
        for (index, product) in (account.products ?? []).enumerated() {
            let value = try minorUnits(product.value, currency, path: path + ".products[\(index)].value")
            products.append(WealthProduct(productName: product.productName, assetType: product.assetType, assetManager: product.assetManager, valueMinor: value))
        }
        let simulated = SimulatedAccount(
            number: account.number, currency: currency, kind: account.kind, owner: account.owner, openingDate: account.openingDate,
            branch: account.branch, contactPhone: account.contactPhone, status: account.status ?? .active,
            closingDate: account.closingDate, balanceMinor: try minorUnits(account.balance, currency, path: path + ".balance"),
            protectedMinimumMinor: try account.protectedMinimum.map { text throws(ScenarioError) in
                try minorUnits(text, currency, path: path + ".protectedMinimum")
            } ?? 0,
            claims: claims, products: products)
        do { try ledger.addAccount(simulated) } catch { throw .ledger(path: path, error) }
        for (index, freeze) in (account.existingFreezes ?? []).enumerated() {
            let freezePath = path + ".existingFreezes[\(index)]"
            let amount = try minorUnits(freeze.amount, currency, path: freezePath + ".amount", positive: true)
            do {
                try ledger.addExistingFreeze(
                    on: simulated.key, authority: freeze.authority, documentNumber: freeze.documentNumber, amountMinor: amount, period: freeze.period)
            } catch { throw .ledger(path: freezePath, error) }
        }
    }

    /// The occurrences of an event (one, or `times` for a repeated money movement).
    static func events(from event: ScenarioEvent, path: String) throws(ScenarioError) -> [BankEvent] {
        if let extra = event.presentFields.subtracting(event.allowedFields).sorted().first {
            throw .invalidField(path: path + "." + extra, reason: "a \(event.kind.rawValue) event takes no \(extra)")
        }
        if let missing = event.allowedFields.subtracting(event.presentFields).subtracting(["repeat"]).sorted().first {
            throw .invalidField(path: path + "." + missing, reason: "a \(event.kind.rawValue) event needs \(missing)")
        }
        let key = event.account.map { AccountKey(number: $0, currency: event.currency!) }
        let action: BankEvent.Action
        switch event.kind {
        case .inflow: action = .inflow(key!, amountMinor: try minorUnits(event.amount!, key!.currency, path: path + ".amount", positive: true))
        case .outflow: action = .outflow(key!, amountMinor: try minorUnits(event.amount!, key!.currency, path: path + ".amount", positive: true))
        case .outage: action = .outage(until: event.until!)
        case .claimReviewStarts: action = .claimReviewStarts(key!, claimId: event.claim!)
        case .claimReviewEnds: action = .claimReviewEnds(key!, claimId: event.claim!)
        case .claimEnds: action = .claimEnds(key!, claimId: event.claim!)
        case .productMatures: action = .productMatures(key!, productName: event.product!)
        }
        guard let repetition = event.repeat else { return [BankEvent(at: event.at, action: action)] }
        guard (1...366).contains(repetition.everyDays), (1...120).contains(repetition.times) else {
            throw .invalidField(path: path + ".repeat", reason: "everyDays is 1…366 and times 1…120")
        }
        return (0..<repetition.times).map { occurrence in
            let offset = Int64(occurrence * repetition.everyDays) * 86_400_000
            return BankEvent(at: Timestamp(millisecondsSinceEpoch: event.at.millisecondsSinceEpoch + offset), action: action)
        }
    }

    /// A decimal amount in minor units of `currency`, within the ledger's range.
    static func minorUnits(_ text: String, _ currency: Currency, path: String, positive: Bool = false) throws(ScenarioError) -> Int64 {
        let money: Money
        do { money = try Money(decimal: text, currency: currency) } catch { throw .invalidAmount(path: path, error) }
        guard money.minorUnits >= (positive ? 1 : 0), money.minorUnits <= BankLedger.maximumMinorUnits else {
            throw .invalidField(path: path, reason: "\(text) is outside \(positive ? "0 (exclusive)" : "0")…\(Money(minorUnits: BankLedger.maximumMinorUnits, currency: currency).decimalString)")
        }
        return money.minorUnits
    }
}
