/// The type of a deposit account (账户类型).
public enum AccountType: String, WireEnumeration {
    /// 活期 — a current (demand) account.
    case current
    /// 定期 — a fixed-term deposit.
    case fixedTerm
    /// 保证金 — a margin account (its funds usually carry a priority claim, R-B16).
    case margin
    /// 养老金 — an account receiving a pension (R-P1: living expenses must be left).
    case pension
    /// 信用卡 — a credit card account.
    case creditCard
    /// 其他 — any other kind.
    case other
}

/// The status of an account (账户状态); closed accounts are reported too (R-B8).
public enum AccountStatus: String, WireEnumeration {
    /// 正常.
    case active
    /// 久悬 — dormant: no activity for a year or more.
    case dormant
    /// 止付 — payments stopped (loss report and the like).
    case suspended
    /// 销户 — closed.
    case closed
}

/// The kind of a priority claim on an account's funds (优先受偿权种类, R-B16).
public enum PriorityClaimKind: String, WireEnumeration {
    /// 质押 — a pledge.
    case pledge
    /// 保证金 — a margin deposit.
    case margin
    /// 共有人份额 — a co-owner's share of a joint account.
    case jointOwnerShare
    /// 留置 — a lien.
    case lien
    /// 其他 — another right with priority.
    case other
}

/// A priority claim on an account's funds (优先受偿权, R-B16).
public struct PriorityClaim: Hashable, Sendable, Codable {
    /// 权利种类 — what kind of claim.
    public let kind: PriorityClaimKind
    /// 权利人 — who holds it.
    public let holder: PartyName
    /// 金额 — the funds it covers.
    public let amount: Money
    /// 是否异议审查中 — whether the court is reviewing the holder's objection; such funds may not
    /// be deducted meanwhile (R-B16).
    public let underReview: Bool

    /// A priority claim.
    public init(kind: PriorityClaimKind, holder: PartyName, amount: Money, underReview: Bool) {
        self.kind = kind
        self.holder = holder
        self.amount = amount
        self.underReview = underReview
    }
}

/// One account as a query result reports it (R-B8).
public struct AccountRecord: Hashable, Sendable, Codable {
    /// 开户日期 — the opening date.
    public let openingDate: CalendarDate
    /// 销户日期 — the closing date; present exactly when the status is closed.
    public let closingDate: CalendarDate?
    /// 开户网点 — the branch that holds the account.
    public let branch: WireText
    /// 户名 — the account name.
    public let accountName: PartyName
    /// 账号 — the account number.
    public let accountNumber: AccountNumber
    /// 账户类型 — the account type.
    public let accountType: AccountType
    /// 账户状态 — the status, closed included.
    public let status: AccountStatus
    /// 余额 — the balance, in the account's currency.
    public let balance: Money
    /// 可用余额 — the part of the balance not held by freezes or priority claims.
    public let availableBalance: Money
    /// 联系电话 — the contact phone on file.
    public let contactPhone: PhoneNumber
    /// 已有冻结 — freezes already on the account by any authority, oldest first.
    public let existingFreezes: [ExistingFreeze]
    /// 优先受偿权 — priority claims on the funds (R-B16).
    public let priorityClaims: [PriorityClaim]

    /// An account record.
    public init(
        openingDate: CalendarDate, closingDate: CalendarDate?, branch: WireText, accountName: PartyName, accountNumber: AccountNumber,
        accountType: AccountType, status: AccountStatus, balance: Money, availableBalance: Money, contactPhone: PhoneNumber,
        existingFreezes: [ExistingFreeze], priorityClaims: [PriorityClaim]
    ) {
        self.openingDate = openingDate
        self.closingDate = closingDate
        self.branch = branch
        self.accountName = accountName
        self.accountNumber = accountNumber
        self.accountType = accountType
        self.status = status
        self.balance = balance
        self.availableBalance = availableBalance
        self.contactPhone = contactPhone
        self.existingFreezes = existingFreezes
        self.priorityClaims = priorityClaims
    }

    func validate(at path: String) throws(WireError) {
        if (status == .closed) != (closingDate != nil) {
            throw WireError(path: path + ".closingDate", reason: .invalidValue("a closing date is given exactly for a closed account"))
        }
        if let closingDate, closingDate < openingDate {
            throw WireError(path: path + ".closingDate", reason: .invalidValue("closed (\(closingDate)) before it was opened (\(openingDate))"))
        }
        try WireRules.requireCurrency(availableBalance, balance.currency, at: path + ".availableBalance.currency")
        try WireRules.requireNotNegative(availableBalance, at: path + ".availableBalance")
        try WireRules.requireAtMost(availableBalance, balance, at: path + ".availableBalance", "more is available than the balance")
        try existingFreezes.validate(at: path + ".existingFreezes", currency: balance.currency)
        try WireRules.requireCount(priorityClaims, atMost: 100, at: path + ".priorityClaims")
        for (index, claim) in priorityClaims.enumerated() {
            try WireRules.requirePositive(claim.amount, at: path + ".priorityClaims[\(index)].amount")
            try WireRules.requireCurrency(claim.amount, balance.currency, at: path + ".priorityClaims[\(index)].amount.currency")
        }
    }
}

