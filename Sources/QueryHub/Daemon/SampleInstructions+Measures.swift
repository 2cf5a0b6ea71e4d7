import Foundation
import HubProtocol

/// The case and account a sample measure is about.
public struct SampleMeasureCase: Sendable, Equatable {
    /// The bank's registry code (`ICBC`): where the measure is routed.
    public var bank: String
    /// The account number.
    public var accountNumber: String
    /// The account's currency.
    public var currency: Currency
    /// The case's serial number within the court and year: `（2026）京0105执<n>号`.
    public var caseSerial: Int
    /// What the case is owed, a decimal string in `currency`.
    public var amountOwed: String

    /// A case and account; by default case 1 of the court, owed 500,000.00, on an ICBC account in
    /// renminbi.
    public init(
        bank: String = "ICBC", accountNumber: String = "6222020200112233445", currency: Currency = .cny,
        caseSerial: Int = 1, amountOwed: String = "500000.00"
    ) {
        precondition(caseSerial >= 1, "case serial numbers start at 1")
        self.bank = bank
        self.accountNumber = accountNumber
        self.currency = currency
        self.caseSerial = caseSerial
        self.amountOwed = amountOwed
    }
}

/// Freeze, renew, unfreeze and deduct documents as a court system would write them, with the
/// sample registry's officer (R-B4), a ruling signed by the court's judge (R-A1) and the
/// assistance notice (R-B10). Amounts are decimal strings in the case's currency; days are
/// `YYYY-MM-DD`.
extension SampleInstructions {
    /// A freeze of up to `amount` from `from` to `to` inclusive (R-B11, R-B12).
    public static func freeze(
        registry: Registry, court: CourtCode, instructionID: String, issuedAtMilliseconds: Int64,
        on measureCase: SampleMeasureCase = SampleMeasureCase(), amount: String, from: String, to: String
    ) throws -> [UInt8] {
        let header = try measureHeader(
            registry: registry, court: court, instructionID: instructionID, issuedAtMilliseconds: issuedAtMilliseconds,
            measureCase: measureCase)
        return Array("""
            {"kind":"bank.freeze","header":\(header),"party":\(party),"account":\(account(measureCase)),\
            "amountLimit":\(money(amount, measureCase)),"period":{"from":"\(from)","to":"\(to)"},"allowLimitedFreeze":true}
            """.utf8)
    }

    /// A renewal of the court's freeze `freezeID` to end on `newEnd` (R-B14).
    public static func renew(
        registry: Registry, court: CourtCode, instructionID: String, issuedAtMilliseconds: Int64,
        on measureCase: SampleMeasureCase = SampleMeasureCase(), freezeID: String, amount: String, newEnd: String
    ) throws -> [UInt8] {
        let header = try measureHeader(
            registry: registry, court: court, instructionID: instructionID, issuedAtMilliseconds: issuedAtMilliseconds,
            measureCase: measureCase)
        return Array("""
            {"kind":"bank.renew","header":\(header),"freezeInstructionId":"\(freezeID)","account":\(account(measureCase)),\
            "amountLimit":\(money(amount, measureCase)),"newEndDate":"\(newEnd)"}
            """.utf8)
    }

    /// A release of the court's freeze `freezeID`: whole when `amount` is nil, else of that much.
    public static func unfreeze(
        registry: Registry, court: CourtCode, instructionID: String, issuedAtMilliseconds: Int64,
        on measureCase: SampleMeasureCase = SampleMeasureCase(), freezeID: String, amount: String?
    ) throws -> [UInt8] {
        let header = try measureHeader(
            registry: registry, court: court, instructionID: instructionID, issuedAtMilliseconds: issuedAtMilliseconds,
            measureCase: measureCase)
        let scope = amount.map { #""scope":"partial","amount":\#(money($0, measureCase))"# } ?? #""scope":"whole""#
        return Array("""
            {"kind":"bank.unfreeze","header":\(header),"freezeInstructionId":"\(freezeID)","account":\(account(measureCase)),\
            \(scope)}
            """.utf8)
    }

    /// A deduct of `amount` from the court's freeze `freezeID` to `specialAccount` — by default
    /// the court's registered special account for the currency (R-B17, R-B18). It states whether
    /// the court found the debtor's other assets not enough, which a pension account needs (R-P1).
    public static func deduct(
        registry: Registry, court: CourtCode, instructionID: String, issuedAtMilliseconds: Int64,
        on measureCase: SampleMeasureCase = SampleMeasureCase(), freezeID: String, amount: String,
        specialAccount: SpecialAccount? = nil, otherAssetsInsufficient: Bool = false
    ) throws -> [UInt8] {
        let header = try measureHeader(
            registry: registry, court: court, instructionID: instructionID, issuedAtMilliseconds: issuedAtMilliseconds,
            measureCase: measureCase)
        let target = try specialAccount ?? registry.specialAccount(court: court, currency: measureCase.currency)
        return Array("""
            {"kind":"bank.deduct","header":\(header),"party":\(party),"freezeInstructionId":"\(freezeID)",\
            "account":\(account(measureCase)),"amount":\(money(amount, measureCase)),\
            "specialAccount":{"bank":"\(target.bankCode)","number":"\(target.accountNumber)",\
            "name":"\(target.accountName)","currency":"\(target.currency.code)"},\
            "convertForeignCurrency":false,"includeUnheldAvailableFunds":false,\
            "otherAssetsInsufficient":\(otherAssetsInsufficient)}
            """.utf8)
    }

    /// The China Standard Time calendar day of an instant, `YYYY-MM-DD`: the day a measure made
    /// then may start on.
    public static func chinaDay(ofMilliseconds milliseconds: Int64, plusDays days: Int = 0) -> String {
        LedgerDay(unixMillisecondsInChina: milliseconds).adding(days: days).description
    }

    private static let party = #"{"name":"张三","document":{"type":"residentID","number":"11010519491231002X"}}"#

    private static func account(_ measureCase: SampleMeasureCase) -> String {
        #"{"bank":"\#(measureCase.bank)","number":"\#(measureCase.accountNumber)","currency":"\#(measureCase.currency.code)"}"#
    }

    private static func money(_ amount: String, _ measureCase: SampleMeasureCase) -> String {
        #"{"amount":"\#(amount)","currency":"\#(measureCase.currency.code)"}"#
    }

    /// The header of a measure: the case, the ruling signed by the court's sample judge (R-A1)
    /// and the assistance notice (R-B10).
    private static func measureHeader(
        registry: Registry, court: CourtCode, instructionID: String, issuedAtMilliseconds: Int64,
        measureCase: SampleMeasureCase
    ) throws -> String {
        let judge = Registry.sampleOfficerID(court: court, role: .judge)
        let caseNumber = "（2026）\(court)执\(measureCase.caseSerial)号"
        let digest = String(repeating: "b", count: 64)
        let documents = [
            #"{"kind":"ruling","number":"\#(caseNumber)之一","sha256":"\#(digest)","signedBy":"\#(judge)"}"#,
            #"{"kind":"assistanceNotice","number":"\#(caseNumber)协助执行通知书","sha256":"\#(String(repeating: "c", count: 64))"}"#,
        ]
        return try header(
            registry: registry, court: court, instructionID: instructionID, issuedAtMilliseconds: issuedAtMilliseconds,
            legalDocuments: documents, caseNumber: caseNumber,
            amountOwed: money(measureCase.amountOwed, measureCase))
    }
}
