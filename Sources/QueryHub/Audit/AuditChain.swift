import Crypto

/// The append-only, hash-chained audit log (R-G9, R-E7): each entry carries the SHA-256 of the one
/// before it, so changing, removing or reordering any past entry breaks every later link.
public struct AuditChain: Sendable {
    /// The hash before the first entry.
    public static let genesisHash = String(repeating: "0", count: 64)

    /// The sequence of the last entry appended (0 before the first).
    public private(set) var lastSequence: Int64
    /// The hash of the last entry appended.
    public private(set) var lastHash: String

    /// A chain that continues after `last` (nil for an empty log).
    public init(continuingAfter last: AuditEntry?) {
        lastSequence = last?.sequence ?? 0
        lastHash = last?.hash ?? AuditChain.genesisHash
    }

    /// Makes the next entry, linked to the last one.
    public mutating func append(
        atMilliseconds: Int64, principal: String, certificateFingerprint: String, clientAddress: String,
        action: String, outcome: String, instructionID: String?, detail: String
    ) -> AuditEntry {
        var entry = AuditEntry(
            sequence: lastSequence + 1, atMilliseconds: atMilliseconds, principal: principal,
            certificateFingerprint: certificateFingerprint, clientAddress: clientAddress, action: action,
            outcome: outcome, instructionID: instructionID, detail: detail, previousHash: lastHash, hash: "")
        entry.hash = AuditChain.hash(of: entry)
        lastSequence = entry.sequence
        lastHash = entry.hash
        return entry
    }

    /// The hash of an entry: SHA-256 over its fields, each length-prefixed so that no two
    /// different entries can encode to the same bytes.
    public static func hash(of entry: AuditEntry) -> String {
        var bytes: [UInt8] = []
        func field(_ text: String) {
            let utf8 = Array(text.utf8)
            bytes += withUnsafeBytes(of: UInt32(utf8.count).bigEndian, Array.init)
            bytes += utf8
        }
        field(String(entry.sequence))
        field(String(entry.atMilliseconds))
        field(entry.principal)
        field(entry.certificateFingerprint)
        field(entry.clientAddress)
        field(entry.action)
        field(entry.outcome)
        field(entry.instructionID ?? "")
        field(entry.detail)
        field(entry.previousHash)
        return SHA256.hash(data: bytes).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// Why a chain does not verify: the first broken link.
    public enum Break: Equatable, Sendable, CustomStringConvertible {
        case sequenceGap(expected: Int64, found: Int64)
        case previousHashMismatch(sequence: Int64)
        case hashMismatch(sequence: Int64)

        public var description: String {
            switch self {
            case .sequenceGap(let expected, let found):
                return "entry \(found) found where \(expected) was expected: entries are missing"
            case .previousHashMismatch(let sequence):
                return "entry \(sequence) does not link to the entry before it"
            case .hashMismatch(let sequence):
                return "entry \(sequence) was changed after it was written"
            }
        }
    }

    /// Checks a run of entries that continues a chain verified up to `after` (nil from the start).
    /// Returns the first broken link, or nil when every link holds.
    public static func firstBreak(in entries: [AuditEntry], after: AuditEntry?) -> Break? {
        var expectedSequence = (after?.sequence ?? 0) + 1
        var previousHash = after?.hash ?? genesisHash
        for entry in entries {
            if entry.sequence != expectedSequence {
                return .sequenceGap(expected: expectedSequence, found: entry.sequence)
            }
            if entry.previousHash != previousHash { return .previousHashMismatch(sequence: entry.sequence) }
            if hash(of: entry) != entry.hash { return .hashMismatch(sequence: entry.sequence) }
            expectedSequence += 1
            previousHash = entry.hash
        }
        return nil
    }
}
