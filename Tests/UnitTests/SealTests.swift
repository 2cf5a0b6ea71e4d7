import Foundation
@testable import HubProtocol
import Testing

/// Seals (电子签章) in-process: digests, signatures, keys and the wire form. Interop with the
/// openssl CLI is in SealInteropTests.
@Suite("Seals")
struct SealTests {
    /// A ruling's text as a court would seal it (R-B10: sealed ruling naming one account and amount).
    static let ruling = Array("（2026）京0105执1234号 执行裁定书：冻结被执行人账户 6222020000000001，限额人民币 12345.67 元。".utf8)

    @Test("SM3 gives the digests of GB/T 32905's examples", arguments: [
        ("abc", "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0"),
        (String(repeating: "abcd", count: 16), "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732"),
    ])
    func sm3(message: String, digest: String) {
        #expect(hex(SM3.hash(Array(message.utf8))) == digest)
    }

    @Test("a seal is accepted by the signer's public key (R-B9)", arguments: SealAlgorithm.allCases)
    func signAndVerify(algorithm: SealAlgorithm) throws {
        let key = try SealPrivateKey.generate(algorithm)
        for document in [Self.ruling, [], [0x00, 0xff, 0x80]] {
            let seal = try Seal.sign(document, with: key, keyId: "court-110105")
            #expect(seal.algorithm == algorithm)
            #expect(seal.keyId == "court-110105")
            try Seal.verify(document, seal: seal, publicKey: key.publicKey)
        }
    }

    @Test("signature shapes: DER for SM2-SM3, 64 raw bytes for Ed25519", arguments: SealAlgorithm.allCases)
    func signatureShape(algorithm: SealAlgorithm) throws {
        let seal = try Seal.sign(Self.ruling, with: SealPrivateKey.generate(algorithm), keyId: "k")
        switch algorithm {
        case .sm2WithSM3:
            #expect(seal.signature.first == 0x30)  // DER SEQUENCE
            #expect(Int(seal.signature[1]) == seal.signature.count - 2)
            #expect((70...72).contains(seal.signature.count))
        case .ed25519:
            #expect(seal.signature.count == 64)
        }
    }

