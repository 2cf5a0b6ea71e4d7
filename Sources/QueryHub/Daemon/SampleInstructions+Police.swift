import HubProtocol

/// Police control measures as a court system would write them for the sample registry: the
/// sample enforcement officer (R-B4), decisions signed by the court's sample judge and a
/// detention decision approved by its president (R-A1), and the assistance notice.
extension SampleInstructions {
    /// The party of the sample police measures: 张三, who owns 京A12345 in the police scenarios.
    static let policeParty = #"{"name":"张三","document":{"type":"residentID","number":"11010519491231002X"}}"#

    /// A query of the party at the police (R-G2) with the assistance notice: `kind` is
    /// `police.identity`, `police.exitEntry` (the party as debtor, crossings included),
    /// `police.vehicles` or `police.hotelStays` (stays overlapping `from` … `to`, `YYYY-MM-DD`).
    public static func policeQuery(
        _ kind: InstructionKind, registry: Registry, court: CourtCode, instructionID: String, issuedAtMilliseconds: Int64,
        from: String = "2026-06-01", to: String = "2026-11-30"
    ) throws -> [UInt8] {
        let notice = #"{"kind":"assistanceNotice","number":"（2026）\#(court)执1号协助查询通知书","sha256":"\#(digest("a"))"}"#
        let header = try self.header(
            registry: registry, court: court, instructionID: instructionID, issuedAtMilliseconds: issuedAtMilliseconds,
            legalDocuments: [notice])
        let particulars: String
        switch kind {
        case .policeIdentity, .policeVehicles: particulars = ""
        case .policeExitEntry: particulars = #","role":"debtor","includeRecords":true"#
        case .policeHotelStays: particulars = #","period":{"from":"\#(from)","to":"\#(to)"}"#
        default: preconditionFailure("\(kind) is not a police query")
        }
        return Array(#"{"kind":"\#(kind.rawValue)","header":\#(header),"party":\#(policeParty)\#(particulars)}"#.utf8)
    }

    /// An exit restriction of the party from `from` to `to` (`YYYY-MM-DD`) with the court's
    /// requirements (R-G3): the restriction decision signed by the judge, and the assistance notice.
    public static func restrictExit(
        registry: Registry, court: CourtCode, instructionID: String, issuedAtMilliseconds: Int64, from: String, to: String,
        requirements: String = "禁止出境；发现其出境时予以阻止并通知执行法官"
    ) throws -> [UInt8] {
        let judge = Registry.sampleOfficerID(court: court, role: .judge)
        let header = try policeHeader(
            registry: registry, court: court, instructionID: instructionID, issuedAtMilliseconds: issuedAtMilliseconds,
            decision: #"{"kind":"exitRestrictionDecision","number":"（2026）\#(court)执1号限制出境决定书","sha256":"\#(digest("b"))","signedBy":"\#(judge)"}"#)
        return Array("""
            {"kind":"police.restrictExit","header":\(header),"party":\(policeParty),\
            "period":{"from":"\(from)","to":"\(to)"},"requirements":"\(requirements)"}
            """.utf8)
    }

    /// A seizure of the party's vehicle by plate and/or VIN (R-G4): the ruling and the assistance notice.
    public static func seizeVehicle(
        registry: Registry, court: CourtCode, instructionID: String, issuedAtMilliseconds: Int64,
        plateNumber: String? = "京A12345", vin: String? = nil
    ) throws -> [UInt8] {
        precondition(plateNumber != nil || vin != nil, "a seizure names the vehicle")
        let judge = Registry.sampleOfficerID(court: court, role: .judge)
        let header = try policeHeader(
            registry: registry, court: court, instructionID: instructionID, issuedAtMilliseconds: issuedAtMilliseconds,
            decision: #"{"kind":"ruling","number":"（2026）\#(court)执1号之二","sha256":"\#(digest("d"))","signedBy":"\#(judge)"}"#)
        let vehicle = [plateNumber.map { #""plateNumber":"\#($0)""# }, vin.map { #""vin":"\#($0)""# }].compactMap { $0 }
        return Array(#"{"kind":"police.seizeVehicle","header":\#(header),"party":\#(policeParty),\#(vehicle.joined(separator: ","))}"#.utf8)
    }

    /// A request to locate the party (R-G5): the detention decision, signed by the judge and
    /// approved by the president, and the assistance notice.
    public static func locatePerson(
        registry: Registry, court: CourtCode, instructionID: String, issuedAtMilliseconds: Int64,
        lastKnownAddress: String = "北京市朝阳区建国路88号"
    ) throws -> [UInt8] {
        let judge = Registry.sampleOfficerID(court: court, role: .judge)
        let president = Registry.sampleOfficerID(court: court, role: .president)
        let header = try policeHeader(
            registry: registry, court: court, instructionID: instructionID, issuedAtMilliseconds: issuedAtMilliseconds,
            decision: """
                {"kind":"detentionDecision","number":"（2026）\(court)司惩1号","sha256":"\(digest("e"))",\
                "signedBy":"\(judge)","approvedBy":"\(president)"}
                """)
        return Array("""
            {"kind":"police.locatePerson","header":\(header),"party":\(policeParty),"lastKnownAddress":"\(lastKnownAddress)"}
            """.utf8)
    }

    /// The release of the court's measure `releasedID` of kind `releasedKind` (R-G6): the release
    /// notice signed by the judge.
    public static func releasePoliceMeasure(
        registry: Registry, court: CourtCode, instructionID: String, issuedAtMilliseconds: Int64, releasedID: String,
        releasedKind: String
    ) throws -> [UInt8] {
        let judge = Registry.sampleOfficerID(court: court, role: .judge)
        let header = try self.header(
            registry: registry, court: court, instructionID: instructionID, issuedAtMilliseconds: issuedAtMilliseconds,
            legalDocuments: [#"{"kind":"releaseNotice","number":"（2026）\#(court)执1号解除通知书","sha256":"\#(digest("f"))","signedBy":"\#(judge)"}"#])
        return Array("""
            {"kind":"police.release","header":\(header),"party":\(policeParty),\
            "releasedInstructionId":"\(releasedID)","releasedKind":"\(releasedKind)"}
            """.utf8)
    }

    private static func policeHeader(
        registry: Registry, court: CourtCode, instructionID: String, issuedAtMilliseconds: Int64, decision: String
    ) throws -> String {
        let notice = #"{"kind":"assistanceNotice","number":"（2026）\#(court)执1号协助执行通知书","sha256":"\#(digest("c"))"}"#
        return try header(
            registry: registry, court: court, instructionID: instructionID, issuedAtMilliseconds: issuedAtMilliseconds,
            legalDocuments: [decision, notice])
    }

    /// A stand-in SHA-256 of an attached document: 64 of one hex digit.
    private static func digest(_ digit: Character) -> String { String(repeating: digit, count: 64) }
}
