import ArgumentParser
import Foundation
import HubProtocol

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `hubd seal`: make seal keys, seal files and verify seals, in formats the openssl CLI reads and
/// writes (PEM keys, raw signature files), so that a court or bank can check the hub's seals
/// with tools of its own.
struct SealCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seal",
        abstract: "Electronic seals (电子签章): SM2-SM3 or Ed25519 keys, signatures and checks.",
        discussion: """
            SM2-SM3 signatures use the distinguishing identifier 1234567812345678 (GB/T 32918). \
            To check one with openssl: openssl pkeyutl -verify -rawin -digest sm3 \
            -pkeyopt distid:1234567812345678 -pubin -inkey pub.pem -in FILE -sigfile sig.bin
            """,
        subcommands: [Keygen.self, Sign.self, Verify.self]
    )
}

extension SealAlgorithm: ExpressibleByArgument {}

/// Why a `hubd seal` command failed.
enum SealCommandError: Error, CustomStringConvertible {
    /// A file could not be read or written.
    case file(path: String, reason: String)
    /// A key, a signature or a seal was refused.
    case seal(SealError)

    var description: String {
        switch self {
        case .file(let path, let reason):
            return "\(path): \(reason)"
        case .seal(let error):
            return error.description
        }
    }
}

/// File input and output for the seal commands, each with a size limit.
enum SealFiles {
    /// The largest key file read: PEM keys are a few hundred bytes.
    static let maximumKeyFileBytes = 16 * 1024
    /// The largest signature file read: both algorithms' signatures are under 128 bytes.
    static let maximumSignatureFileBytes = Seal.maximumSignatureBytes

    /// The whole file, refused when it is larger than `maximumBytes`.
    static func read(_ path: String, maximumBytes: Int) throws(SealCommandError) -> [UInt8] {
        precondition(maximumBytes > 0, "a positive limit")
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .file(path: path, reason: "cannot be opened for reading")
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: maximumBytes + 1) ?? Data()
        } catch {
            throw .file(path: path, reason: "cannot be read: \(error)")
        }
        guard data.count <= maximumBytes else {
            throw .file(path: path, reason: "is larger than \(maximumBytes) bytes")
        }
        return Array(data)
    }

    /// A key file as text.
    static func readKey(_ path: String) throws(SealCommandError) -> String {
        String(decoding: try read(path, maximumBytes: maximumKeyFileBytes), as: UTF8.self)
    }

    /// Writes the bytes to a file with the given permissions. With `exclusive`, an existing file is
    /// an error (keys are never overwritten); otherwise it is replaced.
    static func write(
        _ bytes: [UInt8], to path: String, permissions: mode_t, exclusive: Bool
    ) throws(SealCommandError) {
        let flags = O_WRONLY | O_CREAT | (exclusive ? O_EXCL : O_TRUNC)
        let descriptor = open(path, flags, permissions)
        guard descriptor >= 0 else {
            let reason = errno == EEXIST ? "exists already; not overwriting a key" : String(cString: strerror(errno))
            throw .file(path: path, reason: reason)
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        do {
            try handle.write(contentsOf: Data(bytes))
            try handle.synchronize()
        } catch {
            throw .file(path: path, reason: "cannot be written: \(error)")
        }
    }
}

/// Writes one line to standard error (reasons for failure, kept apart from results on standard output).
func printToStandardError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
