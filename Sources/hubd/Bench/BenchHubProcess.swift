import Foundation
#if canImport(Glibc)
import Glibc
#endif
import HubClient
import HubPKI
import QueryHub
import Synchronization

/// The hub the bench drives as a child process, `hubd serve` of this same executable, so that the
/// hub's memory and CPU are its own (issue 6: "hubd's peak memory") and its file descriptors do
/// not share one process's limit with every bank's.
///
/// The bench writes the hub's directory — the development PKI with every court's and bank's
/// certificate, the registry of the bench's banks, a configuration file — starts the child on
/// free loopback ports, waits for `/readyz`, reads its memory from `/proc/<pid>/status`, and ends
/// it with SIGTERM (SIGKILL after ``terminationGraceSeconds``) at the end or on any error. A
/// watchdog shell kills the child if the bench itself dies without stopping it.
final class BenchHubProcess: BenchHubHandle, Sendable {
    let courtURL: String
    var bankURL: String { courtURL }
    var baseURL: String { courtURL + " (hubd serve, pid \(processIdentifier))" }
    let directory: String
    /// The child's process id, for `/proc/<pid>/status`.
    let processIdentifier: Int32
    private let process: Mutex<Process?>
    /// The last VmHWM read while the child ran, KiB: the peak survives the child's exit.
    private let lastPeakKilobytes = Mutex<Int?>(nil)

    /// Seconds between SIGTERM and SIGKILL.
    static let terminationGraceSeconds = 30
    /// Seconds the child has to answer `/readyz` (loading 16,000 client certificates takes a while).
    static let readySeconds = 180

    private init(courtURL: String, directory: String, process: Process) {
        self.courtURL = courtURL
        self.directory = directory
        self.processIdentifier = process.processIdentifier
        self.process = Mutex(process)
    }

    /// Writes the hub's directory, starts `hubd serve` and returns once it is ready.
    static func start(nation: BenchNation, settings: BenchSettings, progress: @Sendable (String) -> Void) async throws -> BenchHubProcess {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hubd-bench-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var configuration = BenchHub.configuration(directory: directory + "/data", settings: settings)
        configuration.listenPort = try BenchHub.freeLoopbackPort()
        configuration.operatorPort = try BenchHub.freeLoopbackPort()
        configuration.registryFile = directory + "/registry.json"
        progress("writing the hub's directory (PKI of \(nation.pki.clients.count) principals, registry, configuration) in \(directory)…")
        try writeDirectory(directory, configuration: configuration, nation: nation)
        let child = try launch(directory: directory)
        let hub = BenchHubProcess(courtURL: "https://127.0.0.1:\(configuration.listenPort)", directory: directory, process: child)
        do {
            try await hub.waitUntilReady(operatorPort: configuration.operatorPort)
        } catch {
            await hub.stop(keepingDirectory: true)
            throw error
        }
        return hub
    }

    /// The PKI in the layout `hubd serve` loads, the registry and the configuration file.
    private static func writeDirectory(_ directory: String, configuration: HubConfiguration, nation: BenchNation) throws {
        let layout = DevelopmentPKIDirectory(path: configuration.pkiDirectory)
        try FileManager.default.createDirectory(atPath: layout.clientsPath, withIntermediateDirectories: true)
        try write(nation.pki.authority, certificatePath: layout.authorityCertificatePath, keyPath: layout.authorityKeyPath)
        try write(nation.pki.server, certificatePath: layout.serverCertificatePath, keyPath: layout.serverKeyPath)
        for (principal, credential) in nation.pki.clients {
            try write(credential, certificatePath: layout.clientCertificatePath(for: principal), keyPath: layout.clientKeyPath(for: principal))
        }
        try Data(nation.registry.jsonRepresentation()).write(to: URL(fileURLWithPath: configuration.registryFile!))
        let settings: [String: Any] = [
            "dataDirectory": configuration.dataDirectory, "registryFile": configuration.registryFile!,
            "listenPort": configuration.listenPort, "operatorPort": configuration.operatorPort,
            "maximumItemsPerPoll": configuration.maximumItemsPerPoll, "maximumWaitSeconds": configuration.maximumWaitSeconds,
            "maximumQueuedItemsPerAdapter": configuration.maximumQueuedItemsPerAdapter,
            "maximumOpenBroadcasts": configuration.maximumOpenBroadcasts,
            "maximumOpenBroadcastItems": configuration.maximumOpenBroadcastItems,
        ]
        let file = try JSONSerialization.data(withJSONObject: settings, options: [.sortedKeys, .prettyPrinted])
        try file.write(to: URL(fileURLWithPath: directory + "/hubd.json"))
        // What serve reads back must be what the bench meant: the file's parse is checked here.
        guard try HubConfiguration.parse(Array(file)) == configuration else {
            throw BenchError.hubDidNotStart("the configuration file \(directory)/hubd.json does not read back as written")
        }
    }

    private static func write(_ credential: PEMCredential, certificatePath: String, keyPath: String) throws {
        try write(credential.privateKeyPEM, to: keyPath, mode: 0o600)
        try write(credential.certificatePEM, to: certificatePath, mode: 0o644)
    }

