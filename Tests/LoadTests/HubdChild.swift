import Foundation
import HubClient
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// A `hubd` process started by a test: `hubd demo` on a data directory and fixed ports, its output
/// in a log file beside the data, killed with SIGKILL (a crash) or stopped with SIGTERM. Whatever
/// happens to the test, ``kill()`` or deinit ends the process: no orphan outlives the test.
final class HubdChild: Sendable {
    let executable: URL
    let dataDirectory: String
    let apiPort: Int
    let operatorPort: Int
    let environment: [String: String]
    /// The command line: `hubd demo` on the data directory and ports unless given.
    let arguments: [String]
    /// Names the log files, so that several children can share one data directory.
    let name: String
    /// The running process, nil between runs.
    private let process = Mutex<SpawnedProcess?>(nil)
    /// Runs started so far (names the log files).
    private let runs = Mutex(0)
    private let strayTerminations = Mutex(0)

    init(
        executable: URL, dataDirectory: String, apiPort: Int, operatorPort: Int, environment: [String: String],
        arguments: [String]? = nil, name: String = "hubd"
    ) {
        precondition(apiPort > 0 && operatorPort > 0 && apiPort != operatorPort, "fixed, distinct ports: clients reconnect to them")
        self.executable = executable
        self.dataDirectory = dataDirectory
        self.apiPort = apiPort
        self.operatorPort = operatorPort
        self.environment = environment
        self.arguments = arguments ?? [
            "demo", "--no-simulated-adapters", "--data-directory", dataDirectory, "--port", String(apiPort), "--operator-port", String(operatorPort),
        ]
        self.name = name
    }

    deinit {
        kill()
    }

    /// The log file of run `number` (standard output and standard error together).
    func logPath(run number: Int) -> String { dataDirectory + "/\(name)-run-\(number).log" }

    /// The number of the current (or last) run.
    var runNumber: Int { runs.withLock { $0 } }

    /// Starts `hubd demo` and returns once `/readyz` answers 200 on the operator port.
    ///
    /// A start that a SIGTERM from outside the test ends before the hub installs its handler is
    /// started again (at most 3 times), and counted: on the shared build machine such a signal was
    /// seen to reach a freshly started hubd (the sender is not known). For what the test proves it
    /// is one more crash. Any other early death fails the test.
    func start(readyWithinSeconds: Int = 60) async throws {
        for _ in 0..<3 {
            let child = try launch()
            if try await waitUntilReady(child, withinSeconds: readyWithinSeconds) { return }
            print("HubdChild: hubd run \(runNumber) was ended by a SIGTERM the test did not send, before it was ready; starting again")
            strayTerminations.withLock { $0 += 1 }
        }
        throw LoadTestFailure(description: "hubd was ended by SIGTERM before it was ready three times in a row:\n\(logTail())")
    }

    /// Starts that a SIGTERM from outside ended (see ``start(readyWithinSeconds:)``).
    var strayTerminationCount: Int { strayTerminations.withLock { $0 } }

    /// Starts `hubd demo` and returns at once: the process may still be restoring its state.
    @discardableResult
    func launch() throws -> SpawnedProcess {
        precondition(process.withLock { $0 == nil }, "one run at a time")
        let number = runs.withLock { count in
            count += 1
            return count
        }
        guard FileManager.default.createFile(atPath: logPath(run: number), contents: nil) else {
            throw LoadTestFailure(description: "cannot create \(logPath(run: number))")
        }
        let child = try SpawnedProcess(
            executable: executable.path, arguments: arguments,
            environment: ProcessInfo.processInfo.environment.merging(environment) { _, override in override },
            outputPath: logPath(run: number))
        process.withLock { $0 = child }
        try Self.watch(child: child.processIdentifier)
        return child
    }

    /// A watchdog for the case no `defer` covers, the test process itself dying: a shell that
    /// SIGKILLs the child as soon as the test process is gone, and ends when the child ends.
    private static func watch(child: Int32) throws {
        _ = try SpawnedProcess(
            executable: "/bin/sh",
            arguments: [
                "-c", "while kill -0 \(getpid()) 2>/dev/null && kill -0 \(child) 2>/dev/null; do sleep 0.5; done; kill -9 \(child) 2>/dev/null",
            ],
            environment: ["PATH": "/usr/bin:/bin"])
    }

