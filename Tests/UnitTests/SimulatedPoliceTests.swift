import Foundation
import HubProtocol
import PoliceAdapter
import Testing

/// The simulated police office (the reference ``PoliceBackend``), driven by the example scenarios
/// and by seeded worlds, with instructions made from the wire fixtures.
@Suite("Simulated police")
struct SimulatedPoliceTests {
    static let zhangSan = PoliceTestKit.person("张三", "11010519491231002X")
    static let liSi = PoliceTestKit.person("李四", "310105198206150036")

    // MARK: - Scenarios

    @Test("the example scenarios decode strictly and validate", arguments: ["police-vehicle-sighting", "police-locate-person"])
    func exampleScenarios(name: String) throws {
        let scenario = try PoliceTestKit.scenario(name)
        #expect(!scenario.world.persons.isEmpty)
        let reencoded = try CanonicalJSON.encode(scenario)
        #expect(try PoliceScenario.decode(reencoded) == scenario)
    }

    @Test("a scenario is refused with the path of what is wrong", arguments: [
        (["persons", 0, "nickname"], JSONValue.string("三儿"), "$.persons[0].nickname"),
        (["sightings", 0, "plateNumber"], .string("京Z99999"), "$.sightings[0].plateNumber"),
        (["persons", 1, "idNumber"], .string("11010519491231002X"), "$.persons[1].idNumber"),
        (["vehicles", 1, "registration", "vin"], .string("LSVAU2187N2123456"), "$.vehicles[1].registration.vin"),
        (["sightings", 0, "reportDelaySeconds"], .integer(-1), "$.sightings[0].reportDelaySeconds"),
        (["outages", 0, "to"], .string("2027-01-31T00:00:00Z"), "$.outages[0].to"),
        (["version"], .integer(2), "$.version"),
        (["finds"], nil, "$.finds"),
    ] as [([PathStep], JSONValue?, String)])
    func scenarioRefusals(path: [PathStep], value: JSONValue?, expectedPath: String) throws {
        let tree = try parsed(PoliceTestKit.scenarioText("police-vehicle-sighting")).replacing(path, with: value)
        #expect(refusal(PoliceScenario.self, tree)?.path == expectedPath)
    }

    // MARK: - R-G1: what the court sends

    @Test("R-G1: every police instruction carries the case data: party name and ID, case number, filing date, court, amount", arguments: [
        "police.identity", "police.exitEntry", "police.vehicles", "police.hotelStays", "police.restrictExit", "police.seizeVehicle", "police.locatePerson",
    ])
    func caseData(kind: String) throws {
        let tree = try parsed(WireFixtures.instruction(kind))
        let document = try StrictJSONDecoder().decode(InstructionDocument.self, from: CanonicalJSON.serialize(tree))
        #expect(document.header.case.number.description == "（2026）京0105执1234号")
        #expect(document.header.case.filingDate.description == "2026-03-02")
        #expect(document.header.case.amountOwed.decimalString == "500000.00")
        #expect(document.header.court.description == "京0105")
        let required: [[PathStep]] = [
            ["header", "case", "number"], ["header", "case", "filingDate"], ["header", "case", "amountOwed"], ["header", "court"],
            ["party", "name"], ["party", "document"],
        ]
        for path in required {
            let error = refusal(InstructionDocument.self, tree.replacing(path, with: nil))
            #expect(error?.reason == .missingField, "removing \(path) must be refused")
        }
    }

    @Test("R-G3, R-G4, R-G5: the measures carry their decisions, the officer's name and phone, the period and requirements")
    func measureDocuments() throws {
        let restrict = try parsed(WireFixtures.instruction("police.restrictExit"))
        for path: [PathStep] in [["period"], ["requirements"], ["header", "officer", "name"], ["header", "officer", "phone"]] {
            #expect(refusal(InstructionDocument.self, restrict.replacing(path, with: nil))?.reason == .missingField)
        }
        let withoutDecision = restrict.replacing(["header", "legalDocuments", 0], with: nil)
        #expect(refusal(InstructionDocument.self, withoutDecision)?.rule == "R-G3")
        let seize = try parsed(WireFixtures.instruction("police.seizeVehicle")).replacing(["header", "legalDocuments", 0], with: nil)
        #expect(refusal(InstructionDocument.self, seize)?.rule == "R-G4")
        let locate = try parsed(WireFixtures.instruction("police.locatePerson")).replacing(["header", "legalDocuments", 0], with: nil)
        #expect(refusal(InstructionDocument.self, locate)?.rule == "R-G5")
    }

