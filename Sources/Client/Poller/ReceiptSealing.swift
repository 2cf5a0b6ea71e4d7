import Foundation
import HubProtocol

/// How adapters seal their receipts: one batch seal per post (R-B9).
public enum ReceiptSealing {
    /// A sealer signing each batch once with `key` under `keyId`.
    public static func sealer(key: SealPrivateKey, keyId: String) -> AdapterPoller.Sealer {
        { receipts in
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return try BatchSeal.seal(receipts, with: key, keyId: keyId).map { String(decoding: try encoder.encode($0), as: UTF8.self) }
        }
    }
}

/// The court seal keys an adapter trusts, fetched from the hub's registry (`GET /v1/registry/seal-keys`)
/// or given directly. An adapter verifies the court's seal itself before acting (R-B9, R-B10).
public struct CourtSealKeys: Sendable {
    /// Key id → public key.
    public var keys: [String: SealPublicKey]

    public init(keys: [String: SealPublicKey]) {
        self.keys = keys
    }

    /// Checks the court's seal over the item's exact bytes; nil when it holds, else the reason.
    public func problem(with item: AdapterWorkItem) -> String? {
        guard let key = keys[item.seal.keyId] else { return "the court's seal key \(item.seal.keyId) is not known" }
        guard item.seal.keyId.hasPrefix("court:\(item.court)#") else { return "the seal key \(item.seal.keyId) is not court \(item.court)'s" }
        do {
            try Seal.verify(item.document, seal: item.seal, publicKey: key)
            return nil
        } catch {
            return "the court's seal does not verify: \(error)"
        }
    }

    /// Fetches the courts' keys from the hub.
    public static func fetch(from client: HubHTTPClient) async throws -> CourtSealKeys {
        struct Entry: Decodable {
            var owner: String
            var keyId: String
            var algorithm: String
            var publicKey: String
        }
        let response = try await client.request(.GET, "/v1/registry/seal-keys")
        guard response.statusCode == 200 else { throw AdapterPollerError.hubRefused(status: response.statusCode, body: response.bodyText) }
        let entries = try JSONDecoder().decode([String: [Entry]].self, from: Data(response.body))["keys"] ?? []
        var keys: [String: SealPublicKey] = [:]
        for entry in entries where entry.owner.hasPrefix("court:") {
            guard let algorithm = SealAlgorithm(rawValue: entry.algorithm) else { continue }
            keys[entry.keyId] = try SealPublicKey(pemRepresentation: entry.publicKey, algorithm: algorithm)
        }
        return CourtSealKeys(keys: keys)
    }
}