    @Test("changing the document in any way breaks the seal", arguments: SealAlgorithm.allCases)
    func tamperedDocument(algorithm: SealAlgorithm) throws {
        let key = try SealPrivateKey.generate(algorithm)
        let seal = try Seal.sign(Self.ruling, with: key, keyId: "court-110105")
        var tampered: [[UInt8]] = [Self.ruling + [0x20], Array(Self.ruling.dropLast()), []]
        for index in [0, Self.ruling.count / 2, Self.ruling.count - 1] {
            var copy = Self.ruling
            copy[index] ^= 0x01
            tampered.append(copy)
        }
        for document in tampered {
            #expect(throws: SealError.badSignature) {
                try Seal.verify(document, seal: seal, publicKey: key.publicKey)
            }
        }
    }

    @Test("a changed signature is refused", arguments: SealAlgorithm.allCases)
    func tamperedSignature(algorithm: SealAlgorithm) throws {
        let key = try SealPrivateKey.generate(algorithm)
        let seal = try Seal.sign(Self.ruling, with: key, keyId: "k")
        var signature = seal.signature
        signature[signature.count - 1] ^= 0x01  // inside s (SM2) or S (Ed25519)
        let changed = Seal(algorithm: algorithm, keyId: "k", signature: signature)
        #expect(throws: SealError.badSignature) {
            try Seal.verify(Self.ruling, seal: changed, publicKey: key.publicKey)
        }
    }

    @Test("another key of the same algorithm refuses the seal", arguments: SealAlgorithm.allCases)
    func wrongKey(algorithm: SealAlgorithm) throws {
        let signer = try SealPrivateKey.generate(algorithm)
        let other = try SealPrivateKey.generate(algorithm)
        #expect(signer.publicKey != other.publicKey)
        let seal = try Seal.sign(Self.ruling, with: signer, keyId: other.publicKey.fingerprint)
        // The key id names the other key: it is a hint, never trusted.
        #expect(throws: SealError.badSignature) {
            try Seal.verify(Self.ruling, seal: seal, publicKey: other.publicKey)
        }
        try Seal.verify(Self.ruling, seal: seal, publicKey: signer.publicKey)
    }

    @Test("a seal whose algorithm is not the key's is refused before any check")
    func wrongAlgorithm() throws {
        let sm2 = try SealPrivateKey.generate(.sm2WithSM3)
        let ed25519 = try SealPrivateKey.generate(.ed25519)
        let sm2Seal = try Seal.sign(Self.ruling, with: sm2, keyId: "k")
        #expect(throws: SealError.algorithmMismatch(sealAlgorithm: .sm2WithSM3, keyAlgorithm: .ed25519)) {
            try Seal.verify(Self.ruling, seal: sm2Seal, publicKey: ed25519.publicKey)
        }
        // An Ed25519 signature relabelled as SM2-SM3 is refused by the Ed25519 key that made it.
        let edSeal = try Seal.sign(Self.ruling, with: ed25519, keyId: "k")
        let relabelled = Seal(algorithm: .sm2WithSM3, keyId: "k", signature: edSeal.signature)
        #expect(throws: SealError.algorithmMismatch(sealAlgorithm: .sm2WithSM3, keyAlgorithm: .ed25519)) {
            try Seal.verify(Self.ruling, seal: relabelled, publicKey: ed25519.publicKey)
        }
    }

    @Test("bytes that cannot be a signature are named malformed", arguments: [
        (SealAlgorithm.ed25519, [UInt8](repeating: 7, count: 63)),
        (.ed25519, []),
        (.sm2WithSM3, []),
        (.sm2WithSM3, [UInt8](repeating: 0x41, count: 70)),
        (.sm2WithSM3, [0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01, 0x00]),  // trailing byte
        (.sm2WithSM3, [0x30, 0x80, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01, 0x00, 0x00]),  // BER length
        (.sm2WithSM3, [UInt8](repeating: 0x30, count: 129)),
    ])
    func malformedSignature(algorithm: SealAlgorithm, signature: [UInt8]) throws {
        let key = try SealPrivateKey.generate(algorithm)
        let seal = Seal(algorithm: algorithm, keyId: "k", signature: signature)
        #expect {
            try Seal.verify(Self.ruling, seal: seal, publicKey: key.publicKey)
        } throws: { error in
            guard case SealError.malformedSignature = error else { return false }
            return true
        }
    }

    @Test("keys round trip through PEM and DER", arguments: SealAlgorithm.allCases)
    func pemRoundTrip(algorithm: SealAlgorithm) throws {
        let key = try SealPrivateKey.generate(algorithm)
        let privatePEM = try key.pemRepresentation()
        #expect(privatePEM.hasPrefix("-----BEGIN PRIVATE KEY-----\n"))
        #expect(privatePEM.hasSuffix("-----END PRIVATE KEY-----\n"))
        let reread = try SealPrivateKey(pemRepresentation: privatePEM, algorithm: algorithm)
        #expect(reread.algorithm == algorithm)
        #expect(reread.publicKey == key.publicKey)
        #expect(try reread.pemRepresentation() == privatePEM)

        let publicPEM = key.publicKey.pemRepresentation
        #expect(publicPEM.hasPrefix("-----BEGIN PUBLIC KEY-----\n"))
        let publicKey = try SealPublicKey(pemRepresentation: publicPEM)
        #expect(publicKey == key.publicKey)
        #expect(publicKey.fingerprint == key.publicKey.fingerprint)
        #expect(try SealPublicKey(derRepresentation: publicKey.derRepresentation) == publicKey)

        // The re-read private key seals what the original public key accepts.
        let seal = try Seal.sign(Self.ruling, with: reread, keyId: "k")
        try Seal.verify(Self.ruling, seal: seal, publicKey: publicKey)
    }

    @Test("a fingerprint is 64 hex digits and differs between keys", arguments: SealAlgorithm.allCases)
    func fingerprint(algorithm: SealAlgorithm) throws {
        let publicKey = try SealPrivateKey.generate(algorithm).publicKey
        #expect(publicKey.fingerprint.count == 64)
        #expect(publicKey.fingerprint.allSatisfy { "0123456789abcdef".contains($0) })
        let other = try SealPrivateKey.generate(algorithm).publicKey
        #expect(publicKey.fingerprint != other.fingerprint)
        // SealInteropTests checks the value against `openssl dgst -sha256` of openssl's own DER.
    }

    @Test("garbage key text is refused with a reason", arguments: [
        "",
        "garbage",
        "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n",
        "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqBHM9VAYItBG0wawIBAQQgKHEZ6mmxlI+0MayN\n-----END PRIVATE KEY-----\n",
        String(repeating: "A", count: 20_000),
        SealTests.rsaPublicPEM,
    ])
    func garbageKeys(text: String) {
        let attempts: [() throws -> Void] = [
            { _ = try SealPrivateKey(pemRepresentation: text) },
            { _ = try SealPublicKey(pemRepresentation: text) },
        ]
        for attempt in attempts {
            #expect {
                try attempt()
            } throws: { error in
                guard case SealError.malformedKey(let reason) = error else { return false }
                return !reason.isEmpty
            }
        }
    }

    @Test("keys that are not SM2 or Ed25519 are refused, naming their type")
    func otherKeyTypes() {
        #expect(throws: SealError.malformedKey(reason: "the key is of type EC, which is neither SM2 (on the SM2 curve) nor Ed25519")) {
            try SealPrivateKey(pemRepresentation: Self.p256PrivatePEM)
        }
        #expect(throws: SealError.malformedKey(reason: "the key is of type RSA, which is neither SM2 (on the SM2 curve) nor Ed25519")) {
            try SealPublicKey(pemRepresentation: Self.rsaPublicPEM)
        }
    }

    @Test("a key of the other algorithm is refused when one is expected")
    func expectedAlgorithm() throws {
        let sm2 = try SealPrivateKey.generate(.sm2WithSM3)
        #expect(throws: SealError.malformedKey(reason: "expected a key for Ed25519, found one for SM2-SM3")) {
            try SealPrivateKey(pemRepresentation: sm2.pemRepresentation(), algorithm: .ed25519)
        }
        let ed25519 = try SealPrivateKey.generate(.ed25519)
        #expect(throws: SealError.malformedKey(reason: "expected a key for SM2-SM3, found one for Ed25519")) {
            try SealPublicKey(pemRepresentation: ed25519.publicKey.pemRepresentation, algorithm: .sm2WithSM3)
        }
    }

    @Test("encrypted private keys are refused without prompting for a password")
    func encryptedKey() {
        let encrypted = "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIGHAgEA\n-----END ENCRYPTED PRIVATE KEY-----\n"
        #expect(throws: SealError.malformedKey(reason: "the private key is encrypted; give it unencrypted (PKCS#8 \"PRIVATE KEY\")")) {
            try SealPrivateKey(pemRepresentation: encrypted)
        }
    }

    @Test("a failure leaves OpenSSL's error queue empty for the next call")
    func errorQueueDrained() throws {
        #expect(throws: SealError.self) { try SealPublicKey(pemRepresentation: "-----BEGIN PUBLIC KEY-----\nAA==\n-----END PUBLIC KEY-----\n") }
        #expect(OpenSSLErrorQueue.isEmpty)
        let key = try SealPrivateKey.generate(.sm2WithSM3)
        let seal = try Seal.sign(Self.ruling, with: key, keyId: "k")
        #expect(throws: SealError.badSignature) { try Seal.verify([1, 2, 3], seal: seal, publicKey: key.publicKey) }
        #expect(OpenSSLErrorQueue.isEmpty)
    }

    @Test("one key seals and verifies from many tasks at once", arguments: SealAlgorithm.allCases)
    func concurrentUse(algorithm: SealAlgorithm) async throws {
        let key = try SealPrivateKey.generate(algorithm)
        let taskCount = 8
        let sealsPerTask = 16
        let verified = try await withThrowingTaskGroup(of: Int.self) { group in
            for task in 0..<taskCount {
                group.addTask {
                    for index in 0..<sealsPerTask {
                        let document = Self.ruling + [UInt8(task), UInt8(index)]
                        let seal = try Seal.sign(document, with: key, keyId: "k")
                        try Seal.verify(document, seal: seal, publicKey: key.publicKey)
                        #expect(throws: SealError.badSignature) {
                            try Seal.verify(Self.ruling, seal: seal, publicKey: key.publicKey)
                        }
                    }
                    return sealsPerTask
                }
            }
            return try await group.reduce(0, +)
        }
        #expect(verified == taskCount * sealsPerTask)
    }

    @Test("a private key's description shows its fingerprint, never the secret", arguments: SealAlgorithm.allCases)
    func privateKeyDescription(algorithm: SealAlgorithm) throws {
        let key = try SealPrivateKey.generate(algorithm)
        let secretLines = try key.pemRepresentation().split(separator: "\n").filter { !$0.hasPrefix("-----") }
        for text in [String(describing: key), String(reflecting: key)] {
            #expect(text.contains(key.publicKey.fingerprint))
            for line in secretLines { #expect(!text.contains(line)) }
        }
    }
}

