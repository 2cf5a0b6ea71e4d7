import Foundation
import Glibc
import Synchronization

/// A child process started with `posix_spawn`, for the load tests' `hubd` children.
///
/// Foundation's `Process.run()` on Linux (Swift 6.3.1) crashes now and then: it reads
/// `/proc/self/fd` entries with a 256-byte copy past the end of glibc's buffer
/// (swift-corelibs-foundation PR #5472). The crash test starts a child more than twenty times and
/// the multi-instance test several, so a full run crashed about one time in five. Spawning
/// directly avoids that code; the API mirrors the parts of `Process` the tests use.
final class SpawnedProcess: Sendable {
    /// The child's process id.
    let processIdentifier: pid_t
    /// How the child ended, once it has been reaped.
    private let ending = Mutex<(reason: Process.TerminationReason, status: Int32)?>(nil)

    /// Starts `executable` with `arguments` and exactly `environment`; standard input is
    /// /dev/null, standard output and error are appended to `outputPath` (or /dev/null). The
    /// child inherits no other descriptor.
    init(executable: String, arguments: [String], environment: [String: String], outputPath: String? = nil) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath ?? "/dev/null", O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        Self.closeInheritedDescriptors(&actions)
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var child = pid_t()
        let result = posix_spawn(&child, executable, &actions, nil, argv, envp)
        guard result == 0 else {
            throw LoadTestFailure(description: "cannot start \(executable): \(String(cString: strerror(result)))")
        }
        processIdentifier = child
    }

    /// Asks the spawn to close every descriptor from 3 up in the child, as `Process` does, with
    /// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34+; the Glibc module does not
    /// import it, so it is looked up by name). Without it the child inherits only what is not
    /// close-on-exec, which SwiftNIO's sockets and SQLite's files are.
    private static func closeInheritedDescriptors(_ actions: inout posix_spawn_file_actions_t) {
        typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        // RTLD_DEFAULT is the null handle in glibc.
        guard let symbol = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") else { return }
        _ = unsafeBitCast(symbol, to: AddCloseFrom.self)(&actions, 3)
    }

    /// True until the child has ended (and been reaped).
    var isRunning: Bool { reap(blocking: false) == nil }

    /// Blocks until the child has ended.
    func waitUntilExit() { _ = reap(blocking: true) }

    /// `.exit` or `.uncaughtSignal`; waits for the child to end.
    var terminationReason: Process.TerminationReason { reaped().reason }

    /// The exit status, or the signal that ended the child; waits for the child to end.
    var terminationStatus: Int32 { reaped().status }

    private func reaped() -> (reason: Process.TerminationReason, status: Int32) {
        guard let ended = reap(blocking: true) else { preconditionFailure("waitpid(\(processIdentifier)) reaped nothing") }
        return ended
    }

    private func reap(blocking: Bool) -> (reason: Process.TerminationReason, status: Int32)? {
        ending.withLock { known in
            if let known { return known }
            var status: Int32 = 0
            var result: pid_t
            repeat {
                result = waitpid(processIdentifier, &status, blocking ? 0 : WNOHANG)
            } while result == -1 && errno == EINTR
            guard result == processIdentifier else { return nil }
            // WIFEXITED / WEXITSTATUS / WTERMSIG, which Swift does not import.
            let signal = status & 0x7f
            let ended: (reason: Process.TerminationReason, status: Int32) =
                signal == 0 ? (.exit, (status >> 8) & 0xff) : (.uncaughtSignal, signal)
            known = ended
            return ended
        }
    }
}

extension SpawnedProcess {
    /// Runs `executable` to its end and returns its exit status and what it wrote (output and
    /// error together), read from a temporary file once it has ended.
    static func output(executable: String, arguments: [String]) throws -> (status: Int32, text: String) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("child-\(UUID().uuidString).log").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let child = try SpawnedProcess(
            executable: executable, arguments: arguments, environment: ProcessInfo.processInfo.environment, outputPath: path)
        child.waitUntilExit()
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        return (child.terminationReason == .exit ? child.terminationStatus : 128 + child.terminationStatus, text)
    }
}
