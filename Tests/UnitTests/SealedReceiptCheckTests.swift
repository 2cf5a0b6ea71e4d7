import Foundation
import HubProtocol
import QueryHub
import Testing

@Suite("The hub's check of sealed receipts")
struct SealedReceiptCheckTests {
    static func receipt(_ instructionID: String) -> [UInt8] {
        Array(#"{"kind":"bank.noAccountFound","header":{"instructionId":"\#(instructionID)","responder":"ICBC","respondedAt":"2026-12-01T09:30:41Z"}}"#.utf8)
    }

    @Test("R-B9: one batch seal over many receipts costs one signature check; each receipt's own path is still checked")
    func oneSignaturePerBatch() async throws {
        let key = try SealPrivateKey.generate(.ed25519)
        let registry = try Registry.sample(sealKeys: [.bank(code: "ICBC"): key.publicKey])
        let check = SealedReceiptCheck(registry: registry, clock: { Registry.sampleKeysValidFromUnixMilliseconds + 1_000 })
        let receipts = (1...5).map { Self.receipt("Q-\($0)") }
        let seals = try BatchSeal.seal(receipts, with: key, keyId: Registry.sampleSealKeyID(for: .bank(code: "ICBC")))
        let encoder = JSONEncoder()
        for (index, (receipt, seal)) in zip(receipts, seals).enumerated() {
            _ = try await check.check(
                receipt: receipt, sealJSON: String(decoding: try encoder.encode(seal), as: UTF8.self), outcome: "noAccountFound",
                item: .broadcast(sequence: Int64(index + 1)), adapterID: "bank:ICBC", court: "京0105", instructionID: "Q-\(index + 1)")
        }
        #expect(check.signatureVerifications == 1)
        // A receipt swapped under another's proof is refused even though the root is cached.
        await #expect(throws: ProblemError.self) {
            _ = try await check.check(
                receipt: Self.receipt("Q-9"), sealJSON: String(decoding: try encoder.encode(seals[0]), as: UTF8.self),
                outcome: "noAccountFound", item: .broadcast(sequence: 9), adapterID: "bank:ICBC", court: "京0105", instructionID: "Q-9")
        }
    }
}
