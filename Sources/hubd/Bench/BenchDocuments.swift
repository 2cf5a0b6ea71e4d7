import Foundation
import HubProtocol
import QueryHub

/// The instruction and receipt documents of the bench, written as court and bank systems write
/// them: the registered officer's particulars (R-B4), a ruling signed by a judge of the issuing
/// court for measures (R-A1), the court's registered special account for deducts (R-B17).
struct BenchDocuments: Sendable {
    let registry: Registry

    /// The party every instruction names (the account, not the party, is what is skewed).
    static let party = #"{"name":"张三","document":{"type":"residentID","number":"11010519491231002X"}}"#

    /// An account number of 19 digits for account `index`.
    static func accountNumber(_ index: Int) -> String {
        let digits = String(index)
        return "6222" + String(repeating: "0", count: max(0, 15 - digits.count)) + digits
    }

    /// A query of the party's accounts at every bank (R-B7).
    func query(court: CourtCode, id: String, at milliseconds: Int64) throws -> [UInt8] {
        let header = try self.header(court: court, id: id, at: milliseconds, measure: false)
        return Array(#"{"kind":"bank.query","header":\#(header),"party":\#(Self.party),"includeTransactionHistory":false}"#.utf8)
    }

    /// A freeze of 1,200.00 CNY on the account for a year (R-B10 … R-B12).
    func freeze(court: CourtCode, id: String, bank: String, account: Int, at milliseconds: Int64) throws -> [UInt8] {
        let header = try self.header(court: court, id: id, at: milliseconds, measure: true)
        let (from, to) = Self.period(at: milliseconds, days: 364)
        return Array(
            (#"{"kind":"bank.freeze","header":\#(header),"party":\#(Self.party),"account":\#(Self.account(bank, account)),"#
                + #""amountLimit":{"amount":"1200.00","currency":"CNY"},"period":{"from":"\#(from)","to":"\#(to)"},"allowLimitedFreeze":true}"#).utf8)
    }

    /// A renewal of freeze `freezeID` to 365 days from now (R-B14): after the freeze's end (364 days
    /// from its issue day, never later than today's) and within the year a renewal may reach.
    func renew(court: CourtCode, id: String, freezeID: String, bank: String, account: Int, at milliseconds: Int64) throws -> [UInt8] {
        let header = try self.header(court: court, id: id, at: milliseconds, measure: true)
        let (_, to) = Self.period(at: milliseconds, days: 365)
        return Array(
            (#"{"kind":"bank.renew","header":\#(header),"freezeInstructionId":"\#(freezeID)","account":\#(Self.account(bank, account)),"#
                + #""amountLimit":{"amount":"1200.00","currency":"CNY"},"newEndDate":"\#(to)"}"#).utf8)
    }

    /// A whole release of freeze `freezeID`.
    func unfreeze(court: CourtCode, id: String, freezeID: String, bank: String, account: Int, at milliseconds: Int64) throws -> [UInt8] {
        let header = try self.header(court: court, id: id, at: milliseconds, measure: true)
        return Array(
            #"{"kind":"bank.unfreeze","header":\#(header),"freezeInstructionId":"\#(freezeID)","account":\#(Self.account(bank, account)),"scope":"whole"}"#
                .utf8)
    }

    /// A deduct of 100.00 CNY of the frozen funds to the court's special account (R-B17).
    func deduct(court: CourtCode, id: String, freezeID: String, bank: String, account: Int, at milliseconds: Int64) throws -> [UInt8] {
        let header = try self.header(court: court, id: id, at: milliseconds, measure: true)
        guard let special = registry.contents.specialAccounts.first(where: { $0.court == court && $0.currency == .cny }) else {
            throw BenchError.invalidOption("court \(court) has no CNY special account")
        }
        let name = registry.court(court)?.name ?? court.description
        return Array(
            (#"{"kind":"bank.deduct","header":\#(header),"party":\#(Self.party),"freezeInstructionId":"\#(freezeID)","#
                + #""account":\#(Self.account(bank, account)),"amount":{"amount":"100.00","currency":"CNY"},"#
                + #""specialAccount":{"bank":"\#(special.bankCode)","number":"\#(special.accountNumber)","name":"\#(name)","currency":"CNY"},"#
                + #""convertForeignCurrency":false,"includeUnheldAvailableFunds":false}"#).utf8)
    }

    private static func account(_ bank: String, _ index: Int) -> String {
        #"{"bank":"\#(bank)","number":"\#(accountNumber(index))","currency":"CNY"}"#
    }

    /// The header with the court's registered enforcement officer; measures carry a ruling signed
    /// by the court's judge.
    private func header(court: CourtCode, id: String, at milliseconds: Int64, measure: Bool) throws -> String {
        let officerID = Registry.sampleOfficerID(court: court, role: .enforcementOfficer)
        guard let officer = registry.officer(id: officerID) else {
            throw BenchError.invalidOption("no sample officer \(officerID)")
        }
        let judge = Registry.sampleOfficerID(court: court, role: .judge)
        let issuedAt = Timestamp(millisecondsSinceEpoch: milliseconds - milliseconds % 1_000)
        let digest = String(repeating: "a", count: 64)
        var documents = [#"{"kind":"assistanceNotice","number":"（2026）\#(court)执1号协助执行通知书","sha256":"\#(digest)"}"#]
        if measure {
            documents.insert(#"{"kind":"ruling","number":"（2026）\#(court)执1号之一","sha256":"\#(digest)","signedBy":"\#(judge)"}"#, at: 0)
        }
        return #"{"instructionId":"\#(id)","court":"\#(court)","#
            + #""case":{"number":"（2026）\#(court)执1号","filingDate":"2026-01-05","amountOwed":{"amount":"500000.00","currency":"CNY"}},"#
            + #""officer":{"id":"\#(officer.id)","name":"\#(officer.name)","phone":"\#(officer.phone)","#
            + #""credentialNumber":"\#(officer.credentialNumber)","credentialScanSHA256":"\#(officer.credentialScanSHA256)"},"#
            + #""issuedAt":"\#(issuedAt)","legalDocuments":[\#(documents.joined(separator: ","))]}"#
    }

    /// The dates from the issue day to `days` later, as `YYYY-MM-DD` in China Standard Time: the
    /// hub and the banks count a freeze's days in China, so from 16:00 UTC the issue day is the
    /// next UTC day.
    static func period(at milliseconds: Int64, days: Int) -> (String, String) {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: Int(Timestamp.chinaOffsetMilliseconds / 1_000))
        formatter.dateFormat = "yyyy-MM-dd"
        let start = Date(timeIntervalSince1970: Double(milliseconds) / 1_000)
        return (formatter.string(from: start), formatter.string(from: start.addingTimeInterval(Double(days) * 86_400)))
    }

    // MARK: - Receipts

    /// The bank's receipt for an item: no account found for queries, the result for measures.
    static func receipt(kind: String, instructionID: String, bank: String, document: [UInt8], at milliseconds: Int64) -> (outcome: String, bytes: [UInt8]) {
        let time = Timestamp(millisecondsSinceEpoch: milliseconds - milliseconds % 1_000)
        let header = #"{"instructionId":"\#(instructionID)","responder":"\#(bank)","respondedAt":"\#(time)"}"#
        let fields = MeasureFields(document)
        let cny = { (amount: String) in #"{"amount":"\#(amount)","currency":"CNY"}"# }
        switch kind {
        case "bank.freeze":
            return ("done", Array((#"{"kind":"bank.freezeResult","header":\#(header),"account":\#(fields.account),"requested":\#(cny("1200.00")),"#
                + #""held":\#(cny("1200.00")),"notHeld":\#(cny("0.00")),"limited":false,"period":\#(fields.period),"queuePosition":1,"earlierFreezes":[]}"#).utf8))
        case "bank.renew":
            return ("done", Array((#"{"kind":"bank.renewResult","header":\#(header),"account":\#(fields.account),"freezeInstructionId":"\#(fields.freezeID)","#
                + #""requested":\#(cny("1200.00")),"held":\#(cny("1200.00")),"period":{"from":"\#(fields.issueDay)","to":"\#(fields.newEnd)"},"freezesBefore":[],"freezesAfter":[]}"#).utf8))
        case "bank.unfreeze":
            return ("done", Array((#"{"kind":"bank.unfreezeResult","header":\#(header),"account":\#(fields.account),"freezeInstructionId":"\#(fields.freezeID)","#
                + #""released":\#(cny("1200.00")),"remainingHeld":\#(cny("0.00"))}"#).utf8))
        case "bank.deduct":
            return ("done", Array((#"{"kind":"bank.deductResult","header":\#(header),"account":\#(fields.account),"freezeInstructionId":"\#(fields.freezeID)","#
                + #""requested":\#(cny("100.00")),"deducted":\#(cny("100.00")),"notDeducted":\#(cny("0.00")),"heldBefore":\#(cny("1200.00")),"#
                + #""remainingHeld":\#(cny("1100.00")),"specialAccount":\#(fields.specialAccount),"creditedAmount":\#(cny("100.00"))}"#).utf8))
        default:
            return ("noAccountFound", Array(#"{"kind":"bank.noAccountFound","header":\#(header)}"#.utf8))
        }
    }
}

/// The parts of a measure a bank copies into its receipt, read from the court's document.
struct MeasureFields {
    var account = "{}"
    var period = "{}"
    var freezeID = ""
    var issueDay = "2026-01-01"
    var newEnd = "2026-01-01"
    var specialAccount = "{}"

    init(_ document: [UInt8]) {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(document))) as? [String: Any] else { return }
        account = Self.json(object["account"]) ?? account
        period = Self.json(object["period"]) ?? period
        specialAccount = Self.json(object["specialAccount"]) ?? specialAccount
        freezeID = object["freezeInstructionId"] as? String ?? ""
        newEnd = object["newEndDate"] as? String ?? newEnd
        if let header = object["header"] as? [String: Any], let issued = header["issuedAt"] as? String { issueDay = String(issued.prefix(10)) }
    }

    private static func json(_ value: Any?) -> String? {
        guard let value, let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes]) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
