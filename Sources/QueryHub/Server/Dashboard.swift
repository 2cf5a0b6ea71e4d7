import Foundation

/// The operator's dashboard: one HTML page, refreshed every five seconds, of what the hub is doing.
enum Dashboard {
    static func page(_ statistics: HubStatistics, failure: String?, nowMilliseconds: Int64) -> String {
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
            <tr><th>items leased</th><td class=n>\(statistics.itemsLeased)</td></tr>
            <tr><th>leases expired</th><td class=n>\(statistics.leasesExpired)</td></tr>
            <tr><th>items dead-lettered</th><td class=n>\(statistics.itemsDeadLettered)</td></tr>
            <tr><th>commits (last batch size, last fsync ms)</th><td class=n>\(statistics.commits) (\(statistics.lastCommitBatchSize), \(String(format: "%.2f", statistics.lastCommitMilliseconds)))</td></tr>
            <tr><th>queries awaiting every bank</th><td class=n>\(statistics.openBroadcasts)</td></tr>
            <tr><th>leases out</th><td class=n>\(statistics.outstandingLeases)</td></tr>
            </table>
            <h2>Queue depth per adapter</h2><table><tr><th>adapter</th><th>items waiting</th></tr>\(rows)</table>
            <p>Metrics for Prometheus: <a href=/metrics>/metrics</a></p>
            </body></html>
            """
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