    // MARK: - R-G2: what the police answer

    @Test("R-G2: an identity result carries every field of the register: name, former names, birth date, household registration, address, ID number, photo")
    func identityResult() async throws {
        let police = try await PoliceTestKit.office("police-vehicle-sighting")
        let now = try Timestamp("2026-12-01T10:00:00Z")
        let receipt = try await police.handle(PoliceTestKit.instruction("police.identity", id: "Q-1"), at: now)
        try receipt.validate()
        let result = try #require(receipt.identityResult)
        #expect(result.header == ReceiptHeader(instructionId: "Q-1", responder: "GA110000", respondedAt: now))
        #expect(result.name.text == "张三")
        #expect(result.formerNames.map(\.text) == ["张小三"])
        #expect(result.birthDate.description == "1949-12-31")
        #expect(result.householdRegistration.text == "北京市朝阳区建外街道")
        #expect(result.address.text == "北京市朝阳区建国路88号")
        #expect(result.idNumber.text == "11010519491231002X")
        #expect(result.photo.reference.text == "GA110000/photo/11010519491231002X")
        let keys = try PoliceTestKit.keys(of: receipt)
        #expect(keys == ["address", "birthDate", "formerNames", "header", "householdRegistration", "idNumber", "kind", "name", "photo"])
    }

    @Test("R-G2: a court that knows the person by a former name gets the identity under the current name")
    func formerName() async throws {
        let police = try await PoliceTestKit.office("police-vehicle-sighting")
        let party = PoliceTestKit.person("张小三", "11010519491231002X")
        let receipt = try await police.handle(PoliceTestKit.instruction("police.identity", id: "Q-2", party: party), at: Timestamp("2026-12-01T10:00:00Z"))
        #expect(receipt.identityResult?.name.text == "张三")
    }

    @Test("R-G2: a debtor's exit-entry result lists documents and crossings (time, destination, registered phone); a preservation respondent's documents only")
    func exitEntry() async throws {
        let police = try await PoliceTestKit.office("police-vehicle-sighting")
        let now = try Timestamp("2026-12-01T10:00:00Z")
        let debtor = try await police.handle(PoliceTestKit.instruction("police.exitEntry", id: "Q-3"), at: now)
        try debtor.validate()
        let result = try #require(debtor.exitEntryResult)
        #expect(result.documents.map(\.number.text) == ["E12345678"])
        #expect(result.records.map(\.direction) == [.exit, .entry])
        #expect(result.records.first?.time.description == "2026-08-01T08:15:00Z")
        #expect(result.records.first?.destination.text == "泰国曼谷")
        #expect(result.records.first?.registeredPhone.text == "13800138000")
        let respondentQuery = try PoliceTestKit.instruction(
            "police.exitEntry", id: "Q-4", edits: [(["role"], .string("preservationRespondent")), (["includeRecords"], .bool(false))])
        let respondent = try #require(try await police.handle(respondentQuery, at: now).exitEntryResult)
        #expect(respondent.documents.count == 1)
        #expect(respondent.records.isEmpty)
    }

