/// The kinds of range receipt: one sealed document answering a run of items at once.
public enum RangeReceiptKind: String, WireEnumeration {
    /// 批量无账户 — "no account found" for a contiguous run of queries to every bank (R-B7, R-B8).
    case bankNoAccountFoundRange = "bank.noAccountFoundRange"
}

/// 批量无账户 — one bank's "no account found" (R-B8) for a contiguous run of queries to every bank
/// (R-B7): the hub's broadcast items `firstItemId` … `lastItemId`, and, in the same order, the
/// (court, instruction) of each.
///
/// A query goes to every bank, and nearly every bank answers it "no account found": one receipt
/// and one audit path per bank and query was most of the hub's work. One range document answers
/// hundreds of queries under one seal. It lists each instruction explicitly rather than a Merkle
/// root over them: at most ``maximumInstructions`` entries of ~60 bytes (~60 KB) is small next to
/// the per-item receipts it replaces, and a court checks its own answer by finding its
/// (court, instruction id) in the sealed list — no audit path, nothing to trust the hub for.
public struct BankNoAccountFoundRange: Hashable, Sendable, Codable, WireValidatable, KindTagged {
    /// The most queries one range answers; a longer run is answered in several ranges.
    public static let maximumInstructions = 1_000

    /// One query the range answers.
    public struct CoveredInstruction: Hashable, Sendable, Codable {
        /// 发起法院 — the court that issued the query.
        public let court: CourtCode
        /// 指令编号 — the query's id at that court.
        public let instructionId: InstructionID

        /// A query of `court`.
        public init(court: CourtCode, instructionId: InstructionID) {
            self.court = court
            self.instructionId = instructionId
        }
    }

    static let expectedKind = RangeReceiptKind.bankNoAccountFoundRange
    /// 种类 — always `bank.noAccountFoundRange`.
    public let kind: RangeReceiptKind
    /// 回执机构 — the bank's code.
    public let responder: InstitutionCode
    /// 回执时间 — when the bank had handled every query of the run (the latest of its answers).
    public let respondedAt: Timestamp
    /// The hub's item id of the first query answered, `B` and its broadcast sequence.
    public let firstItemId: String
    /// The hub's item id of the last query answered (equal to ``firstItemId`` for one query).
    public let lastItemId: String
    /// The queries answered, one per item from first to last, in order.
    public let instructions: [CoveredInstruction]

    /// A range receipt; ``validate()`` checks its rules.
    public init(
        responder: InstitutionCode, respondedAt: Timestamp, firstItemId: String, lastItemId: String,
        instructions: [CoveredInstruction]
    ) {
        self.kind = Self.expectedKind
        self.responder = responder
        self.respondedAt = respondedAt
        self.firstItemId = firstItemId
        self.lastItemId = lastItemId
        self.instructions = instructions
    }

    /// The broadcast sequence of an item id `B<n>` (n ≥ 1, no sign, no leading zero), or nil.
    public static func broadcastSequence(of itemID: String) -> Int64? {
        guard itemID.utf8.first == UInt8(ascii: "B") else { return nil }
        let digits = itemID.utf8.dropFirst()
        guard !digits.isEmpty, digits.count <= 18, digits.first != UInt8(ascii: "0"),
            digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
        else { return nil }
        return Int64(String(decoding: digits, as: UTF8.self))
    }

    /// The first and last broadcast sequence (valid once ``validate()`` passed).
    public var sequences: ClosedRange<Int64> {
        let first = Self.broadcastSequence(of: firstItemId) ?? 1
        return first...max(first, Self.broadcastSequence(of: lastItemId) ?? first)
    }

    /// The kind, the item ids (a run of 1 … ``maximumInstructions`` items), one instruction per
    /// item, and no instruction twice.
    public func validate() throws(WireError) {
        try validateKind()
        guard let first = Self.broadcastSequence(of: firstItemId) else {
            throw WireError(path: "$.firstItemId", reason: .invalidValue("\"\(firstItemId)\" is not a broadcast item id (B and a number from 1)"))
        }
        guard let last = Self.broadcastSequence(of: lastItemId) else {
            throw WireError(path: "$.lastItemId", reason: .invalidValue("\"\(lastItemId)\" is not a broadcast item id (B and a number from 1)"))
        }
        guard last >= first else {
            throw WireError(path: "$.lastItemId", reason: .invalidValue("the range ends (\(lastItemId)) before it starts (\(firstItemId))"))
        }
        guard last - first < Int64(Self.maximumInstructions) else {
            throw WireError(
                path: "$.lastItemId",
                reason: .invalidValue("a range answers at most \(Self.maximumInstructions) items; \(firstItemId) … \(lastItemId) is \(last - first + 1)"))
        }
        guard instructions.count == Int(last - first + 1) else {
            throw WireError(
                path: "$.instructions",
                reason: .invalidValue("the range \(firstItemId) … \(lastItemId) has \(last - first + 1) items; \(instructions.count) instructions are listed"))
        }
        var seen = Set<CoveredInstruction>()
        seen.reserveCapacity(instructions.count)
        for (index, instruction) in instructions.enumerated() where !seen.insert(instruction).inserted {
            throw WireError(
                path: "$.instructions[\(index)]",
                reason: .invalidValue("instruction \(instruction.instructionId) of \(instruction.court) is listed twice"))
        }
    }
}
