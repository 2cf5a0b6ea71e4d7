import Crypto

/// One seal over a batch of receipts: the adapter signs the root of a Merkle tree (RFC 6962
/// hashing) over the receipts' exact bytes, and each receipt carries its own audit path. A court
/// verifies its own receipt against the root and the seal without seeing any other court's.
public struct BatchSeal: Sendable, Hashable, Codable {
    /// The most receipts one seal covers.
    public static let maximumLeafCount = 65_536

    /// The adapter's seal over the 32-byte Merkle root.
    public let seal: Seal
    /// This receipt's position among the batch's receipts.
    public let leafIndex: Int
    /// How many receipts the seal covers.
    public let leafCount: Int
    /// The sibling hashes from this receipt's leaf up to the root.
    public let auditPath: [[UInt8]]

    public init(seal: Seal, leafIndex: Int, leafCount: Int, auditPath: [[UInt8]]) {
        self.seal = seal
        self.leafIndex = leafIndex
        self.leafCount = leafCount
        self.auditPath = auditPath
    }

    /// Seals `receipts` with one signature: returns one ``BatchSeal`` per receipt, in order.
    public static func seal(_ receipts: [[UInt8]], with key: SealPrivateKey, keyId: String) throws(SealError) -> [BatchSeal] {
        precondition(!receipts.isEmpty && receipts.count <= maximumLeafCount, "a batch seals 1…\(maximumLeafCount) receipts")
        let leaves = receipts.map(MerkleTree.leafHash)
        let (root, paths) = MerkleTree.rootAndPaths(leaves[...])
        let seal = try Seal.sign(root, with: key, keyId: keyId)
        return leaves.indices.map { index in
            BatchSeal(seal: seal, leafIndex: index, leafCount: leaves.count, auditPath: paths[index])
        }
    }

    /// The Merkle root this receipt and its audit path lead to.
    public func root(of receipt: [UInt8]) throws(SealError) -> [UInt8] {
        guard leafCount >= 1, leafCount <= BatchSeal.maximumLeafCount, leafIndex >= 0, leafIndex < leafCount,
            auditPath.count <= 17, auditPath.allSatisfy({ $0.count == 32 })
        else { throw .malformedSignature(reason: "the batch proof's index, count or path is not well formed") }
        guard let root = MerkleTree.rootFromPath(
            leaf: MerkleTree.leafHash(receipt), index: leafIndex, count: leafCount, path: auditPath)
        else { throw .malformedSignature(reason: "the audit path does not fit the batch size") }
        return root
    }

    /// Returns when `receipt` is covered by this batch seal made with `publicKey`; throws why not.
    public func verify(_ receipt: [UInt8], publicKey: SealPublicKey) throws(SealError) {
        try Seal.verify(try root(of: receipt), seal: seal, publicKey: publicKey)
    }
}

/// RFC 6962 Merkle tree hashing: leaves hashed with a 0x00 prefix, nodes with 0x01, split at the
/// largest power of two below the count (so that no two trees share a root).
enum MerkleTree {
    static func leafHash(_ bytes: [UInt8]) -> [UInt8] { Array(SHA256.hash(data: [0] + bytes)) }

    static func nodeHash(_ left: [UInt8], _ right: [UInt8]) -> [UInt8] { Array(SHA256.hash(data: [1] + left + right)) }

    static func split(_ count: Int) -> Int {
        precondition(count >= 2)
        var power = 1
        while power * 2 < count { power *= 2 }
        return power
    }

    /// The root and every leaf's audit path in one pass (each subtree's root computed once), so
    /// sealing a batch costs O(n log n) hashes, not O(n²).
    static func rootAndPaths(_ leaves: ArraySlice<[UInt8]>) -> (root: [UInt8], paths: [[[UInt8]]]) {
        precondition(!leaves.isEmpty)
        if leaves.count == 1 { return (leaves.first!, [[]]) }
        let middle = leaves.startIndex + split(leaves.count)
        let left = rootAndPaths(leaves[..<middle])
        let right = rootAndPaths(leaves[middle...])
        return (nodeHash(left.root, right.root), left.paths.map { $0 + [right.root] } + right.paths.map { $0 + [left.root] })
    }

    /// Recomputes the root from a leaf and its audit path; nil when the path's length does not fit.
    static func rootFromPath(leaf: [UInt8], index: Int, count: Int, path: [[UInt8]]) -> [UInt8]? {
        if count == 1 { return path.isEmpty ? leaf : nil }
        guard let sibling = path.last else { return nil }
        let half = split(count)
        let rest = Array(path.dropLast())
        if index < half {
            guard let left = rootFromPath(leaf: leaf, index: index, count: half, path: rest) else { return nil }
            return nodeHash(left, sibling)
        }
        guard let right = rootFromPath(leaf: leaf, index: index - half, count: count - half, path: rest) else { return nil }
        return nodeHash(sibling, right)
    }
}

extension BatchSeal {
    private enum CodingKeys: String, CodingKey { case seal, leafIndex, leafCount, auditPath }

    /// The audit path travels as lower-case hex strings.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        seal = try container.decode(Seal.self, forKey: .seal)
        leafIndex = try container.decode(Int.self, forKey: .leafIndex)
        leafCount = try container.decode(Int.self, forKey: .leafCount)
        let hexPath = try container.decode([String].self, forKey: .auditPath)
        auditPath = try hexPath.map { text in
            guard let bytes = Hexadecimal.bytes(text), bytes.count == 32 else {
                throw DecodingError.dataCorruptedError(
                    forKey: .auditPath, in: container, debugDescription: "\"\(text)\" is not a 32-byte hex hash")
            }
            return bytes
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(seal, forKey: .seal)
        try container.encode(leafIndex, forKey: .leafIndex)
        try container.encode(leafCount, forKey: .leafCount)
        try container.encode(auditPath.map(Hexadecimal.text), forKey: .auditPath)
    }
}

/// Lower-case hexadecimal.
enum Hexadecimal {
    static func text(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            result.append(digits[Int(byte >> 4)])
            result.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: result, as: UTF8.self)
    }

    static func bytes(_ text: String) -> [UInt8]? {
        let utf8 = Array(text.utf8)
        guard utf8.count % 2 == 0 else { return nil }
        var result: [UInt8] = []
        result.reserveCapacity(utf8.count / 2)
        func value(_ character: UInt8) -> UInt8? {
            switch character {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return character - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): return character - UInt8(ascii: "a") + 10
            default: return nil
            }
        }
        var index = 0
        while index < utf8.count {
            guard let high = value(utf8[index]), let low = value(utf8[index + 1]) else { return nil }
            result.append(high << 4 | low)
            index += 2
        }
        return result
    }
}
