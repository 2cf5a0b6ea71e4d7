import HubProtocol

/// One case's reserved total in one currency.
struct CaseKey: Hashable, Sendable {
    let caseNumber: LedgerCase
    let currency: Currency
}

/// One shard of the case-level guard: for each case (and currency), the sum of the limits of its
/// live freezes across all accounts and banks. A freeze reserves its limit here before dispatch;
/// the reservation shrinks as freezes end, are unfrozen or deducted. Because a freeze never holds
/// more than its limit, "reserved ≤ owed + allowance" keeps "held ≤ owed + allowance".
struct CaseGuardShard: Sendable {
    var reserved: [CaseKey: Int64] = [:]
    var counters = LedgerCounters()

    /// What the case may reserve in total: what it is owed plus the cost allowance.
    static func capMinor(owedMinor: Int64, configuration: LedgerConfiguration) -> Int64 {
        let allowance =
            owedMinor / 10_000 * Int64(configuration.costAllowanceBasisPoints)
            + owedMinor % 10_000 * Int64(configuration.costAllowanceBasisPoints) / 10_000
        return owedMinor + allowance
    }

    /// Reserves the freeze's limit; returns the limit granted (possibly reduced, with the reason),
    /// or the refusal.
    mutating func reserve(
        _ freeze: FreezeInstruction, configuration: LedgerConfiguration
    ) -> Result<(grantedMinor: Int64, reduction: LedgerRefusal?), LedgerRefusal> {
        let currency = freeze.amount.currency
        let key = CaseKey(caseNumber: freeze.header.caseNumber, currency: currency)
        let requested = freeze.amount.minorUnits
        precondition(requested > 0, "the account check runs first: amounts are positive")
        let cap = CaseGuardShard.capMinor(owedMinor: freeze.header.amountOwed.minorUnits, configuration: configuration)
        let already = reserved[key] ?? 0
        let headroom = max(0, cap - already)
        guard requested > headroom else {
            reserved[key] = already + requested
            return .success((requested, nil))
        }
        let reason = LedgerRefusal.caseGuard(
            requested: freeze.amount, owed: freeze.header.amountOwed, cap: Money(minorUnits: cap, currency: currency),
            alreadyReserved: Money(minorUnits: already, currency: currency))
        guard configuration.caseGuardMode == .reduce, headroom > 0 else {
            counters.freezesRefusedByCaseGuard += 1
            return .failure(reason)
        }
        counters.freezesReducedByCaseGuard += 1
        reserved[key] = already + headroom
        assert(reserved[key]! <= cap, "the case guard reserved beyond its cap")
        return .success((headroom, reason))
    }

    /// Gives back part of a case's reservation (a freeze ended, was unfrozen or deducted, or was
    /// refused after reserving).
    mutating func release(_ release: CaseRelease) {
        let key = CaseKey(caseNumber: release.caseNumber, currency: release.currency)
        let remaining = (reserved[key] ?? 0) - release.amountMinor
        precondition(remaining >= 0, "case \(release.caseNumber) released more than it reserved")
        reserved[key] = remaining == 0 ? nil : remaining
    }
}
