import ArgumentParser
import HubProtocol

extension SealCommand {
    /// `hubd seal verify`: checks a raw signature over a file against a public key.
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: "Check a signature over a file: prints \"valid\" and exits 0, or the reason and exits 1."
        )

        @Option(name: .customLong("public-key"), help: "The PEM public key (the only key trusted).")
        var publicKeyPath: String

        @Option(name: .customLong("in"), help: "The sealed file (its exact bytes).")
        var inputPath: String

        @Option(name: .customLong("signature"), help: "The raw signature: DER for SM2-SM3, 64 bytes for Ed25519.")
        var signaturePath: String

        func run() throws {
            let publicKey: SealPublicKey
            do {
                publicKey = try SealPublicKey(pemRepresentation: SealFiles.readKey(publicKeyPath))
            } catch let error as SealError {
                throw SealCommandError.seal(error)
            }
            let document = try SealFiles.read(inputPath, maximumBytes: SealedDocument.maximumDocumentBytes)
            let signature = try SealFiles.read(signaturePath, maximumBytes: SealFiles.maximumSignatureFileBytes)
            // A raw signature file names no algorithm: it is the key's, and the key is what is trusted.
            let seal = Seal(algorithm: publicKey.algorithm, keyId: publicKey.fingerprint, signature: signature)
            do {
                try Seal.verify(document, seal: seal, publicKey: publicKey)
            } catch {
                printToStandardError("invalid: \(error)")
                throw ExitCode.failure
            }
            print("valid")
        }
    }
}