// MARK: - Wire form

extension SealTests {
    @Test("a seal is JSON with algorithm, keyId and base64 signature")
    func sealJSON() throws {
        let key = try SealPrivateKey.generate(.sm2WithSM3)
        let seal = try Seal.sign(Self.ruling, with: key, keyId: "court-110105")
        let json = try JSONEncoder().encode(seal)
        let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: String])
        #expect(object == [
            "algorithm": "SM2-SM3",
            "keyId": "court-110105",
            "signature": Data(seal.signature).base64EncodedString(),
        ])
        #expect(try JSONDecoder().decode(Seal.self, from: json) == seal)
    }

    @Test("a sealed document carries its exact bytes and still verifies after the wire")
    func sealedDocumentJSON() throws {
        let key = try SealPrivateKey.generate(.ed25519)
        let bytes: [UInt8] = Self.ruling + [0x00, 0xff, 0xfe, 0x0d, 0x0a]  // not UTF-8: must survive
        let sealed = try SealedDocument.seal(bytes, with: key, keyId: "court-110105")
        let json = try JSONEncoder().encode(sealed)
        let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        #expect(object["document"] as? String == Data(bytes).base64EncodedString())
        let decoded = try JSONDecoder().decode(SealedDocument.self, from: json)
        #expect(decoded.document == bytes)
        #expect(decoded == sealed)
        try decoded.verify(with: key.publicKey)
    }

    @Test("bad seal JSON is refused", arguments: [
        #"{"algorithm":"RSA-SHA256","keyId":"k","signature":"QQ=="}"#,
        #"{"algorithm":"sm2-sm3","keyId":"k","signature":"QQ=="}"#,
        #"{"algorithm":"Ed25519","keyId":"","signature":"QQ=="}"#,
        #"{"algorithm":"Ed25519","keyId":"a\nb","signature":"QQ=="}"#,
        #"{"algorithm":"Ed25519","keyId":"k","signature":""}"#,
        #"{"algorithm":"Ed25519","keyId":"k","signature":"not base64!"}"#,
        #"{"algorithm":"Ed25519","keyId":"k","signature":"QR=="}"#,
        #"{"algorithm":"Ed25519","keyId":"k","signature":"QQ"}"#,
        #"{"algorithm":"Ed25519","keyId":"k","signature":" QQ=="}"#,
        #"{"algorithm":"Ed25519","keyId":"k"}"#,
        #"{"algorithm":"Ed25519","signature":"QQ=="}"#,
    ])
    func badSealJSON(json: String) {
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Seal.self, from: Data(json.utf8)) }
    }

    @Test("signatures and key ids beyond the limits are refused on the wire")
    func wireLimits() throws {
        let longSignature = Data(repeating: 1, count: Seal.maximumSignatureBytes + 1).base64EncodedString()
        let longKeyId = String(repeating: "k", count: Seal.maximumKeyIdBytes + 1)
        for json in [
            #"{"algorithm":"Ed25519","keyId":"k","signature":"\#(longSignature)"}"#,
            #"{"algorithm":"Ed25519","keyId":"\#(longKeyId)","signature":"QQ=="}"#,
        ] {
            #expect(throws: DecodingError.self) { try JSONDecoder().decode(Seal.self, from: Data(json.utf8)) }
        }
        let largest = String(repeating: "k", count: Seal.maximumKeyIdBytes)
        let accepted = #"{"algorithm":"Ed25519","keyId":"\#(largest)","signature":"QQ=="}"#
        #expect(try JSONDecoder().decode(Seal.self, from: Data(accepted.utf8)).keyId == largest)
    }
}

