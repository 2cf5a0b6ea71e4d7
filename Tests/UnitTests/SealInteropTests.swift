import Foundation
import HubProtocol
import Testing

/// Seals made here are checked by the real `openssl` binary and seals made by `openssl` are checked
/// here, both through the library and through the `hubd seal` command, so that a court or a bank
/// can verify the hub's seals with standard tools (R-B9, R-B10).
@Suite("Seal interop with openssl")
struct SealInteropTests {
    static let message = Array("（2026）京0105执1234号 协助冻结存款通知书".utf8)
    static let tamperedMessage = Array("（2026）京0105执1235号 协助冻结存款通知书".utf8)
    /// The flags that make `openssl pkeyutl` sign and verify SM2 as GB/T 32918 does.
    static let sm2Flags = ["-rawin", "-digest", "sm3", "-pkeyopt", "distid:1234567812345678"]

    @Test("openssl's SM2 signature is accepted by our verify, and refused on a changed message")
    func opensslSignsSM2() throws {
        let directory = try Workspace()
        defer { directory.remove() }
        try directory.write(Self.message, to: "msg")
        try OpenSSL.run(["genpkey", "-algorithm", "SM2", "-out", "k.pem"], in: directory)
        try OpenSSL.run(["pkey", "-in", "k.pem", "-pubout", "-out", "p.pem"], in: directory)
        try OpenSSL.run(["pkeyutl", "-sign"] + Self.sm2Flags + ["-inkey", "k.pem", "-in", "msg", "-out", "sig"], in: directory)

        let publicKey = try SealPublicKey(pemRepresentation: directory.text("p.pem"), algorithm: .sm2WithSM3)
        let seal = Seal(algorithm: .sm2WithSM3, keyId: "court", signature: try directory.bytes("sig"))
        try Seal.verify(Self.message, seal: seal, publicKey: publicKey)
        #expect(throws: SealError.badSignature) {
            try Seal.verify(Self.tamperedMessage, seal: seal, publicKey: publicKey)
        }
        // openssl's own key, read by us, gives the same public key openssl wrote.
        let privateKey = try SealPrivateKey(pemRepresentation: directory.text("k.pem"))
        #expect(privateKey.publicKey == publicKey)
        #expect(privateKey.publicKey.pemRepresentation == (try directory.text("p.pem")))
    }

    @Test("an SM2 signature with openssl's default empty id is refused: the id is part of the seal")
    func sm2EmptyIdentifierRefused() throws {
        let directory = try Workspace()
        defer { directory.remove() }
        try directory.write(Self.message, to: "msg")
        try OpenSSL.run(["genpkey", "-algorithm", "SM2", "-out", "k.pem"], in: directory)
        try OpenSSL.run(["pkey", "-in", "k.pem", "-pubout", "-out", "p.pem"], in: directory)
        try OpenSSL.run(["pkeyutl", "-sign", "-rawin", "-digest", "sm3", "-inkey", "k.pem", "-in", "msg", "-out", "sig"], in: directory)

        let publicKey = try SealPublicKey(pemRepresentation: directory.text("p.pem"))
        let seal = Seal(algorithm: .sm2WithSM3, keyId: "court", signature: try directory.bytes("sig"))
        #expect(throws: SealError.badSignature) { try Seal.verify(Self.message, seal: seal, publicKey: publicKey) }
    }

    @Test("our SM2 and Ed25519 seals are accepted by openssl pkeyutl -verify, and refused on a changed message",
          arguments: SealAlgorithm.allCases)
    func opensslVerifiesOurs(algorithm: SealAlgorithm) throws {
        let directory = try Workspace()
        defer { directory.remove() }
        let key = try SealPrivateKey.generate(algorithm)
        try directory.write(Array(key.publicKey.pemRepresentation.utf8), to: "p.pem")
        try directory.write(Self.message, to: "msg")
        try directory.write(Self.tamperedMessage, to: "tampered")
        try directory.write(Seal.sign(Self.message, with: key, keyId: "court").signature, to: "sig")

        let flags = algorithm == .sm2WithSM3 ? Self.sm2Flags : ["-rawin"]
        let verify = ["pkeyutl", "-verify"] + flags + ["-pubin", "-inkey", "p.pem", "-sigfile", "sig", "-in"]
        let accepted = try OpenSSL.run(verify + ["msg"], in: directory)
        #expect(accepted.output.contains("Signature Verified Successfully"))
        let refused = try OpenSSL.run(verify + ["tampered"], in: directory, expectSuccess: false)
        #expect(refused.status != 0)
        #expect(refused.output.contains("Signature Verification Failure"))
    }

    @Test("openssl's Ed25519 signature is accepted by our verify, and refused on a changed message")
    func opensslSignsEd25519() throws {
        let directory = try Workspace()
        defer { directory.remove() }
        try directory.write(Self.message, to: "msg")
        try OpenSSL.run(["genpkey", "-algorithm", "ed25519", "-out", "ed.pem"], in: directory)
        try OpenSSL.run(["pkey", "-in", "ed.pem", "-pubout", "-out", "p.pem"], in: directory)
        try OpenSSL.run(["pkeyutl", "-sign", "-rawin", "-inkey", "ed.pem", "-in", "msg", "-out", "sig"], in: directory)

        let publicKey = try SealPublicKey(pemRepresentation: directory.text("p.pem"), algorithm: .ed25519)
        let seal = Seal(algorithm: .ed25519, keyId: "bank", signature: try directory.bytes("sig"))
        try Seal.verify(Self.message, seal: seal, publicKey: publicKey)
        #expect(throws: SealError.badSignature) {
            try Seal.verify(Self.tamperedMessage, seal: seal, publicKey: publicKey)
        }
        // Our PEM of openssl's private key is byte for byte what openssl wrote.
        let privateKey = try SealPrivateKey(pemRepresentation: directory.text("ed.pem"))
        #expect(try privateKey.pemRepresentation() == (try directory.text("ed.pem")))
        #expect(privateKey.publicKey == publicKey)
    }

    @Test("openssl reads the keys we write and derives the same public key", arguments: SealAlgorithm.allCases)
    func opensslReadsOurKeys(algorithm: SealAlgorithm) throws {
        let directory = try Workspace()
        defer { directory.remove() }
        let key = try SealPrivateKey.generate(algorithm)
        try directory.write(Array(key.pemRepresentation().utf8), to: "k.pem")
        let derived = try OpenSSL.run(["pkey", "-in", "k.pem", "-pubout"], in: directory)
        #expect(derived.output == key.publicKey.pemRepresentation)
    }

    @Test("the fingerprint is openssl's SHA-256 of openssl's DER public key", arguments: SealAlgorithm.allCases)
    func fingerprintMatchesOpenSSL(algorithm: SealAlgorithm) throws {
        let directory = try Workspace()
        defer { directory.remove() }
        let key = try SealPrivateKey.generate(algorithm)
        try directory.write(Array(key.publicKey.pemRepresentation.utf8), to: "p.pem")
        try OpenSSL.run(["pkey", "-pubin", "-in", "p.pem", "-outform", "DER", "-out", "p.der"], in: directory)
        let digest = try OpenSSL.run(["dgst", "-sha256", "-r", "p.der"], in: directory)
        #expect(digest.output.split(separator: " ").first.map(String.init) == key.publicKey.fingerprint)
    }
}

