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
