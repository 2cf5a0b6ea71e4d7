import HubProtocol

/// One account in the simulated bank's core ledger, with the court freezes on it in arrival order.
///
/// Amounts are minor units of ``currency``; every amount is within 0…``BankLedger/maximumMinorUnits``
/// so that sums of a few hundred of them cannot overflow.
public struct SimulatedAccount: Hashable, Sendable {
    /// 账号.
    public let number: AccountNumber
    /// 币种.
    public let currency: Currency
    /// The kind of account.
    public let kind: SimulatedAccountKind
    /// 户名 and identity document of the holder.
    public let owner: Party
    /// 开户日期.
    public let openingDate: CalendarDate
    /// 开户网点.
    public let branch: WireText
    /// 联系电话.
    public let contactPhone: PhoneNumber
    /// 账户状态: active, dormant or closed.
    public internal(set) var status: AccountStatus
    /// 销户日期, exactly for a closed account.
    public internal(set) var closingDate: CalendarDate?
    /// 余额.
    public internal(set) var balanceMinor: Int64
    /// R-P1: living expenses the courts must leave (a pension account's local minimum); zero otherwise.
    public let protectedMinimumMinor: Int64
    /// Priority claims over the funds (R-B16), a joint co-owner's share among them.
    public internal(set) var claims: [SimulatedClaim]
    /// Wealth products whose linked fund account this is (R-B15).
    public internal(set) var products: [WealthProduct]
    /// Freezes in force, in arrival order (R-B13): the first is served first.
    public internal(set) var freezes: [SimulatedFreeze]

    /// An account with no freezes; claims, products and the protected minimum as given.
    public init(
        number: AccountNumber, currency: Currency, kind: SimulatedAccountKind, owner: Party, openingDate: CalendarDate,
        branch: WireText, contactPhone: PhoneNumber, status: AccountStatus, closingDate: CalendarDate?,
        balanceMinor: Int64, protectedMinimumMinor: Int64, claims: [SimulatedClaim], products: [WealthProduct]
    ) {
        self.number = number
        self.currency = currency
        self.kind = kind
        self.owner = owner
        self.openingDate = openingDate
        self.branch = branch
        self.contactPhone = contactPhone
        self.status = status
        self.closingDate = closingDate
        self.balanceMinor = balanceMinor
        self.protectedMinimumMinor = protectedMinimumMinor
        self.claims = claims
        self.products = products
        self.freezes = []
    }

    /// The key the ledger finds the account by.
    public var key: AccountKey { AccountKey(number: number, currency: currency) }

    /// The amount in this account's currency.
    func money(_ minorUnits: Int64) -> Money { Money(minorUnits: minorUnits, currency: currency) }
}

/// An account number and currency: what a measure names (R-B10).
public struct AccountKey: Hashable, Sendable, CustomStringConvertible {
    /// 账号.
    public let number: AccountNumber
    /// 币种.
    public let currency: Currency

    /// A key.
    public init(number: AccountNumber, currency: Currency) {
        self.number = number
        self.currency = currency
    }

    /// `6222…445/CNY`.
    public var description: String { "\(number)/\(currency)" }
}

/// A priority claim over an account's funds (优先受偿权, R-B16).
public struct SimulatedClaim: Hashable, Sendable {
    /// The bank's id of the claim, named by scenario events.
    public let id: String
    /// Pledge, margin, a joint co-owner's share …
    public let kind: PriorityClaimKind
    /// Who holds it (the co-owner, for a joint account).
    public let holder: PartyName
    /// The funds it covers.
    public let amountMinor: Int64
    /// Whether the court is reviewing the holder's objection: no deduct of these funds meanwhile.
    public internal(set) var underReview: Bool

    /// A claim.
    public init(id: String, kind: PriorityClaimKind, holder: PartyName, amountMinor: Int64, underReview: Bool) {
        precondition(amountMinor > 0, "a claim covers a positive amount")
        self.id = id
        self.kind = kind
        self.holder = holder
        self.amountMinor = amountMinor
        self.underReview = underReview
    }
}

/// A wealth-management product or similar asset linked to a fund account (R-B8, R-B15).
public struct WealthProduct: Hashable, Sendable {
    /// 产品名称; also its id in scenario events.
    public let productName: WireText
    /// 资产种类.
    public let assetType: NonDepositAssetType
    /// 资产管理人.
    public let assetManager: WireText
    /// 市值, in the fund account's currency.
    public let valueMinor: Int64

    /// A product.
    public init(productName: WireText, assetType: NonDepositAssetType, assetManager: WireText, valueMinor: Int64) {
        precondition(valueMinor >= 0, "a product's value is not negative")
        self.productName = productName
        self.assetType = assetType
        self.assetManager = assetManager
        self.valueMinor = valueMinor
    }
}

/// A freeze in force on an account, by a court through the hub or by another authority.
public struct SimulatedFreeze: Hashable, Sendable {
    /// The freeze instruction's id (for freezes by other authorities, an id the bank gave it).
    public let instructionId: InstructionID
    /// The court that holds it; nil for another authority (police, procuratorate).
    public let court: CourtCode?
    /// 冻结机关 as reported to others.
    public let authority: WireText
    /// 冻结文书号.
    public let documentNumber: WireText
    /// What the court asked to hold (冻结限额).
    public let requestedMinor: Int64
    /// What the freeze may hold now: the request less partial releases and deductions.
    public internal(set) var limitMinor: Int64
    /// Counted funds it holds (实际冻结金额); never priority-claim funds (R-B16).
    public internal(set) var heldMinor: Int64
    /// Priority-claim funds it covers but may not count while the claim lasts (R-B16).
    public internal(set) var uncountedMinor: Int64
    /// First and last day.
    public internal(set) var period: DatePeriod
    /// Arrival sequence at the bank: the queue order (R-B13).
    public let arrival: UInt64

    /// True when it holds its whole limit.
    public var isFilled: Bool { heldMinor == limitMinor }

    /// The freeze as query and freeze results report it to others (R-B8, R-B13): its limit.
    func existingFreeze(currency: Currency) -> ExistingFreeze {
        ExistingFreeze(authority: authority, documentNumber: documentNumber, amount: Money(minorUnits: limitMinor, currency: currency), period: period)
    }
}
