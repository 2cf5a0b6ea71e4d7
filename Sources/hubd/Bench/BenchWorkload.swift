import Foundation
import Synchronization
import HubProtocol

/// The kinds of instruction the courts submit, with their weights (percent).
struct BenchMix: Sendable, Equatable, CustomStringConvertible {
    enum Kind: String, Sendable, CaseIterable {
        case query, freeze, renew, unfreeze, deduct
    }

    var weights: [Kind: Int]

    /// 70% queries to every bank, 12% freezes, 6% renews, 6% unfreezes, 6% deducts (issue 6).
    static let standard = BenchMix(weights: [.query: 70, .freeze: 12, .renew: 6, .unfreeze: 6, .deduct: 6])

    /// Parses `query=70,freeze=12,…`; kinds not named weigh 0.
    init(parsing text: String) throws(BenchError) {
        var weights: [Kind: Int] = [:]
        for part in text.split(separator: ",") {
            let pair = part.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, let kind = Kind(rawValue: String(pair[0])), let weight = Int(pair[1]), weight >= 0, weight <= 1_000 else {
                throw .invalidOption("mix entry \"\(part)\" is not kind=weight with kind one of query, freeze, renew, unfreeze, deduct")
            }
            weights[kind] = weight
        }
        guard weights.values.reduce(0, +) > 0 else { throw .invalidOption("the mix weighs nothing") }
        self.weights = weights
    }

    init(weights: [Kind: Int]) {
        self.weights = weights
    }

    /// The kind for a uniform draw in 0..<total.
    func kind(at draw: Int) -> Kind {
        var remaining = draw
        for kind in Kind.allCases {
            let weight = weights[kind] ?? 0
            if remaining < weight { return kind }
            remaining -= weight
        }
        return .query
    }

    var total: Int { weights.values.reduce(0, +) }

    var description: String {
        Kind.allCases.compactMap { kind in weights[kind].map { "\(kind.rawValue)=\($0)" } }.joined(separator: ",")
    }
}

/// Why the bench could not run.
enum BenchError: Error, CustomStringConvertible {
    case invalidOption(String)
    case hubDidNotStart(String)

    var description: String {
        switch self {
        case .invalidOption(let reason): return "invalid option: \(reason)"
        case .hubDidNotStart(let reason): return "the hub did not start: \(reason)"
        }
    }
}

/// Zipf-distributed account indices: account k (1-based) drawn with weight 1/k^s, by inverting a
/// precomputed cumulative table (8 bytes per account).
struct ZipfAccounts: Sendable {
    private let cumulative: [Double]

    init(accounts: Int, exponent: Double) {
        precondition(accounts >= 1 && accounts <= 64_000_000, "1…64M accounts")
        precondition(exponent >= 0 && exponent <= 4, "exponent 0…4")
        var table = [Double](repeating: 0, count: accounts)
        var sum = 0.0
        for index in 0..<accounts {
            sum += 1 / pow(Double(index + 1), exponent)
            table[index] = sum
        }
        cumulative = table.map { $0 / sum }
    }

    /// The account for a uniform draw in [0, 1).
    func account(for uniform: Double) -> Int {
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] < uniform { low = middle + 1 } else { high = middle }
        }
        return low
    }
}

/// The freezes in force per court and account, so that renewals, releases and deducts name a real
/// freeze of the issuing court — the hub's ledger refuses a measure on another court's freeze.
final class BenchFreezes: Sendable {
    private let freezes = Mutex([String: String]())

    private static func key(_ court: CourtCode, _ account: Int) -> String { "\(court)/\(account)" }
    func record(court: CourtCode, account: Int, freezeID: String) { freezes.withLock { $0[Self.key(court, account)] = freezeID } }
    func freeze(court: CourtCode, account: Int) -> String? { freezes.withLock { $0[Self.key(court, account)] } }
    func release(court: CourtCode, account: Int) { freezes.withLock { $0[Self.key(court, account)] = nil } }
}
