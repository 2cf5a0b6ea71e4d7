/// One account at one bank in one currency (账户): what a freeze, renew, unfreeze or deduct names
/// (R-B10: one specific account).
public struct AccountReference: Hashable, Sendable, Codable {
    /// 开户银行 — the bank's institution code.
    public let bank: InstitutionCode
    /// 账号 — the account number.
    public let number: AccountNumber
    /// 币种 — the currency of the account (or of the sub-account of a multi-currency account).
    public let currency: Currency

    /// An account reference.
    public init(bank: InstitutionCode, number: AccountNumber, currency: Currency) {
        self.bank = bank
        self.number = number
        self.currency = currency
    }
}
