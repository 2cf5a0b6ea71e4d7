import Logging
import NIOSSL
import ServiceLifecycle

/// A hub's services running in this process, in a service group of their own: what live tests and
/// the bench start, and stop when they are done. `hubd serve` runs the same services under its own
/// signal handling instead.
public final class RunningServices: Sendable {
    /// The API's bound port (the configuration may have asked for any free one, 0).
    public let apiPort: Int
    /// The operator port's bound port.
    public let operatorPort: Int
    private let group: ServiceGroup
    private let task: Task<Void, any Error>

    private init(apiPort: Int, operatorPort: Int, group: ServiceGroup, task: Task<Void, any Error>) {
        self.apiPort = apiPort
        self.operatorPort = operatorPort
        self.group = group
        self.task = task
    }

    /// Runs the services `make` builds — given the two callbacks their listeners report their
    /// bound ports to — and returns once both listeners are bound.
    public static func start(
        logger: Logger,
        _ make: (
            _ onAPIRunning: @escaping @Sendable (Int) async -> Void, _ onOperatorRunning: @escaping @Sendable (Int) async -> Void
        ) throws -> [any Service]
    ) async throws -> RunningServices {
        let ports = AsyncStream<(listener: String, port: Int)>.makeStream()
        let services = try make({ ports.continuation.yield(("api", $0)) }, { ports.continuation.yield(("operator", $0)) })
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
        return RunningServices(apiPort: apiPort, operatorPort: operatorPort, group: group, task: task)
    }

    /// Stops the services gracefully and waits until they have stopped.
    public func stop() async {
        await group.triggerGracefulShutdown()
        _ = try? await task.value
    }
}

/// A ``HubRuntime`` whose services run in this process.
public final class RunningHub: Sendable {
    /// The runtime whose services run.
    public let runtime: HubRuntime
    /// Its running services and their bound ports.
    public let services: RunningServices

    fileprivate init(runtime: HubRuntime, services: RunningServices) {
        self.runtime = runtime
        self.services = services
    }

    /// The API's bound port.
    public var apiPort: Int { services.apiPort }
    /// The operator port's bound port.
    public var operatorPort: Int { services.operatorPort }

    /// Stops the services gracefully and waits until they have stopped.
    public func stop() async { await services.stop() }
}

extension HubRuntime {
    /// Runs ``services(tlsConfiguration:onAPIRunning:onOperatorRunning:)`` in this process and
    /// returns once both listeners are bound, with their ports.
    public func start(tlsConfiguration: TLSConfiguration) async throws -> RunningHub {
        let running = try await RunningServices.start(logger: logger) { onAPIRunning, onOperatorRunning in
            try services(tlsConfiguration: tlsConfiguration, onAPIRunning: onAPIRunning, onOperatorRunning: onOperatorRunning)
        }
        return RunningHub(runtime: self, services: running)
    }
}

extension HubInstance {
    /// Runs ``services(tlsConfiguration:onAPIRunning:onOperatorRunning:)`` in this process and
    /// returns once both listeners are bound; the instance leads or follows on its own from then.
    public func start(tlsConfiguration: TLSConfiguration) async throws -> RunningServices {
        try await RunningServices.start(logger: logger) { onAPIRunning, onOperatorRunning in
            try services(tlsConfiguration: tlsConfiguration, onAPIRunning: onAPIRunning, onOperatorRunning: onOperatorRunning)
        }
    }
}

/// Why a hub's services could not be started in this process.
public enum RunningHubError: Error, CustomStringConvertible {
    /// The services ended before both listeners were bound, without an error of their own.
    case stoppedBeforeListening

    /// A sentence saying what happened.
    public var description: String { "the hub's services stopped before both listeners were bound" }
}
