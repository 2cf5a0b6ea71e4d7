import HubProtocol

/// Comparing a receipt with what a step expects.
extension ScenarioPlayer {
    /// The differences between the receipt and the expectation, as sentences; empty when it matches.
    static func compare(_ receipt: ReceiptDocument, with expectation: ScenarioExpectation, currency: Currency) -> [String] {
        var mismatches: [String] = []
        guard receipt.kind == expectation.receipt else {
            var detail = ""
            if case .cannotAssist(let refusal) = receipt { detail = " (\(refusal.reason.rawValue): \(refusal.detail?.text ?? ""))" }
            return ["expected \(expectation.receipt.rawValue), got \(receipt.kind.rawValue)\(detail)"]
        }
        func check(_ name: String, _ expected: String?, _ actual: Money?) {
            guard let expected else { return }
            guard let actual else { return mismatches.append("\(name): expected \(expected), the receipt has none") }
            if actual.decimalString != expected { mismatches.append("\(name): expected \(expected), got \(actual.decimalString)") }
        }
        func check(_ name: String, _ expected: Int?, _ actual: Int) {
            if let expected, expected != actual { mismatches.append("\(name): expected \(expected), got \(actual)") }
        }
        switch receipt {
        case .cannotAssist(let refusal):
            if let reason = expectation.reason, reason != refusal.reason {
                mismatches.append("reason: expected \(reason.rawValue), got \(refusal.reason.rawValue)")
            }
        case .bankFreezeResult(let result):
            check("held", expectation.held, result.held)
            check("notHeld", expectation.notHeld, result.notHeld)
            check("queuePosition", expectation.queuePosition, result.queuePosition)
        case .bankRenewResult(let result):
            check("held", expectation.held, result.held)
        case .bankUnfreezeResult(let result):
            check("released", expectation.released, result.released)
            check("remainingHeld", expectation.remainingHeld, result.remainingHeld)
        case .bankDeductResult(let result):
            check("deducted", expectation.deducted, result.deducted)
            check("notDeducted", expectation.notDeducted, result.notDeducted)
            check("credited", expectation.credited, result.creditedAmount)
            check("remainingHeld", expectation.remainingHeld, result.remainingHeld)
        case .bankQueryResult(let result):
            check("accounts", expectation.accounts, result.accounts.count)
            check("availableBalance", expectation.availableBalance, result.accounts.first?.availableBalance)
        default:
            break
        }
        return mismatches
    }
}
