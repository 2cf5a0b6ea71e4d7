/// 出入境信息 — travel documents and (for debtors) crossings (R-G2). Empty lists mean none.
public struct PoliceExitEntryResult: Hashable, Sendable, Codable, WireValidatable, KindTagged {
    static let expectedKind = ReceiptKind.policeExitEntryResult
    /// 种类 — always `police.exitEntryResult`.
    public let kind: ReceiptKind
    /// 回执头 — instruction id, police office, time.
    public let header: ReceiptHeader
    /// 出入境证件 — travel documents.
    public let documents: [TravelDocumentRecord]
    /// 出入境记录 — crossings, oldest first.
    public let records: [ExitEntryRecord]

    /// An exit-entry result.
    public init(header: ReceiptHeader, documents: [TravelDocumentRecord], records: [ExitEntryRecord]) {
        self.kind = Self.expectedKind
        self.header = header
        self.documents = documents
        self.records = records
    }

    /// Documents valid before they expire; records in time order; bounded lists.
    public func validate() throws(WireError) {
        try validateKind()
        try WireRules.requireCount(documents, atMost: 100, at: "$.documents")
        try WireRules.requireCount(records, atMost: 10_000, at: "$.records")
        for (index, document) in documents.enumerated() where document.expiresOn < document.issuedOn {
            throw WireError(path: "$.documents[\(index)].expiresOn", reason: .invalidValue("expires before it was issued"))
        }
        for index in records.indices.dropFirst() where records[index].time < records[index - 1].time {
            throw WireError(path: "$.records[\(index)].time", reason: .invalidValue("records are listed oldest first"))
        }
    }
}
