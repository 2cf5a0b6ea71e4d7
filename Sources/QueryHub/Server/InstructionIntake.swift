import HubPKI

/// Turns a court's request body into a checked ``Submission``: authenticate, verify the seal,
/// validate, authorise, route, check the control ledger (steps 1–5 of the flow). Throws a
/// ``ProblemError`` that names what was wrong; nothing is stored before it returns.
public protocol InstructionIntake: Sendable {
    func check(body: [UInt8], from principal: PrincipalIdentity) async throws -> Submission
}

/// Checks an adapter's receipt before it is stored: the adapter's seal, the amount maths against
/// the control ledger. Returns the reason to flag it, or nil when it is sound; throws a
/// ``ProblemError`` to refuse it outright.
public protocol ReceiptCheck: Sendable {
    func check(
        receipt: [UInt8], sealJSON: String, outcome: String, item: WorkItemID, adapterID: String, instructionID: String
    ) async throws -> String?
}