    @Test("R-G2: a vehicles result carries plate, brand, model, type, VIN, office, date, mortgagee and seizures, with this court's seizure while in force")
    func vehicles() async throws {
        let police = try await PoliceTestKit.office("police-vehicle-sighting")
        let before = try #require(try await police.handle(PoliceTestKit.instruction("police.vehicles", id: "Q-5"), at: Timestamp("2026-12-01T10:00:00Z")).vehiclesResult)
        #expect(before.vehicles.map(\.plateNumber.text) == ["京A12345", "京N8B765"])
        let passat = try #require(before.vehicles.first)
        #expect(passat.brand.text == "大众" && passat.model.text == "帕萨特 2021款 330TSI" && passat.vehicleType.text == "小型轿车")
        #expect(passat.vin.text == "LSVAU2187N2123456" && VINCheckDigit.isValid(passat.vin))
        #expect(passat.registeringOffice.text == "北京市公安局公安交通管理局车辆管理所" && passat.registeredOn.description == "2021-09-15")
        #expect(passat.mortgagee?.text == "中国工商银行股份有限公司北京朝阳支行")
        #expect(passat.seizures.map(\.authority.text) == ["北京市海淀区人民法院"])
        #expect(before.vehicles.last?.mortgagee == nil)

        _ = try await police.handle(PoliceTestKit.seize(id: "M-1"), at: Timestamp("2026-12-01T10:05:00Z"))
        let during = try #require(try await police.handle(PoliceTestKit.instruction("police.vehicles", id: "Q-6"), at: Timestamp("2026-12-02T10:00:00Z")).vehiclesResult)
        #expect(during.vehicles.first?.seizures.map(\.documentNumber.text) == ["（2026）京0108执567号", "（2026）京0105执1234号之一"])
        #expect(during.vehicles.first?.seizures.last?.authority.text == "京0105法院")

        _ = try await police.handle(PoliceTestKit.release(id: "R-1", of: "M-1", kind: "police.seizeVehicle"), at: Timestamp("2026-12-03T10:00:00Z"))
        let after = try #require(try await police.handle(PoliceTestKit.instruction("police.vehicles", id: "Q-7"), at: Timestamp("2026-12-04T10:00:00Z")).vehiclesResult)
        #expect(after.vehicles.first?.seizures.count == 1)
    }

    @Test("R-G2: hotel stays overlapping the period (check-in, check-out, hotel, address, phone); a stay not over yet has no check-out; none is an empty list")
    func hotelStays() async throws {
        let police = try await PoliceTestKit.office("police-vehicle-sighting")
        let found = try #require(try await police.handle(PoliceTestKit.instruction("police.hotelStays", id: "Q-8"), at: Timestamp("2026-12-01T10:00:00Z")).hotelStaysResult)
        #expect(found.stays.map(\.hotelName.text) == ["如家酒店（上海虹桥店）"])
        #expect(found.stays.first?.checkOut?.description == "2026-10-05T03:40:00Z")
        #expect(found.stays.first?.hotelAddress.text == "上海市长宁区虹桥路1号")
        let novemberOnly = try PoliceTestKit.instruction("police.hotelStays", id: "Q-9", edits: [(["period"], PoliceTestKit.period("2026-11-01", "2026-11-30"))])
        #expect(try await police.handle(novemberOnly, at: Timestamp("2026-12-01T10:00:00Z")).hotelStaysResult?.stays == [])

        let fugitive = try await PoliceTestKit.office("police-locate-person")
        let february = [(["period"] as [PathStep], PoliceTestKit.period("2027-02-01", "2027-02-28"))]
        let staying = try await fugitive.handle(PoliceTestKit.instruction("police.hotelStays", id: "Q-10", edits: february), at: Timestamp("2027-02-03T00:00:00Z"))
        #expect(staying.hotelStaysResult?.stays.count == 1)
        #expect(staying.hotelStaysResult?.stays.first?.checkOut == nil)
        let left = try await fugitive.handle(PoliceTestKit.instruction("police.hotelStays", id: "Q-11", edits: february), at: Timestamp("2027-02-07T00:00:00Z"))
        #expect(left.hotelStaysResult?.stays.first?.checkOut?.description == "2027-02-06T02:00:00Z")
    }

    // MARK: - R-G3 … R-G6: measures and their later events

    @Test("R-G3: an exit restriction is acknowledged as in force with its control period; one whose period is over cannot be registered")
    func restrictExit() async throws {
        let police = try await PoliceTestKit.office("police-vehicle-sighting")
        let now = try Timestamp("2026-12-01T10:00:00Z")
        let receipt = try await police.handle(PoliceTestKit.instruction("police.restrictExit", id: "M-2"), at: now)
        try receipt.validate()
        let acknowledgement = try #require(receipt.acknowledgement)
        #expect(acknowledgement.measure == .policeRestrictExit)
        #expect(acknowledgement.controlUntil?.description == "2027-11-30")
        #expect(acknowledgement.effectiveAt == now)
        #expect(await police.measureState("M-2") == .inForce(since: now))

        let lapsed = try PoliceTestKit.instruction("police.restrictExit", id: "M-3", edits: [(["period"], PoliceTestKit.period("2026-06-01", "2026-11-30"))])
        let refused = try #require(try await police.handle(lapsed, at: now).cannotAssistBody)
        #expect(refused.reason == .other)
        #expect(refused.detail?.text.contains("2026-11-30") == true)
    }

