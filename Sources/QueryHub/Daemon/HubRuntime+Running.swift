import NIOSSL
import ServiceLifecycle

/// A hub whose services run in this process: what live tests and the bench start, and stop when
/// they are done. `hubd serve` runs the same services under its own signal handling instead.
public final class RunningHub: Sendable {
    /// The runtime whose services run.
    public let runtime: HubRuntime
    /// The API's bound port (the configuration may have asked for any free one, 0).
    public let apiPort: Int
    /// The operator port's bound port.
    public let operatorPort: Int
    private let group: ServiceGroup
    private let task: Task<Void, any Error>

    fileprivate init(runtime: HubRuntime, apiPort: Int, operatorPort: Int, group: ServiceGroup, task: Task<Void, any Error>) {
        self.runtime = runtime
        self.apiPort = apiPort
        self.operatorPort = operatorPort
        self.group = group
        self.task = task
    }

    /// Stops the services gracefully and waits until they have stopped.
    public func stop() async {
        await group.triggerGracefulShutdown()
        _ = try? await task.value
    }
}

extension HubRuntime {
    /// Runs ``services(tlsConfiguration:onAPIRunning:onOperatorRunning:)`` in a service group of
    /// their own and returns once both listeners are bound, with their ports.
    public func start(tlsConfiguration: TLSConfiguration) async throws -> RunningHub {
        let ports = AsyncStream<(listener: String, port: Int)>.makeStream()
        let services = try services(
            tlsConfiguration: tlsConfiguration,
            onAPIRunning: { ports.continuation.yield(("api", $0)) },
            onOperatorRunning: { ports.continuation.yield(("operator", $0)) })
        let group = ServiceGroup(configuration: .init(services: services.map { .init(service: $0) }, logger: logger))
        let task = Task { try await group.run() }
        // Two listeners, each reporting once; the group ending first (a bind failure) ends the wait.
        let ending = Task {
            _ = try? await task.value
            ports.continuation.finish()
        }
        var found: [String: Int] = [:]
        for await (listener, port) in ports.stream {
            found[listener] = port
            if found.count == 2 { break }
        }
        ending.cancel()
        guard let apiPort = found["api"], let operatorPort = found["operator"] else {
            try await task.value
            throw RunningHubError.stoppedBeforeListening
        }
        return RunningHub(runtime: self, apiPort: apiPort, operatorPort: operatorPort, group: group, task: task)
    }
}

/// Why ``HubRuntime/start(tlsConfiguration:)`` returned no running hub.
public enum RunningHubError: Error, CustomStringConvertible {
    /// The services ended before both listeners were bound, without an error of their own.
    case stoppedBeforeListening

    /// A sentence saying what happened.
    public var description: String { "the hub's services stopped before both listeners were bound" }
}
