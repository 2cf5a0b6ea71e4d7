import Foundation
import HubProtocol
import PoliceAdapter
import QueryHub
import Testing

/// Police queries and measures end to end over mutual TLS: a court's sealed query or exit
/// restriction reaches the simulated police office through the hub, and the court reads the
/// office's receipt document — every field R-G2 and R-G3 name — from `GET /v1/instructions/{id}`.
@Suite("Police queries and measures through the live hub", .serialized)
struct LivePoliceTests {
    static let chaoyang = LivePoliceEventTests.chaoyang
    static let startMilliseconds = LivePoliceEventTests.startMilliseconds

    @Test("R-G2: identity, exit-entry, vehicle and hotel-stay results reach the court through the hub with every field")
    func queriesReachTheCourt() async throws {
        let clock = ManualClock(milliseconds: Self.startMilliseconds)
        let hub = try await LiveHub.start(clock: { clock.milliseconds })
        let office = try await PoliceOffice.start(hub, scenario: "police-vehicle-sighting", at: Self.startMilliseconds)
        let kinds: [(id: String, kind: InstructionKind)] = [
            ("P-ID", .policeIdentity), ("P-EE", .policeExitEntry), ("P-VH", .policeVehicles), ("P-HS", .policeHotelStays),
        ]
        for (id, kind) in kinds {
            let query = try SampleInstructions.policeQuery(
                kind, registry: hub.setup.registry, court: Self.chaoyang, instructionID: id, issuedAtMilliseconds: clock.milliseconds)
            let accepted = try await hub.submit(query, court: Self.chaoyang)
            #expect(accepted.statusCode == 202, "\(accepted.bodyText)")
        }
        #expect(try await office.poller.pollOnce() == 4)

        let identity = try #require(try await Self.answer(hub, "P-ID").identityResult)
        #expect(identity.header.responder.text == "MPS" && identity.header.instructionId.text == "P-ID")
        #expect(identity.name.text == "张三" && identity.formerNames.map(\.text) == ["张小三"])
        #expect(identity.birthDate.description == "1949-12-31" && identity.idNumber.text == "11010519491231002X")
        #expect(identity.householdRegistration.text == "北京市朝阳区建外街道" && identity.address.text == "北京市朝阳区建国路88号")
        #expect(identity.photo.reference.text.hasSuffix("/photo/11010519491231002X"), "\(identity.photo)")

        let exitEntry = try #require(try await Self.answer(hub, "P-EE").exitEntryResult)
        #expect(exitEntry.documents.map(\.number.text) == ["E12345678"])
        #expect(exitEntry.records.map(\.direction) == [.exit, .entry])
        let crossing = try #require(exitEntry.records.first)
        #expect(crossing.time.description == "2026-08-01T08:15:00Z" && crossing.destination.text == "泰国曼谷")
        #expect(crossing.registeredPhone.text == "13800138000")

        let vehicles = try #require(try await Self.answer(hub, "P-VH").vehiclesResult)
        #expect(vehicles.vehicles.map(\.plateNumber.text) == ["京A12345", "京N8B765"])
        let passat = try #require(vehicles.vehicles.first)
        #expect(passat.brand.text == "大众" && passat.model.text == "帕萨特 2021款 330TSI" && passat.vehicleType.text == "小型轿车")
        #expect(passat.vin.text == "LSVAU2187N2123456")
        #expect(passat.registeringOffice.text == "北京市公安局公安交通管理局车辆管理所" && passat.registeredOn.description == "2021-09-15")
        #expect(passat.mortgagee?.text == "中国工商银行股份有限公司北京朝阳支行")
        #expect(passat.seizures.map(\.authority.text) == ["北京市海淀区人民法院"])

        let stays = try #require(try await Self.answer(hub, "P-HS").hotelStaysResult)
        #expect(stays.stays.map(\.hotelName.text) == ["如家酒店（上海虹桥店）"])
        let stay = try #require(stays.stays.first)
        #expect(stay.hotelAddress.text == "上海市长宁区虹桥路1号" && stay.checkOut?.description == "2026-10-05T03:40:00Z")
        #expect(stay.checkIn.description == "2026-10-02T14:05:00Z" && stay.registeredPhone.text == "13800138000")
        try await office.shutdown()
        await hub.stop()
    }

