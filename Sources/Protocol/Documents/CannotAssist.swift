/// 无法协助 — the responder cannot carry out the instruction, and says why (R-B21).
public struct CannotAssist: Hashable, Sendable, Codable, WireValidatable, KindTagged {
    static let expectedKind = ReceiptKind.cannotAssist
    /// 种类 — always `cannotAssist`.
    public let kind: ReceiptKind
    /// 回执头 — instruction id, responder, time.
    public let header: ReceiptHeader
    /// 原因 — the reason, from the closed list (R-B21).
    public let reason: CannotAssistReason
    /// 说明 — free text: required for ``CannotAssistReason/other``, optional otherwise.
    public let detail: WireText?

    /// A cannot-assist receipt.
    public init(header: ReceiptHeader, reason: CannotAssistReason, detail: WireText?) {
        self.kind = Self.expectedKind
        self.header = header
        self.reason = reason
        self.detail = detail
    }

    /// R-B21: "other" is explained.
    public func validate() throws(WireError) {
        try validateKind()
        guard reason != .other || detail != nil else {
            throw WireRules.violation("R-B21", at: "$.detail", "a reason of \"other\" needs a detail text saying why")
        }
    }
}