// MARK: - The hubd command

extension SealInteropTests {
    @Test("hubd seal keygen and sign make seals openssl accepts", arguments: SealAlgorithm.allCases)
    func hubdSignsOpenSSLVerifies(algorithm: SealAlgorithm) throws {
        let directory = try Workspace()
        defer { directory.remove() }
        try directory.write(Self.message, to: "msg")
        try directory.write(Self.tamperedMessage, to: "tampered")
        let keygen = try Hubd.run(
            ["seal", "keygen", "--algorithm", algorithm.rawValue, "--out", "k.pem", "--public-out", "p.pem"],
            in: directory)
        #expect(keygen.output.hasPrefix("\(algorithm.rawValue) "))
        try Hubd.run(["seal", "sign", "--key", "k.pem", "--in", "msg", "--out", "sig"], in: directory)

        let flags = algorithm == .sm2WithSM3 ? Self.sm2Flags : ["-rawin"]
        let verify = ["pkeyutl", "-verify"] + flags + ["-pubin", "-inkey", "p.pem", "-sigfile", "sig", "-in"]
        try OpenSSL.run(verify + ["msg"], in: directory)
        let refused = try OpenSSL.run(verify + ["tampered"], in: directory, expectSuccess: false)
        #expect(refused.status != 0)
    }

    @Test("hubd seal verify accepts openssl's seal and refuses a changed file with the reason",
          arguments: SealAlgorithm.allCases)
    func opensslSignsHubdVerifies(algorithm: SealAlgorithm) throws {
        let directory = try Workspace()
        defer { directory.remove() }
        try directory.write(Self.message, to: "msg")
        try directory.write(Self.tamperedMessage, to: "tampered")
        let (keyType, flags) = algorithm == .sm2WithSM3 ? ("SM2", Self.sm2Flags) : ("ed25519", ["-rawin"])
        try OpenSSL.run(["genpkey", "-algorithm", keyType, "-out", "k.pem"], in: directory)
        try OpenSSL.run(["pkey", "-in", "k.pem", "-pubout", "-out", "p.pem"], in: directory)
        try OpenSSL.run(["pkeyutl", "-sign"] + flags + ["-inkey", "k.pem", "-in", "msg", "-out", "sig"], in: directory)

        let verify = ["seal", "verify", "--public-key", "p.pem", "--signature", "sig", "--in"]
        let accepted = try Hubd.run(verify + ["msg"], in: directory)
        #expect(accepted.output == "valid\n")
        let refused = try Hubd.run(verify + ["tampered"], in: directory, expectSuccess: false)
        #expect(refused.status != 0)
        #expect(refused.output.contains("invalid: the signature does not match the document and the public key"))
    }

