import Foundation

/// The operator's dashboard: one HTML page, refreshed every five seconds, of what the hub is doing.
enum Dashboard {
    /// The most rows of each ledger table on the page (the API has them all).
    static let maximumLedgerRows = 50

    static func page(_ statistics: HubStatistics, failure: String?, nowMilliseconds: Int64, ledger: LedgerGate? = nil) -> String {
        let rows = statistics.queueDepths.sorted { $0.key < $1.key }.map { adapter, depth in
            "<tr><td>\(escape(adapter))</td><td class=n>\(depth)</td></tr>"
        }.joined()
        let state = failure.map { "<p class=bad>STOPPED: \(escape($0))</p>" } ?? "<p class=ok>ready</p>"
        return """
            <!doctype html><html lang=zh><head><meta charset=utf-8><meta http-equiv=refresh content=5>
            <title>QueryHub — 网络执行查控 hub</title>
            <style>body{font-family:sans-serif;margin:2em}td,th{padding:.2em 1em;text-align:left}.n{text-align:right}
            .ok{color:#060}.bad{color:#a00;font-weight:bold}table{border-collapse:collapse}tr:nth-child(even){background:#f4f4f4}</style>
            </head><body><h1>QueryHub</h1>\(state)
            <p>\(Timestamps.rfc3339(milliseconds: nowMilliseconds))</p>
            <h2>Throughput since start</h2><table>
            <tr><th>instructions accepted</th><td class=n>\(statistics.instructionsAccepted)</td></tr>
            <tr><th>receipts accepted</th><td class=n>\(statistics.receiptsAccepted)</td></tr>
            <tr><th>police events accepted</th><td class=n>\(statistics.eventsAccepted)</td></tr>
            <tr><th>items leased</th><td class=n>\(statistics.itemsLeased)</td></tr>
            <tr><th>leases expired</th><td class=n>\(statistics.leasesExpired)</td></tr>
            <tr><th>items dead-lettered</th><td class=n>\(statistics.itemsDeadLettered)</td></tr>
            <tr><th>commits (last batch size, last fsync ms)</th><td class=n>\(statistics.commits) (\(statistics.lastCommitBatchSize), \(String(format: "%.2f", statistics.lastCommitMilliseconds)))</td></tr>
            <tr><th>queries awaiting every bank</th><td class=n>\(statistics.openBroadcasts)</td></tr>
            <tr><th>leases out</th><td class=n>\(statistics.outstandingLeases)</td></tr>
            </table>
            <h2>Queue depth per adapter</h2><table><tr><th>adapter</th><th>items waiting</th></tr>\(rows)</table>
            \(ledger.map(ledgerSection) ?? "")
            <p>Metrics for Prometheus: <a href=/metrics>/metrics</a></p>
            </body></html>
            """
    }

    /// The control ledger: its counts, the freezes about to lapse (R-E7) and the latest flagged
    /// receipts, newest first.
    static func ledgerSection(_ ledger: LedgerGate) -> String {
        let counters = ledger.ledger.counters()
        let lapsing = ledger.lapsingSoon()
        let lapsingRows = lapsing.prefix(maximumLedgerRows).map { warning in
            "<tr><td>\(escape(warning.end.description))\(warning.estimated ? " (estimated)" : "")</td>"
                + "<td>\(escape(warning.court.value))</td><td>\(escape(LedgerTranslation.parts(of: warning.freeze).id))</td>"
                + "<td>\(escape(warning.account.description))</td></tr>"
        }.joined()
        let flagged = ledger.flaggedReceipts()
        let flaggedRows = flagged.suffix(maximumLedgerRows).reversed().map { receipt in
            "<tr><td>\(Timestamps.rfc3339(milliseconds: receipt.receivedAtMilliseconds))</td><td>\(escape(receipt.court))</td>"
                + "<td>\(escape(receipt.instructionID))</td><td>\(escape(receipt.adapterID))</td>"
                + "<td class=bad>\(escape(receipt.reason))</td></tr>"
        }.joined()
        let applied = counters.receiptsApplied + counters.accountReportsApplied
        return """
            <h2>Control ledger (today \(ledger.today()))</h2><table>
            <tr><th>measures accepted / refused</th><td class=n>\(counters.measuresAccepted) / \(counters.measuresRefused)</td></tr>
            <tr><th>receipts and reports applied / flagged</th><td class=n>\(applied) / \(counters.reportsFlagged)</td></tr>
            <tr><th>freezes lapsed</th><td class=n>\(counters.lapses)</td></tr>
            </table>
            <h3>Freezes about to lapse (R-E7): \(lapsing.count)</h3>
            <table><tr><th>last day</th><th>court</th><th>freeze</th><th>account</th></tr>\(lapsingRows)</table>
            <h3>Flagged receipts: \(flagged.count) kept</h3>
            <table><tr><th>received</th><th>court</th><th>instruction</th><th>adapter</th><th>why</th></tr>\(flaggedRows)</table>
            """
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
