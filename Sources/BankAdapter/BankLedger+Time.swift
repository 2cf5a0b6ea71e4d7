import HubProtocol

/// Time moving: scheduled events and freezes that lapse.
extension BankLedger {
    /// Applies every event due by `time`, in time order, lapsing freezes as their days pass, and
    /// makes `time` the present. Time never goes back: an earlier `time` changes nothing.
    public mutating func advance(to time: Timestamp) {
        guard time > now else { return }
        var applied = 0
        // Bounded by the events scheduled: each turn consumes one.
        while let event = pendingEvents.last, event.at <= time {
            precondition(applied < BankLedger.maximumEvents, "more events applied than can be scheduled")
            pendingEvents.removeLast()
            now = max(now, event.at)
            lapseFreezes(before: now.chinaDate)
            apply(event.action)
            applied += 1
        }
        now = time
        lapseFreezes(before: now.chinaDate)
    }

    /// Lapses the freezes whose last day is before `today`, account by account in key order.
    mutating func lapseFreezes(before today: CalendarDate) {
        let todayNumber = today.daysSinceEpoch
        let dueDays = lapseAgenda.keys.filter { $0 < todayNumber }.sorted()
        for day in dueDays {
            guard let keys = lapseAgenda.removeValue(forKey: day) else { continue }
            for key in keys.sorted(by: { $0.description < $1.description }) {
                guard let index = indexByKey[key] else { continue }
                _ = accounts[index].lapseFreezes(before: today)
            }
        }
    }

    /// Applies one event at the present.
    mutating func apply(_ action: BankEvent.Action) {
        switch action {
        case .inflow(let key, let amountMinor):
            guard let index = indexByKey[key], accounts[index].status != .closed else { return }
            // A payment that would take the balance beyond the ledger's range is returned to its payer.
            guard accounts[index].balanceMinor <= BankLedger.maximumMinorUnits - amountMinor else { return }
            accounts[index].balanceMinor += amountMinor
            accounts[index].rebalance()
        case .outflow(let key, let amountMinor):
            guard let index = indexByKey[key] else { return }
            // Only funds nobody holds or claims can leave; the rest of the payment is declined.
            accounts[index].balanceMinor -= min(amountMinor, accounts[index].spendableMinor)
            accounts[index].rebalance()
        case .outage(let until):
            outageUntil = max(outageUntil ?? until, until)
        case .claimReviewStarts(let key, let claimId):
            setReview(true, key: key, claimId: claimId)
        case .claimReviewEnds(let key, let claimId):
            setReview(false, key: key, claimId: claimId)
        case .claimEnds(let key, let claimId):
            guard let index = indexByKey[key] else { return }
            accounts[index].claims.removeAll { $0.id == claimId }
            accounts[index].rebalance()
        case .productMatures(let key, let productName):
            matureProduct(key: key, productName: productName)
        }
    }

    private mutating func setReview(_ underReview: Bool, key: AccountKey, claimId: String) {
        guard let index = indexByKey[key], let claim = accounts[index].claims.firstIndex(where: { $0.id == claimId }) else { return }
        accounts[index].claims[claim].underReview = underReview
    }

    private mutating func matureProduct(key: AccountKey, productName: WireText) {
        guard let index = indexByKey[key],
              let product = accounts[index].products.firstIndex(where: { $0.productName == productName })
        else { return }
        let value = accounts[index].products[product].valueMinor
        accounts[index].products.remove(at: product)
        guard accounts[index].balanceMinor <= BankLedger.maximumMinorUnits - value else { return }
        accounts[index].balanceMinor += value
        accounts[index].rebalance()
    }

    /// Refuses an event that names an account, claim or product the bank does not hold.
    func checkEvent(_ action: BankEvent.Action) throws(BankLedgerError) {
        switch action {
        case .inflow(let key, let amountMinor), .outflow(let key, let amountMinor):
            guard indexByKey[key] != nil else { throw .unknownAccount(key) }
            try BankLedger.checkAmount(amountMinor, "event amount on \(key)", positive: true)
        case .outage:
            return
        case .claimReviewStarts(let key, let claimId), .claimReviewEnds(let key, let claimId), .claimEnds(let key, let claimId):
            guard let index = indexByKey[key] else { throw .unknownAccount(key) }
            guard accounts[index].claims.contains(where: { $0.id == claimId }) else { throw .unknownClaim(key, claimId: claimId) }
        case .productMatures(let key, let productName):
            guard let index = indexByKey[key] else { throw .unknownAccount(key) }
            guard accounts[index].products.contains(where: { $0.productName == productName }) else {
                throw .unknownProduct(key, productName: productName.text)
            }
        }
    }
}
