import Foundation
import Synchronization
import HubProtocol

/// The hub's check of an adapter's receipt before it is stored: the adapter's registered seal key
/// over the receipt (directly or through a batch seal, R-B9), strict decoding and the protocol's
/// rules (R-B8, R-B11–R-B21), and that the stated outcome matches the receipt's kind.
public struct SealedReceiptCheck: ReceiptCheck {
    public let registry: Registry
    public let clock: @Sendable () -> Int64
    /// Batch roots whose signature was already verified: a post of 500 receipts under one batch
    /// seal costs one signature verification, not 500 (the profile in BENCHMARKS.md).
    let verifiedRoots: VerifiedRootCache

    public init(registry: Registry, clock: @escaping @Sendable () -> Int64) {
        self.registry = registry
        self.clock = clock
        self.verifiedRoots = VerifiedRootCache(capacity: 4_096)
    }

    /// How many signatures this check verified (cache misses), for tests and metrics.
    public var signatureVerifications: Int { verifiedRoots.misses }

    /// The outcome a receipt kind implies.
    public static func outcome(of kind: ReceiptKind) -> String { kind.outcome }

    public func check(
        receipt: [UInt8], sealJSON: String, outcome: String, item: WorkItemID, adapterID: String, court: String,
        instructionID: String
    ) async throws -> ReceiptVerdict {
        _ = try verifiedDocument(
            receipt: receipt, sealJSON: sealJSON, outcome: outcome, item: item, adapterID: adapterID,
            instructionID: instructionID)
        return ReceiptVerdict()
    }

    /// The receipt, decoded, once its seal, rules, instruction and outcome are checked.
    public func verifiedDocument(
        receipt: [UInt8], sealJSON: String, outcome: String, item: WorkItemID, adapterID: String, instructionID: String
    ) throws -> ReceiptDocument {
        let document = try verifiedReceipt(
            receipt: receipt, sealJSON: sealJSON, adapterID: adapterID, instructionID: instructionID, subject: "item \(item)",
            fields: (seal: "seal", receipt: "receipt"))
        let implied = SealedReceiptCheck.outcome(of: document.kind)
        guard outcome == implied else {
            throw ProblemError(.malformed, "item \(item): a \(document.kind.rawValue) receipt has outcome \(implied), not \(outcome)",
                               field: "outcome")
        }
        return document
    }

    /// A later police event (R-G4, R-G5), decoded, once its seal, rules and instruction are
    /// checked: the same checks as a receipt's, with problems naming `field` (`events[2]`).
    public func verifiedEvent(receipt: [UInt8], sealJSON: String, adapterID: String, instructionID: String, field: String) throws
        -> ReceiptDocument
    {
        try verifiedReceipt(
            receipt: receipt, sealJSON: sealJSON, adapterID: adapterID, instructionID: instructionID, subject: field,
            fields: (seal: field + ".seal", receipt: field + ".receipt"))
    }

    /// A range receipt (`bank.noAccountFoundRange`), decoded, once its seal and rules are checked;
    /// problems name `field` (`ranges[0]`). Matching its instructions against the broadcast log is
    /// the caller's (R-B7, R-B8).
    public func verifiedRange(receipt: [UInt8], sealJSON: String, adapterID: String, field: String) throws
        -> BankNoAccountFoundRange
    {
        let subject = field
        try verifySeal(receipt: receipt, sealJSON: sealJSON, adapterID: adapterID, subject: subject, sealField: field + ".seal")
        do {
            return try StrictJSONDecoder().decode(BankNoAccountFoundRange.self, from: receipt)
        } catch {
            throw ProblemError(.malformed, "\(subject): \(error.description)", field: field + ".receipt\(error.path.dropFirst())")
        }
    }

    /// The adapter's registered key over the exact bytes (directly or through a batch seal),
    /// strict decoding with the protocol's rules, and the instruction the header names.
    private func verifiedReceipt(
        receipt: [UInt8], sealJSON: String, adapterID: String, instructionID: String, subject: String,
        fields: (seal: String, receipt: String)
    ) throws -> ReceiptDocument {
        try verifySeal(receipt: receipt, sealJSON: sealJSON, adapterID: adapterID, subject: subject, sealField: fields.seal)
        let document: ReceiptDocument
        do {
            document = try StrictJSONDecoder().decode(ReceiptDocument.self, from: receipt)
        } catch {
            throw ProblemError(.malformed, "\(subject): \(error.description)", field: fields.receipt + "\(error.path.dropFirst())")
        }
        guard document.header.instructionId.description == instructionID else {
            throw ProblemError(
                .malformed, "\(subject) is about instruction \(instructionID); the receipt names \(document.header.instructionId)",
                field: fields.receipt + ".header.instructionId")
        }
        return document
    }

    /// The adapter's registered key over the exact bytes, directly or through a batch seal: the
    /// audit path every time, the signature over the root once per root.
    private func verifySeal(receipt: [UInt8], sealJSON: String, adapterID: String, subject: String, sealField: String) throws {
        let owner = try sealOwner(of: adapterID)
        let batchSeal: BatchSeal
        do {
            batchSeal = try StrictJSONDecoder().decode(BatchSeal.self, from: Array(sealJSON.utf8))
        } catch {
            throw ProblemError(.badSeal, "\(subject): the seal is not a batch seal: \(error)", field: sealField)
        }
        let record: SealKeyRecord
        do {
            record = try registry.sealKey(owner: owner, keyId: batchSeal.seal.keyId, atUnixMilliseconds: clock())
        } catch {
            throw ProblemError(.badSeal, error.description, field: sealField + ".seal.keyId")
        }
        do {
            // The audit path is checked for every receipt; the signature over the root once.
            let root = try batchSeal.root(of: receipt)
            let key = VerifiedRootCache.Key(root: root, signature: batchSeal.seal.signature, keyFingerprint: record.publicKey.fingerprint)
            if !verifiedRoots.contains(key) {
                try Seal.verify(root, seal: batchSeal.seal, publicKey: record.publicKey)
                verifiedRoots.insert(key)
            }
        } catch {
            throw ProblemError(.badSeal, "\(subject): \(error)", field: sealField)
        }
    }

    private func sealOwner(of adapterID: String) throws -> SealKeyOwner {
        do {
            switch try AdapterID(adapterID) {
            case .bankHeadOffice(let code), .bankBranch(let code, _): return .bank(code: code)
            case .police(let officeID): return .policeOffice(id: officeID)
            }
        } catch {
            throw ProblemError(.notFound, "\(adapterID) is not an adapter id: \(error)")
        }
    }
}

/// A bounded set of (Merkle root, signature, key) triples whose signature verified. Sound to
/// cache: the same triple always verifies; a different root, signature or key is a new entry.
final class VerifiedRootCache: Sendable {
    struct Key: Hashable {
        var root: [UInt8]
        var signature: [UInt8]
        var keyFingerprint: String
    }

    private struct State {
        var members: Set<Key> = []
        var order: [Key] = []
        var misses = 0
    }

    let capacity: Int
    private let state = Mutex(State())

    init(capacity: Int) {
        precondition(capacity >= 1)
        self.capacity = capacity
    }

    func contains(_ key: Key) -> Bool {
        state.withLock { state in
            if state.members.contains(key) { return true }
            state.misses += 1
            return false
        }
    }

    func insert(_ key: Key) {
        state.withLock { state in
            guard state.members.insert(key).inserted else { return }
            state.order.append(key)
            // Forget the oldest beyond the bound.
            if state.order.count > capacity {
                state.members.remove(state.order.removeFirst())
            }
        }
    }

    var misses: Int { state.withLock { $0.misses } }
}
