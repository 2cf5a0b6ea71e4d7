import HubProtocol

/// What a bank reported about one freeze it carried out (R-B11…R-B13).
public struct FrozenReport: Sendable, Equatable {
    /// Actually frozen and counted (实际冻结金额): never priority-claim funds (R-B16).
    public let actualHeld: Money
    /// The part of the limit not yet held (应冻结金额 − 实际冻结金额), which later inflows fill (R-B12).
    public let excess: Money
    /// Priority-claim funds (or a co-owner's share) frozen but not counted (R-B16); zero if none.
    /// The wire's `uncountedClaimFunds`.
    public let uncountedHeld: Money
    /// First day of the freeze as the bank applied it.
    public let start: LedgerDay
    /// Last day of the freeze as the bank applied it (inclusive).
    public let end: LedgerDay
    /// How many earlier freezes were in line before this one at the bank (先前顺序冻结记录).
    public let earlierFreezes: Int

    /// A freeze report.
    public init(
        actualHeld: Money, excess: Money, uncountedHeld: Money, start: LedgerDay, end: LedgerDay,
        earlierFreezes: Int
    ) {
        self.actualHeld = actualHeld
        self.excess = excess
        self.uncountedHeld = uncountedHeld
        self.start = start
        self.end = end
        self.earlierFreezes = earlierFreezes
    }
}

/// A bank's sealed answer (回执) to one measure, reduced to what the ledger checks and applies.
public struct LedgerReceipt: Sendable, Equatable {
    /// What the bank did.
    public enum Result: Sendable, Equatable {
        /// The freeze was placed (R-B11).
        case frozen(FrozenReport)
        /// The freeze's end was moved to `newEnd` (R-B14).
        case renewed(newEnd: LedgerDay)
        /// `released` of the freeze's limit was released.
        case unfrozen(released: Money)
        /// `deducted` left the account for the special account; `remainingHeld`, the freeze's hold
        /// less what was deducted from it, stays frozen (R-B19; the wire's `remainingHeld`).
        case deducted(deducted: Money, remainingHeld: Money)
        /// The bank could not carry out the measure, and says why (R-B21).
        case notExecuted(reason: String)
    }

    /// The instruction this receipt answers.
    public let instructionId: LedgerInstructionID
    /// The account the bank acted on.
    public let account: AccountKey
    /// The account's balance when the bank finished the measure (after a deduct: after it), or nil
    /// when the receipt does not state it. The hub's wire receipts (``BankFreezeResult`` and the
    /// others) report amounts held and moved, not the balance, so the hub's receipts carry nil:
    /// the ledger then keeps the balance it knows (less what a deduct took) and raises it only as
    /// far as the receipt proves money is there — a freeze that holds more than the known balance
    /// allows shows the bank had at least that much.
    public let balance: Money?
    /// What the bank did.
    public let result: Result

    /// A receipt.
    public init(instructionId: LedgerInstructionID, account: AccountKey, balance: Money?, result: Result) {
        self.instructionId = instructionId
        self.account = account
        self.balance = balance
        self.result = result
    }
}

/// The kind of an account, as far as the ledger treats kinds differently.
public enum AccountKind: Sendable, Equatable {
    /// Current, savings, foreign-currency or any account without special treatment.
    case ordinary
    /// A joint account; co-owners' shares are reported as priority claims (R-B16).
    case joint
    /// An account receiving a pension: `livingExpenseReserve` (the local standard for the debtor and
    /// dependants) is never held or deducted, and a deduct needs the court's statement that other
    /// assets are not enough (R-P1).
    case pension(livingExpenseReserve: Money)
}

/// What kind of priority claim (优先受偿权) a bank reported over an account's funds.
public enum LedgerPriorityClaimKind: String, Sendable, Equatable {
    /// 质押权.
    case pledge
    /// 保证金.
    case margin
    /// A co-owner's share of a joint account (共有份额), handled like a priority claim (R-B16).
    case coOwnerShare
    /// Any other priority right.
    case other
}

/// One priority claim over an account's funds, as the bank reported it (R-B16).
public struct PriorityClaimReport: Sendable, Equatable {
    /// The bank's identifier of the claim.
    public let claimId: String
    /// Who holds the claim (the party the court must notify).
    public let holder: String
    /// Pledge, margin, co-owner's share, other.
    public let kind: LedgerPriorityClaimKind
    /// The funds the claim covers.
    public let amount: Money

    /// A claim report.
    public init(claimId: String, holder: String, kind: LedgerPriorityClaimKind, amount: Money) {
        self.claimId = claimId
        self.holder = holder
        self.kind = kind
        self.amount = amount
    }
}

/// A bank's report of an account (a query result, R-B8): balance, kind and priority claims.
/// Claims missing from a report have ended; their funds then count (R-B16).
public struct AccountReport: Sendable, Equatable {
    /// The account.
    public let account: AccountKey
    /// Its balance.
    public let balance: Money
    /// Its kind.
    public let kind: AccountKind
    /// Every priority claim now over its funds.
    public let priorityClaims: [PriorityClaimReport]

    /// An account report.
    public init(account: AccountKey, balance: Money, kind: AccountKind, priorityClaims: [PriorityClaimReport]) {
        self.account = account
        self.balance = balance
        self.kind = kind
        self.priorityClaims = priorityClaims
    }
}
