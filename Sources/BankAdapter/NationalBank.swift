import HubProtocol

/// The national banks every court reaches on total-to-total links (R-B2): the six large
/// state-owned commercial banks, the twelve national joint-stock banks, and the three policy banks.
public struct NationalBank: Hashable, Sendable {
    /// Registry code (`ICBC`).
    public let code: String
    /// Name (`中国工商银行`).
    public let name: String
    /// Share of the nation's accounts, in per-mille.
    public let accountSharePerMille: Int

    /// The 21 banks, largest first.
    public static let all: [NationalBank] = [
        NationalBank(code: "ICBC", name: "中国工商银行", accountSharePerMille: 90),
        NationalBank(code: "ABC", name: "中国农业银行", accountSharePerMille: 80),
        NationalBank(code: "CCB", name: "中国建设银行", accountSharePerMille: 75),
        NationalBank(code: "BOC", name: "中国银行", accountSharePerMille: 60),
        NationalBank(code: "PSBC", name: "中国邮政储蓄银行", accountSharePerMille: 60),
        NationalBank(code: "BOCOM", name: "交通银行", accountSharePerMille: 30),
        NationalBank(code: "CMB", name: "招商银行", accountSharePerMille: 30),
        NationalBank(code: "CIB", name: "兴业银行", accountSharePerMille: 18),
        NationalBank(code: "SPDB", name: "上海浦东发展银行", accountSharePerMille: 16),
        NationalBank(code: "CITIC", name: "中信银行", accountSharePerMille: 16),
        NationalBank(code: "CMBC", name: "中国民生银行", accountSharePerMille: 15),
        NationalBank(code: "CEB", name: "中国光大银行", accountSharePerMille: 14),
        NationalBank(code: "PAB", name: "平安银行", accountSharePerMille: 14),
        NationalBank(code: "CGB", name: "广发银行", accountSharePerMille: 12),
        NationalBank(code: "HXB", name: "华夏银行", accountSharePerMille: 9),
        NationalBank(code: "CZB", name: "浙商银行", accountSharePerMille: 5),
        NationalBank(code: "EGB", name: "恒丰银行", accountSharePerMille: 4),
        NationalBank(code: "BOHAI", name: "渤海银行", accountSharePerMille: 4),
        NationalBank(code: "CDB", name: "国家开发银行", accountSharePerMille: 1),
        NationalBank(code: "ADBC", name: "中国农业发展银行", accountSharePerMille: 1),
        NationalBank(code: "EXIMBANK", name: "中国进出口银行", accountSharePerMille: 1),
    ]
}
