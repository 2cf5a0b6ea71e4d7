import HubProtocol

/// Builds valid court instructions with a standard header, for scenarios, simulations and tests:
/// a case of the issuing court filed on 1 January of the issue year, one registered officer, a
/// ruling and an assistance notice (R-B7, R-B10). Every document is checked with the wire rules
/// before it is returned, so what it makes is what a court could send.
public struct CourtInstructionFactory: Sendable {
    /// The issuing court.
    public let court: CourtCode

    /// A factory for one court.
    public init(court: CourtCode) {
        self.court = court
    }

    /// A query for the party's accounts (R-B7).
    public func query(id: InstructionID, party: Party, bank: InstitutionCode?, at time: Timestamp) throws(WireError) -> InstructionDocument {
        let query = BankQuery(
            header: try header(id, at: time, documents: [.assistanceNotice]), party: party, bank: bank,
            includeTransactionHistory: false, historyPeriod: nil)
        return try checked(.bankQuery(query))
    }

    /// A freeze of `limit` on the account until `until` (R-B10 … R-B12).
    public func freeze(
        id: InstructionID, party: Party, account: AccountReference, limit: Money, until: CalendarDate, allowLimitedFreeze: Bool,
        at time: Timestamp
    ) throws(WireError) -> InstructionDocument {
        let freeze = BankFreeze(
            header: try header(id, at: time, documents: [.ruling, .assistanceNotice]), party: party, account: account,
            amountLimit: limit, period: DatePeriod(from: time.chinaDate, to: until), allowLimitedFreeze: allowLimitedFreeze)
        return try checked(.bankFreeze(freeze))
    }

    /// A renewal of the freeze `freezeId` to `newEnd`, keeping `limit` (R-B14).
    public func renew(
        id: InstructionID, freezeId: InstructionID, account: AccountReference, limit: Money, newEnd: CalendarDate, at time: Timestamp
    ) throws(WireError) -> InstructionDocument {
        let renew = BankRenew(
            header: try header(id, at: time, documents: [.ruling, .assistanceNotice]), freezeInstructionId: freezeId,
            account: account, amountLimit: limit, newEndDate: newEnd)
        return try checked(.bankRenew(renew))
    }

    /// A release of the freeze `freezeId`: wholly when `amount` is nil, else that amount.
    public func unfreeze(
        id: InstructionID, freezeId: InstructionID, account: AccountReference, amount: Money?, at time: Timestamp
    ) throws(WireError) -> InstructionDocument {
        let unfreeze = BankUnfreeze(
            header: try header(id, at: time, documents: [.ruling, .assistanceNotice]), freezeInstructionId: freezeId,
            account: account, scope: amount == nil ? .whole : .partial, amount: amount)
        return try checked(.bankUnfreeze(unfreeze))
    }

    /// A deduct of `amount` to `specialAccount` (R-B17, R-B18); `otherAssetsInsufficient` states
    /// the court's finding a pension account needs (R-P1), left out when nil.
    public func deduct(
        id: InstructionID, party: Party, freezeId: InstructionID?, account: AccountReference, amount: Money,
        specialAccount: SpecialAccount, convertForeignCurrency: Bool, includeUnheldAvailableFunds: Bool,
        otherAssetsInsufficient: Bool? = nil, at time: Timestamp
    ) throws(WireError) -> InstructionDocument {
        let deduct = BankDeduct(
            header: try header(id, at: time, documents: [.ruling, .assistanceNotice]), party: party, freezeInstructionId: freezeId,
            account: account, amount: amount, specialAccount: specialAccount, convertForeignCurrency: convertForeignCurrency,
            includeUnheldAvailableFunds: includeUnheldAvailableFunds, otherAssetsInsufficient: otherAssetsInsufficient)
        return try checked(.bankDeduct(deduct))
    }

    /// The court's CNY special account at a fixed bank, or its foreign-currency one (R-B5, R-B17).
    public func specialAccount(currency: Currency) -> SpecialAccount {
        let digits = String(SeededRandom.hash(court.description, seed: 5) % 1_000_000_000)
        let number = AccountNumber(stringLiteral: "0200" + String(repeating: "0", count: 9 - digits.count) + digits + (currency == .cny ? "888" : "801"))
        return SpecialAccount(
            bank: "C1020000000018", number: number, name: CourtInstructionFactory.name("人民法院执行款专户（\(court)）"), currency: currency)
    }

    private func header(_ id: InstructionID, at time: Timestamp, documents: [LegalDocumentKind]) throws(WireError) -> InstructionHeader {
        let year = time.chinaDate.year
        let sequence = Int(SeededRandom.hash(id.text, seed: 1) % 9_999) + 1
        let caseNumber: CaseNumber
        let filingDate: CalendarDate
        do { caseNumber = try CaseNumber(year: year, court: court, type: .enforcement, sequence: sequence) } catch {
            throw WireError(path: "$.header.case.number", reason: .invalidValue(error.description))
        }
        do { filingDate = try CalendarDate(year: year, month: 1, day: 1) } catch {
            throw WireError(path: "$.header.case.filingDate", reason: .invalidValue(error.description))
        }
        let legalDocuments = documents.map { kind in
            let suffix = kind == .ruling ? "之一" : "协助执行通知书"
            let digest = SHA256Hex(stringLiteral: SHA256Digest.hexadecimal(of: Array((id.text + kind.rawValue).utf8)))
            // A decision document names the judge who signed it (R-A1).
            return LegalDocument(
                kind: kind, number: (try? WireText(caseNumber.canonical + suffix)) ?? "文书", sha256: digest,
                signedBy: kind.requiresSigner ? "JUDGE-0001" : nil)
        }
        let officer = Officer(
            id: "OFFICER-0001", name: CourtInstructionFactory.name("李明"), phone: "010-65550123", credentialNumber: "执法证第0001号",
            credentialScanSHA256: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
        return InstructionHeader(
            instructionId: id, court: court,
            case: CaseReference(number: caseNumber, filingDate: filingDate, amountOwed: Money(minorUnits: BankLedger.maximumMinorUnits, currency: .cny)),
            officer: officer, issuedAt: time, legalDocuments: legalDocuments)
    }

    /// A name written by the programmer; an invalid one is a bug.
    static func name(_ text: String) -> PartyName {
        do { return try PartyName(text) } catch { preconditionFailure("invalid constant name \(text): \(error)") }
    }

    private func checked(_ document: InstructionDocument) throws(WireError) -> InstructionDocument {
        try document.validate()
        return document
    }
}
