/// An instruction that passed every check (seal, schema, authority, route, ledger) and is ready to
/// be stored: what the core needs, independent of the document's kind.
public struct Submission: Sendable {
    /// Where the work goes.
    public enum Targets: Sendable, Equatable {
        /// A query naming no bank: one broadcast-log entry that every bank adapter reads.
        case everyBank
        /// One item per listed adapter.
        case adapters([DirectedTarget])
    }

    /// One adapter that receives the instruction, and how.
    public struct DirectedTarget: Sendable, Equatable {
        public var adapterID: String
        /// Measures on one account are serial: the (bank, account, currency) key, or nil.
        public var orderingKey: String?
        /// The route, for the record (T2T, or the P2P hops), as JSON.
        public var routeJSON: String

        public init(adapterID: String, orderingKey: String?, routeJSON: String) {
            self.adapterID = adapterID
            self.orderingKey = orderingKey
            self.routeJSON = routeJSON
        }
    }

    public var court: String
    public var instructionID: String
    public var kind: String
    public var contentHash: [UInt8]
    public var document: [UInt8]
    public var sealJSON: String
    public var targets: Targets
    /// The measure as the control ledger checks it, for a freeze, renew, unfreeze or deduct on
    /// one account; nil for what the ledger does not track (queries, police measures).
    public var ledgerInstruction: LedgerInstruction?
    /// For a `police.release`: the instruction id of the court's measure it ends (R-G6), after
    /// which the hub takes no more events of that measure. Nil for every other kind.
    public var releasedInstructionID: String?

    public init(
        court: String, instructionID: String, kind: String, contentHash: [UInt8], document: [UInt8],
        sealJSON: String, targets: Targets, ledgerInstruction: LedgerInstruction? = nil
    ) {
        precondition(!court.isEmpty && !instructionID.isEmpty && contentHash.count == 32)
        self.court = court
        self.instructionID = instructionID
        self.kind = kind
        self.contentHash = contentHash
        self.document = document
        self.sealJSON = sealJSON
        self.targets = targets
        self.ledgerInstruction = ledgerInstruction
    }
}

/// The core's answer to a submission.
public enum SubmissionOutcome: Sendable, Equatable {
    /// Stored durably now; the 202 answer (JSON) to send.
    case accepted(answerJSON: String)
    /// The same id with the same bytes was accepted before: its first answer, unchanged.
    case repeated(answerJSON: String)
    /// The same id was accepted before with other bytes (HTTP 409).
    case conflict
}

/// One item given to an adapter under a lease.
public struct LeasedItem: Sendable, Equatable {
    public var item: WorkItemID
    public var court: String
    public var instructionID: String
    public var kind: String
    /// The court's exact sealed bytes, unchanged.
    public var document: [UInt8]
    public var sealJSON: String
    public var routeJSON: String
    /// 1 for the first delivery.
    public var attempt: Int
}

/// A lease as the adapter sees it.
public struct GrantedLease: Sendable, Equatable {
    public var leaseNumber: Int64
    public var expiresAtMilliseconds: Int64
    public var items: [LeasedItem]
}
