import HubProtocol

/// Each court's registered special accounts (执行款专户, R-B5): one for renminbi and one for
/// foreign currency (R-B17). The ledger refuses a deduct whose target is not the one registered
/// for the issuing court and the account's currency.
public struct SpecialAccountDirectory: Sendable {
    /// One court's special accounts.
    public struct Entry: Sendable, Equatable {
        /// The renminbi special account (执行款专户).
        public var renminbi: LedgerSpecialAccount?
        /// The foreign-currency special account (外币执行款专户) for a currency with no account of
        /// its own in ``byCurrency``.
        public var foreignCurrency: LedgerSpecialAccount?
        /// Foreign-currency special accounts registered for one currency each (the hub's registry
        /// keeps one per currency a court receives).
        public var byCurrency: [Currency: LedgerSpecialAccount]

        /// An entry; either account may be missing (then deducts in that currency are refused).
        public init(
            renminbi: LedgerSpecialAccount?, foreignCurrency: LedgerSpecialAccount?,
            byCurrency: [Currency: LedgerSpecialAccount] = [:]
        ) {
            precondition(byCurrency[.cny] == nil, "the renminbi account is not a foreign-currency account")
            self.renminbi = renminbi
            self.foreignCurrency = foreignCurrency
            self.byCurrency = byCurrency
        }
    }

    private var entries: [LedgerCourt: Entry] = [:]

    /// An empty directory.
    public init() {}

    /// Records (or replaces) a court's special accounts. Approval and the record of the change
    /// (R-B5) belong to the registry that calls this.
    public mutating func register(court: LedgerCourt, renminbi: LedgerSpecialAccount?, foreignCurrency: LedgerSpecialAccount?) {
        entries[court] = Entry(renminbi: renminbi, foreignCurrency: foreignCurrency)
    }

    /// Records (or replaces) a court's special accounts, one per currency: the renminbi account
    /// under `.cny`, each foreign-currency account under its currency.
    public mutating func register(court: LedgerCourt, accounts: [Currency: LedgerSpecialAccount]) {
        var foreign = accounts
        foreign[.cny] = nil
        entries[court] = Entry(renminbi: accounts[.cny], foreignCurrency: nil, byCurrency: foreign)
    }

    /// The account deducted funds in `currency` must go to for `court`, or nil when none is
    /// registered: renminbi to the renminbi account, any other currency to the account registered
    /// for that currency, else to the foreign-currency account (R-B17).
    public func target(court: LedgerCourt, currency: Currency) -> LedgerSpecialAccount? {
        guard let entry = entries[court] else { return nil }
        return currency == .cny ? entry.renminbi : entry.byCurrency[currency] ?? entry.foreignCurrency
    }
}
