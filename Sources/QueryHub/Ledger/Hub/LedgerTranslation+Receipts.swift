import HubProtocol

extension LedgerTranslation {
    /// What a receipt tells the ledger, or nil when nothing: police receipts, "no account" answers
    /// to a query, and answers to measures the ledger does not track (`instruction` nil).
    ///
    /// - Parameters:
    ///   - receipt: the decoded, verified receipt.
    ///   - instruction: the measure it answers, as ``instruction(_:)`` made it from the stored
    ///     instruction; nil for a query or an untracked measure.
    ///   - court: the issuing court of the instruction answered.
    ///   - bankCode: the answering bank's code in the registry (its adapter's), under which the
    ///     accounts of a query result are kept — the code courts name accounts by.
    public static func report(
        _ receipt: ReceiptDocument, instruction: LedgerInstruction?, court: String, bankCode: String
    ) -> LedgerReport? {
        if case .bankQueryResult(let result) = receipt {
            return .accounts(result.accounts.map { reportedAccount($0, bankCode: bankCode) })
        }
        guard let instruction else { return nil }
        let account = instruction.header.account
        let id = instruction.header.instructionId
        func answer(_ result: LedgerReceipt.Result, reported: AccountReference?, breach: String? = nil) -> LedgerReport {
            var breach = breach
            if let reported, accountKey(reported) != account {
                breach = "the receipt names account \(accountKey(reported)); the measure was for \(account)"
            }
            return .measure(
                MeasureAnswer(receipt: LedgerReceipt(instructionId: id, account: account, balance: nil, result: result), breach: breach))
        }
        switch receipt {
        case .bankFreezeResult(let result):
            // R-B16: claimed funds the freeze holds without counting them (the wire's
            // uncountedClaimFunds, absent when none).
            let report = FrozenReport(
                actualHeld: result.held, excess: result.notHeld,
                uncountedHeld: result.uncountedClaimFunds ?? .zero(account.currency),
                start: LedgerDay(result.period.from), end: LedgerDay(result.period.to),
                earlierFreezes: result.earlierFreezes.count)
            return answer(.frozen(report), reported: result.account)
        case .bankRenewResult(let result):
            return answer(.renewed(newEnd: LedgerDay(result.period.to)), reported: result.account)
        case .bankUnfreezeResult(let result):
            return answer(.unfrozen(released: result.released), reported: result.account)
        case .bankDeductResult(let result):
            // R-B19: what stays frozen is the hold less what was deducted from it: the wire's
            // remainingHeld (its notDeducted is requested − deducted, which the wire checks).
            let remaining = result.remainingHeld ?? .zero(account.currency)
            return answer(
                .deducted(deducted: result.deducted, remainingHeld: remaining), reported: result.account,
                breach: creditBreach(result, instruction: instruction))
        case .cannotAssist(let refusal):
            let detail = refusal.detail.map { ": \($0)" } ?? ""
            return answer(.notExecuted(reason: refusal.reason.rawValue + detail), reported: nil)
        case .bankNoAccountFound:
            return answer(.notExecuted(reason: "no such account at the bank"), reported: nil)
        default:
            return nil
        }
    }

    /// R-B17: the deducted money reached the special account the deduct named (the intake checked
    /// that it is the court's registered one).
    private static func creditBreach(_ result: BankDeductResult, instruction: LedgerInstruction) -> String? {
        guard case .deduct(let deduct) = instruction else { return nil }
        let credited = specialAccount(result.specialAccount)
        guard credited != deduct.target else { return nil }
        return "R-B17: the bank credited \(credited), not the court's special account \(deduct.target) the deduct named"
    }

    /// One account of a query result. A pension account's protected minimum (R-P1) becomes the
    /// ledger's living-expense reserve, so the ledger counts at most the balance less the minimum
    /// (and less priority claims) as holdable — what the bank holds.
    static func reportedAccount(_ record: AccountRecord, bankCode: String) -> ReportedAccount {
        let key = AccountKey(
            bankCode: bankCode, accountNumber: record.accountNumber.description, currency: record.balance.currency)
        var claims: [PriorityClaimReport] = []
        var underReview: Set<String> = []
        var seen: [String: Int] = [:]
        for claim in record.priorityClaims {
            // The wire gives claims no id: kind and holder name one, numbered when repeated.
            let base = "\(claim.kind.rawValue):\(claim.holder)"
            let count = seen[base, default: 0]
            seen[base] = count + 1
            let claimId = count == 0 ? base : "\(base)#\(count + 1)"
            claims.append(
                PriorityClaimReport(
                    claimId: claimId, holder: claim.holder.description, kind: claimKind(claim.kind), amount: claim.amount))
            if claim.underReview { underReview.insert(claimId) }
        }
        return ReportedAccount(
            report: AccountReport(account: key, balance: record.balance, kind: accountKind(record), priorityClaims: claims),
            claimsUnderReview: underReview)
    }

    /// The ledger's kind of a reported account: a pension account by its protected minimum (the
    /// wire states one exactly for pension accounts), a joint one by its co-owners' shares.
    static func accountKind(_ record: AccountRecord) -> AccountKind {
        if let protectedMinimum = record.protectedMinimum { return .pension(livingExpenseReserve: protectedMinimum) }
        let isJoint = record.priorityClaims.contains { $0.kind == .jointOwnerShare }
        return isJoint ? .joint : .ordinary
    }

    private static func claimKind(_ kind: PriorityClaimKind) -> LedgerPriorityClaimKind {
        switch kind {
        case .pledge: return .pledge
        case .margin: return .margin
        case .jointOwnerShare: return .coOwnerShare
        case .lien, .other: return .other
        }
    }
}
