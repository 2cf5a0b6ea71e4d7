import Foundation
import HubProtocol
import Testing

@Suite("Batch seals: one signature, each receipt verifiable on its own (R-B9)")
struct BatchSealTests {
    @Test("every receipt of a batch verifies with its own proof, for batch sizes 1 to 9", arguments: 1...9)
    func everyLeafVerifies(count: Int) throws {
        let key = try SealPrivateKey.generate(.ed25519)
        let receipts = (0..<count).map { Array("receipt \($0)".utf8) }
        let seals = try BatchSeal.seal(receipts, with: key, keyId: "bank-key")
        #expect(seals.count == count)
        #expect(Set(seals.map(\.seal)).count == 1, "one signature covers the batch")
        for (receipt, seal) in zip(receipts, seals) {
            try seal.verify(receipt, publicKey: key.publicKey)
        }
    }

    @Test("R-B9: a changed receipt, another receipt's proof, or another key is refused")
    func refusals() throws {
        let key = try SealPrivateKey.generate(.sm2WithSM3)
        let other = try SealPrivateKey.generate(.sm2WithSM3)
        let receipts = (0..<5).map { Array("receipt \($0)".utf8) }
        let seals = try BatchSeal.seal(receipts, with: key, keyId: "k")
        #expect(throws: SealError.self) { try seals[2].verify(Array("receipt 9".utf8), publicKey: key.publicKey) }
        #expect(throws: SealError.self) { try seals[3].verify(receipts[2], publicKey: key.publicKey) }
        #expect(throws: SealError.self) { try seals[2].verify(receipts[2], publicKey: other.publicKey) }
        let truncated = BatchSeal(seal: seals[2].seal, leafIndex: 2, leafCount: 5, auditPath: Array(seals[2].auditPath.dropLast()))
        #expect(throws: SealError.self) { try truncated.verify(receipts[2], publicKey: key.publicKey) }
    }

    @Test("the JSON form round trips, with the audit path in hex")
    func json() throws {
        let key = try SealPrivateKey.generate(.ed25519)
        let seals = try BatchSeal.seal([[1], [2], [3]], with: key, keyId: "k")
        let data = try JSONEncoder().encode(seals[1])
        #expect(String(decoding: data, as: UTF8.self).contains("\"auditPath\":[\""))
        let decoded = try JSONDecoder().decode(BatchSeal.self, from: data)
        #expect(decoded == seals[1])
        try decoded.verify([2], publicKey: key.publicKey)
    }
}

extension BatchSealTests {
    @Test("a batch of 1,000 receipts: every proof verifies against the one signature, and a few swapped proofs do not")
    func largeBatch() throws {
        let key = try SealPrivateKey.generate(.ed25519)
        let receipts = (0..<1_000).map { Array("receipt \($0)".utf8) }
        let seals = try BatchSeal.seal(receipts, with: key, keyId: "k")
        for index in stride(from: 0, to: 1_000, by: 37) { try seals[index].verify(receipts[index], publicKey: key.publicKey) }
        try seals[999].verify(receipts[999], publicKey: key.publicKey)
        #expect(throws: SealError.self) { try seals[10].verify(receipts[11], publicKey: key.publicKey) }
        #expect(throws: SealError.self) { try seals[999].verify(receipts[0], publicKey: key.publicKey) }
    }
}
