import HubProtocol

/// Turning a synthetic bank into a simulated core ledger.
extension SyntheticNation {
    /// Bank `bank`'s ledger at `start`, with every account it holds: pensions with a protected
    /// minimum of 1,500 yuan (R-P1), joint accounts with half the balance as the co-owner's share
    /// and margin accounts pledged in full (R-B16), fund accounts with a linked product (R-B15).
    public func ledger(forBank bank: Int, start: Timestamp) -> BankLedger {
        var ledger = BankLedger(profile: banks[bank], start: start, exchangeRates: SyntheticNation.exchangeRates)
        for account in accounts(ofBank: bank) {
            do { try ledger.addAccount(simulatedAccount(account)) } catch { preconditionFailure("a generated account is consistent: \(error)") }
        }
        return ledger
    }

    /// Buying rates for the foreign currencies the nation's accounts hold.
    public static let exchangeRates: [String: ExchangeRate] = [
        "USD": "7.1234", "EUR": "7.7012", "HKD": "0.9105", "GBP": "9.0021", "JPY": "0.0476",
    ]

    /// One account as the core system holds it.
    public func simulatedAccount(_ account: Int) -> SimulatedAccount {
        let owner = self.owner(ofAccount: account)
        let bank = self.bank(ofAccount: account)
        var random = SeededRandom(seed: SeededRandom.mix(seed ^ 0xACC0_0000 ^ UInt64(account)))
        let kind = accountKind(account)
        let balance = accountBalanceMinor[account]
        let status: AccountStatus = [.active, .dormant, .closed][Int(accountStatus[account])]
        guard let opening = try? CalendarDate(daysSinceEpoch: 10_957 + random.next(in: 0...9_000)),
              let branch = try? WireText(banks[bank].name + "第\(random.next(in: 1...400))支行")
        else { preconditionFailure("generated dates and branch names are valid") }
        let closing = status == .closed ? try? opening.adding(days: random.next(in: 30...1_000)) : nil
        let phone = PhoneNumber(stringLiteral: "13" + Self.padded(random.next(in: 0...999_999_999), 9))
        return SimulatedAccount(
            number: accountNumber(account), currency: accountCurrency(account), kind: kind, owner: party(ofOwner: owner),
            openingDate: opening, branch: branch, contactPhone: phone, status: status, closingDate: closing, balanceMinor: balance,
            protectedMinimumMinor: kind == .pension ? 150_000 : 0, claims: claims(kind: kind, balanceMinor: balance, status: status, owner: owner),
            products: kind == .fundAccount ? [product(valueMinor: balance / 2 + 100_000, random: &random)] : [])
    }

    private func claims(kind: SimulatedAccountKind, balanceMinor: Int64, status: AccountStatus, owner: Int) -> [SimulatedClaim] {
        guard status != .closed else { return [] }
        switch kind {
        case .joint where balanceMinor >= 2:
            let coOwner = ownerName((owner + 1) % ownerCount)
            guard let holder = try? PartyName(coOwner) else { preconditionFailure("generated names are valid") }
            return [SimulatedClaim(id: "SHARE", kind: .jointOwnerShare, holder: holder, amountMinor: balanceMinor / 2, underReview: false)]
        case .margin where balanceMinor >= 1:
            return [SimulatedClaim(id: "MARGIN", kind: .margin, holder: CourtInstructionFactory.name("某融资担保有限公司"), amountMinor: balanceMinor, underReview: false)]
        default:
            return []
        }
    }

    private func product(valueMinor: Int64, random: inout SeededRandom) -> WealthProduct {
        guard let name = try? WireText("稳健理财\(random.next(in: 1...999))号") else { preconditionFailure("a generated product name is valid") }
        return WealthProduct(productName: name, assetType: .wealthManagement, assetManager: "理财有限责任公司", valueMinor: valueMinor)
    }
}