    @Test("R-G4: a seized vehicle's sightings arrive later, each tied to the seizure instruction; sightings before the seizure and of other vehicles are not reported")
    func vehicleSighted() async throws {
        let police = try await PoliceTestKit.office("police-vehicle-sighting")
        let acknowledgement = try await police.handle(PoliceTestKit.seize(id: "M-4"), at: Timestamp("2026-12-01T10:00:00Z"))
        #expect(acknowledgement.acknowledgement?.measure == .policeSeizeVehicle)
        #expect(acknowledgement.acknowledgement?.controlUntil == nil)
        #expect(try await police.pendingEvents(until: Timestamp("2027-01-15T02:29:59Z"), limit: 10).isEmpty)

        let events = try await police.pendingEvents(until: Timestamp("2027-01-15T02:30:00Z"), limit: 10)
        let event = try #require(events.first)
        #expect(events.count == 1)
        #expect(event.sequence == 1 && event.instructionId == "M-4")
        try event.receipt.validate()
        let sighting = try #require(event.receipt.sighting)
        #expect(sighting.header == ReceiptHeader(instructionId: "M-4", responder: "GA110000", respondedAt: try Timestamp("2027-01-15T02:30:00Z")))
        #expect(sighting.sightedAt.description == "2027-01-15T02:20:00Z")
        #expect(sighting.occasion == .patrol && sighting.plateNumber.text == "京A12345")
        #expect(sighting.location.text == "北京市朝阳区东三环中路国贸桥")

        // Reading does not remove; acknowledging does.
        #expect(try await police.pendingEvents(until: Timestamp("2027-01-16T00:00:00Z"), limit: 10) == events)
        await police.acknowledgeEvents(through: event.sequence)
        let later = try await police.pendingEvents(until: Timestamp("2027-12-31T00:00:00Z"), limit: 10)
        #expect(later.map { $0.receipt.sighting?.occasion } == [.inspection, .transferAttempt])
        #expect(later.map(\.sequence) == [2, 3])
        #expect(later.allSatisfy { $0.instructionId == "M-4" })
    }

    @Test("R-G8: during an outage instructions get systemOutage and a retry afterwards the real answer; reports falling due in it go out when it ends")
    func outage() async throws {
        let police = try await PoliceTestKit.office("police-vehicle-sighting")
        _ = try await police.handle(PoliceTestKit.seize(id: "M-5"), at: Timestamp("2026-12-01T10:00:00Z"))
        let query = try PoliceTestKit.instruction("police.identity", id: "Q-12")
        let down = try #require(try await police.handle(query, at: Timestamp("2027-02-01T03:00:00Z")).cannotAssistBody)
        #expect(down.reason == .systemOutage)
        #expect(down.detail?.text.contains("系统升级维护") == true)
        #expect(try await police.handle(query, at: Timestamp("2027-02-01T06:00:00Z")).identityResult != nil)

        let events = try await police.pendingEvents(until: Timestamp("2027-02-02T00:00:00Z"), limit: 10)
        let inspection = try #require(events.last?.receipt.sighting)
        #expect(inspection.occasion == .inspection)
        #expect(inspection.sightedAt.description == "2027-02-01T01:30:00Z")
        #expect(inspection.header.respondedAt.description == "2027-02-01T06:00:00Z")
    }

    @Test("R-G5: a person under a locate request is reported found later; once held for the court, later finds are not reported")
    func personFound() async throws {
        let police = try await PoliceTestKit.office("police-locate-person")
        let acknowledgement = try await police.handle(PoliceTestKit.instruction("police.locatePerson", id: "M-6"), at: Timestamp("2026-12-01T10:00:00Z"))
        #expect(acknowledgement.acknowledgement?.measure == .policeLocatePerson)
        let events = try await police.pendingEvents(until: Timestamp("2027-12-31T00:00:00Z"), limit: 10)
        for event in events { try event.receipt.validate() }
        let finds = events.compactMap(\.receipt.personFound)
        #expect(events.allSatisfy { $0.instructionId == "M-6" })
        #expect(finds.map(\.foundAt.description) == ["2027-01-20T08:00:00Z", "2027-02-03T10:40:00Z"])
        #expect(finds.map(\.custody) == [.sightedNotHeld, .heldForCourt])
        #expect(finds.last?.location.text == "上海市长宁区虹桥路1号")
        #expect(finds.last?.contactPhone.text == "021-62001234")
        #expect(finds.last?.header.respondedAt.description == "2027-02-03T11:00:00Z")
        #expect(await police.measureState("M-6") == .fulfilled(at: try Timestamp("2027-02-03T10:40:00Z")))
    }

