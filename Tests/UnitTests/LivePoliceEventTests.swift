import Foundation
import HubClient
import HubPKI
import HubProtocol
import Logging
import PoliceAdapter
import QueryHub
import Synchronization
import Testing

/// Later police events end to end over mutual TLS: a court's measure reaches the simulated police
/// through the hub, is acknowledged, and what the police come upon later — a sighting of the seized
/// vehicle (R-G4), the person found (R-G5) — reaches the court under its instruction, until the
/// court releases the measure (R-G6). Hub and office run on clocks the test moves.
@Suite("Police events through the live hub", .serialized)
struct LivePoliceEventTests {
    static let chaoyang = try! CourtCode("京0105")
    static let haidian = try! CourtCode("京0108")
    /// 2026-12-01T02:00:00Z: the police scenarios' worlds start on this day.
    static let startMilliseconds: Int64 = 1_796_090_400_000

    @Test("R-G4: a seized vehicle sighted later reaches the court under its instruction and in its stream; a repeat is a no-op")
    func sightingArrivesLater() async throws {
        let clock = ManualClock(milliseconds: Self.startMilliseconds)
        let hub = try await LiveHub.start(clock: { clock.milliseconds })
        let office = try await PoliceOffice.start(hub, scenario: "police-vehicle-sighting", at: Self.startMilliseconds)
        let seizure = try SampleInstructions.seizeVehicle(
            registry: hub.setup.registry, court: Self.chaoyang, instructionID: "S-1", issuedAtMilliseconds: clock.milliseconds)
        #expect(try await hub.submit(seizure, court: Self.chaoyang).statusCode == 202)
        #expect(try await office.poller.pollOnce() == 1)
        let since = try Timestamp("2026-12-01T02:00:00Z")
        #expect(await office.police.measureState("S-1") == .inForce(since: since))
        #expect(try await office.pump.pumpOnce() == 0)  // nothing seen yet

        // The scenario's patrol comes upon 京A12345 on 2027-01-15 at 02:20 and reports it at 02:30.
        try await office.advance(to: "2027-01-16T00:00:00Z")
        #expect(try await office.pump.pumpOnce() == 1)
        #expect(await office.pump.eventsAccepted == 1)
        #expect(await office.police.unacknowledgedEventCount == 0)  // acknowledged after the hub's 200
        let events = try await Self.events(hub, "S-1")
        #expect(events.count == 1)
        let sighting = try #require(events.first)
        #expect(sighting.adapter == "police:MPS")
        guard case .policeVehicleSighted(let seen) = sighting.document else {
            Issue.record("expected a sighting, got \(sighting.document.kind)")
            return
        }
        #expect(seen.plateNumber.text == "京A12345" && seen.location.text == "北京市朝阳区东三环中路国贸桥")
        #expect(seen.occasion == .patrol)
        let stream = try await hub.get("/v1/courts/\(segment("京0105"))/results", as: try Self.court(Self.chaoyang))
        let entries = (stream.json["events"] as? [[String: Any]] ?? []).map { "\($0["instructionId"] ?? "")/\($0["event"] ?? "")" }
        #expect(entries == ["S-1/receipt", "S-1/completed", "S-1/event"])

        // The same event posted again (with a fresh seal) changes nothing.
        let repeated = try await office.post([(Self.chaoyang, "S-1", sighting.bytes)])
        #expect(repeated.statusCode == 200)
        #expect((repeated.json["results"] as? [[String: Any]])?.first?["status"] as? String == "repeated")
        #expect(try await Self.events(hub, "S-1").count == 1)
        let after = try await hub.get("/v1/courts/\(segment("京0105"))/results", as: try Self.court(Self.chaoyang))
        #expect((after.json["events"] as? [Any])?.count == 3)
        try await office.shutdown()
        await hub.stop()
    }

