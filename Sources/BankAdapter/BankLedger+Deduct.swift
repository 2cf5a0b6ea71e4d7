import HubProtocol

/// 扣划 (R-B16 … R-B19).
extension BankLedger {
    /// Takes the amount from the named freeze's held funds (no unfreeze needed, R-B18) and, when
    /// the court allows it, from funds nobody holds; never from claimed funds (R-B16) or a pension's
    /// protected minimum (R-P1). A pension account is deducted only on the court's finding that the
    /// debtor's other assets are not enough (R-P1); without it the answer says why (R-B21).
    /// Reports deducted and not deducted (R-B19); what stays held stays
    /// frozen, and a freeze emptied by the deduct ends so the next in line moves up (R-B13). The
    /// money goes to the court's special account, converted to CNY when asked (R-B17).
    mutating func carryOut(_ deduct: BankDeduct) -> ReceiptDocument {
        let id = deduct.header.instructionId
        guard profile.onlineDeduct else {
            return cannotAssist(id, .deductNotSupportedOnline, "本行暂不支持网络扣划，请至柜面办理")
        }
        if let refused = refusal(for: deduct.account, party: deduct.party, opensMeasure: true, id: id) { return refused }
        let index = indexByKey[AccountKey(number: deduct.account.number, currency: deduct.account.currency)]!
        if accounts[index].kind == .pension, !deduct.courtFoundOtherAssetsInsufficient {
            return cannotAssist(id, .pensionNeedsOtherAssetsInsufficient, "养老金账户：法院未认定被执行人其他财产不足以清偿，不予扣划")
        }
        var freezePosition: Int?
        if let freezeId = deduct.freezeInstructionId {
            switch freezeLocation(freezeId, on: deduct.account, court: deduct.header.court, id: id) {
            case .failure(let refusal): return refusal.receipt
            case .success(let found): freezePosition = found.freeze
            }
        }
        let amounts = deductAmounts(deduct, account: accounts[index], freezePosition: freezePosition)
        if amounts.totalMinor == 0, accounts[index].claims.contains(where: \.underReview) {
            return cannotAssist(id, .priorityClaimUnderReview, "账户资金存在优先受偿权异议审查，暂不能扣划")
        }
        let credited: (amount: Money, exchange: ForeignExchange?)
        switch creditedAmount(deduct, deductedMinor: amounts.totalMinor) {
        case .failure(let refusal): return refusal.receipt
        case .success(let result): credited = result
        }
        applyDeduct(amounts, at: index, freezePosition: freezePosition)
        credit(deduct.specialAccount, minorUnits: credited.amount.minorUnits)
        let account = accounts[index]
        let heldBefore = freezePosition.map { _ in account.money(amounts.heldBeforeMinor) }
        return .bankDeductResult(
            BankDeductResult(
                header: receiptHeader(id), account: deduct.account, freezeInstructionId: deduct.freezeInstructionId,
                requested: deduct.amount, deducted: account.money(amounts.totalMinor),
                notDeducted: account.money(deduct.amount.minorUnits - amounts.totalMinor), heldBefore: heldBefore,
                remainingHeld: heldBefore.map { _ in account.money(amounts.heldBeforeMinor - amounts.fromHeldMinor) },
                specialAccount: deduct.specialAccount, creditedAmount: credited.amount, foreignExchange: credited.exchange))
    }

    /// What a deduct takes: from the freeze's hold first, then (when allowed) from funds available
    /// to courts, which exclude claimed funds and the protected minimum.
    struct DeductAmounts {
        let heldBeforeMinor: Int64
        let fromHeldMinor: Int64
        let fromAvailableMinor: Int64
        var totalMinor: Int64 { fromHeldMinor + fromAvailableMinor }
    }

    func deductAmounts(_ deduct: BankDeduct, account: SimulatedAccount, freezePosition: Int?) -> DeductAmounts {
        let asked = deduct.amount.minorUnits
        let heldBefore = freezePosition.map { account.freezes[$0].heldMinor } ?? 0
        let fromHeld = min(asked, heldBefore)
        let fromAvailable = deduct.includeUnheldAvailableFunds ? min(asked - fromHeld, account.availableToCourtsMinor) : 0
        let amounts = DeductAmounts(heldBeforeMinor: heldBefore, fromHeldMinor: fromHeld, fromAvailableMinor: fromAvailable)
        assert(amounts.totalMinor <= asked && amounts.totalMinor <= account.balanceMinor - account.claimedMinor)
        return amounts
    }

    private mutating func applyDeduct(_ amounts: DeductAmounts, at index: Int, freezePosition: Int?) {
        accounts[index].balanceMinor -= amounts.totalMinor
        if let position = freezePosition, amounts.fromHeldMinor > 0 {
            accounts[index].freezes[position].heldMinor -= amounts.fromHeldMinor
            accounts[index].freezes[position].limitMinor -= amounts.fromHeldMinor
            // A deduct that empties the hold ends the freeze ("deducted", R-B13); the next in line moves up.
            if accounts[index].freezes[position].heldMinor == 0 {
                accounts[index].freezes.remove(at: position)
            }
        }
        accounts[index].rebalance()
    }

    /// What the special account receives: the deducted amount as is, or converted to CNY at the
    /// bank's rate of the day (R-B17).
    private func creditedAmount(
        _ deduct: BankDeduct, deductedMinor: Int64
    ) -> Result<(amount: Money, exchange: ForeignExchange?), ReceiptRefusal> {
        let deducted = Money(minorUnits: deductedMinor, currency: deduct.account.currency)
        guard deduct.convertForeignCurrency else { return .success((deducted, nil)) }
        let id = deduct.header.instructionId
        guard let rate = exchangeRates[deduct.account.currency.code] else {
            return .failure(ReceiptRefusal(cannotAssist(id, .other, "本行无\(deduct.account.currency)结汇牌价")))
        }
        guard let converted = ExchangeConversion.convert(deducted, rate: rate) else {
            return .failure(ReceiptRefusal(cannotAssist(id, .other, "结汇金额超出本行处理范围")))
        }
        let exchange = ForeignExchange(rate: rate, rateDate: now.chinaDate, sourceAmount: deducted, convertedAmount: converted)
        return .success((converted, exchange))
    }
}
