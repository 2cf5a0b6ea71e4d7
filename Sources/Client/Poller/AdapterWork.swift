import Foundation
import HubProtocol

/// One item of work as an adapter receives it from the hub (`GET /v1/adapters/{id}/work`).
public struct AdapterWorkItem: Sendable, Equatable {
    /// The hub's item id (`B42` for a query to every bank, `D7` for a directed item).
    public var itemID: String
    public var instructionID: String
    /// The issuing court's code.
    public var court: String
    public var kind: String
    /// The court's exact sealed bytes, unchanged by the hub.
    public var document: [UInt8]
    /// The court's seal over `document`.
    public var seal: Seal
    /// 1 for a first delivery; more when a lease expired before the answer arrived.
    public var attempt: Int

    public init(itemID: String, instructionID: String, court: String, kind: String, document: [UInt8], seal: Seal, attempt: Int) {
        self.itemID = itemID
        self.instructionID = instructionID
        self.court = court
        self.kind = kind
        self.document = document
        self.seal = seal
        self.attempt = attempt
    }
}

/// An adapter's answer to one item: the outcome and the exact receipt bytes it seals.
public struct AdapterAnswer: Sendable, Equatable {
    /// `noAccountFound`, `done` or `cannotAssist` — it must match the receipt's kind.
    public var outcome: String
    /// The receipt document (JSON), exactly as sealed.
    public var receipt: [UInt8]
    /// The receipt's header when the adapter has it at hand: the poller then groups "no account
    /// found" answers into range receipts without decoding them again (nil: it decodes).
    public var header: ReceiptHeader?

    public init(outcome: String, receipt: [UInt8], header: ReceiptHeader? = nil) {
        self.outcome = outcome
        self.receipt = receipt
        self.header = header
    }
}

/// One lease as decoded from the hub's answer.
struct AdapterLease: Sendable {
    var token: String
    var items: [AdapterWorkItem]

    /// Decodes the hub's JSON; throws naming what is wrong.
    static func decode(_ body: [UInt8]) throws -> AdapterLease {
        struct Wire: Decodable {
            struct Item: Decodable {
                var itemId: String
                var instructionId: String
                var court: String
                var kind: String
                var document: String
                var seal: String
                var attempt: Int
            }
            var leaseToken: String
            var items: [Item]
        }
        let wire = try JSONDecoder().decode(Wire.self, from: Data(body))
        let items = try wire.items.map { item in
            guard let document = Data(base64Encoded: item.document) else {
                throw AdapterPollerError.malformedWork("item \(item.itemId): the document is not base64")
            }
            let seal = try JSONDecoder().decode(Seal.self, from: Data(item.seal.utf8))
            return AdapterWorkItem(
                itemID: item.itemId, instructionID: item.instructionId, court: item.court, kind: item.kind,
                document: Array(document), seal: seal, attempt: item.attempt)
        }
        return AdapterLease(token: wire.leaseToken, items: items)
    }
}

/// Why the poller could not go on with a response.
public enum AdapterPollerError: Error, Equatable, CustomStringConvertible {
    case malformedWork(String)
    case hubRefused(status: Int, body: String)

    public var description: String {
        switch self {
        case .malformedWork(let what): return "the hub's work is malformed: \(what)"
        case .hubRefused(let status, let body): return "the hub answered \(status): \(body)"
        }
    }
}
