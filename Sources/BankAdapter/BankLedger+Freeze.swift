import HubProtocol

/// 冻结 and 续冻 (R-B11 … R-B14).
extension BankLedger {
    /// Places the freeze at the end of the account's queue (R-B13). It holds what is available now,
    /// and later inflows up to its limit (R-B12); when it cannot hold its whole limit and the court
    /// did not allow a limited freeze, nothing is frozen and the answer says why. Claimed funds it
    /// covers are frozen but not counted, and reported apart from what it holds (R-B16).
    mutating func carryOut(_ freeze: BankFreeze) -> ReceiptDocument {
        let id = freeze.header.instructionId
        if let refused = refusal(for: freeze.account, party: freeze.party, opensMeasure: true, id: id) { return refused }
        let index = indexByKey[AccountKey(number: freeze.account.number, currency: freeze.account.currency)]!
        let limit = freeze.amountLimit.minorUnits
        guard limit <= BankLedger.maximumMinorUnits else {
            return cannotAssist(id, .other, "冻结金额超出本行处理范围")
        }
        guard accounts[index].freezes.count < BankLedger.maximumFreezesPerAccount else {
            return cannotAssist(id, .other, "该账户轮候冻结已达\(BankLedger.maximumFreezesPerAccount)笔上限")
        }
        let holdable = min(limit, accounts[index].availableToCourtsMinor)
        if holdable < limit && !freeze.allowLimitedFreeze {
            return cannotAssist(id, .limitedFreezeNotAllowed, "可冻结余额不足，且未同意限额冻结")
        }
        let earlier = accounts[index].freezes.map { $0.existingFreeze(currency: accounts[index].currency) }
        appendFreeze(
            at: index, instructionId: id, court: freeze.header.court, authority: authorityName(of: freeze.header.court),
            documentNumber: documentNumber(of: freeze.header), limitMinor: limit, period: freeze.period)
        let placed = accounts[index].freezes[accounts[index].freezes.count - 1]
        assert(placed.heldMinor == holdable, "a new freeze holds exactly what was available")
        let account = accounts[index]
        return .bankFreezeResult(
            BankFreezeResult(
                header: receiptHeader(id), account: freeze.account, requested: freeze.amountLimit,
                held: account.money(placed.heldMinor), notHeld: account.money(limit - placed.heldMinor),
                limited: placed.heldMinor < limit, period: placed.period, queuePosition: earlier.count + 1,
                earlierFreezes: earlier,
                uncountedClaimFunds: placed.uncountedMinor > 0 ? account.money(placed.uncountedMinor) : nil))
    }

    /// Moves the end of a freeze in force, keeping its place in line (R-B14). A renewal for less
    /// than the freeze's limit lowers the limit, and what it held beyond goes to the next in line.
    mutating func carryOut(_ renew: BankRenew) -> ReceiptDocument {
        let id = renew.header.instructionId
        let location: (account: Int, freeze: Int)
        switch freezeLocation(renew.freezeInstructionId, on: renew.account, court: renew.header.court, id: id) {
        case .failure(let refusal): return refusal.receipt
        case .success(let found): location = found
        }
        let current = accounts[location.account].freezes[location.freeze]
        guard renew.newEndDate >= current.period.to else {
            return cannotAssist(id, .other, "续冻截止日\(renew.newEndDate)早于原冻结截止日\(current.period.to)")
        }
        if let lastAllowed = try? now.chinaDate.adding(years: 1).adding(days: -1), renew.newEndDate > lastAllowed {
            return cannotAssist(id, .other, "续冻期限不得超过一年（至迟\(lastAllowed)）")
        }
        let newLimit = min(current.limitMinor, renew.amountLimit.minorUnits)
        accounts[location.account].freezes[location.freeze].limitMinor = newLimit
        accounts[location.account].freezes[location.freeze].heldMinor = min(current.heldMinor, newLimit)
        accounts[location.account].freezes[location.freeze].period = DatePeriod(from: current.period.from, to: renew.newEndDate)
        accounts[location.account].rebalance()
        lapseAgenda[renew.newEndDate.daysSinceEpoch, default: []].insert(accounts[location.account].key)
        let account = accounts[location.account]
        let renewed = account.freezes[location.freeze]
        return .bankRenewResult(
            BankRenewResult(
                header: receiptHeader(id), account: renew.account, freezeInstructionId: renew.freezeInstructionId,
                requested: renew.amountLimit, held: account.money(renewed.heldMinor), period: renewed.period,
                freezesBefore: account.freezes[..<location.freeze].map { $0.existingFreeze(currency: account.currency) },
                freezesAfter: account.freezes[(location.freeze + 1)...].map { $0.existingFreeze(currency: account.currency) }))
    }

    /// The number a freeze is known by: its assistance notice, else its ruling, else the case.
    func documentNumber(of header: InstructionHeader) -> WireText {
        let preferred = header.legalDocuments.first { $0.kind == .assistanceNotice } ?? header.legalDocuments.first { $0.kind == .ruling }
        return preferred?.number ?? (try? WireText(header.case.number.description)) ?? "（无文书号）"
    }
}
