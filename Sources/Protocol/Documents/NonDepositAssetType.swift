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