/// The kind of a non-deposit asset (其他金融资产种类, R-B15).
public enum NonDepositAssetType: String, WireEnumeration {
    /// 理财产品 — a wealth-management product.
    case wealthManagement
    /// 基金 — a fund holding.
    case fund
    /// 信托 — a trust plan.
    case trust
    /// 贵金属 — precious metals held for the customer.
    case preciousMetal
    /// 其他.
    case other
}

/// An asset other than a deposit (R-B8, R-B15): frozen through its linked fund account.
public struct NonDepositAsset: Hashable, Sendable, Codable {
    /// 资产种类 — what kind of asset.
    public let assetType: NonDepositAssetType
    /// 产品名称 — the product's name.
    public let productName: WireText
    /// 资产管理人 — who manages it.
    public let assetManager: WireText
    /// 关联资金账户 — the linked fund account through which it is frozen (R-B15).
    public let linkedFundAccount: AccountNumber
    /// 市值 — its value at the time of the query.
    public let value: Money

    /// A non-deposit asset.
    public init(assetType: NonDepositAssetType, productName: WireText, assetManager: WireText, linkedFundAccount: AccountNumber, value: Money) {
        self.assetType = assetType
        self.productName = productName
        self.assetManager = assetManager
        self.linkedFundAccount = linkedFundAccount
        self.value = value
    }
}

/// 查询结果 — the party's accounts and other assets at one bank (R-B8). A bank with nothing
/// answers ``BankNoAccountFound`` instead, so this receipt always lists something.
public struct BankQueryResult: Hashable, Sendable, Codable, WireValidatable, KindTagged {
    static let expectedKind = ReceiptKind.bankQueryResult
    /// 种类 — always `bank.queryResult`.
    public let kind: ReceiptKind
    /// 回执头 — instruction id, responding bank, time.
    public let header: ReceiptHeader
    /// 账户 — every account, closed ones included (R-B8).
    public let accounts: [AccountRecord]
    /// 其他金融资产 — assets other than deposits (R-B8, R-B15).
    public let otherAssets: [NonDepositAsset]

    /// The most accounts or assets one result carries.
    public static let maximumEntries = 1_000

    /// A query result.
    public init(header: ReceiptHeader, accounts: [AccountRecord], otherAssets: [NonDepositAsset]) {
        self.kind = Self.expectedKind
        self.header = header
        self.accounts = accounts
        self.otherAssets = otherAssets
    }

    /// R-B8: something found (else the explicit no-account answer); each account consistent.
    public func validate() throws(WireError) {
        try validateKind()
        guard !accounts.isEmpty || !otherAssets.isEmpty else {
            throw WireRules.violation("R-B8", at: "$.accounts", "no account found is answered with bank.noAccountFound, not an empty result")
        }
        try WireRules.requireCount(accounts, atMost: BankQueryResult.maximumEntries, at: "$.accounts")
        try WireRules.requireCount(otherAssets, atMost: BankQueryResult.maximumEntries, at: "$.otherAssets")
        for (index, account) in accounts.enumerated() {
            try account.validate(at: "$.accounts[\(index)]")
        }
        for (index, asset) in otherAssets.enumerated() {
            try WireRules.requireNotNegative(asset.value, at: "$.otherAssets[\(index)].value")
        }
    }
}

/// 无账户 — the explicit answer that the bank holds no account or asset of the party (R-B8).
/// Compact on purpose: most of a query's thousands of answers are this one.
public struct BankNoAccountFound: Hashable, Sendable, Codable, WireValidatable, KindTagged {
    static let expectedKind = ReceiptKind.bankNoAccountFound
    /// 种类 — always `bank.noAccountFound`.
    public let kind: ReceiptKind
    /// 回执头 — instruction id, responding bank, time.
    public let header: ReceiptHeader

    /// A no-account answer.
    public init(header: ReceiptHeader) {
        self.kind = Self.expectedKind
        self.header = header
    }

    /// The kind only.
    public func validate() throws(WireError) { try validateKind() }
}
