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
    /// 保留最低生活费 — R-P1: on a pension account, the living-expense minimum (the local standard
    /// for the debtor and dependants) the bank leaves untouched, so no freeze may hold it and no
    /// deduct take it. Stated for every pension account (0.00 when the standard protects nothing)
    /// and absent on every other kind, so the hub never guesses what a bank protects.
    public let protectedMinimum: Money?
    /// 联系电话 — the contact phone on file.
    public let contactPhone: PhoneNumber
    /// 已有冻结 — freezes already on the account by any authority, oldest first.
    public let existingFreezes: [ExistingFreeze]
    /// 优先受偿权 — priority claims on the funds (R-B16).
    public let priorityClaims: [PriorityClaim]

    /// An account record.
    public init(
        openingDate: CalendarDate, closingDate: CalendarDate?, branch: WireText, accountName: PartyName, accountNumber: AccountNumber,
        accountType: AccountType, status: AccountStatus, balance: Money, availableBalance: Money, protectedMinimum: Money?,
        contactPhone: PhoneNumber, existingFreezes: [ExistingFreeze], priorityClaims: [PriorityClaim]
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
        self.protectedMinimum = protectedMinimum
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
        try validateProtectedMinimum(at: path + ".protectedMinimum")
        try existingFreezes.validate(at: path + ".existingFreezes", currency: balance.currency)
        try WireRules.requireCount(priorityClaims, atMost: 100, at: path + ".priorityClaims")
        for (index, claim) in priorityClaims.enumerated() {
            try WireRules.requirePositive(claim.amount, at: path + ".priorityClaims[\(index)].amount")
            try WireRules.requireCurrency(claim.amount, balance.currency, at: path + ".priorityClaims[\(index)].amount.currency")
        }
    }

    /// R-P1: a pension account states its protected minimum, in its currency and not negative; no
    /// other account has one. It may exceed the balance: then nothing on the account can be held.
    private func validateProtectedMinimum(at path: String) throws(WireError) {
        guard let protectedMinimum else {
            guard accountType != .pension else {
                throw WireRules.violation(
                    "R-P1", at: path, "a pension account states the living-expense minimum it leaves untouched (0.00 when none)")
            }
            return
        }
        guard accountType == .pension else {
            throw WireRules.violation("R-P1", at: path, "only a pension account has a protected minimum; this one is \(accountType.rawValue)")
        }
        try WireRules.requireCurrency(protectedMinimum, balance.currency, at: path + ".currency")
        try WireRules.requireNotNegative(protectedMinimum, at: path)
    }
}
