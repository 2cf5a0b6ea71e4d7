import HubProtocol

/// 解冻, wholly or in part.
extension BankLedger {
    /// Releases a freeze wholly, or lowers its limit by the amount (解冻金额). What it held beyond
    /// its new limit goes to the next freezes in line (R-B13); a freeze whose limit reaches zero ends.
    mutating func carryOut(_ unfreeze: BankUnfreeze) -> ReceiptDocument {
        let id = unfreeze.header.instructionId
        let location: (account: Int, freeze: Int)
        switch freezeLocation(unfreeze.freezeInstructionId, on: unfreeze.account, court: unfreeze.header.court, id: id) {
        case .failure(let refusal): return refusal.receipt
        case .success(let found): location = found
        }
        let current = accounts[location.account].freezes[location.freeze]
        let releasedMinor: Int64
        switch unfreeze.scope {
        case .whole:
            releasedMinor = current.limitMinor
        case .partial:
            guard let amount = unfreeze.amount, amount.minorUnits <= current.limitMinor else {
                let asked = unfreeze.amount?.decimalString ?? "?"
                return cannotAssist(id, .other, "部分解冻金额\(asked)超过冻结金额\(accounts[location.account].money(current.limitMinor).decimalString)")
            }
            releasedMinor = amount.minorUnits
        }
        let newLimit = current.limitMinor - releasedMinor
        if newLimit == 0 {
            accounts[location.account].freezes.remove(at: location.freeze)
        } else {
            accounts[location.account].freezes[location.freeze].limitMinor = newLimit
            accounts[location.account].freezes[location.freeze].heldMinor = min(current.heldMinor, newLimit)
        }
        accounts[location.account].rebalance()
        let account = accounts[location.account]
        let remaining = newLimit == 0 ? 0 : account.freezes[location.freeze].heldMinor
        return .bankUnfreezeResult(
            BankUnfreezeResult(
                header: receiptHeader(id), account: unfreeze.account, freezeInstructionId: unfreeze.freezeInstructionId,
                released: account.money(releasedMinor), remainingHeld: account.money(remaining)))
    }
}
