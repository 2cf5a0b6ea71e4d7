import HubProtocol

/// What every measure on an account says about who issues it and for what case.
public struct MeasureHeader: Sendable, Equatable {
    /// The instruction's id; unique across the network.
    public let instructionId: LedgerInstructionID
    /// The issuing court.
    public let court: LedgerCourt
    /// The case the measure is for.
    public let caseNumber: LedgerCase
    /// The account the measure names (R-B10: one specific account).
    public let account: AccountKey
    /// What the case is owed, expressed in the account's currency as the court's notice states
    /// it; no amount in the measure may exceed it, and it caps the case-level guard.
    public let amountOwed: Money

    /// A header from its parts.
    public init(
        instructionId: LedgerInstructionID, court: LedgerCourt, caseNumber: LedgerCase, account: AccountKey,
        amountOwed: Money
    ) {
        self.instructionId = instructionId
        self.court = court
        self.caseNumber = caseNumber
        self.account = account
        self.amountOwed = amountOwed
    }
}

/// A freeze (冻结, R-B11…R-B13): hold up to `amount` on the account from `start` to `end`
/// inclusive. Later freezes queue behind earlier ones (轮候冻结).
public struct FreezeInstruction: Sendable, Equatable {
    /// Who, for what case, on which account.
    public let header: MeasureHeader
    /// The requested limit (应冻结金额).
    public let amount: Money
    /// The first day of the freeze.
    public let start: LedgerDay
    /// The last day of the freeze (inclusive); at most a year after `start` by default.
    public let end: LedgerDay

    /// A freeze instruction.
    public init(header: MeasureHeader, amount: Money, start: LedgerDay, end: LedgerDay) {
        self.header = header
        self.amount = amount
        self.start = start
        self.end = end
    }
}

/// A renewal (续冻, R-B14): move the end of an existing freeze later, keeping its place in line.
public struct RenewInstruction: Sendable, Equatable {
    /// Who, for what case, on which account.
    public let header: MeasureHeader
    /// The instruction id of the freeze being renewed.
    public let freezeId: LedgerInstructionID
    /// The new last day; at most a year after the day the renewal is made.
    public let newEnd: LedgerDay

    /// A renewal instruction.
    public init(header: MeasureHeader, freezeId: LedgerInstructionID, newEnd: LedgerDay) {
        self.header = header
        self.freezeId = freezeId
        self.newEnd = newEnd
    }
}

/// An unfreeze (解冻): release a freeze wholly (`amount` nil) or lower its limit by `amount`.
public struct UnfreezeInstruction: Sendable, Equatable {
    /// Who, for what case, on which account.
    public let header: MeasureHeader
    /// The instruction id of the freeze being released.
    public let freezeId: LedgerInstructionID
    /// How much of the freeze's limit to release; nil releases all of it.
    public let amount: Money?

    /// An unfreeze instruction.
    public init(header: MeasureHeader, freezeId: LedgerInstructionID, amount: Money?) {
        self.header = header
        self.freezeId = freezeId
        self.amount = amount
    }
}

/// A deduct (扣划, R-B17…R-B19): move `amount` from the account to the court's special account.
/// It names the court's freeze on the account; deducting frozen funds needs no unfreeze first.
public struct DeductInstruction: Sendable, Equatable {
    /// Who, for what case, on which account.
    public let header: MeasureHeader
    /// The instruction id of the court's freeze the deduct draws on.
    public let freezeId: LedgerInstructionID
    /// The amount to deduct.
    public let amount: Money
    /// Where the money goes: must be the court's registered special account for the currency.
    public let target: LedgerSpecialAccount
    /// When true the deduct may also take funds nobody holds (what the last report showed
    /// available), served after every earlier holder, including freezes not yet answered.
    public let includeUnheldFunds: Bool
    /// The court's statement that the debtor's other assets are not enough; required to deduct
    /// from a pension account (R-P1).
    public let otherAssetsInsufficient: Bool
    /// True when foreign-currency funds are converted and credited to the renminbi special account
    /// (结汇, R-B17); the target must then be the renminbi account.
    public let convertsToRenminbi: Bool

    /// A deduct instruction.
    public init(
        header: MeasureHeader, freezeId: LedgerInstructionID, amount: Money, target: LedgerSpecialAccount,
        includeUnheldFunds: Bool = false, otherAssetsInsufficient: Bool = false, convertsToRenminbi: Bool = false
    ) {
        self.header = header
        self.freezeId = freezeId
        self.amount = amount
        self.target = target
        self.includeUnheldFunds = includeUnheldFunds
        self.otherAssetsInsufficient = otherAssetsInsufficient
        self.convertsToRenminbi = convertsToRenminbi
    }

    /// The currency the special account receives: renminbi when converted, else the account's.
    public var creditCurrency: Currency { convertsToRenminbi ? .cny : header.account.currency }
}

/// One control measure on one account, as the ledger checks it before dispatch.
public enum LedgerInstruction: Sendable, Equatable {
    /// 冻结.
    case freeze(FreezeInstruction)
    /// 续冻.
    case renew(RenewInstruction)
    /// 解冻.
    case unfreeze(UnfreezeInstruction)
    /// 扣划.
    case deduct(DeductInstruction)

    /// The common part.
    public var header: MeasureHeader {
        switch self {
        case .freeze(let instruction): return instruction.header
        case .renew(let instruction): return instruction.header
        case .unfreeze(let instruction): return instruction.header
        case .deduct(let instruction): return instruction.header
        }
    }
}
