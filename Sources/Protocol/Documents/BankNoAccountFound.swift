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