    @Test("R-G6: a release is acknowledged and stops the measure's later events", arguments: [
        ("police-vehicle-sighting", "police.seizeVehicle"), ("police-locate-person", "police.locatePerson"),
    ])
    func releaseStopsEvents(scenario: String, kind: String) async throws {
        let police = try await PoliceTestKit.office(scenario)
        let measure = kind == "police.seizeVehicle" ? try PoliceTestKit.seize(id: "M-7") : try PoliceTestKit.instruction(kind, id: "M-7")
        _ = try await police.handle(measure, at: Timestamp("2026-12-01T10:00:00Z"))
        let before = try await police.pendingEvents(until: Timestamp("2027-01-25T00:00:00Z"), limit: 10)
        #expect(before.count == 1)
        let releasedAt = try Timestamp("2027-01-25T00:00:00Z")
        let receipt = try await police.handle(PoliceTestKit.release(id: "R-7", of: "M-7", kind: kind), at: releasedAt)
        try receipt.validate()
        #expect(receipt.acknowledgement?.measure == .policeRelease)
        #expect(receipt.header.instructionId == "R-7")
        #expect(await police.measureState("M-7") == .released(at: releasedAt, by: "R-7"))
        #expect(try await police.pendingEvents(until: Timestamp("2027-12-31T00:00:00Z"), limit: 10) == before)
    }

    @Test("R-G6: a release is refused for an unknown measure, another kind, another court, or a measure already released")
    func releaseRefusals() async throws {
        let police = try await PoliceTestKit.office("police-vehicle-sighting")
        let now = try Timestamp("2026-12-01T10:00:00Z")
        _ = try await police.handle(PoliceTestKit.instruction("police.restrictExit", id: "M-8"), at: now)
        let unknown = try await police.handle(PoliceTestKit.release(id: "R-8", of: "M-404", kind: "police.restrictExit"), at: now)
        #expect(unknown.cannotAssistBody?.reason == .noRecordFound)
        let wrongKind = try await police.handle(PoliceTestKit.release(id: "R-9", of: "M-8", kind: "police.locatePerson"), at: now)
        #expect(wrongKind.cannotAssistBody?.reason == .other)
        let otherCourt = try PoliceTestKit.release(id: "R-10", of: "M-8", kind: "police.restrictExit", edits: [(["header", "court"], .string("京0108"))])
        #expect(try await police.handle(otherCourt, at: now).cannotAssistBody?.reason == .insufficientAuthority)
        #expect(try await police.handle(PoliceTestKit.release(id: "R-11", of: "M-8", kind: "police.restrictExit"), at: now).acknowledgement != nil)
        let again = try await police.handle(PoliceTestKit.release(id: "R-12", of: "M-8", kind: "police.restrictExit"), at: now)
        #expect(again.cannotAssistBody?.detail?.text.contains("R-11") == true)
    }

    // MARK: - Unknown parties and vehicles

    @Test("an unknown person gets cannotAssist with noRecordFound; a name that does not match the ID gets nameDoesNotMatchID", arguments: [
        "police.identity", "police.exitEntry", "police.vehicles", "police.hotelStays", "police.restrictExit", "police.locatePerson",
    ])
    func unknownPerson(kind: String) async throws {
        let police = try await PoliceTestKit.office("police-vehicle-sighting")
        let now = try Timestamp("2026-12-01T10:00:00Z")
        let stranger = PoliceTestKit.person("赵六", "110108197501011239")
        let unknown = try await police.handle(PoliceTestKit.instruction(kind, id: "U-1", party: stranger), at: now)
        try unknown.validate()
        #expect(unknown.cannotAssistBody?.reason == .noRecordFound)
        #expect(unknown.cannotAssistBody?.detail?.text.contains("110108197501011239") == true)
        let misnamed = try await police.handle(PoliceTestKit.instruction(kind, id: "U-2", party: PoliceTestKit.person("李四", "11010519491231002X")), at: now)
        #expect(misnamed.cannotAssistBody?.reason == .nameDoesNotMatchID)
    }

