import AsyncHTTPClient
import Foundation
import HubClient
import HubPKI
import HubProtocol
import Logging
import QueryHub
import ServiceLifecycle

/// A real hub for tests: SQLite on disk in a temporary directory, the development PKI, the sample
/// registry, HTTPS with mutual TLS on a free loopback port.
final class LiveHub: Sendable {
    let configuration: HubConfiguration
    let setup: DevelopmentSetup
    private let running: RunningHub

    /// A hub on a fresh data directory (or the one `configure` sets, to start again on a stopped
    /// hub's data), on `clock` (Unix milliseconds).
    static func start(
        configure: (inout HubConfiguration) -> Void = { _ in }, clock: @escaping @Sendable () -> Int64 = HubRuntime.systemClock,
        store makeStore: (_ databasePath: String) throws -> any Store = { try SQLiteStore(path: $0) }
    ) async throws -> LiveHub {
        var configuration = HubConfiguration()
        configuration.dataDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("hub-\(UUID().uuidString)").path
        configuration.listenPort = 0
        configuration.operatorPort = 0
        configure(&configuration)
        let setup = try DevelopmentSetup.prepare(configuration)
        var logger = Logger(label: "live-hub")
        logger.logLevel = .warning
        let store = try makeStore(configuration.databasePath)
        let runtime = try await HubRuntime(
            configuration: configuration, registry: setup.registry, store: store, logger: logger, clock: clock)
        let running = try await runtime.start(
            tlsConfiguration: try makeServerTLSConfiguration(server: setup.pki.server, trustRootsPEM: setup.pki.authority.certificatePEM))
        return LiveHub(configuration: configuration, setup: setup, running: running)
    }

    private init(configuration: HubConfiguration, setup: DevelopmentSetup, running: RunningHub) {
        self.configuration = configuration
        self.setup = setup
        self.running = running
    }

    var runtime: HubRuntime { running.runtime }
    var apiPort: Int { running.apiPort }
    var operatorPort: Int { running.operatorPort }

    func stop() async {
        await running.stop()
    }

    /// A client holding `principal`'s certificate.
    func client(_ principal: PrincipalIdentity) throws -> HubHTTPClient {
        try HubHTTPClient(
            baseURL: "https://127.0.0.1:\(apiPort)",
            tlsConfiguration: try makeClientTLSConfiguration(client: setup.pki.client(principal), trustRootsPEM: setup.pki.authority.certificatePEM))
    }

    /// The sealed envelope a court posts: the exact bytes and the court's seal over them.
    func sealed(_ document: [UInt8], court: CourtCode) throws -> [UInt8] {
        let owner = SealKeyOwner.court(court)
        let sealed = try SealedDocument.seal(document, with: setup.sealKeys[owner]!, keyId: Registry.sampleSealKeyID(for: owner))
        return Array(try JSONEncoder().encode(sealed))
    }

    /// A receipt batch from `bank`, sealed with one batch seal, as the adapter posts it.
    func receiptBatch(bank: String, entries: [(itemID: String, leaseToken: String, outcome: String, receipt: [UInt8])]) throws -> [UInt8] {
        let owner = SealKeyOwner.bank(code: bank)
        let seals = try BatchSeal.seal(entries.map(\.receipt), with: setup.sealKeys[owner]!, keyId: Registry.sampleSealKeyID(for: owner))
        let encoder = JSONEncoder()
        let receipts = try zip(entries, seals).map { entry, seal -> [String: String] in
            ["itemId": entry.itemID, "leaseToken": entry.leaseToken, "outcome": entry.outcome,
             "receipt": Data(entry.receipt).base64EncodedString(), "seal": String(decoding: try encoder.encode(seal), as: UTF8.self)]
        }
        return Array(try encoder.encode(["receipts": receipts]))
    }
}

extension LiveHub {
    /// Runs `body` with a client holding `principal`'s certificate, shut down after in every case.
    func withClient<Result: Sendable>(
        _ principal: PrincipalIdentity, _ body: (HubHTTPClient) async throws -> Result
    ) async throws -> Result {
        let client = try self.client(principal)
        do {
            let result = try await body(client)
            try await client.shutdown()
            return result
        } catch {
            try? await client.shutdown()
            throw error
        }
    }

    /// Posts a court's document, sealed with the court's key, as that court.
    func submit(_ document: [UInt8], court: CourtCode) async throws -> HubHTTPResponse {
        let body = try sealed(document, court: court)
        return try await withClient(try PrincipalIdentity(kind: .court, id: court.description)) { client in
            try await client.request(.POST, "/v1/instructions", body: body)
        }
    }

    /// Leases the next item of a bank's head-office adapter: its item id, lease token and instruction.
    func leaseNext(bank: String) async throws -> (itemID: String, leaseToken: String, instructionID: String)? {
        let work = try await withClient(try PrincipalIdentity(kind: .bank, id: bank)) { client in
            try await client.request(.GET, "/v1/adapters/bank:\(bank)/work?max=1")
        }
        guard work.statusCode == 200, let token = work.json["leaseToken"] as? String,
              let item = (work.json["items"] as? [[String: Any]])?.first,
              let itemID = item["itemId"] as? String, let instructionID = item["instructionId"] as? String
        else { return nil }
        return (itemID, token, instructionID)
    }

    /// Sends one receipt, sealed by the bank's key, for a leased item.
    func answer(bank: String, itemID: String, leaseToken: String, receipt: [UInt8], outcome: String = "done")
        async throws -> HubHTTPResponse
    {
        let batch = try receiptBatch(bank: bank, entries: [(itemID, leaseToken, outcome, receipt)])
        return try await withClient(try PrincipalIdentity(kind: .bank, id: bank)) { client in
            try await client.request(.POST, "/v1/adapters/bank:\(bank)/receipts", body: batch)
        }
    }

    /// A GET as `principal`.
    func get(_ path: String, as principal: PrincipalIdentity) async throws -> HubHTTPResponse {
        try await withClient(principal) { client in try await client.request(.GET, path) }
    }
}

extension HubHTTPResponse {
    /// The body as a JSON object.
    var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:] }
}

/// A path segment with its non-ASCII characters percent-encoded (court codes are Chinese).
func segment(_ text: String) -> String {
    text.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))) ?? text
}