    @Test("hubd seal sign --json prints a seal that verifies")
    func hubdSignJSON() throws {
        let directory = try Workspace()
        defer { directory.remove() }
        try directory.write(Self.message, to: "msg")
        try Hubd.run(["seal", "keygen", "--algorithm", "SM2-SM3", "--out", "k.pem", "--public-out", "p.pem"], in: directory)
        let signed = try Hubd.run(["seal", "sign", "--key", "k.pem", "--in", "msg", "--key-id", "court-110105", "--json"], in: directory)
        let seal = try JSONDecoder().decode(Seal.self, from: Data(signed.output.utf8))
        #expect(seal.keyId == "court-110105")
        try Seal.verify(Self.message, seal: seal, publicKey: SealPublicKey(pemRepresentation: directory.text("p.pem")))
    }

    @Test("hubd seal keygen never overwrites a key")
    func keygenRefusesOverwrite() throws {
        let directory = try Workspace()
        defer { directory.remove() }
        try directory.write(Array("precious".utf8), to: "k.pem")
        let refused = try Hubd.run(["seal", "keygen", "--algorithm", "Ed25519", "--out", "k.pem"], in: directory, expectSuccess: false)
        #expect(refused.status != 0)
        #expect(refused.output.contains("exists already"))
        #expect(try directory.text("k.pem") == "precious")
    }
}

// MARK: - Helpers

/// A fresh temporary directory for one test.
private struct Workspace {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("seal-interop-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
    }

    func write(_ bytes: [UInt8], to name: String) throws {
        try Data(bytes).write(to: url.appendingPathComponent(name))
    }

    func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: url.appendingPathComponent(name)))
    }

    func text(_ name: String) throws -> String {
        String(decoding: try bytes(name), as: UTF8.self)
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}

/// What a finished process printed (standard output then standard error) and its exit status.
private struct ProcessResult {
    let status: Int32
    let output: String
}

/// Runs an executable in a directory and waits for it; fails the test if the exit status is not
/// what was expected.
@discardableResult
private func runProcess(
    _ executable: URL, _ arguments: [String], in directory: Workspace, expectSuccess: Bool,
    sourceLocation: SourceLocation = #_sourceLocation
) throws -> ProcessResult {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = directory.url
    let standardOutput = Pipe()
    let standardError = Pipe()
    process.standardOutput = standardOutput
    process.standardError = standardError
    try process.run()
    // The outputs here are a few lines, far below a pipe's buffer, so reading one after the other
    // cannot block the child.
    let output = standardOutput.fileHandleForReading.readDataToEndOfFile()
    let error = standardError.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let result = ProcessResult(
        status: process.terminationStatus,
        output: String(decoding: output, as: UTF8.self) + String(decoding: error, as: UTF8.self))
    if expectSuccess {
        #expect(result.status == 0, "\(executable.lastPathComponent) \(arguments.joined(separator: " ")): \(result.output)",
                sourceLocation: sourceLocation)
    }
    return result
}

/// The `openssl` command on the PATH.
private enum OpenSSL {
    @discardableResult
    static func run(
        _ arguments: [String], in directory: Workspace, expectSuccess: Bool = true,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> ProcessResult {
        try runProcess(URL(fileURLWithPath: "/usr/bin/env"), ["openssl"] + arguments, in: directory,
                       expectSuccess: expectSuccess, sourceLocation: sourceLocation)
    }
}

/// The `hubd` executable built beside this test bundle.
private enum Hubd {
    @discardableResult
    static func run(
        _ arguments: [String], in directory: Workspace, expectSuccess: Bool = true,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> ProcessResult {
        try runProcess(try executable(), arguments, in: directory,
                       expectSuccess: expectSuccess, sourceLocation: sourceLocation)
    }

    /// The products directory is the one holding the test bundle (`swift build --build-tests`
    /// puts `hubd` there too); `.build/debug` under the package is the fallback.
    static func executable() throws -> URL {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL.deletingLastPathComponent(),
            Bundle.main.bundleURL,
            URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                .appendingPathComponent("../../.build/debug").standardized,
        ].map { $0.appendingPathComponent("hubd") }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw HubdNotBuilt(searched: candidates.map(\.path))
        }
        return found
    }

    struct HubdNotBuilt: Error, CustomStringConvertible {
        let searched: [String]
        var description: String {
            "hubd is not built (run `swift build --build-tests`); looked at \(searched.joined(separator: ", "))"
        }
    }
}
