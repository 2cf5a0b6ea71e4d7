/// The party a measure is against (当事人, usually the debtor 被执行人): a name and a typed
/// identity document (R-B7: name, document type and number, or credit / organisation code).
public struct Party: Hashable, Sendable, Codable {
    /// 姓名或名称 — the person's or organisation's name, normalised.
    public let name: PartyName
    /// 证件 — the identity document: `{"type": "residentID", "number": "11010519491231002X"}`.
    public let document: IdentityDocument

    /// A party from its name and document.
    public init(name: PartyName, document: IdentityDocument) {
        self.name = name
        self.document = document
    }
}

/// The case a measure belongs to (案件).
public struct CaseReference: Hashable, Sendable, Codable {
    /// 案号 — the case number, `（2026）京0105执1234号`.
    public let number: CaseNumber
    /// 立案日期 — the day the case was filed.
    public let filingDate: CalendarDate
    /// 执行标的金额 — what the debtor owes under the case; no measure may hold or take more.
    public let amountOwed: Money

    /// A case reference.
    public init(number: CaseNumber, filingDate: CalendarDate, amountOwed: Money) {
        self.number = number
        self.filingDate = filingDate
        self.amountOwed = amountOwed
    }

    func validate(at path: String) throws(WireError) {
        try WireRules.requirePositive(amountOwed, at: path + ".amountOwed")
        guard filingDate.year == number.year else {
            throw WireError(path: path + ".filingDate", reason: .invalidValue("the case number is of \(number.year), the filing date of \(filingDate.year)"))
        }
    }
}

/// The court officer who issues the measure (执行人员), with the credentials the bank sees (R-B4).
public struct Officer: Hashable, Sendable, Codable {
    /// 执行人员编号 — the officer's id in the court's registry of officers.
    public let id: OfficerID
    /// 姓名 — the officer's name.
    public let name: PartyName
    /// 联系电话 — the officer's telephone number.
    public let phone: PhoneNumber
    /// 执行公务证号 — the number of the officer's official credential (执行公务证 or 工作证).
    public let credentialNumber: WireText
    /// 证件扫描件摘要 — SHA-256 of the registered scan of that credential.
    public let credentialScanSHA256: SHA256Hex

    /// An officer.
    public init(id: OfficerID, name: PartyName, phone: PhoneNumber, credentialNumber: WireText, credentialScanSHA256: SHA256Hex) {
        self.id = id
        self.name = name
        self.phone = phone
        self.credentialNumber = credentialNumber
        self.credentialScanSHA256 = credentialScanSHA256
    }
}

/// The kind of a sealed legal document attached to an instruction (法律文书种类).
public enum LegalDocumentKind: String, WireEnumeration {
    /// 裁定书 — the court's ruling (to freeze, deduct, …), signed by a judge.
    case ruling
    /// 协助执行通知书 — the notice asking the bank or police to assist.
    case assistanceNotice
    /// 协助查询通知书 / 查询清单 — the notice with the query list (R-B7).
    case queryNotice
    /// 委托执行函 — the letter delegating a matter to another court (R-D2).
    case delegationLetter
    /// 拘留决定书 — the decision to detain, for locating a person (R-G5).
    case detentionDecision
    /// 限制出境决定书 — the decision restricting exit (R-G3).
    case exitRestrictionDecision
    /// 解除通知书 — the notice releasing a measure (R-G6).
    case releaseNotice
    /// 执行依据 — the judgment or other basis document (R-D5).
    case basisDocument
}

/// A sealed legal document that travels with an instruction (R-B4, R-B10): the hash binds the
/// document's bytes, sent beside the instruction.
public struct LegalDocument: Hashable, Sendable, Codable {
    /// 文书种类 — what the document is.
    public let kind: LegalDocumentKind
    /// 文书编号 — its number, e.g. `（2026）京0105执1234号之一`.
    public let number: WireText
    /// 文书摘要 — SHA-256 of the sealed document file.
    public let sha256: SHA256Hex

    /// A legal document reference.
    public init(kind: LegalDocumentKind, number: WireText, sha256: SHA256Hex) {
        self.kind = kind
        self.number = number
        self.sha256 = sha256
    }
}

/// One account at one bank in one currency (账户): what a freeze, renew, unfreeze or deduct names
/// (R-B10: one specific account).
public struct AccountReference: Hashable, Sendable, Codable {
    /// 开户银行 — the bank's institution code.
    public let bank: InstitutionCode
    /// 账号 — the account number.
    public let number: AccountNumber
    /// 币种 — the currency of the account (or of the sub-account of a multi-currency account).
    public let currency: Currency

    /// An account reference.
    public init(bank: InstitutionCode, number: AccountNumber, currency: Currency) {
        self.bank = bank
        self.number = number
        self.currency = currency
    }
}

/// The court's registered special account that receives deducted funds (执行款专户, R-B5, R-B17).
public struct SpecialAccount: Hashable, Sendable, Codable {
    /// 开户银行 — the bank holding the special account.
    public let bank: InstitutionCode
    /// 账号 — the special account's number.
    public let number: AccountNumber
    /// 户名 — the special account's name, e.g. `北京市朝阳区人民法院`.
    public let name: PartyName
    /// 币种 — CNY, or the currency of the court's foreign-currency special account.
    public let currency: Currency

    /// A special account.
    public init(bank: InstitutionCode, number: AccountNumber, name: PartyName, currency: Currency) {
        self.bank = bank
        self.number = number
        self.name = name
        self.currency = currency
    }
}