    @Test("a vehicle that is unknown, registered to someone else, or named by a plate and a VIN of two vehicles is not seized")
    func seizureRefusals() async throws {
        let police = try await PoliceTestKit.office("police-vehicle-sighting")
        let now = try Timestamp("2026-12-01T10:00:00Z")
        let unknown = try PoliceTestKit.seize(id: "S-1", plate: "京B00000", vin: nil)
        #expect(try await police.handle(unknown, at: now).cannotAssistBody?.reason == .noRecordFound)
        let notTheirs = try PoliceTestKit.seize(id: "S-2", party: Self.liSi)
        #expect(try await police.handle(notTheirs, at: now).cannotAssistBody?.reason == .noRecordFound)
        let mixed = try PoliceTestKit.seize(id: "S-3", plate: "京A12345", vin: "LFV2A21K7L3088123")
        #expect(try await police.handle(mixed, at: now).cannotAssistBody?.reason == .other)
        let byVINOnly = try PoliceTestKit.seize(id: "S-4", plate: nil, vin: "LFV2A21K7L3088123")
        #expect(try await police.handle(byVINOnly, at: now).acknowledgement != nil)
        #expect(await police.measureState("S-3") == nil)
    }

    // MARK: - Delivery, determinism, concurrency

    @Test("a repeated instruction gets the same receipt; another document under its id and bank instructions are refused")
    func idempotency() async throws {
        let police = try await PoliceTestKit.office("police-vehicle-sighting")
        let query = try PoliceTestKit.instruction("police.identity", id: "Q-13")
        let first = try await police.handle(query, at: Timestamp("2026-12-01T10:00:00Z"))
        #expect(try await police.handle(query, at: Timestamp("2026-12-01T11:00:00Z")) == first)
        let other = try PoliceTestKit.instruction("police.vehicles", id: "Q-13")
        await #expect(throws: PoliceBackendError.conflictingInstruction("Q-13")) { try await police.handle(other, at: Timestamp("2026-12-01T12:00:00Z")) }
        let bank = try StrictJSONDecoder().decode(InstructionDocument.self, from: Array(WireFixtures.instruction("bank.query").utf8))
        await #expect(throws: PoliceBackendError.notAPoliceInstruction(.bankQuery)) { try await police.handle(bank, at: Timestamp("2026-12-01T12:00:00Z")) }
    }

