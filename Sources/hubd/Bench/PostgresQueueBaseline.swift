import Foundation
import Logging
import PostgresNIO
import QueryHub
import Synchronization

/// The conventional way to build the hub's queue, measured on the local PostgreSQL: a row per
/// bank work item, enqueued as each query fans out, leased 500 at a time with
/// `FOR UPDATE SKIP LOCKED`, deleted when answered. Every statement commits durably
/// (synchronous_commit on, as the PostgreSQL store requires).
enum PostgresQueueBaseline {
    struct Outcome: Sendable {
        var itemsPerSecond: Double
        var itemsCompleted: Int
        var synchronousCommit: String
        var workers: Int
    }

    /// Items leased per statement, as in the issue.
    static let leaseSize = 500
    /// Items waiting at most: the producer pauses above it, so the queue stays a working size.
    static let maximumBacklog = 200_000

    static func run(url: String, banks: Int, seconds: Double, workers: Int = 4) async throws -> Outcome {
        let parsed = try PostgresStore.Configuration(url: url)
        var configuration = PostgresClient.Configuration(
            host: parsed.host, port: parsed.port, username: parsed.username, password: parsed.password, database: parsed.database,
            tls: parsed.useTLS ? .prefer(.makeClientConfiguration()) : .disable)
        configuration.options.maximumConnections = workers + 2
        var logger = Logger(label: "bench.postgres")
        logger.logLevel = .error
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        let runner = Task { await client.run() }
        defer { runner.cancel() }
        try await client.query("DROP TABLE IF EXISTS bench_queue")
        try await client.query(
            "CREATE TABLE bench_queue (id bigserial PRIMARY KEY, instruction bigint NOT NULL, bank integer NOT NULL, state smallint NOT NULL DEFAULT 0, payload text NOT NULL)")
        var synchronous = "?"
        for try await value in try await client.query("SHOW synchronous_commit").decode(String.self) { synchronous = value }
        let backlog = Backlog()
        let deadline = Date().addingTimeInterval(seconds)
        let payload = String(repeating: "x", count: 160)
        let start = Date()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await produce(client: client, banks: banks, payload: payload, backlog: backlog, deadline: deadline) }
            for _ in 0..<workers {
                group.addTask { try await work(client: client, backlog: backlog, deadline: deadline) }
            }
            try await group.waitForAll()
        }
        let elapsed = Date().timeIntervalSince(start)
        let completed = backlog.counts.withLock { $0.completed }
        try await client.query("DROP TABLE IF EXISTS bench_queue")
        return Outcome(itemsPerSecond: Double(completed) / elapsed, itemsCompleted: completed, synchronousCommit: synchronous, workers: workers)
    }

    /// Enqueues one query's fan-out (a row per bank) per statement while the backlog allows.
    private static func produce(client: PostgresClient, banks: Int, payload: String, backlog: Backlog, deadline: Date) async throws {
        var instruction: Int64 = 0
        while Date() < deadline {
            let waiting = backlog.counts.withLock { $0.enqueued - $0.completed }
            if waiting > maximumBacklog {
                try await Task.sleep(for: .milliseconds(5))
                continue
            }
            instruction += 1
            try await client.query(
                "INSERT INTO bench_queue (instruction, bank, payload) SELECT \(instruction), bank, \(payload) FROM generate_series(1, \(banks)) AS bank")
            backlog.counts.withLock { $0.enqueued += banks }
        }
    }

    /// Leases up to 500 waiting items, then completes them (deletes the rows), until the deadline.
    private static func work(client: PostgresClient, backlog: Backlog, deadline: Date) async throws {
        while Date() < deadline {
            let rows = try await client.query(
                """
                UPDATE bench_queue SET state = 1 WHERE id IN (
                  SELECT id FROM bench_queue WHERE state = 0 ORDER BY id LIMIT \(leaseSize) FOR UPDATE SKIP LOCKED)
                RETURNING id
                """)
            var ids: [Int64] = []
            for try await id in rows.decode(Int64.self) { ids.append(id) }
            if ids.isEmpty {
                try await Task.sleep(for: .milliseconds(2))
                continue
            }
            try await client.query("DELETE FROM bench_queue WHERE id = ANY(\(ids))")
            backlog.counts.withLock { $0.completed += ids.count }
        }
    }
}

/// Items enqueued and completed so far in the baseline, shared by its producer and workers.
final class Backlog: Sendable {
    let counts = Mutex((enqueued: 0, completed: 0))
}
