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
