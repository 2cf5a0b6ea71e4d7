import BankAdapter
import Foundation
import HubProtocol
import Testing

@Suite("Scenarios")
struct ScenarioTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scenarios")
    /// Each scenario plays one awkward case, and its steps' expectations check the rules it names:
    /// limited-freeze-fills R-B12, R-B14; queued-freezes R-B13; pension-protected R-P1;
    /// joint-account and pledged-margin R-B16; foreign-currency-deduct R-B17; closed-account R-B21,
    /// R-B8; wealth-product R-B15 (a product frozen through its linked fund account), R-B8.
    static let names = [
        "limited-freeze-fills", "queued-freezes", "pension-protected", "joint-account", "pledged-margin",
        "foreign-currency-deduct", "closed-account", "wealth-product",
    ]

    static func load(_ name: String) throws -> Scenario {
        let bytes = try [UInt8](Data(contentsOf: directory.appendingPathComponent(name + ".json")))
        return try Scenario.decode(bytes)
    }

    @Test("every example scenario is shipped and no other")
    func shipped() throws {
        // The police scenarios beside them are the police simulation's (SimulatedPoliceTests).
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.directory.path)
            .filter { $0.hasSuffix(".json") && !$0.hasPrefix("police-") }
        #expect(Set(files) == Set(Self.names.map { $0 + ".json" }))
    }

    @Test("each example loads, plays, and every receipt is what the file expects and obeys the wire rules", arguments: names)
    func plays(_ name: String) throws {
        let scenario = try Self.load(name)
        #expect(scenario.name == name)
        var player = try ScenarioPlayer(scenario: scenario)
        let outcomes = try player.play()
        #expect(outcomes.count == scenario.steps.count && !outcomes.isEmpty)
        for outcome in outcomes {
            #expect(outcome.mismatches.isEmpty, "\(name) \(outcome.id): \(outcome.mismatches)")
        }
        #expect(player.ledgers.allSatisfy { $0.now == scenario.end && $0.pendingEventCount == 0 })
    }

    @Test("R-B14: at the scenario's end the limited freeze has lapsed, and every salary not deducted is the holder's again")
    func limitedFreezeLapses() throws {
        var player = try ScenarioPlayer(scenario: try Self.load("limited-freeze-fills"))
        _ = try player.play()
        let account = try #require(player.ledgers[0].account(AccountKey(number: "6222020200112233445", currency: .cny)))
        #expect(account.freezes.isEmpty)
        // 30,000 + 12 salaries of 25,000 − 100,000 deducted.
        #expect(account.balanceMinor == 23_000_000 && account.spendableMinor == 23_000_000)
    }

    @Test("an expectation the bank does not meet is reported, not passed")
    func mismatchReported() throws {
        let text = String(decoding: try Data(contentsOf: Self.directory.appendingPathComponent("joint-account.json")), as: UTF8.self)
        let wrong = text.replacingOccurrences(of: #""held": "50000.00""#, with: #""held": "80000.00""#)
        #expect(wrong != text)
        var player = try ScenarioPlayer(scenario: try Scenario.decode(Array(wrong.utf8)))
        let mismatches = try player.play().flatMap(\.mismatches)
        #expect(mismatches == ["held: expected 80000.00, got 50000.00"])
    }

    @Test("strict decoding: an unknown key is refused with its path")
    func unknownKeyRefused() throws {
        let text = String(decoding: try Data(contentsOf: Self.directory.appendingPathComponent("queued-freezes.json")), as: UTF8.self)
        let extra = text.replacingOccurrences(of: #""kind": "current","#, with: #""kind": "current", "overdraft": "100.00","#)
        #expect(extra != text)
        #expect {
            _ = try Scenario.decode(Array(extra.utf8))
        } throws: { error in
            "\(error)".contains("$.banks[0].accounts[0].overdraft")
        }
    }

    @Test("an event with a field its kind does not take, or a claim the account lacks, is refused")
    func badEventsRefused() throws {
        let text = String(decoding: try Data(contentsOf: Self.directory.appendingPathComponent("pledged-margin.json")), as: UTF8.self)
        let withAmount = text.replacingOccurrences(of: #""claim": "MARGIN-1""#, with: #""amount": "1.00", "claim": "MARGIN-1""#)
        #expect(throws: ScenarioError.invalidField(path: "$.banks[0].events[0].amount", reason: "a claimReviewStarts event takes no amount")) {
            _ = try Scenario.decode(Array(withAmount.utf8)).makeLedgers()
        }
        let unknownClaim = text.replacingOccurrences(of: #""claim": "MARGIN-1""#, with: #""claim": "MARGIN-9""#)
        let key = AccountKey(number: "0200004501012345678", currency: .cny)
        #expect(throws: ScenarioError.ledger(path: "$.banks[0].events[0]", .unknownClaim(key, claimId: "MARGIN-9"))) {
            _ = try Scenario.decode(Array(unknownClaim.utf8)).makeLedgers()
        }
    }
}
