import HubProtocol

/// The wire documents as the control ledger sees them: a court's measure becomes a
/// ``LedgerInstruction``, a bank's receipt a ``LedgerReport``. Pure functions: the same documents
/// give the same values at intake, at receipt time and when the ledger is rebuilt after a restart.
///
/// Instruction ids are the court's own (the hub keys instructions by court and id), so the ledger's
/// id is qualified with the court, `京0105/BJ0105-2026-000123`: two courts that pick the same id
/// never collide on an account, and a court's renew, unfreeze or deduct can only name its own
/// freeze (R-B14, R-B18).
public enum LedgerTranslation {
    /// The ledger's id of a court's instruction.
    public static func instructionID(court: String, id: String) -> LedgerInstructionID {
        precondition(!court.contains("/"), "court codes contain no slash")
        return LedgerInstructionID(court + "/" + id)
    }

    /// The court and the court's own id of a ledger id made by ``instructionID(court:id:)``.
    public static func parts(of id: LedgerInstructionID) -> (court: String, id: String) {
        guard let slash = id.value.firstIndex(of: "/") else { return ("", id.value) }
        return (String(id.value[..<slash]), String(id.value[id.value.index(after: slash)...]))
    }

    /// The ledger's key of a wire account reference.
    public static func accountKey(_ account: AccountReference) -> AccountKey {
        AccountKey(bankCode: account.bank.description, accountNumber: account.number.description, currency: account.currency)
    }

    /// The ledger's form of a special account named on the wire (R-B17, R-B18).
    public static func specialAccount(_ account: HubProtocol.SpecialAccount) -> LedgerSpecialAccount {
        LedgerSpecialAccount(
            bankName: account.bank.description, accountNumber: account.number.description,
            accountName: account.name.description)
    }

    /// The ledger's form of a special account in the registry (R-B5).
    public static func specialAccount(_ account: SpecialAccount) -> LedgerSpecialAccount {
        LedgerSpecialAccount(
            bankName: account.bankCode, accountNumber: account.accountNumber, accountName: account.accountName.description)
    }

    /// Every court's registered special accounts, one per currency, as the ledger checks deducts
    /// against them (R-B17).
    public static func specialAccounts(of registry: Registry) -> SpecialAccountDirectory {
        var directory = SpecialAccountDirectory()
        for court in registry.courts {
            var accounts: [Currency: LedgerSpecialAccount] = [:]
            for account in registry.specialAccounts(of: court.code) { accounts[account.currency] = specialAccount(account) }
            directory.register(court: LedgerCourt(court.code.description), accounts: accounts)
        }
        return directory
    }

    /// The measure as the ledger checks it, or nil for what it does not track: queries, police
    /// measures, and a deduct that names no freeze (it takes available funds nobody holds, which
    /// the bank decides; the intake still checks its special account, R-B17).
    ///
    /// R-P1: pensions are taken only when other assets are not enough. The deduct states the
    /// court's finding in `otherAssetsInsufficient` (absent: no finding), and the ledger refuses a
    /// deduct of an account a query result showed to be a pension account without it; the
    /// protected minimum it keeps whole either way. A deduct that names no freeze is the bank's to
    /// refuse (cannotAssist, `pensionNeedsOtherAssetsInsufficient`).
    public static func instruction(_ document: InstructionDocument) -> LedgerInstruction? {
        switch document {
        case .bankFreeze(let freeze):
            return .freeze(
                FreezeInstruction(
                    header: header(freeze.header, account: freeze.account), amount: freeze.amountLimit,
                    start: LedgerDay(freeze.period.from), end: LedgerDay(freeze.period.to)))
        case .bankRenew(let renew):
            return .renew(
                RenewInstruction(
                    header: header(renew.header, account: renew.account),
                    freezeId: referenced(renew.freezeInstructionId, by: renew.header), newEnd: LedgerDay(renew.newEndDate)))
        case .bankUnfreeze(let unfreeze):
            return .unfreeze(
                UnfreezeInstruction(
                    header: header(unfreeze.header, account: unfreeze.account),
                    freezeId: referenced(unfreeze.freezeInstructionId, by: unfreeze.header),
                    amount: unfreeze.scope == .whole ? nil : unfreeze.amount))
        case .bankDeduct(let deduct):
            guard let freezeId = deduct.freezeInstructionId else { return nil }
            return .deduct(
                DeductInstruction(
                    header: header(deduct.header, account: deduct.account), freezeId: referenced(freezeId, by: deduct.header),
                    amount: deduct.amount, target: specialAccount(deduct.specialAccount),
                    includeUnheldFunds: deduct.includeUnheldAvailableFunds,
                    otherAssetsInsufficient: deduct.courtFoundOtherAssetsInsufficient, convertsToRenminbi: deduct.convertForeignCurrency))
        default:
            return nil
        }
    }

    private static func header(_ header: InstructionHeader, account: AccountReference) -> MeasureHeader {
        MeasureHeader(
            instructionId: instructionID(court: header.court.description, id: header.instructionId.description),
            court: LedgerCourt(header.court.description), caseNumber: LedgerCase(header.case.number.description),
            account: accountKey(account), amountOwed: header.case.amountOwed)
    }

    /// A freeze the measure names: in the issuing court's namespace of ids.
    private static func referenced(_ id: InstructionID, by header: InstructionHeader) -> LedgerInstructionID {
        instructionID(court: header.court.description, id: id.description)
    }
}
