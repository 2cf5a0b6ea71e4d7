import Foundation
import HubClient
import HubProtocol
import PoliceAdapter
import Testing

/// The police adapter's memory of its measures' courts on disk: written whole and renamed into
/// place, read back after a restart, refused when it is not a memory file.
@Suite("Police adapter's memory of measures")
struct PoliceCourtMemoryTests {
    /// A fresh state directory, removed after `body`.
    static func inDirectory<Result>(_ body: (String) async throws -> Result) async throws -> Result {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("police-memory-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        return try await body(directory)
    }

    static func item(_ id: String, court: String, kind: String = "police.seizeVehicle") -> AdapterWorkItem {
        AdapterWorkItem(
            itemID: "D-" + id, instructionID: id, court: court, kind: kind, document: [],
            seal: Seal(algorithm: .ed25519, keyId: "court:\(court)#1", signature: [0]), attempt: 1)
    }

    @Test("a memory saved is loaded back in order; no file yet is an empty memory; nothing is left beside it")
    func roundTrip() async throws {
        try await Self.inDirectory { directory in
            let memory = PoliceCourtMemory(stateDirectory: directory)
            #expect(try memory.load().isEmpty)
            let measures = [
                PoliceCourtMemory.Measure(instructionId: "S-1", court: "京0105"),
                PoliceCourtMemory.Measure(instructionId: "L-2", court: "沪0101"),
            ]
            try memory.save(measures)
            try memory.save(measures + [PoliceCourtMemory.Measure(instructionId: "S-3", court: "京0108")])
            #expect(try memory.load().map(\.instructionId) == ["S-1", "L-2", "S-3"])
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == [PoliceCourtMemory.fileName])
        }
    }

    @Test("a file that is not a memory file, or of another version, is refused with its path")
    func refusals() async throws {
        try await Self.inDirectory { directory in
            let memory = PoliceCourtMemory(stateDirectory: directory)
            for text in [#"{"version":1,"measures":[{"instructionId":"S-1"}]}"#, #"{"version":2,"measures":[]}"#, "not json"] {
                #expect(FileManager.default.createFile(atPath: memory.path, contents: Data(text.utf8)))
                #expect {
                    try memory.load()
                } throws: { error in
                    guard case .unreadable(let path, _) = error as? PoliceCourtMemoryError else { return false }
                    return path == memory.path
                }
            }
        }
    }

    @Test("a feed with a memory file writes each measure that reports events and restores them after a restart, newest within its bound")
    func feedRestores() async throws {
        try await Self.inDirectory { directory in
            let memory = PoliceCourtMemory(stateDirectory: directory)
            let police = try SimulatedPolice(
                world: try PoliceTestKit.scenario("police-vehicle-sighting").world, responder: "MPS",
                start: try Timestamp("2026-12-01T00:00:00Z"))
            let clock: @Sendable () -> Timestamp = { Timestamp(millisecondsSinceEpoch: 0) }
            let feed = try PoliceEventFeed(backend: police, clock: clock, maximumRememberedMeasures: 2, memory: memory)
            await feed.remember(Self.item("S-1", court: "京0105"))
            await feed.remember(Self.item("Q-1", court: "京0105", kind: "police.identity"))  // reports no events
            await feed.remember(Self.item("L-2", court: "沪0101", kind: "police.locatePerson"))
            await feed.remember(Self.item("S-3", court: "京0108"))
            #expect(try memory.load().map(\.instructionId) == ["L-2", "S-3"], "the bound of two keeps the newest")

            let restarted = try PoliceEventFeed(backend: police, clock: clock, maximumRememberedMeasures: 2, memory: memory)
            #expect(await restarted.court(of: "L-2") == "沪0101")
            #expect(await restarted.court(of: "S-3") == "京0108")
            #expect(await restarted.court(of: "S-1") == nil)
            let smaller = try PoliceEventFeed(backend: police, clock: clock, maximumRememberedMeasures: 1, memory: memory)
            #expect(await smaller.court(of: "L-2") == nil)
            #expect(await smaller.court(of: "S-3") == "京0108")
        }
    }
}
