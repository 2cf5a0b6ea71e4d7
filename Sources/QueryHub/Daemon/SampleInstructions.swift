import Foundation
import HubProtocol

/// Instruction documents for the sample registry, as a court system would write them: used by
/// `hubd demo` to put ready-to-submit examples on disk, and by the live tests.
public enum SampleInstructions {
    /// A query for the party's accounts at every bank (R-B7), issued by the sample enforcement
    /// officer of `court`.
    public static func queryEveryBank(
        registry: Registry, court: CourtCode, instructionID: String, issuedAtMilliseconds: Int64,
        partyName: String = "张三", residentID: String = "11010519491231002X"
    ) throws -> [UInt8] {
        let header = try self.header(
            registry: registry, court: court, instructionID: instructionID, issuedAtMilliseconds: issuedAtMilliseconds,
            legalDocuments: [#"{"kind":"assistanceNotice","number":"（2026）\#(court)执1号协助查询通知书","sha256":"\#(String(repeating: "a", count: 64))"}"#])
        return Array("""
            {"kind":"bank.query","header":\(header),\
            "party":{"name":"\(partyName)","document":{"type":"residentID","number":"\(residentID)"}},\
            "includeTransactionHistory":false}
            """.utf8)
    }

    /// The common header, with the officer's registered particulars (R-B4); by default case 1 of
    /// the court, owed 500,000.00 CNY.
    static func header(
        registry: Registry, court: CourtCode, instructionID: String, issuedAtMilliseconds: Int64, legalDocuments: [String],
        caseNumber: String? = nil, amountOwed: String = #"{"amount":"500000.00","currency":"CNY"}"#
    ) throws -> String {
        let officerID = Registry.sampleOfficerID(court: court, role: .enforcementOfficer)
        guard let officer = registry.officer(id: officerID) else {
            throw ConfigurationError(setting: "registry", reason: "no sample officer \(officerID)")
        }
        let issuedAt = Timestamp(millisecondsSinceEpoch: issuedAtMilliseconds - issuedAtMilliseconds % 1_000)
        return """
            {"instructionId":"\(instructionID)","court":"\(court)",\
            "case":{"number":"\(caseNumber ?? "（2026）\(court)执1号")","filingDate":"2026-01-05","amountOwed":\(amountOwed)},\
            "officer":{"id":"\(officer.id)","name":"\(officer.name)","phone":"\(officer.phone)",\
            "credentialNumber":"\(officer.credentialNumber)","credentialScanSHA256":"\(officer.credentialScanSHA256)"},\
            "issuedAt":"\(issuedAt)","legalDocuments":[\(legalDocuments.joined(separator: ","))]}
            """
    }
}
