import HubProtocol

extension LedgerGate {
    /// The freezes warned of (R-E7) that are still live with the end they were warned of, soonest
    /// end first; only those on `account` when given. Warnings whose freeze has since lapsed, ended
    /// or been renewed are dropped here.
    public func lapsingSoon(account: AccountKey? = nil) -> [LapseWarning] {
        let warnings = watch.withLock { watch in
            watch.warnings.values.filter { account == nil || $0.account == account }
        }
        var live: [LapseWarning] = []
        var stale: [LapseWarning] = []
        for warning in warnings {
            let freeze = ledger.snapshot(of: warning.account)?.freeze(warning.freeze)
            if let freeze, freeze.state.isConfirmed, freeze.end == warning.end {
                live.append(warning)
            } else {
                stale.append(warning)
            }
        }
        if !stale.isEmpty {
            watch.withLock { watch in
                for warning in stale { watch.forget(warning) }
            }
        }
        return live.sorted { ($0.end, $0.freeze.value) < ($1.end, $1.freeze.value) }
    }

    /// The latest flagged receipts, oldest first; only those about `account` when given.
    public func flaggedReceipts(account: AccountKey? = nil) -> [FlaggedReceipt] {
        watch.withLock { watch in
            watch.flagged.filter { account == nil || $0.account == account }
        }
    }

    /// Warnings and flagged receipts that fell out of the bounded lists (still logged and counted).
    public func droppedFromWatch() -> (warnings: Int, flagged: Int) {
        watch.withLock { ($0.warningsDropped, $0.flaggedDropped) }
    }
}
