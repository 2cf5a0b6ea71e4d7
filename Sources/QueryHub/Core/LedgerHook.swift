/// What the core asks of the control ledger at the two points where order matters: when it accepts
/// an instruction and when it accepts an adapter's answer.
///
/// The core calls these on its actor, synchronously, in the order it takes service times and
/// receipt times from its clock, with no suspension between the clock reading, the call and the
/// appending of the change to the pending group commit. So the ledger sees measures in the order
/// of their legal service times (R-B20) and of the store's commits, repeats and conflicts never
/// reach it (they are settled before), and nothing the ledger learned from a receipt can let an
/// instruction through before that receipt is in the same or an earlier commit.
public protocol LedgerHook: Sendable {
    /// Checks a new instruction against the ledger and records it as sent. Throws (a
    /// ``ProblemError``) to refuse it: the core then stores nothing.
    func admit(_ submission: Submission, serviceTimeMilliseconds: Int64) throws

    /// Takes back what ``admit(_:serviceTimeMilliseconds:)`` recorded: the commit that would have
    /// stored the instruction failed, so it never reaches a bank.
    func withdraw(_ submission: Submission, serviceTimeMilliseconds: Int64)

    /// Applies an accepted answer to the ledger; returns why it breaks the rules (the answer is
    /// stored anyway, flagged with this), or nil when it is sound or not the ledger's concern.
    func answered(
        _ answer: AnswerSubmission, court: String, instructionID: String, adapterID: String,
        receivedAtMilliseconds: Int64
    ) -> String?
}
