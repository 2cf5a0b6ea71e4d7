import ArgumentParser
import Foundation
import HubProtocol

extension SealCommand {
    /// `hubd seal sign`: seals a file's exact bytes.
    struct Sign: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sign",
            abstract: "Seal a file: write the raw signature (openssl's -sigfile form) or print the seal as JSON."
        )

        @Option(name: .customLong("key"), help: "The PEM PKCS#8 private key.")
        var privateKeyPath: String

        @Option(name: .customLong("in"), help: "The file to seal (its exact bytes).")
        var inputPath: String

        @Option(help: "The key id to put in the seal (default: the public key's fingerprint).")
        var keyId: String?

        @Option(name: .customLong("out"), help: "Write the raw signature bytes here (default: standard output).")
        var signaturePath: String?

        @Flag(help: "Print the seal as JSON instead of the raw signature.")
        var json = false

        @Flag(help: "Print the sealed document (the exact bytes in base64 and the seal) as JSON: the body a court posts to /v1/instructions.")
        var envelope = false

        func validate() throws {
            if [json, envelope, signaturePath != nil].filter({ $0 }).count > 1 {
                throw ValidationError("give at most one of --out, --json and --envelope")
            }
            if let keyId, !Seal.isValidKeyId(keyId) {
                throw ValidationError("--key-id must be 1 to \(Seal.maximumKeyIdBytes) bytes without control characters")
            }
        }

        func run() throws {
            let key: SealPrivateKey
            let seal: Seal
            let document: [UInt8]
            do {
                key = try SealPrivateKey(pemRepresentation: SealFiles.readKey(privateKeyPath))
                document = try SealFiles.read(inputPath, maximumBytes: SealedDocument.maximumDocumentBytes)
                seal = try Seal.sign(document, with: key, keyId: keyId ?? key.publicKey.fingerprint)
            } catch let error as SealError {
                throw SealCommandError.seal(error)
            }
            if envelope {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                print(String(decoding: try encoder.encode(SealedDocument(document: document, seal: seal)), as: UTF8.self))
            } else if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                print(String(decoding: try encoder.encode(seal), as: UTF8.self))
            } else if let signaturePath {
                try SealFiles.write(seal.signature, to: signaturePath, permissions: 0o644, exclusive: false)
            } else {
                try FileHandle.standardOutput.write(contentsOf: Data(seal.signature))
            }
        }
    }
}
