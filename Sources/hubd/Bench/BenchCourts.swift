import Foundation
import HubClient
import HubPKI
import HubProtocol
import QueryHub

/// The courts' side of the bench: submitters posting sealed instructions as fast as the hub
/// takes them (or with think time), and one results follower per court long-polling its results.
struct BenchCourts: Sendable {
    let nation: BenchNation
    let documents: BenchDocuments
    let statistics: BenchStatistics
    let settings: BenchSettings
    let zipf: ZipfAccounts
    let freezes = BenchFreezes()
    let clients: [CourtCode: HubHTTPClient]
    let runIdentifier: String

    init(nation: BenchNation, statistics: BenchStatistics, settings: BenchSettings, baseURL: String) throws {
        self.nation = nation
        self.documents = BenchDocuments(registry: nation.registry)
        self.statistics = statistics
        self.settings = settings
        self.zipf = ZipfAccounts(accounts: settings.accounts, exponent: settings.zipfExponent)
        var clients: [CourtCode: HubHTTPClient] = [:]
        for court in nation.courts {
            clients[court] = try nation.client(
                try PrincipalIdentity(kind: .court, id: court.description), baseURL: baseURL,
                connections: max(2, settings.submitters / nation.courts.count + 2))
        }
        self.clients = clients
        runIdentifier = String(UInt32.random(in: 0...UInt32.max), radix: 36).uppercased()
    }

    /// Submitter `index` posts instructions until `deadline` (uptime microseconds).
    func submit(index: Int, deadline: UInt64) async {
        var generator = SystemRandomNumberGenerator()
        var sequence = 0
        let court = nation.courts[index % nation.courts.count]
        let client = clients[court]!
        let key = nation.courtKeys[court]!
        let keyID = Registry.sampleSealKeyID(for: .court(court))
        while BenchStatistics.nowMicroseconds() < deadline && !Task.isCancelled {
            sequence += 1
            let id = "BN\(runIdentifier)-\(index)-\(sequence)"
            let kind = settings.mix.kind(at: Int.random(in: 0..<settings.mix.total, using: &generator))
            do {
                guard let document = try self.document(kind, court: court, id: id, random: &generator) else { continue }
                let body = Array(try JSONEncoder().encode(try SealedDocument.seal(document.bytes, with: key, keyId: keyID)))
                let started = BenchStatistics.nowMicroseconds()
                statistics.counters.withLock { $0.submitted += 1 }
                let response = try await post(body, client: client)
                if response.statusCode == 202 {
                    statistics.accepted(id: id, startedAt: started, measure: kind != .query)
                    document.onAccepted()
                } else {
                    statistics.error("submit \(response.statusCode) \(Self.problemType(response.body))")
                    if response.statusCode == 429 || response.statusCode == 503 { try? await Task.sleep(for: .milliseconds(50)) }
                }
            } catch {
                statistics.error("submit: \(error)")
                try? await Task.sleep(for: .milliseconds(100))
            }
            if settings.thinkMilliseconds > 0 { try? await Task.sleep(for: .milliseconds(settings.thinkMilliseconds)) }
        }
    }

    /// The most times one sealed instruction is sent before the court gives up on it.
    static let maximumSubmitAttempts = 5

    /// Posts `body` until the hub answers it. A court that lost the connection, or the answer, does
    /// not know whether the hub accepted; it sends the same sealed bytes again, which the hub
    /// answers with its first answer. Without this, an instruction accepted while its 202 was lost
    /// would complete unknown to the court that sent it. A 503 (a store failure, or no leader) is
    /// retried the same way; 429 is not: back-pressure is the bench's to count.
    private func post(_ body: [UInt8], client: HubHTTPClient) async throws -> HubHTTPResponse {
        var attempt = 1
        while true {
            statistics.counters.withLock { $0.hubRequests += 1 }
            do {
                let response = try await client.request(
                    .POST, "/v1/instructions", body: body, headers: [("content-type", "application/json")])
                if response.statusCode != 503 || attempt == Self.maximumSubmitAttempts { return response }
            } catch {
                if attempt == Self.maximumSubmitAttempts || Task.isCancelled { throw error }
            }
            try await Task.sleep(for: .milliseconds(100 * attempt))
            attempt += 1
        }
    }

    /// The bytes of one instruction of `kind`, and what to remember once the hub accepts it.
    /// A measure on an account without a freeze in force becomes a freeze.
    private func document(
        _ kind: BenchMix.Kind, court: CourtCode, id: String, random: inout SystemRandomNumberGenerator
    ) throws -> (bytes: [UInt8], onAccepted: @Sendable () -> Void)? {
        let now = HubRuntime.systemClock()
        if kind == .query { return (try documents.query(court: court, id: id, at: now), {}) }
        let account = zipf.account(for: Double.random(in: 0..<1, using: &random))
        let bank = nation.accountBanks[account % nation.accountBanks.count]
        let freezes = self.freezes
        guard let freezeID = freezes.freeze(court: court, account: account), kind != .freeze else {
            return (try documents.freeze(court: court, id: id, bank: bank, account: account, at: now), {
                freezes.record(court: court, account: account, freezeID: id)
            })
        }
        switch kind {
        case .renew: return (try documents.renew(court: court, id: id, freezeID: freezeID, bank: bank, account: account, at: now), {})
        case .unfreeze:
            return (try documents.unfreeze(court: court, id: id, freezeID: freezeID, bank: bank, account: account, at: now), { freezes.release(court: court, account: account) })
        default: return (try documents.deduct(court: court, id: id, freezeID: freezeID, bank: bank, account: account, at: now), {})
        }
    }

    /// Follows `court`'s results until cancelled, counting completions and receipts.
    func follow(court: CourtCode) async {
        let client = clients[court]!
        let path = "/v1/courts/" + (court.description.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? court.description) + "/results"
        var cursor: Int64 = 0
        while !Task.isCancelled {
            do {
                statistics.counters.withLock { $0.hubRequests += 1 }
                let response = try await client.request(.GET, path + "?after=\(cursor)&waitSeconds=1&max=5000", timeout: .seconds(30))
                guard response.statusCode == 200 else {
                    statistics.error("results \(response.statusCode)")
                    try? await Task.sleep(for: .milliseconds(200))
                    continue
                }
                struct Page: Decodable {
                    struct Event: Decodable { var instructionId: String; var event: String }
                    var events: [Event]
                    var cursor: Int64
                }
                let page = try JSONDecoder().decode(Page.self, from: Data(response.body))
                var receipts = 0
                for event in page.events {
                    if event.event == "completed" { statistics.completed(id: event.instructionId) } else { receipts += 1 }
                }
                statistics.counters.withLock { $0.receiptEvents += receipts }
                cursor = page.cursor
            } catch {
                if Task.isCancelled { return }
                statistics.error("results: \(error)")
                try? await Task.sleep(for: .milliseconds(200))
            }
        }
    }

    /// The problem type's last path segment, or the body's start.
    static func problemType(_ body: [UInt8]) -> String {
        if let object = (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any], let type = object["type"] as? String {
            let title = (object["detail"] as? String).map { ": " + $0.prefix(80) } ?? ""
            return String(type.split(separator: "/").last ?? "") + title
        }
        return String(decoding: body.prefix(80), as: UTF8.self)
    }

    func shutdown() async {
        for client in clients.values { try? await client.shutdown() }
    }
}
