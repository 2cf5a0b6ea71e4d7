import Foundation
import Logging

/// Delivers an adapter's later events — a seized vehicle sighted (R-G4), a person found (R-G5) —
/// to the hub, tied to their instruction: it reads the system's outbox, seals the events as one
/// batch, posts them to `POST /v1/adapters/{id}/events`, and acknowledges them to the system only
/// after the hub took them. An event therefore survives a failed post or a crash of the adapter
/// (at least once, in order); the hub stores an identical repeat once.
///
/// The hub answers 200 when it took the batch (each event accepted, repeated, or not taken because
/// the court released the measure) and 410 when every event is of a released measure (R-G6): both
/// acknowledge. Any other answer leaves the events in the outbox and the pump backs off.
public actor EventPump {
    /// The pump's limits.
    public struct Configuration: Sendable {
        public var adapterID: String
        /// Events per post (the hub takes at most 500).
        public var maximumEventsPerBatch = 100
        /// How long to wait before reading the outbox again once it was found empty.
        public var intervalMilliseconds = 2_000
        /// Backoff after a failed round: doubled each time from the initial to the maximum.
        public var initialBackoffMilliseconds = 200
        public var maximumBackoffMilliseconds = 10_000

        public init(adapterID: String) {
            self.adapterID = adapterID
        }
    }

    /// One event waiting in the system's outbox.
    public struct PendingEvent: Sendable, Equatable {
        /// The court that issued the measure.
        public var court: String
        /// The measure's instruction id.
        public var instructionID: String
        /// The event receipt (JSON), exactly as it is to be sealed.
        public var receipt: [UInt8]
        /// The event's position in the outbox: increasing, never reused.
        public var sequence: UInt64

        public init(court: String, instructionID: String, receipt: [UInt8], sequence: UInt64) {
            self.court = court
            self.instructionID = instructionID
            self.receipt = receipt
            self.sequence = sequence
        }
    }

    /// Reads at most `limit` events from the outbox, oldest first, without removing them.
    public typealias Source = @Sendable (_ limit: Int) async -> [PendingEvent]
    /// Removes every event up to and including `sequence` from the outbox: the hub has them.
    public typealias Acknowledge = @Sendable (_ throughSequence: UInt64) async -> Void

    public let configuration: Configuration
    private let client: HubHTTPClient
    private let source: Source
    private let acknowledge: Acknowledge
    private let sealer: AdapterPoller.Sealer
    private let logger: Logger
    /// Counters, for tests and the dashboard.
    public private(set) var eventsAccepted = 0
    public private(set) var eventsRepeated = 0
    public private(set) var eventsReleased = 0

    public init(configuration: Configuration, client: HubHTTPClient, source: @escaping Source, acknowledge: @escaping Acknowledge,
                sealer: @escaping AdapterPoller.Sealer, logger: Logger = Logger(label: "adapter.events")) {
        precondition((1...500).contains(configuration.maximumEventsPerBatch), "the hub takes 1 to 500 events per post")
        precondition(configuration.intervalMilliseconds >= 1 && configuration.initialBackoffMilliseconds >= 1)
        self.configuration = configuration
        self.client = client
        self.source = source
        self.acknowledge = acknowledge
        self.sealer = sealer
        self.logger = logger
    }

    /// Pumps until the task is cancelled: at once again after a full batch, after the interval
    /// when the outbox was drained, after a growing backoff when the hub could not be reached.
    public func run() async {
        var backoff = configuration.initialBackoffMilliseconds
        while !Task.isCancelled {
            do {
                let delivered = try await pumpOnce()
                backoff = configuration.initialBackoffMilliseconds
                if delivered < configuration.maximumEventsPerBatch {
                    try? await Task.sleep(for: .milliseconds(configuration.intervalMilliseconds))
                }
            } catch {
                if Task.isCancelled { return }
                logger.warning("posting events failed; backing off", metadata: ["error": "\(error)", "backoffMilliseconds": "\(backoff)"])
                try? await Task.sleep(for: .milliseconds(backoff))
                backoff = min(backoff * 2, configuration.maximumBackoffMilliseconds)
            }
        }
    }

    /// One round: read, seal, post, acknowledge. Returns how many events the hub took (0 when the
    /// outbox was empty); throws, acknowledging nothing, when the hub did not take them.
    public func pumpOnce() async throws -> Int {
        let events = await source(configuration.maximumEventsPerBatch)
        guard let last = events.last else { return 0 }
        precondition(events.count <= configuration.maximumEventsPerBatch, "the source returns at most the limit")
        precondition(zip(events, events.dropFirst()).allSatisfy { $0.sequence < $1.sequence }, "the outbox is in sequence order")
        let response = try await post(events)
        switch response.statusCode {
        case 200:
            try count(response.body)
        case 410:
            // Every event is of a measure its court released (R-G6): the hub will never take them.
            eventsReleased += events.count
            logger.info("events of released measures dropped", metadata: ["detail": "\(response.bodyText)"])
        default:
            throw AdapterPollerError.hubRefused(status: response.statusCode, body: response.bodyText)
        }
        await acknowledge(last.sequence)
        return events.count
    }

    private func post(_ events: [PendingEvent]) async throws -> HubHTTPResponse {
        let seals = try sealer(events.map(\.receipt))
        precondition(seals.count == events.count, "the sealer seals every event")
        let entries = zip(events, seals).map { event, seal in
            [
                "court": event.court, "instructionId": event.instructionID,
                "receipt": Data(event.receipt).base64EncodedString(), "seal": seal,
            ]
        }
        let body = try JSONEncoder().encode(["events": entries])
        let path = "/v1/adapters/"
            + (configuration.adapterID.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? configuration.adapterID)
            + "/events"
        return try await client.request(.POST, path, body: Array(body), headers: [("content-type", "application/json")])
    }

    /// Counts the hub's per-event results.
    private func count(_ body: [UInt8]) throws {
        struct Results: Decodable {
            struct Result: Decodable { var status: String }
            var results: [Result]
        }
        let results = try JSONDecoder().decode(Results.self, from: Data(body)).results
        eventsAccepted += results.filter { $0.status == "accepted" }.count
        eventsRepeated += results.filter { $0.status == "repeated" }.count
        eventsReleased += results.filter { $0.status == "released" }.count
    }
}
