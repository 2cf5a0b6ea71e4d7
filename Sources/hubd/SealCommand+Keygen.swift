import ArgumentParser
import Foundation
import HubProtocol

extension SealCommand {
    /// `hubd seal keygen`: a new key pair as PEM files.
    struct Keygen: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "keygen",
            abstract: "Generate a seal key pair: PEM PKCS#8 private key, PEM public key.",
            discussion: "Prints the algorithm and the public key's fingerprint (hex SHA-256 of its DER)."
        )

        @Option(help: "The algorithm: \(SealAlgorithm.allCases.map(\.rawValue).joined(separator: " or ")).")
        var algorithm: SealAlgorithm

        @Option(name: .customLong("out"), help: "Where to write the private key (created with mode 600, never overwritten).")
        var privateKeyPath: String

        @Option(name: .customLong("public-out"), help: "Where to write the public key (never overwritten).")
        var publicKeyPath: String?

        func run() throws {
            // Both paths are checked first so that a refused public path leaves no orphan private key.
            for path in [privateKeyPath, publicKeyPath].compactMap(\.self) where FileManager.default.fileExists(atPath: path) {
                throw SealCommandError.file(path: path, reason: "exists already; not overwriting a key")
            }
            do {
                let key = try SealPrivateKey.generate(algorithm)
                let privatePEM = try key.pemRepresentation()
                try SealFiles.write(Array(privatePEM.utf8), to: privateKeyPath, permissions: 0o600, exclusive: true)
                if let publicKeyPath {
                    let publicPEM = key.publicKey.pemRepresentation
                    try SealFiles.write(Array(publicPEM.utf8), to: publicKeyPath, permissions: 0o644, exclusive: true)
                }
                print("\(key.algorithm) \(key.publicKey.fingerprint)")
            } catch let error as SealError {
                throw SealCommandError.seal(error)
            }
        }
    }
}
