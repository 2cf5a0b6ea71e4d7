import HubPKI

/// Turns a court's request body into a checked ``Submission``: authenticate, verify the seal,
/// validate, authorise, route, check the control ledger (steps 1–5 of the flow). Throws a
/// ``ProblemError`` that names what was wrong; nothing is stored before it returns.
public protocol InstructionIntake: Sendable {
    func check(body: [UInt8], from principal: PrincipalIdentity) async throws -> Submission
}

/// Checks an adapter's receipt before it is stored: the adapter's seal, the protocol's rules, and
/// what it tells the control ledger. Throws a ``ProblemError`` to refuse it outright.
public protocol ReceiptCheck: Sendable {
    func check(
        receipt: [UInt8], sealJSON: String, outcome: String, item: WorkItemID, adapterID: String, court: String,
        instructionID: String
    ) async throws -> ReceiptVerdict
}

/// A receipt that passed its checks: why to flag it, if it breaks a rule already, and what it
/// tells the control ledger (which the core applies in acceptance order and may flag it for).
public struct ReceiptVerdict: Sendable, Equatable {
    /// The reason to store it flagged; nil when nothing is wrong so far.
    public var flaggedReason: String?
    /// What the receipt tells the ledger; nil when nothing.
    public var ledgerReport: LedgerReport?

    /// A verdict.
    public init(flaggedReason: String? = nil, ledgerReport: LedgerReport? = nil) {
        self.flaggedReason = flaggedReason
        self.ledgerReport = ledgerReport
    }
}