    @Test("R-G3: an exit restriction reaches the police through the hub and is acknowledged in force with its control period")
    func exitRestrictionInForce() async throws {
        let clock = ManualClock(milliseconds: Self.startMilliseconds)
        let hub = try await LiveHub.start(clock: { clock.milliseconds })
        let office = try await PoliceOffice.start(hub, scenario: "police-vehicle-sighting", at: Self.startMilliseconds)
        let restriction = try SampleInstructions.restrictExit(
            registry: hub.setup.registry, court: Self.chaoyang, instructionID: "X-1", issuedAtMilliseconds: clock.milliseconds,
            from: "2026-12-01", to: "2027-11-30")
        let accepted = try await hub.submit(restriction, court: Self.chaoyang)
        #expect(accepted.statusCode == 202, "\(accepted.bodyText)")
        #expect(try await office.poller.pollOnce() == 1)

        let now = Timestamp(millisecondsSinceEpoch: Self.startMilliseconds)
        let view = try await hub.get("/v1/instructions/X-1", as: try LivePoliceEventTests.court(Self.chaoyang))
        #expect(view.json["status"] as? String == "completed", "\(view.bodyText)")
        #expect((view.json["receipts"] as? [[String: Any]])?.first?["outcome"] as? String == "done")
        let acknowledgement = try #require(try await Self.answer(hub, "X-1").acknowledgement)
        #expect(acknowledgement.measure == .policeRestrictExit)
        #expect(acknowledgement.controlUntil?.description == "2027-11-30", "border control enforces it until the period ends")
        #expect(acknowledgement.effectiveAt == now)
        #expect(await office.police.measureState("X-1") == .inForce(since: now))

        // A restriction whose control period is already over is not registered, and the court reads why.
        let lapsed = try SampleInstructions.restrictExit(
            registry: hub.setup.registry, court: Self.chaoyang, instructionID: "X-2", issuedAtMilliseconds: clock.milliseconds,
            from: "2026-06-01", to: "2026-11-30")
        // The hub passes it on (the period is in order); the police say why they cannot register it.
        let submitted = try await hub.submit(lapsed, court: Self.chaoyang)
        #expect(submitted.statusCode == 202, "\(submitted.bodyText)")
        #expect(try await office.poller.pollOnce() == 1)
        let refused = try #require(try await Self.answer(hub, "X-2").cannotAssistBody)
        #expect(refused.detail?.text.contains("2026-11-30") == true, "\(String(describing: refused.detail))")
        #expect(await office.police.measureState("X-2") == nil)
        try await office.shutdown()
        await hub.stop()
    }

    /// The one receipt the court reads for its instruction `id`, decoded strictly from the exact bytes.
    static func answer(_ hub: LiveHub, _ id: String) async throws -> ReceiptDocument {
        let view = try await hub.get("/v1/instructions/\(id)", as: try LivePoliceEventTests.court(chaoyang))
        try #require(view.statusCode == 200, "\(view.bodyText)")
        let receipts = try #require(view.json["receipts"] as? [[String: Any]])
        try #require(receipts.count == 1, "one receipt for \(id): \(view.bodyText)")
        #expect(receipts[0]["adapter"] as? String == "police:MPS")
        let bytes = try #require((receipts[0]["receipt"] as? String).flatMap { Data(base64Encoded: $0) })
        let receipt = try StrictJSONDecoder().decode(ReceiptDocument.self, from: Array(bytes))
        #expect(receipt.header.instructionId.text == id)
        return receipt
    }
}
