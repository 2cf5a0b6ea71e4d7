import HubProtocol

/// A court's special account (执行款专户) for one currency: where deducted funds go (R-B17).
/// A court has at most one per currency: CNY, and one for each foreign currency it receives.
///
/// Registering or changing one needs approval, recorded with it (R-B5): ``approverID`` names the
/// court's president who approved it.
public struct SpecialAccount: Hashable, Sendable {
    /// The court that owns the account.
    public let court: CourtCode
    /// The currency the account holds.
    public let currency: Currency
    /// The bank that keeps the account (a registered bank's code, `ICBC`).
    public let bankCode: String
    /// The account number: ASCII digits.
    public let accountNumber: String
    /// The account name, as the bank has it (normally the court's name).
    public let accountName: PartyName
    /// The officer id of the president who approved this account (R-B5).
    public let approverID: String

    /// The longest account number, in digits (IBAN's limit, beyond any Chinese account).
    public static let maximumAccountNumberLength = 34
    /// The shortest account number, in digits.
    public static let minimumAccountNumberLength = 6

    /// An account record; the registry checks it when it is set.
    public init(
        court: CourtCode, currency: Currency, bankCode: String, accountNumber: String, accountName: PartyName,
        approverID: String
    ) {
        self.court = court
        self.currency = currency
        self.bankCode = bankCode
        self.accountNumber = accountNumber
        self.accountName = accountName
        self.approverID = approverID
    }
}

/// On the wire: the fields by name, the currency as its ISO code; unknown keys are refused.
extension SpecialAccount: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case court, currency, bankCode, accountNumber, accountName, approverID
    }

    public init(from decoder: any Decoder) throws {
        try decoder.refuseUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            court: try container.decode(CourtCode.self, forKey: .court),
            currency: try container.decode(Currency.self, forKey: .currency),
            bankCode: try container.decode(String.self, forKey: .bankCode),
            accountNumber: try container.decode(String.self, forKey: .accountNumber),
            accountName: try container.decode(PartyName.self, forKey: .accountName),
            approverID: try container.decode(String.self, forKey: .approverID))
    }
}