    @Test("a full outbox holds reports back until events are acknowledged; none is lost or reordered")
    func outboxLimit() async throws {
        let scenario = try PoliceTestKit.scenario("police-vehicle-sighting")
        let limits = PoliceSimulationLimits(maximumInstructions: 100, maximumMeasures: 10, maximumScheduledReports: 100, maximumOutboxEvents: 1)
        let police = try SimulatedPolice(scenario: scenario, start: Timestamp("2026-12-01T00:00:00Z"), limits: limits)
        _ = try await police.handle(PoliceTestKit.seize(id: "M-9"), at: Timestamp("2026-12-01T10:00:00Z"))
        var occasions: [SightingOccasion] = []
        for _ in 0..<5 {
            let events = try await police.pendingEvents(until: Timestamp("2027-12-31T00:00:00Z"), limit: 10)
            #expect(events.count <= 1)
            guard let event = events.first else { break }
            occasions.append(try #require(event.receipt.sighting).occasion)
            await police.acknowledgeEvents(through: event.sequence)
        }
        #expect(occasions == [.patrol, .inspection, .transferAttempt])
    }

    @Test("the same world and the same calls give the same receipts and events")
    func deterministic() async throws {
        let world = PoliceWorldGenerator(seed: 7).generate(personCount: 200, start: try Timestamp("2026-12-01T00:00:00Z"))
        let first = try await PoliceTestKit.replay(world)
        let second = try await PoliceTestKit.replay(world)
        #expect(first == second)
        #expect(first.count > 200)
    }

    @Test("concurrent tasks each get their own receipt")
    func concurrentCallers() async throws {
        let police = try await PoliceTestKit.office("police-vehicle-sighting")
        let now = try Timestamp("2026-12-01T10:00:00Z")
        let instructions = try (0..<64).map { try PoliceTestKit.instruction("police.identity", id: "C-\($0)") }
        let answered = try await withThrowingTaskGroup(of: InstructionID.self) { group in
            for instruction in instructions {
                group.addTask { try await police.handle(instruction, at: now).header.instructionId }
            }
            return try await group.reduce(into: Set<InstructionID>()) { $0.insert($1) }
        }
        #expect(answered == Set(instructions.map(\.header.instructionId)))
    }

    // MARK: - The seeded population

    @Test("a seeded population has valid, unique ID numbers, plates and VINs; one seed gives one world")
    func generatedPopulation() throws {
        let start = try Timestamp("2026-12-01T00:00:00Z")
        let world = PoliceWorldGenerator(seed: 42).generate(personCount: 500, start: start)
        try world.validate()
        #expect(world.persons.count == 500)
        for person in world.persons {
            let text = person.idNumber.text
            #expect(try ResidentIDNumber(text) == person.idNumber)
            #expect(ResidentIDNumber.checkCharacter(forFirst17: String(text.prefix(17))) == text.last)
            #expect(person.birthDate.year >= 1950 && person.birthDate.year <= 2005)
        }
        #expect(Set(world.persons.map(\.idNumber)).count == 500)
        #expect(world.vehicles.count > 100)
        #expect(world.vehicles.allSatisfy { VINCheckDigit.isValid($0.registration.vin) })
        #expect(Set(world.vehicles.map(\.registration.plateNumber)).count == world.vehicles.count)
        #expect(!world.sightings.isEmpty && !world.finds.isEmpty)
        #expect(PoliceWorldGenerator(seed: 42).generate(personCount: 500, start: start) == world)
        #expect(PoliceWorldGenerator(seed: 43).generate(personCount: 500, start: start) != world)
    }

    @Test("R-G4: in a generated world, a seized vehicle reports exactly its sightings after the seizure")
    func generatedSightings() async throws {
        let start = try Timestamp("2026-12-01T00:00:00Z")
        let world = PoliceWorldGenerator(seed: 11).generate(personCount: 300, start: start)
        let police = try SimulatedPolice(world: world, responder: "GA110000", start: start)
        let vehicle = try #require(world.vehicles.first { vehicle in world.sightings.contains { $0.plateNumber == vehicle.registration.plateNumber } })
        let owner = try #require(world.persons.first { IdentityDocument.residentID($0.idNumber) == vehicle.owner.document })
        let party = PoliceTestKit.person(owner.name.text, owner.idNumber.text)
        let seizure = try PoliceTestKit.seize(id: "G-1", party: party, plate: vehicle.registration.plateNumber.text, vin: nil)
        #expect(try await police.handle(seizure, at: start).acknowledgement != nil)
        let events = try await police.pendingEvents(until: Timestamp("2027-12-31T00:00:00Z"), limit: 100)
        let expected = world.sightings.filter { $0.plateNumber == vehicle.registration.plateNumber }.map(\.sightedAt).sorted()
        #expect(events.compactMap(\.receipt.sighting?.sightedAt).sorted() == expected)
    }
}

// MARK: - Helpers

/// Offices, scenarios and police instructions made from the wire fixtures.
enum PoliceTestKit {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func scenarioText(_ name: String) throws -> String {
        try String(contentsOf: repository.appendingPathComponent("scenarios/\(name).json"), encoding: .utf8)
    }

    static func scenario(_ name: String) throws -> PoliceScenario {
        try PoliceScenario.decode(Array(scenarioText(name).utf8))
    }

    static func office(_ name: String) async throws -> SimulatedPolice {
        try SimulatedPolice(scenario: scenario(name), start: Timestamp("2026-12-01T00:00:00Z"))
    }

    static func person(_ name: String, _ idNumber: String) -> JSONValue {
        .object(["name": .string(name), "document": .object(["type": .string("residentID"), "number": .string(idNumber)])])
    }

    static func period(_ from: String, _ to: String) -> JSONValue {
        .object(["from": .string(from), "to": .string(to)])
    }

