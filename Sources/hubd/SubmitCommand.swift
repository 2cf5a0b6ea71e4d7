import ArgumentParser
import Foundation
import HubClient
import HubPKI
import HubProtocol
import QueryHub

/// `hubd submit`: the court side — seal a JSON instruction with the court's key, submit it over
/// mutual TLS with the court's certificate, and wait for its results.
struct SubmitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submit", abstract: "Seal an instruction as a court, submit it, and wait for its results.")

    @Option(help: "The demo's data directory (seal keys and PKI).")
    var dataDirectory = "var/demo"

    @Option(help: "The issuing court's code, e.g. 京0105.")
    var court: String

    @Option(help: "The hub's API address.")
    var url = "https://127.0.0.1:8443"

    @Option(help: "Seconds to wait for the instruction to complete (0: do not wait).")
    var waitSeconds = 30

    @Argument(help: "The instruction document (JSON), sealed exactly as it is on disk.")
    var file: String

    func run() async throws {
        let courtCode = try CourtCode(court)
        guard let document = FileManager.default.contents(atPath: file) else { throw ValidationError("cannot read \(file)") }
        let owner = SealKeyOwner.court(courtCode)
        let keyPath = DevelopmentSetup.sealKeyPath(for: owner, directory: dataDirectory + "/seals")
        guard let keyPEM = FileManager.default.contents(atPath: keyPath) else { throw ValidationError("no seal key at \(keyPath)") }
        let key = try SealPrivateKey(pemRepresentation: String(decoding: keyPEM, as: UTF8.self))
        let sealed = try SealedDocument.seal(Array(document), with: key, keyId: Registry.sampleSealKeyID(for: owner))
        let pki = try DevelopmentPKI.load(directory: dataDirectory + "/pki")
        let principal = try PrincipalIdentity(kind: .court, id: courtCode.description)
        let client = try HubHTTPClient(
            baseURL: url, tlsConfiguration: try makeClientTLSConfiguration(client: pki.client(principal), trustRootsPEM: pki.authority.certificatePEM))
        do {
            try await submit(sealed, client: client)
        } catch {
            try? await client.shutdown()
            throw error
        }
        try await client.shutdown()
    }

    private func submit(_ sealed: SealedDocument, client: HubHTTPClient) async throws {
        let answer = try await client.request(.POST, "/v1/instructions", body: Array(try JSONEncoder().encode(sealed)),
                                              headers: [("content-type", "application/json")])
        print("\(answer.statusCode) \(answer.bodyText)")
        guard answer.statusCode == 202, waitSeconds > 0,
            let id = (try? JSONSerialization.jsonObject(with: Data(answer.body)) as? [String: Any])?["id"] as? String
        else { return }
        let path = "/v1/instructions/" + (id.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? id)
        let deadline = Date().addingTimeInterval(TimeInterval(waitSeconds))
        while Date() < deadline {
            let view = try await client.request(.GET, path)
            if view.bodyText.contains("\"status\":\"completed\"") {
                print(SubmitCommand.readable(view.body))
                return
            }
            try await Task.sleep(for: .seconds(1))
        }
        print(SubmitCommand.readable(try await client.request(.GET, path).body))
    }

    /// The instruction's view with each receipt's bytes shown as the JSON they hold.
    static func readable(_ body: [UInt8]) -> String {
        guard var object = (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] else {
            return String(decoding: body, as: UTF8.self)
        }
        if let receipts = object["receipts"] as? [[String: Any]] {
            object["receipts"] = receipts.map { receipt -> [String: Any] in
                var receipt = receipt
                if let text = receipt["receipt"] as? String, let bytes = Data(base64Encoded: text),
                    let decoded = try? JSONSerialization.jsonObject(with: bytes)
                {
                    receipt["receipt"] = decoded
                }
                receipt["seal"] = nil
                return receipt
            }
        }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data(body)
        return String(decoding: data, as: UTF8.self)
    }
}