    /// One file, created with its mode (a key is never readable by others, not even briefly);
    /// plain POSIX calls: FileManager's atomic writes took 90 s for 16,000 banks' 32,000 files.
    private static func write(_ text: String, to path: String, mode: mode_t) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode)
        guard descriptor >= 0 else { throw BenchError.hubDidNotStart("cannot create \(path): errno \(errno)") }
        defer { close(descriptor) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { buffer in Glibc.write(descriptor, buffer.baseAddress, buffer.count) }
        guard written == bytes.count else { throw BenchError.hubDidNotStart("cannot write \(path): errno \(errno)") }
    }

    /// `hubd serve --config <dir>/hubd.json`, this same executable, its output in `<dir>/hubd.log`.
    private static func launch(directory: String) throws -> Process {
        let logPath = directory + "/hubd.log"
        guard FileManager.default.createFile(atPath: logPath, contents: nil) else { throw BenchError.hubDidNotStart("cannot create \(logPath)") }
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        defer { try? log.close() }
        let child = Process()
        child.executableURL = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        child.arguments = ["serve", "--config", directory + "/hubd.json"]
        // Warnings and errors only: at info the hub logs every request, a cost no bench measures.
        child.environment = ProcessInfo.processInfo.environment.merging([HubLogging.levelVariable: "warning"]) { _, bench in bench }
        child.standardOutput = log
        child.standardError = log
        child.standardInput = FileHandle.nullDevice
        try child.run()
        try watch(child: child.processIdentifier)
        return child
    }

    /// A shell that SIGKILLs the child as soon as the bench is gone, and ends with the child.
    private static func watch(child: Int32) throws {
        let watchdog = Process()
        watchdog.executableURL = URL(fileURLWithPath: "/bin/sh")
        watchdog.arguments = [
            "-c", "while kill -0 \(getpid()) 2>/dev/null && kill -0 \(child) 2>/dev/null; do sleep 0.5; done; kill -9 \(child) 2>/dev/null",
        ]
        watchdog.standardInput = FileHandle.nullDevice
        watchdog.standardOutput = FileHandle.nullDevice
        watchdog.standardError = FileHandle.nullDevice
        try watchdog.run()
    }

    /// Polls `/readyz` every 100 ms until 200; fails with the log's tail if the child ends or is
    /// not ready within ``readySeconds``.
    private func waitUntilReady(operatorPort: Int) async throws {
        let probe = try HubHTTPClient(
            baseURL: "http://127.0.0.1:\(operatorPort)", tlsConfiguration: nil, connectionPoolSize: 1, requestTimeout: .seconds(2))
        defer { Task { try? await probe.shutdown() } }
        let deadline = ContinuousClock.now + .seconds(Self.readySeconds)
        while ContinuousClock.now < deadline {
            guard process.withLock({ $0?.isRunning ?? false }) else {
                throw BenchError.hubDidNotStart("hubd serve ended before it was ready:\n\(logTail())")
            }
            if let response = try? await probe.request(.GET, "/readyz"), response.statusCode == 200 { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw BenchError.hubDidNotStart("hubd serve was not ready within \(Self.readySeconds) s:\n\(logTail())")
    }

    /// The last lines of the child's log.
    func logTail(lines: Int = 20) -> String {
        let text = (try? String(contentsOfFile: directory + "/hubd.log", encoding: .utf8)) ?? ""
        return text.split(separator: "\n").suffix(lines).joined(separator: "\n")
    }

    /// The hub's resident memory now (VmRSS), KiB; nil once it has ended.
    var residentKilobytes: Int? {
        let peak = BenchMemory.statusField("VmHWM", processIdentifier: processIdentifier)
        if let peak { lastPeakKilobytes.withLock { $0 = max($0 ?? 0, peak) } }
        return BenchMemory.statusField("VmRSS", processIdentifier: processIdentifier)
    }

    /// The hub's peak resident memory (VmHWM), KiB: read now while it runs, else the last reading.
    var peakKilobytes: Int? {
        _ = residentKilobytes
        return lastPeakKilobytes.withLock { $0 }
    }

    func stop() async { await stop(keepingDirectory: false) }

    /// SIGTERM, SIGKILL after ``terminationGraceSeconds``; the directory is deleted unless the
    /// hub failed (its log is kept for reading) or `keepingDirectory`.
    func stop(keepingDirectory: Bool) async {
        _ = peakKilobytes
        guard let child = process.withLock({ process in defer { process = nil }; return process }) else { return }
        if child.isRunning {
            kill(child.processIdentifier, SIGTERM)
            let deadline = ContinuousClock.now + .seconds(Self.terminationGraceSeconds)
            while child.isRunning && ContinuousClock.now < deadline { try? await Task.sleep(for: .milliseconds(50)) }
            if child.isRunning {
                emit("hubd serve did not end within \(Self.terminationGraceSeconds) s of SIGTERM; SIGKILL")
                kill(child.processIdentifier, SIGKILL)
            }
        }
        child.waitUntilExit()
        let clean = child.terminationReason == .exit && child.terminationStatus == 0
        if !clean { emit("hubd serve ended with \(child.terminationReason == .exit ? "exit" : "signal") \(child.terminationStatus); its log: \(directory)/hubd.log") }
        if clean && !keepingDirectory { try? FileManager.default.removeItem(atPath: directory) }
    }
}

/// What the end-to-end run needs of its hub, in this process (``BenchHub``) or a child (``BenchHubProcess``).
protocol BenchHubHandle: Sendable {
    /// Where the courts post.
    var courtURL: String { get }
    /// Where the banks poll.
    var bankURL: String { get }
    /// For the progress line.
    var baseURL: String { get }
    /// Stops the hub and removes what it left.
    func stop() async
}

/// Resident memory from `/proc/<pid>/status`.
enum BenchMemory {
    /// A `kB` field (`VmHWM`, `VmRSS`) of the process's status; nil when unreadable.
    static func statusField(_ name: String, processIdentifier: Int32? = nil) -> Int? {
        let path = processIdentifier.map { "/proc/\($0)/status" } ?? "/proc/self/status"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix(name + ":") {
            return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
        }
        return nil
    }
}