    /// The fixture of `kind` under instruction id `id`, for `party`, with further edits.
    static func instruction(_ kind: String, id: String, party: JSONValue? = nil, edits: [([PathStep], JSONValue?)] = []) throws -> InstructionDocument {
        var tree = try parsed(WireFixtures.instruction(kind)).replacing(["header", "instructionId"], with: .string(id))
        if let party { tree = tree.replacing(["party"], with: party) }
        for (path, value) in edits { tree = tree.replacing(path, with: value) }
        return try StrictJSONDecoder().decode(InstructionDocument.self, from: CanonicalJSON.serialize(tree))
    }

    static func seize(id: String, party: JSONValue = SimulatedPoliceTests.zhangSan, plate: String? = "京A12345", vin: String? = "LSVAU2187N2123456") throws -> InstructionDocument {
        try instruction("police.seizeVehicle", id: id, party: party, edits: [(["plateNumber"], plate.map(JSONValue.string)), (["vin"], vin.map(JSONValue.string))])
    }

    static func release(id: String, of released: String, kind: String, edits: [([PathStep], JSONValue?)] = []) throws -> InstructionDocument {
        try instruction("police.release", id: id, edits: [(["releasedInstructionId"], .string(released)), (["releasedKind"], .string(kind))] + edits)
    }

    /// The keys of a receipt's canonical JSON object.
    static func keys(of receipt: ReceiptDocument) throws -> [String] {
        guard case .object(let members) = try CanonicalJSON.tree(of: receipt) else { return [] }
        return members.keys.sorted()
    }

    /// Queries every person and seizes every vehicle of `world` on a fresh office, then collects
    /// all events: the canonical bytes of every receipt, in order.
    static func replay(_ world: PoliceWorld) async throws -> [[UInt8]] {
        let start = try Timestamp("2026-12-01T00:00:00Z")
        let police = try SimulatedPolice(world: world, responder: "GA110000", start: start)
        var receipts: [[UInt8]] = []
        for (number, person) in world.persons.enumerated() {
            let party = self.person(person.name.text, person.idNumber.text)
            let receipt = try await police.handle(instruction("police.identity", id: "D-\(number)", party: party), at: start.adding(minutes: number))
            receipts.append(try CanonicalJSON.encode(receipt))
        }
        for (number, vehicle) in world.vehicles.enumerated() {
            let party = JSONValue.object(["name": .string(vehicle.owner.name.text), "document": .object(["type": .string("residentID"), "number": .string(vehicle.owner.document.number)])])
            let seizure = try seize(id: "V-\(number)", party: party, plate: vehicle.registration.plateNumber.text, vin: nil)
            receipts.append(try CanonicalJSON.encode(try await police.handle(seizure, at: start.adding(minutes: 1_000))))
        }
        let events = try await police.pendingEvents(until: Timestamp("2027-12-31T00:00:00Z"), limit: 10_000)
        receipts += try events.map { try CanonicalJSON.encode($0.receipt) }
        return receipts
    }
}

extension Timestamp {
    fileprivate func adding(minutes: Int) -> Timestamp {
        Timestamp(millisecondsSinceEpoch: millisecondsSinceEpoch + Int64(minutes) * 60_000)
    }
}

/// The receipt as one concrete type, or nil.
extension ReceiptDocument {
    var identityResult: PoliceIdentityResult? { if case .policeIdentityResult(let body) = self { body } else { nil } }
    var exitEntryResult: PoliceExitEntryResult? { if case .policeExitEntryResult(let body) = self { body } else { nil } }
    var vehiclesResult: PoliceVehicleResult? { if case .policeVehiclesResult(let body) = self { body } else { nil } }
    var hotelStaysResult: PoliceHotelStayResult? { if case .policeHotelStaysResult(let body) = self { body } else { nil } }
    var acknowledgement: PoliceMeasureAcknowledgement? { if case .policeMeasureAcknowledged(let body) = self { body } else { nil } }
    var sighting: PoliceVehicleSighted? { if case .policeVehicleSighted(let body) = self { body } else { nil } }
    var personFound: PolicePersonFound? { if case .policePersonFound(let body) = self { body } else { nil } }
    var cannotAssistBody: CannotAssist? { if case .cannotAssist(let body) = self { body } else { nil } }
}
