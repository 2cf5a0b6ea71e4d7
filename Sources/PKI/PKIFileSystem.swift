#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The few file operations the PKI directory needs, done with POSIX calls so that a private key
/// is created with mode 0600 from its first byte (not chmod-ed after the fact) and every file
/// appears whole or not at all (write a temporary file, fsync, rename, fsync the directory).
enum PKIFileSystem {
    /// Mode of private keys: owner read/write only.
    static let privateFileMode: mode_t = 0o600
    /// Mode of certificates: they are public.
    static let publicFileMode: mode_t = 0o644
    /// Mode of the PKI directory and `clients/`: only the owner may list or add keys.
    static let directoryMode: mode_t = 0o700
    /// The largest PEM file read; a certificate or key is a few kilobytes.
    static let maximumFileBytes = 1 << 20

    static func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: path)
    }

    static func makeDirectory(_ path: String) throws(PKIError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw PKIError.fileSystem(path: path, operation: "use as a directory", reason: "it is a file")
            }
            return
        }
        do {
            try FileManager.default.createDirectory(
                atPath: path,
                withIntermediateDirectories: true,
                attributes: [.posixPermissions: Int(directoryMode)]
            )
        } catch {
            throw PKIError.fileSystem(path: path, operation: "create directory", reason: "\(error)")
        }
    }

    static func readText(_ path: String) throws(PKIError) -> String {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw PKIError.fileSystem(path: path, operation: "read", reason: "\(error)")
        }
        guard data.count <= maximumFileBytes else {
            throw PKIError.fileSystem(path: path, operation: "read", reason: "larger than \(maximumFileBytes) bytes")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw PKIError.fileSystem(path: path, operation: "read", reason: "not UTF-8 text")
        }
        return text
    }

    static func listDirectory(_ path: String, limit: Int) throws(PKIError) -> [String] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path)
        } catch {
            throw PKIError.fileSystem(path: path, operation: "list", reason: "\(error)")
        }
        guard names.count <= limit else {
            throw PKIError.fileSystem(path: path, operation: "list", reason: "more than \(limit) entries")
        }
        return names.sorted()
    }

    static func permissions(_ path: String) throws(PKIError) -> mode_t {
        var status = stat()
        guard stat(path, &status) == 0 else {
            throw PKIError.fileSystem(path: path, operation: "stat", reason: errnoDescription())
        }
        return status.st_mode & 0o777
    }

    /// Writes `text` to `path` atomically with `mode`, replacing any file there.
    static func writeAtomically(_ text: String, to path: String, mode: mode_t) throws(PKIError) {
        let directory = (path as NSString).deletingLastPathComponent
        let temporaryPath = directory + "/." + (path as NSString).lastPathComponent + ".partial"
        // A leftover from an interrupted run is ours and incomplete: replace it.
        unlink(temporaryPath)
        let descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard descriptor >= 0 else {
            throw PKIError.fileSystem(path: temporaryPath, operation: "create", reason: errnoDescription())
        }
        do throws(PKIError) {
            try writeAll(Array(text.utf8), to: descriptor, path: temporaryPath)
            guard fsync(descriptor) == 0 else {
                throw PKIError.fileSystem(path: temporaryPath, operation: "fsync", reason: errnoDescription())
            }
        } catch {
            close(descriptor)
            unlink(temporaryPath)
            throw error
        }
        close(descriptor)
        guard rename(temporaryPath, path) == 0 else {
            let reason = errnoDescription()
            unlink(temporaryPath)
            throw PKIError.fileSystem(path: path, operation: "rename into place", reason: reason)
        }
        try synchronizeDirectory(directory)
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws(PKIError) {
        var written = 0
        // Each successful write makes progress, so the loop ends within bytes.count rounds.
        var rounds = 0
        while written < bytes.count {
            precondition(rounds <= bytes.count, "write made no progress")
            rounds += 1
            let result = bytes.withUnsafeBytes { buffer in
                write(descriptor, buffer.baseAddress! + written, bytes.count - written)
            }
            if result < 0 {
                if errno == EINTR { continue }
                throw PKIError.fileSystem(path: path, operation: "write", reason: errnoDescription())
            }
            written += result
        }
    }

    /// Makes a rename durable: the directory entry is only on disk once the directory is synced.
    private static func synchronizeDirectory(_ path: String) throws(PKIError) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw PKIError.fileSystem(path: path, operation: "open directory", reason: errnoDescription())
        }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else {
            throw PKIError.fileSystem(path: path, operation: "fsync directory", reason: errnoDescription())
        }
    }

    private static func errnoDescription() -> String {
        String(cString: strerror(errno))
    }
}
