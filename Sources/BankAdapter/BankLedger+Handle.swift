import HubProtocol

/// Answering instructions: the dispatch, the checks every measure shares, and receipt helpers.
extension BankLedger {
    /// Carries out one instruction at `receivedAt` (or at the present, if that is later) and
    /// returns the receipt. A repeated instruction id gets the receipt it got the first time; an
    /// answer during an outage is not kept, so a later delivery is carried out.
    public mutating func handle(_ document: InstructionDocument, receivedAt: Timestamp) -> ReceiptDocument {
        advance(to: receivedAt)
        let id = document.header.instructionId
        if let earlier = answered[id] { return earlier }
        if isInOutage {
            return cannotAssist(id, .systemOutage, "核心系统故障，请稍后重试")
        }
        let receipt = carryOut(document)
        assert(receipt.header.instructionId == id, "a receipt answers its own instruction")
        answered[id] = receipt
        return receipt
    }

    private mutating func carryOut(_ document: InstructionDocument) -> ReceiptDocument {
        switch document {
        case .bankQuery(let query): return answer(query)
        case .bankFreeze(let freeze): return carryOut(freeze)
        case .bankRenew(let renew): return carryOut(renew)
        case .bankUnfreeze(let unfreeze): return carryOut(unfreeze)
        case .bankDeduct(let deduct): return carryOut(deduct)
        case .policeIdentity, .policeExitEntry, .policeVehicles, .policeHotelStays, .policeRestrictExit,
             .policeSeizeVehicle, .policeLocatePerson, .policeRelease:
            return cannotAssist(document.header.instructionId, .other, "\(document.kind.rawValue) 不是银行协助事项")
        }
    }

    /// The header of a receipt given now.
    func receiptHeader(_ id: InstructionID) -> ReceiptHeader {
        ReceiptHeader(instructionId: id, responder: profile.institutionCode, respondedAt: now)
    }

    /// A cannot-assist receipt with its reason and a short explanation (R-B21).
    func cannotAssist(_ id: InstructionID, _ reason: CannotAssistReason, _ detail: String) -> ReceiptDocument {
        .cannotAssist(CannotAssist(header: receiptHeader(id), reason: reason, detail: try? WireText(detail)))
    }

    /// Why a measure cannot be carried out on the named account, or nil when it may: the account
    /// must be at this bank, in that currency, the party's (when the measure names one), and, for
    /// a new freeze or a deduct, neither closed nor dormant (R-B21).
    func refusal(
        for reference: AccountReference, party: Party?, opensMeasure: Bool, id: InstructionID
    ) -> ReceiptDocument? {
        let key = AccountKey(number: reference.number, currency: reference.currency)
        guard reference.bank == profile.institutionCode else {
            return cannotAssist(id, .noSuchAccount, "账户不属于本行（\(reference.bank)）")
        }
        guard let index = indexByKey[key] else {
            let otherCurrency = Currency.supported.contains { indexByKey[AccountKey(number: reference.number, currency: $0)] != nil }
            return otherCurrency
                ? cannotAssist(id, .currencyNotHeld, "账户无\(reference.currency)币种")
                : cannotAssist(id, .noSuchAccount, "本行无此账户")
        }
        let account = accounts[index]
        if let party {
            guard account.owner.document == party.document else {
                return cannotAssist(id, .noSuchAccount, "账户不属于该当事人")
            }
            guard account.owner.name == party.name else {
                return cannotAssist(id, .nameDoesNotMatchID, "户名与证件不符")
            }
        }
        guard opensMeasure else { return nil }
        switch account.status {
        case .closed: return cannotAssist(id, .accountClosed, "账户已于\(account.closingDate.map(\.description) ?? "")销户")
        case .dormant: return cannotAssist(id, .accountDormant, "久悬账户，需至柜面激活后办理")
        case .suspended, .active: return nil
        }
    }

    /// The account and the position of the named freeze, or the receipt refusing the measure:
    /// the freeze must be in force (not lapsed, released or deducted) and the court's own.
    func freezeLocation(
        _ freezeId: InstructionID, on reference: AccountReference, court: CourtCode, id: InstructionID
    ) -> Result<(account: Int, freeze: Int), ReceiptRefusal> {
        if let refused = refusal(for: reference, party: nil, opensMeasure: false, id: id) { return .failure(ReceiptRefusal(refused)) }
        let account = indexByKey[AccountKey(number: reference.number, currency: reference.currency)]!
        guard let freeze = accounts[account].freezeIndex(of: freezeId) else {
            return .failure(ReceiptRefusal(cannotAssist(id, .freezeNotFound, "原冻结\(freezeId)不存在或已失效")))
        }
        guard accounts[account].freezes[freeze].court == court else {
            return .failure(ReceiptRefusal(cannotAssist(id, .insufficientAuthority, "原冻结非本院所为")))
        }
        return .success((account, freeze))
    }

    /// The authority name a court's freeze is reported under.
    func authorityName(of court: CourtCode) -> WireText {
        courtNames[court] ?? (try? WireText("人民法院（\(court)）")) ?? "人民法院"
    }
}

/// A receipt that refuses a measure, carried as an error so lookups can return it.
struct ReceiptRefusal: Error {
    let receipt: ReceiptDocument
    init(_ receipt: ReceiptDocument) { self.receipt = receipt }
}
