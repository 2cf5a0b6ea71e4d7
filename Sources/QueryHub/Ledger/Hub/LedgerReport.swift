import HubProtocol

/// What one adapter receipt tells the control ledger, translated from the wire before the core
/// applies it in order (see ``LedgerTranslation/report(_:instruction:court:bankCode:)``).
public enum LedgerReport: Sendable, Equatable {
    /// A bank's answer to a measure the ledger tracks: done, or could not be done.
    case measure(MeasureAnswer)
    /// A query result: the accounts it lists (R-B8), with their balances and priority claims.
    case accounts([ReportedAccount])
}

/// A bank's answer to one freeze, renew, unfreeze or deduct.
public struct MeasureAnswer: Sendable, Equatable {
    /// The receipt as the ledger applies it, on the account the measure named. Its balance is nil:
    /// the hub's receipts do not state one.
    public let receipt: LedgerReceipt
    /// A rule the receipt breaks that shows without the ledger's state: it names another account
    /// than the measure, or credited a special account other than the one the deduct named
    /// (R-B17). Such a receipt is flagged with this and not applied.
    public let breach: String?

    /// An answer, with the breach found while translating it, if any.
    public init(receipt: LedgerReceipt, breach: String?) {
        self.receipt = receipt
        self.breach = breach
    }
}

/// One account of a query result.
public struct ReportedAccount: Sendable, Equatable {
    /// Balance, kind and priority claims, as the ledger takes them.
    public let report: AccountReport
    /// The ids (as in ``PriorityClaimReport/claimId``) of the claims whose holder's objection the
    /// court is reviewing: their funds may not be deducted meanwhile (R-B16).
    public let claimsUnderReview: Set<String>

    /// A reported account.
    public init(report: AccountReport, claimsUnderReview: Set<String>) {
        self.report = report
        self.claimsUnderReview = claimsUnderReview
    }
}
