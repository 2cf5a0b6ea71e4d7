import Foundation
import Synchronization

/// Starts child processes one at a time across the whole test process.
///
/// swift-testing runs suites in parallel, and two suites here start `hubd` children (the crash
/// test, the multi-instance test). A full run once crashed inside Foundation's `Process.run()`
/// while both were launching at the same moment; launching under one lock costs nothing that
/// matters (a launch takes milliseconds) and takes that race away.
enum ChildProcessLaunch {
    private static let lock = Mutex<Void>(())

    /// Runs `process` (`Process.run()`) while no other child is being launched.
    static func run(_ process: Process) throws {
        try lock.withLock { _ in try process.run() }
    }
}
