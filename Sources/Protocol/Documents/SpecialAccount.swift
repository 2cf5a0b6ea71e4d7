/// The court's registered special account that receives deducted funds (执行款专户, R-B5, R-B17).
public struct SpecialAccount: Hashable, Sendable, Codable {
    /// 开户银行 — the bank holding the special account.
    public let bank: InstitutionCode
    /// 账号 — the special account's number.
    public let number: AccountNumber
    /// 户名 — the special account's name, e.g. `北京市朝阳区人民法院`.
    public let name: PartyName
    /// 币种 — CNY, or the currency of the court's foreign-currency special account.
    public let currency: Currency

    /// A special account.
    public init(bank: InstitutionCode, number: AccountNumber, name: PartyName, currency: Currency) {
        self.bank = bank
        self.number = number
        self.name = name
        self.currency = currency
    }
}