    @Test("R-G4, R-G9: events for another adapter's or court's instruction, of the wrong kind, or with a bad seal are refused and nothing is stored")
    func refusals() async throws {
        let clock = ManualClock(milliseconds: Self.startMilliseconds)
        let hub = try await LiveHub.start(clock: { clock.milliseconds })
        let office = try await PoliceOffice.start(hub, scenario: "police-vehicle-sighting", at: Self.startMilliseconds)
        let registry = hub.setup.registry
        let seizure = try SampleInstructions.seizeVehicle(
            registry: registry, court: Self.chaoyang, instructionID: "S-2", issuedAtMilliseconds: clock.milliseconds)
        #expect(try await hub.submit(seizure, court: Self.chaoyang).statusCode == 202)
        let freeze = try SampleInstructions.freeze(
            registry: registry, court: Self.chaoyang, instructionID: "F-2", issuedAtMilliseconds: clock.milliseconds, amount: "100.00",
            from: SampleInstructions.chinaDay(ofMilliseconds: clock.milliseconds),
            to: SampleInstructions.chinaDay(ofMilliseconds: clock.milliseconds, plusDays: 30))
        #expect(try await hub.submit(freeze, court: Self.chaoyang).statusCode == 202)
        #expect(try await office.poller.pollOnce() == 1)

        // A bank's instruction (delivered to bank:ICBC), and the seizure under another court.
        let forFreeze = try await office.post([(Self.chaoyang, "F-2", Self.sighting("F-2"))])
        #expect(forFreeze.statusCode == 404 && forFreeze.json["field"] as? String == "events[0].instructionId", "\(forFreeze.bodyText)")
        let otherCourt = try await office.post([(Self.haidian, "S-2", Self.sighting("S-2"))])
        #expect(otherCourt.statusCode == 404)
        // A find does not belong to a seizure (R-G5 is for locate requests).
        let wrongKind = try await office.post([(Self.chaoyang, "S-2", Self.find("S-2"))])
        #expect(wrongKind.statusCode == 422 && wrongKind.json["field"] as? String == "events[0].instructionId", "\(wrongKind.bodyText)")
        // The receipt names another instruction than the entry.
        let mismatch = try await office.post([(Self.chaoyang, "S-2", Self.sighting("S-9"))])
        #expect(mismatch.json["field"] as? String == "events[0].receipt.header.instructionId", "\(mismatch.bodyText)")
        // Sealed by a bank's key under the office's key id; and bytes changed after sealing.
        let bankSealed = try await office.post(
            [(Self.chaoyang, "S-2", Self.sighting("S-2"))], key: hub.setup.sealKeys[.bank(code: "ICBC")]!)
        #expect(bankSealed.statusCode == 400 && bankSealed.json["type"] as? String == Problem.badSeal.type, "\(bankSealed.bodyText)")
        let tampered = try await office.post(
            [(Self.chaoyang, "S-2", Self.sighting("S-2"))], tamper: { Array(String(decoding: $0, as: UTF8.self).replacingOccurrences(of: "patrol", with: "inspection").utf8) })
        #expect(tampered.statusCode == 400 && tampered.json["field"] as? String == "events[0].seal", "\(tampered.bodyText)")
        // One bad entry refuses the whole batch: the good one beside it is not stored either.
        let mixed = try await office.post([(Self.chaoyang, "S-2", Self.sighting("S-2")), (Self.chaoyang, "F-2", Self.sighting("F-2"))])
        #expect(mixed.statusCode == 404 && mixed.json["field"] as? String == "events[1].instructionId")
        // Only the police office posts its events.
        let asBank = try await hub.withClient(try PrincipalIdentity(kind: .bank, id: "ICBC")) { client in
            try await client.request(.POST, "/v1/adapters/bank:ICBC/events", body: Array(#"{"events":[]}"#.utf8))
        }
        #expect(asBank.statusCode == 403)
        #expect(try await Self.events(hub, "S-2").isEmpty)
        let stream = try await hub.get("/v1/courts/\(segment("京0105"))/results", as: try Self.court(Self.chaoyang))
        #expect((stream.json["events"] as? [[String: Any]] ?? []).allSatisfy { $0["event"] as? String != "event" })
        try await office.shutdown()
        await hub.stop()
    }

    @Test("R-G5: a person found later reaches the court, every find oldest first, until one holds the person")
    func personFoundLater() async throws {
        let clock = ManualClock(milliseconds: Self.startMilliseconds)
        let hub = try await LiveHub.start(clock: { clock.milliseconds })
        let office = try await PoliceOffice.start(hub, scenario: "police-locate-person", at: Self.startMilliseconds)
        let locate = try SampleInstructions.locatePerson(
            registry: hub.setup.registry, court: Self.chaoyang, instructionID: "L-1", issuedAtMilliseconds: clock.milliseconds)
        let accepted = try await hub.submit(locate, court: Self.chaoyang)
        #expect(accepted.statusCode == 202, "\(accepted.bodyText)")
        #expect(try await office.poller.pollOnce() == 1)
        // Seen at Shanghai Hongqiao station on 2027-01-20, not held.
        try await office.advance(to: "2027-01-21T00:00:00Z")
        #expect(try await office.pump.pumpOnce() == 1)
        // Held for the court at a hotel on 2027-02-03; the find of 2027-03-01 is not reported.
        try await office.advance(to: "2027-04-01T00:00:00Z")
        #expect(try await office.pump.pumpOnce() == 1)
        #expect(try await office.pump.pumpOnce() == 0)
        let finds = try await Self.events(hub, "L-1").map { event -> PolicePersonFound? in
            if case .policePersonFound(let found) = event.document { return found }
            return nil
        }
        #expect(finds.map { $0?.location.text } == ["上海虹桥火车站", "上海市长宁区虹桥路1号"])
        #expect(finds.map { $0?.custody } == [.sightedNotHeld, .heldForCourt])
        try await office.shutdown()
        await hub.stop()
    }

    @Test("R-G6: after the court releases the seizure no later sighting is delivered, and the hub refuses one, also after a restart")
    func releaseStopsEvents() async throws {
        let clock = ManualClock(milliseconds: Self.startMilliseconds)
        let hub = try await LiveHub.start(clock: { clock.milliseconds })
        let office = try await PoliceOffice.start(hub, scenario: "police-vehicle-sighting", at: Self.startMilliseconds)
        let registry = hub.setup.registry
        let seizure = try SampleInstructions.seizeVehicle(
            registry: registry, court: Self.chaoyang, instructionID: "S-3", issuedAtMilliseconds: clock.milliseconds)
        #expect(try await hub.submit(seizure, court: Self.chaoyang).statusCode == 202)
        #expect(try await office.poller.pollOnce() == 1)
        try await office.advance(to: "2027-01-16T00:00:00Z")
        #expect(try await office.pump.pumpOnce() == 1)

        clock.advance(by: 46 * 86_400_000)
        let release = try SampleInstructions.releasePoliceMeasure(
            registry: registry, court: Self.chaoyang, instructionID: "R-3", issuedAtMilliseconds: clock.milliseconds,
            releasedID: "S-3", releasedKind: "police.seizeVehicle")
        let released = try await hub.submit(release, court: Self.chaoyang)
        #expect(released.statusCode == 202, "\(released.bodyText)")
        #expect(try await office.poller.pollOnce() == 1)
        #expect(await office.police.measureState("S-3").map { if case .released = $0 { true } else { false } } == true)
        // The inspection of 2027-02-01 and the transfer attempt of 2027-06-01 are not reported.
        try await office.advance(to: "2027-07-01T00:00:00Z")
        #expect(try await office.pump.pumpOnce() == 0)
        #expect(await office.police.unacknowledgedEventCount == 0)

        // An event of the released measure is refused with 410; nothing is stored.
        let late = try await office.post([(Self.chaoyang, "S-3", Self.sighting("S-3", at: "2027-02-01T02:00:00Z"))])
        #expect(late.statusCode == 410 && late.json["type"] as? String == Problem.measureReleased.type, "\(late.bodyText)")
        #expect(try await Self.events(hub, "S-3").count == 1)
        try await office.shutdown()
        await hub.stop()

        let restarted = try await LiveHub.start(configure: { $0.dataDirectory = hub.configuration.dataDirectory }, clock: { clock.milliseconds })
        let again = try await PoliceOffice.start(restarted, scenario: "police-vehicle-sighting", at: Self.startMilliseconds)
        let afterRestart = try await again.post([(Self.chaoyang, "S-3", Self.sighting("S-3", at: "2027-02-01T02:00:00Z"))])
        #expect(afterRestart.statusCode == 410, "\(afterRestart.bodyText)")
        #expect(try await Self.events(restarted, "S-3").count == 1)
        try await again.shutdown()
        await restarted.stop()
    }

    @Test("R-G4: a police adapter restarted with its state directory still files a sighting of a measure it took before under the court; without it the event is held")
    func sightingAfterAdapterRestart() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("police-memory-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let memory = PoliceCourtMemory(stateDirectory: directory)
        let clock = ManualClock(milliseconds: Self.startMilliseconds)
        let hub = try await LiveHub.start(clock: { clock.milliseconds })
        let first = try await PoliceOffice.start(hub, scenario: "police-vehicle-sighting", at: Self.startMilliseconds, memory: memory)
        let seizure = try SampleInstructions.seizeVehicle(
            registry: hub.setup.registry, court: Self.chaoyang, instructionID: "S-4", issuedAtMilliseconds: clock.milliseconds)
        #expect(try await hub.submit(seizure, court: Self.chaoyang).statusCode == 202)
        #expect(try await first.poller.pollOnce() == 1)
        try await first.shutdown()
        #expect(try memory.load() == [PoliceCourtMemory.Measure(instructionId: "S-4", court: "京0105")])

        // The patrol sights 京A12345 while the adapter is down; the office's system keeps its outbox.
        try await first.advance(to: "2027-01-16T00:00:00Z")
        let forgetful = try await PoliceOffice.start(
            hub, scenario: "police-vehicle-sighting", at: Self.startMilliseconds, police: first.police, time: first.time)
        #expect(try await forgetful.pump.pumpOnce() == 0, "an adapter that forgot the court holds the event")
        #expect(await first.police.unacknowledgedEventCount == 1)
        try await forgetful.shutdown()

        let restarted = try await PoliceOffice.start(
            hub, scenario: "police-vehicle-sighting", at: Self.startMilliseconds, police: first.police, time: first.time, memory: memory)
        #expect(try await restarted.pump.pumpOnce() == 1)
        #expect(await first.police.unacknowledgedEventCount == 0)
        let events = try await Self.events(hub, "S-4")
        #expect(events.count == 1 && events.first?.document.kind == .policeVehicleSighted, "\(events.map(\.document.kind))")
        try await restarted.shutdown()
        await hub.stop()
    }

    // MARK: - Helpers

    static func court(_ code: CourtCode) throws -> PrincipalIdentity { try PrincipalIdentity(kind: .court, id: code.description) }

    /// A sighting of 京A12345 on measure `id`, as the office writes it.
    static func sighting(_ id: String, at time: String = "2027-01-15T02:30:00Z") -> [UInt8] {
        Array("""
            {"header":{"instructionId":"\(id)","respondedAt":"\(time)","responder":"MPS"},"kind":"police.vehicleSighted",\
            "location":"北京市朝阳区东三环中路国贸桥","occasion":"patrol","plateNumber":"京A12345","sightedAt":"\(time)"}
            """.utf8)
    }

    /// A find of 张三 on measure `id`.
    static func find(_ id: String) -> [UInt8] {
        Array("""
            {"contactPhone":"021-62001234","custody":"heldForCourt","foundAt":"2027-02-03T10:40:00Z",\
            "header":{"instructionId":"\(id)","respondedAt":"2027-02-03T11:00:00Z","responder":"MPS"},\
            "kind":"police.personFound","location":"上海市长宁区虹桥路1号"}
            """.utf8)
    }

    /// The court's view of its instruction's events: the adapter, the exact bytes and their decoding.
    static func events(_ hub: LiveHub, _ id: String) async throws -> [(adapter: String, bytes: [UInt8], document: ReceiptDocument)] {
        let view = try await hub.get("/v1/instructions/\(id)", as: try court(chaoyang))
        #expect(view.statusCode == 200, "\(view.bodyText)")
        return try (view.json["events"] as? [[String: Any]] ?? []).map { event in
            let bytes = Array(try #require(Data(base64Encoded: event["receipt"] as? String ?? "")))
            return (event["adapter"] as? String ?? "", bytes, try StrictJSONDecoder().decode(ReceiptDocument.self, from: bytes))
        }
    }
}

/// The sample's police office (`police:MPS`) as a simulated office over a scenario's world, with
/// the poller and the event pump that run it, on a clock the test moves.
final class PoliceOffice: Sendable {
    static let adapterID = "police:MPS"
    static let owner = SealKeyOwner.policeOffice(id: "MPS")

    let hub: LiveHub
    let client: HubHTTPClient
    let police: SimulatedPolice
    let poller: AdapterPoller
    let pump: EventPump
    /// The office's time, which stamps its receipts and says which reports are due.
    let time: ManualClock

    private init(hub: LiveHub, client: HubHTTPClient, police: SimulatedPolice, poller: AdapterPoller, pump: EventPump, time: ManualClock) {
        self.hub = hub
        self.client = client
        self.police = police
        self.poller = poller
        self.pump = pump
        self.time = time
    }

    /// The office over a scenario's world from `milliseconds` on; or, to restart its adapter,
    /// over the running office `police` (its system keeps its state) at the time `time` shows.
    /// With `memory` the adapter keeps its measures' courts in that file.
    static func start(
        _ hub: LiveHub, scenario name: String, at milliseconds: Int64, police running: SimulatedPolice? = nil, time: ManualClock? = nil,
        memory: PoliceCourtMemory? = nil
    ) async throws -> PoliceOffice {
        let start = Timestamp(millisecondsSinceEpoch: milliseconds)
        let police = try running ?? SimulatedPolice(world: try PoliceTestKit.scenario(name).world, responder: "MPS", start: start)
        let client = try hub.client(try PrincipalIdentity(kind: .police, id: "MPS"))
        let time = time ?? ManualClock(milliseconds: milliseconds)
        let clock: @Sendable () -> Timestamp = { Timestamp(millisecondsSinceEpoch: time.milliseconds) }
        let feed = try memory.map { memory throws(PoliceCourtMemoryError) in
            try PoliceEventFeed(backend: police, clock: clock, memory: memory)
        } ?? PoliceEventFeed(backend: police, clock: clock)
        let handler = SealedItemHandler(
            courtKeys: try await CourtSealKeys.fetch(from: client), responder: "MPS", clock: clock,
            system: { document, now in
                do {
                    return try await police.handle(document, at: now)
                } catch {
                    Issue.record("the office refused \(document.header.instructionId): \(error)")
                    return .cannotAssist(CannotAssist(
                        header: ReceiptHeader(instructionId: document.header.instructionId, responder: "MPS", respondedAt: now),
                        reason: .other, detail: "refused"))
                }
            })
        var configuration = AdapterPoller.Configuration(adapterID: adapterID)
        configuration.waitSeconds = 1
        let sealer = ReceiptSealing.sealer(key: hub.setup.sealKeys[owner]!, keyId: Registry.sampleSealKeyID(for: owner))
        let poller = AdapterPoller(configuration: configuration, client: client, handler: feed.remembering(handler.answer), sealer: sealer)
        let pump = feed.pump(configuration: EventPump.Configuration(adapterID: adapterID), client: client, sealer: sealer, logger: .init(label: "test.events"))
        return PoliceOffice(hub: hub, client: client, police: police, poller: poller, pump: pump, time: time)
    }

    /// Moves the office's clock to `time`, making the reports due by then.
    func advance(to text: String) async throws {
        let target = try Timestamp(text)
        precondition(target.millisecondsSinceEpoch >= time.milliseconds, "the office's time never goes back")
        time.advance(by: target.millisecondsSinceEpoch - time.milliseconds)
        await police.advance(to: target)
    }

    /// Posts events as the office, batch-sealed with `key` (the office's own by default) under the
    /// office's key id; `tamper` changes each receipt after sealing.
    func post(
        _ events: [(court: CourtCode, instructionID: String, receipt: [UInt8])], key: SealPrivateKey? = nil,
        tamper: ([UInt8]) -> [UInt8] = { $0 }
    ) async throws -> HubHTTPResponse {
        let seals = try BatchSeal.seal(
            events.map(\.receipt), with: key ?? hub.setup.sealKeys[Self.owner]!, keyId: Registry.sampleSealKeyID(for: Self.owner))
        let encoder = JSONEncoder()
        let entries = try zip(events, seals).map { event, seal -> [String: String] in
            ["court": event.court.description, "instructionId": event.instructionID,
             "receipt": Data(tamper(event.receipt)).base64EncodedString(), "seal": String(decoding: try encoder.encode(seal), as: UTF8.self)]
        }
        return try await client.request(.POST, "/v1/adapters/police:MPS/events", body: Array(try encoder.encode(["events": entries])))
    }

    func shutdown() async throws { try await client.shutdown() }
}
