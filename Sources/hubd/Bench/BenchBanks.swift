import Foundation
import HubClient
import HubPKI
import HubProtocol
import Logging
import QueryHub
import Synchronization

/// The banks' side: one ``AdapterPoller`` per bank adapter, each with its own client certificate,
/// verifying the court's seal on every item and answering with batch-sealed receipts. Banks in
/// one process verify each distinct sealed document once and share the verdict (real banks each
/// verify on their own machines); the verifications done are counted.
final class BenchBanks: Sendable {
    let pollers: [AdapterPoller]
    let clients: [HubHTTPClient]
    private let verdicts = VerdictCache()
    /// Verdicts kept at most; the oldest half is dropped beyond it.
    static let maximumVerdicts = 200_000
    /// Connections each bank keeps to the hub.
    static let connectionsPerBank = 1

    init(nation: BenchNation, statistics: BenchStatistics, settings: BenchSettings, baseURL: String) throws {
        var keys: [String: SealPublicKey] = [:]
        for (court, key) in nation.courtKeys { keys[Registry.sampleSealKeyID(for: .court(court))] = key.publicKey }
        let courtKeys = CourtSealKeys(keys: keys)
        var pollers: [AdapterPoller] = []
        var clients: [HubHTTPClient] = []
        var logger = Logger(label: "bench.bank")
        logger.logLevel = .error
        let verdicts = self.verdicts
        for adapter in nation.bankAdapters {
            let code = BenchNation.bankCode(ofAdapter: adapter)
            // One connection: the poller polls, answers and posts in sequence (a lease extension
            // only while a lease is held longer than the heartbeat, and then it waits its turn).
            let client = try nation.client(
                try PrincipalIdentity(kind: .bank, id: String(adapter.dropFirst("bank:".count))), baseURL: baseURL,
                connections: BenchBanks.connectionsPerBank)
            var configuration = AdapterPoller.Configuration(adapterID: adapter)
            configuration.maximumItemsPerPoll = settings.pollBatch
            configuration.waitSeconds = 5  // the bench hub allows at most 5 (BenchHub)
            configuration.minimumItemsPerPoll = settings.pollBatch
            configuration.lingerMilliseconds = settings.bankLingerMilliseconds
            configuration.concurrency = 64
            configuration.initialBackoffMilliseconds = 50
            configuration.maximumBackoffMilliseconds = 1_000
            let handler: AdapterPoller.Handler = { item in
                statistics.handled(instructionID: item.instructionID, adapter: adapter)
                if let problem = BenchBanks.verify(item, keys: courtKeys, verdicts: verdicts, statistics: statistics) {
                    statistics.error("bank refused a court seal: \(problem.prefix(60))")
                    let receipt = #"{"kind":"cannotAssist","header":{"instructionId":"\#(item.instructionID)","responder":"\#(code)","respondedAt":"\#(Timestamp(millisecondsSinceEpoch: HubRuntime.systemClock() / 1_000 * 1_000))"},"reason":"accountClosed","detail":"印章验证失败"}"#
                    return AdapterAnswer(outcome: "cannotAssist", receipt: Array(receipt.utf8))
                }
                let answer = BenchDocuments.receipt(kind: item.kind, instructionID: item.instructionID, bank: code, document: item.document, at: HubRuntime.systemClock())
                return AdapterAnswer(outcome: answer.outcome, receipt: answer.bytes)
            }
            let sealer = ReceiptSealing.sealer(key: nation.bankKeys[code]!, keyId: Registry.sampleSealKeyID(for: .bank(code: code)))
            pollers.append(AdapterPoller(configuration: configuration, client: client, handler: handler, sealer: sealer, logger: logger))
            clients.append(client)
        }
        self.pollers = pollers
        self.clients = clients
    }

    /// Checks the court's seal once per distinct seal signature; nil when it holds.
    static func verify(_ item: AdapterWorkItem, keys: CourtSealKeys, verdicts: VerdictCache, statistics: BenchStatistics) -> String? {
        var hasher = Hasher()
        hasher.combine(item.seal.signature)
        hasher.combine(item.document)
        let key = hasher.finalize()
        if let known = verdicts.table.withLock({ $0[key] }) { return known }
        let verdict = keys.problem(with: item)
        statistics.counters.withLock {
            $0.sealVerifications += 1
            if verdict != nil { $0.sealFailures += 1 }
        }
        verdicts.table.withLock { table in
            if table.count >= maximumVerdicts { table.removeAll(keepingCapacity: true) }
            table[key] = .some(verdict)
        }
        return verdict
    }

    /// Receipts the hub accepted, over every poller.
    func receiptsAccepted() async -> Int {
        var total = 0
        for poller in pollers { total += await poller.receiptsAccepted }
        return total
    }

    func shutdown() async {
        for client in clients { try? await client.shutdown() }
    }
}

/// The banks' shared verdicts on court seals, by hash of the seal and the document: nil when the
/// seal holds, else the reason.
final class VerdictCache: Sendable {
    let table = Mutex([Int: String?]())
}
