import HubProtocol
import Logging
import Metrics

extension LedgerGate {
    /// The most accounts of one query result the ledger looks at (a result lists at most 1,000).
    static let maximumAccountsPerReport = 1_000

    /// Applies what a receipt tells the ledger; returns why it breaks the rules (nil when sound)
    /// and the account it concerned, if one. `logging` is false on replay, which repeats the past.
    func apply(_ report: LedgerReport, today: LedgerDay, logging: Bool = true) -> (reason: String?, account: AccountKey?) {
        switch report {
        case .measure(let answer):
            let account = answer.receipt.account
            if let breach = answer.breach { return (breach, account) }
            let outcome = ledger.apply(answer.receipt, today: today)
            observe(outcome.events, logging: logging)
            return (outcome.flag.map(LedgerGate.describe), account)
        case .accounts(let accounts):
            precondition(accounts.count <= LedgerGate.maximumAccountsPerReport, "a query result lists at most 1,000 accounts")
            var reasons: [String] = []
            for reported in accounts {
                if let reason = apply(reported, today: today, logging: logging) { reasons.append(reason) }
            }
            let account = accounts.count == 1 ? accounts[0].report.account : nil
            return (reasons.isEmpty ? nil : reasons.joined(separator: "; "), account)
        }
    }

    /// One account of a query result. The ledger learns accounts from the measures on them: a
    /// query result updates the accounts it already knows and adds those carrying priority claims
    /// (R-B16: their funds must not be counted or deducted), so that the millions of accounts
    /// queries find and nobody freezes do not fill the hub's memory.
    private func apply(_ reported: ReportedAccount, today: LedgerDay, logging: Bool) -> String? {
        let key = reported.report.account
        guard !reported.report.priorityClaims.isEmpty || ledger.snapshot(of: key) != nil else { return nil }
        let outcome = ledger.report(reported.report, today: today)
        observe(outcome.events, logging: logging)
        if let flag = outcome.flag { return "account \(key): \(LedgerGate.describe(flag))" }
        for claim in reported.report.priorityClaims {
            let found = ledger.setPriorityClaimReview(
                account: key, claimId: claim.claimId, underReview: reported.claimsUnderReview.contains(claim.claimId),
                today: today)
            assert(found, "a claim just reported is on the account")
        }
        return nil
    }

    /// A flag as the court and the operator read it: the rule it breaks, then what was wrong.
    static func describe(_ flag: ReceiptFlag) -> String {
        "\(rule(of: flag)): \(flag.description)"
    }

    static func rule(of flag: ReceiptFlag) -> String {
        switch flag {
        case .unknownInstruction, .alreadyResolved, .wrongResultKind: return "R-B9"
        case .currencyMismatch, .amountOutOfRange, .heldAboveLimit, .heldBeyondBalance: return "R-B11"
        case .servedOutOfOrder: return "R-B13"
        case .periodMismatch: return "R-B14"
        case .deductedAboveHeld, .deductedAboveRequested: return "R-B19"
        case .inconsistentAmounts: return "R-B12/R-B19"
        }
    }

    /// Keeps a flagged receipt for the operator and counts it.
    func flag(_ receipt: FlaggedReceipt, logging: Bool) {
        watch.withLock { $0.record(receipt) }
        guard logging else { return }
        Counter(label: "hub_flagged_receipts_total").increment()
        logger.warning(
            "receipt flagged by the control ledger",
            metadata: [
                "court": "\(receipt.court)", "instructionId": "\(receipt.instructionID)", "adapter": "\(receipt.adapterID)",
                "reason": "\(receipt.reason)",
            ])
    }

    /// Takes in the ledger's events: warnings are kept for the operator until their freeze ends;
    /// warnings, lapses and overdue notices are logged (R-E7: warn of what falls due).
    func observe(_ events: [LedgerEvent], logging: Bool) {
        guard !events.isEmpty else { return }
        watch.withLock { watch in
            for event in events { watch.observe(event) }
        }
        guard logging else { return }
        for event in events { log(event) }
    }

    private func log(_ event: LedgerEvent) {
        switch event {
        case .lapseWarning(let account, let freeze, let court, let end, let estimated):
            logger.notice(
                "R-E7: a freeze is about to lapse",
                metadata: [
                    "account": "\(account)", "freeze": "\(freeze)", "court": "\(court)", "end": "\(end)",
                    "estimated": "\(estimated)",
                ])
        case .lapsed(let account, let freeze, let court, let end, let released):
            logger.info(
                "R-B14: a freeze lapsed",
                metadata: [
                    "account": "\(account)", "freeze": "\(freeze)", "court": "\(court)", "end": "\(end)",
                    "released": "\(released)",
                ])
        case .priorityClaimNoticeOverdue(let account, let freeze, let court, let due):
            logger.warning(
                "R-B16: the notice to priority-claim holders is overdue",
                metadata: ["account": "\(account)", "freeze": "\(freeze)", "court": "\(court)", "due": "\(due)"])
        case .priorityClaimNoticeDue(let account, let freeze, let court, let holders, let due, _):
            logger.info(
                "R-B16: the court must notify priority-claim holders",
                metadata: [
                    "account": "\(account)", "freeze": "\(freeze)", "court": "\(court)", "due": "\(due)",
                    "holders": "\(holders.count)",
                ])
        case .heldIncreased:
            break
        }
    }
}