// MARK: - Fixtures

extension SealTests {
    /// A P-256 key from `openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256`.
    static let p256PrivatePEM = """
        -----BEGIN PRIVATE KEY-----
        MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgvHXgDhc3nYip//Uf
        a1EOHKnmdJe2pghnvob9zbQ1NjKhRANCAARQv+JbnmaVjdYAF7kIlX1+Sqw5M6EA
        0gvcTmxhp8V9gEDQGx2WltFhKLMx68knhqiFOPAs6RN31ZthrIUPQyos
        -----END PRIVATE KEY-----

        """

    /// An RSA-1024 public key from `openssl genpkey -algorithm RSA | openssl pkey -pubout`.
    static let rsaPublicPEM = """
        -----BEGIN PUBLIC KEY-----
        MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDJwX4zxCwW2g03d++u0qNNFFJw
        iYJen1MJCTYcabe9slaKGszoICt1hgO7gpHhnioMVeLO2neQrSo3/XJwwiL6dXpI
        2h7s/3NwbeGBpjdln8UVJhan3bJdnjr7W62oURug26KQrBXIt7GoqnkEMfvQmZfg
        8YJLe/NaEVTQqUCQ4wIDAQAB
        -----END PUBLIC KEY-----

        """
}

/// Lower-case hex of the bytes.
private func hex(_ bytes: [UInt8]) -> String {
    bytes.map { byte in (byte < 16 ? "0" : "") + String(byte, radix: 16) }.joined()
}