    /// Polls `/readyz` until it answers 200 (true). False when a SIGTERM ended the process first;
    /// fails (with the log's tail) when it ended otherwise, or was not ready in time.
    private func waitUntilReady(_ child: SpawnedProcess, withinSeconds seconds: Int) async throws -> Bool {
        let probe = try HubHTTPClient(
            baseURL: "http://127.0.0.1:\(operatorPort)", tlsConfiguration: nil, connectionPoolSize: 1,
            requestTimeout: .seconds(2))
        defer { Task { try? await probe.shutdown() } }
        let deadline = ContinuousClock.now + .seconds(seconds)
        // Bounded by the deadline: one probe every 50 ms.
        while ContinuousClock.now < deadline {
            guard child.isRunning else {
                child.waitUntilExit()
                process.withLock { $0 = nil }
                if child.terminationReason == .uncaughtSignal && child.terminationStatus == SIGTERM { return false }
                throw LoadTestFailure(
                    description: "hubd ended (\(child.terminationReason == .exit ? "exit" : "signal") \(child.terminationStatus)) before it was ready:\n\(logTail())")
            }
            if let response = try? await probe.request(.GET, "/readyz"), response.statusCode == 200 { return true }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw LoadTestFailure(description: "hubd was not ready within \(seconds) s:\n\(logTail())")
    }

    /// SIGKILL now (a crash: no graceful shutdown, no flush) and wait for the process to end.
    /// Fails if the process had already ended by itself: that would be a crash of its own.
    func crash() async throws {
        guard let child = process.withLock({ $0 }) else { preconditionFailure("crash() needs a running child") }
        guard child.isRunning else {
            child.waitUntilExit()
            process.withLock { $0 = nil }
            // Killed by it before the handler was installed, or shut down gracefully (status 0) after.
            if (child.terminationReason == .uncaughtSignal && child.terminationStatus == SIGTERM)
                || (child.terminationReason == .exit && child.terminationStatus == 0) {
                print("HubdChild: hubd run \(runNumber) was ended by a SIGTERM the test did not send: one more crash")
                strayTerminations.withLock { $0 += 1 }
                return
            }
            throw LoadTestFailure(
                description: "hubd died by itself (\(child.terminationReason == .exit ? "exit" : "signal") \(child.terminationStatus)):\n\(logTail())")
        }
        _ = Glibc.kill(child.processIdentifier, SIGKILL)
        try await waitForExit(child)
        process.withLock { $0 = nil }
        guard child.terminationReason == .uncaughtSignal, child.terminationStatus == SIGKILL else {
            throw LoadTestFailure(description: "hubd ended with status \(child.terminationStatus) before SIGKILL reached it:\n\(logTail())")
        }
    }

    /// Waits (at most `seconds`) for the process to end by itself; returns its exit status, or
    /// nil when it was ended by a signal. Fails when it is still running at the deadline.
    func waitForOwnExit(withinSeconds seconds: Int) async throws -> Int32? {
        guard let child = process.withLock({ $0 }) else { preconditionFailure("waitForOwnExit() needs a running child") }
        let deadline = ContinuousClock.now + .seconds(seconds)
        // Bounded by the deadline: one look every 50 ms.
        while child.isRunning && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(50))
        }
        guard !child.isRunning else { throw LoadTestFailure(description: "\(name) did not exit by itself within \(seconds) s:\n\(logTail())") }
        child.waitUntilExit()
        process.withLock { $0 = nil }
        return child.terminationReason == .exit ? child.terminationStatus : nil
    }

    /// SIGTERM (graceful shutdown) and wait; returns the exit status.
    func stop() async throws -> Int32 {
        guard let child = process.withLock({ $0 }) else { preconditionFailure("stop() needs a running child") }
        _ = Glibc.kill(child.processIdentifier, SIGTERM)
        try await waitForExit(child)
        process.withLock { $0 = nil }
        return child.terminationStatus
    }

    /// Waits (polling, at most 20 s) for the process to end; SIGKILLs it if it will not.
    private func waitForExit(_ child: SpawnedProcess) async throws {
        for _ in 0..<400 where child.isRunning {
            try await Task.sleep(for: .milliseconds(50))
        }
        if child.isRunning {
            _ = Glibc.kill(child.processIdentifier, SIGKILL)
            child.waitUntilExit()
            throw LoadTestFailure(description: "hubd did not end within 20 s")
        }
        child.waitUntilExit()
    }

    /// Ends the process at once if one runs: the cleanup path of a failing test.
    func kill() {
        guard let child = process.withLock({ current -> SpawnedProcess? in
            defer { current = nil }
            return current
        }) else { return }
        if child.isRunning {
            _ = Glibc.kill(child.processIdentifier, SIGKILL)
            child.waitUntilExit()
        }
    }

    /// The last lines of the current run's log, for failure messages.
    func logTail(lines: Int = 30) -> String {
        let text = (try? String(contentsOfFile: logPath(run: runNumber), encoding: .utf8)) ?? "(no log)"
        return text.split(separator: "\n", omittingEmptySubsequences: false).suffix(lines).joined(separator: "\n")
    }

    /// The `hubd` executable built beside the test bundle (`swift build --build-tests` puts it
    /// there), with `.build/debug` under the package as the fallback.
    static func executable() throws -> URL {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL.deletingLastPathComponent(),
            Bundle.main.bundleURL,
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../.build/debug").standardized,
        ].map { $0.appendingPathComponent("hubd") }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw LoadTestFailure(description: "hubd is not built (run `swift build --build-tests`); looked at \(candidates.map(\.path))")
        }
        return found
    }

    /// A TCP port free on loopback now: bound to port 0, read back, released. The hub binds with
    /// SO_REUSEADDR, so restarts on the same port are not blocked by connections in TIME_WAIT.
    static func freePort() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw LoadTestFailure(description: "socket() failed: errno \(errno)") }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bind(descriptor, socketAddress, length) == 0 && getsockname(descriptor, socketAddress, &length) == 0
            }
        }
        guard bound else { throw LoadTestFailure(description: "cannot bind a loopback port: errno \(errno)") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
