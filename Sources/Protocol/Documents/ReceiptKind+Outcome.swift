extension ReceiptKind {
    /// The outcome an adapter states beside a receipt of this kind: `noAccountFound` (stored
    /// compactly by the hub), `cannotAssist` (R-B21), or `done`.
    public var outcome: String {
        switch self {
        case .bankNoAccountFound: return "noAccountFound"
        case .cannotAssist: return "cannotAssist"
        default: return "done"
        }
    }
}
