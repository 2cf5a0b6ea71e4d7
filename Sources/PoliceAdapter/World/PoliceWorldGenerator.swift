import HubProtocol

/// Makes a seeded ``PoliceWorld``: persons with valid GB 11643 ID numbers (real area codes, real
/// dates, check characters computed), travel and hotel histories, vehicles with valid VINs (ISO
/// 3779 check digit) and unique plates, and a timeline of sightings and finds. One seed always
/// gives the same world. Used by the tests and the bench.
public struct PoliceWorldGenerator: Sendable {
    /// The seed.
    public let seed: UInt64

    /// The most persons one call makes.
    public static let maximumPersons = 100_000

    /// A generator for `seed`.
    public init(seed: UInt64) {
        self.seed = seed
    }

    /// A world of `personCount` persons whose histories run up to `start`, and whose vehicles are
    /// sighted and persons found at times within `horizonDays` after `start`.
    public func generate(personCount: Int, start: Timestamp, horizonDays: Int = 90) -> PoliceWorld {
        precondition((1...PoliceWorldGenerator.maximumPersons).contains(personCount), "1 to \(PoliceWorldGenerator.maximumPersons) persons")
        precondition((1...3_650).contains(horizonDays), "a horizon of 1 to 3,650 days")
        var run = WorldGeneration(random: SeededRandom(seed: seed), start: start, horizonDays: horizonDays)
        for _ in 0..<personCount {
            run.addPerson()
        }
        let world = PoliceWorld(
            persons: run.persons, vehicles: run.vehicles,
            sightings: run.sightings.sorted { $0.sightedAt < $1.sightedAt }, finds: run.finds.sorted { $0.foundAt < $1.foundAt }, outages: [])
        assert((try? world.validate()) != nil, "a generated world is valid")
        return world
    }
}

/// One generation run: the random stream, the keys used so far, and what was made.
struct WorldGeneration {
    var random: SeededRandom
    let start: Timestamp
    let horizonDays: Int
    var persons: [SimulatedPerson] = []
    var vehicles: [SimulatedVehicle] = []
    var sightings: [ScheduledSighting] = []
    var finds: [ScheduledFind] = []
    var usedIDNumbers: Set<String> = []
    var usedPlates: Set<String> = []
    var usedVINs: Set<String> = []

    static let daySeconds: Int64 = 86_400
    /// Attempts at a fresh unique key before giving up: with the key spaces used, a collision
    /// streak this long means a bug.
    static let maximumAttempts = 1_000

    init(random: SeededRandom, start: Timestamp, horizonDays: Int) {
        self.random = random
        self.start = start
        self.horizonDays = horizonDays
    }

    /// An instant uniformly within `fromDays ... toDays` days of the start.
    mutating func instant(fromDays: Int, toDays: Int) -> Timestamp {
        let seconds = random.int(in: fromDays * 86_400...toDays * 86_400)
        return start.adding(seconds: Int64(seconds))
    }

    mutating func addPerson() {
        let area = random.pick(PoliceCatalogue.areas)
        let idNumber = freshIDNumber(area: area)
        let name = PoliceGeneratedText.name(randomName())
        let formerNames = random.chance(percent: 15) ? [PoliceGeneratedText.name(randomName())].filter { $0 != name } : []
        let phone = PoliceGeneratedText.phone("1" + random.pick(["3", "5", "8"]) + random.characters(9, from: "0123456789"))
        let address = "\(area.name)\(random.pick(PoliceCatalogue.roads))\(random.int(in: 1...300))号\(random.int(in: 1...20))栋\(random.int(in: 101...2_802))室"
        let travelDocuments = makeTravelDocuments()
        let person = SimulatedPerson(
            name: name, formerNames: formerNames, idNumber: idNumber,
            householdRegistration: PoliceGeneratedText.text("\(area.name)\(random.pick(PoliceCatalogue.streets))"),
            address: PoliceGeneratedText.text(address),
            photo: AttachmentReference(
                reference: PoliceGeneratedText.text("photo/\(idNumber)"),
                sha256: PoliceGeneratedText.digest(SHA256Digest.hexadecimal(of: Array("photo:\(idNumber)".utf8)))),
            travelDocuments: travelDocuments,
            crossings: travelDocuments.isEmpty ? [] : makeCrossings(phone: phone),
            hotelStays: makeHotelStays(phone: phone))
        persons.append(person)
        addVehicles(of: Party(name: name, document: .residentID(idNumber)), area: area)
        addFinds(of: idNumber)
    }

    mutating func randomName() -> String {
        let givenLength = random.chance(percent: 70) ? 2 : 1
        return random.pick(PoliceCatalogue.surnames) + String((0..<givenLength).map { _ in random.pick(PoliceCatalogue.givenNameCharacters) })
    }

    /// A unique 18-character number: area, a birth date 1950–2005, a sequence, the check character.
    mutating func freshIDNumber(area: PoliceCatalogue.Area) -> ResidentIDNumber {
        let earliest = PoliceGeneratedText.date(year: 1950, month: 1, day: 1).daysSinceEpoch
        let latest = PoliceGeneratedText.date(year: 2005, month: 12, day: 31).daysSinceEpoch
        for _ in 0..<WorldGeneration.maximumAttempts {
            let birth = PoliceGeneratedText.date(daysSinceEpoch: random.int(in: earliest...latest))
            let sequence = String(random.int(in: 0...999)).leftPadded(to: 3)
            let first17 = area.code + birth.basicFormat + sequence
            guard let check = ResidentIDNumber.checkCharacter(forFirst17: first17), !usedIDNumbers.contains(first17) else { continue }
            usedIDNumbers.insert(first17)
            return PoliceGeneratedText.idNumber(first17 + String(check))
        }
        preconditionFailure("no fresh ID number after \(WorldGeneration.maximumAttempts) attempts")
    }

    mutating func makeTravelDocuments() -> [TravelDocumentRecord] {
        var documents: [TravelDocumentRecord] = []
        if random.chance(percent: 40) {
            let issued = instant(fromDays: -3_000, toDays: -30).chinaDate
            documents.append(TravelDocumentRecord(
                type: .passport, number: PoliceGeneratedText.text("E" + random.characters(8, from: "0123456789")),
                issuedOn: issued, expiresOn: PoliceGeneratedText.shifted(issued, years: 10, days: -1)))
        }
        if random.chance(percent: 20) {
            let issued = instant(fromDays: -1_500, toDays: -30).chinaDate
            documents.append(TravelDocumentRecord(
                type: .hongKongMacauPass, number: PoliceGeneratedText.text("C" + random.characters(8, from: "0123456789")),
                issuedOn: issued, expiresOn: PoliceGeneratedText.shifted(issued, years: 5, days: -1)))
        }
        return documents
    }

    /// Trips one after another from two years back until the horizon: exit, then entry.
    mutating func makeCrossings(phone: PhoneNumber) -> [ExitEntryRecord] {
        var crossings: [ExitEntryRecord] = []
        var next = instant(fromDays: -730, toDays: -600)
        let end = start.adding(seconds: Int64(horizonDays) * WorldGeneration.daySeconds)
        for _ in 0..<random.int(in: 0...4) where next < end {
            let port = PoliceGeneratedText.text(random.pick(PoliceCatalogue.ports))
            let destination = PoliceGeneratedText.text(random.pick(PoliceCatalogue.destinations))
            let back = next.adding(seconds: Int64(random.int(in: 2...20)) * WorldGeneration.daySeconds)
            crossings.append(ExitEntryRecord(time: next, direction: .exit, port: port, destination: destination, registeredPhone: phone))
            crossings.append(ExitEntryRecord(time: back, direction: .entry, port: port, destination: destination, registeredPhone: phone))
            next = back.adding(seconds: Int64(random.int(in: 10...200)) * WorldGeneration.daySeconds)
        }
        return crossings
    }

    /// Stays one after another within the last year and the horizon.
    mutating func makeHotelStays(phone: PhoneNumber) -> [HotelStay] {
        var stays: [HotelStay] = []
        var next = instant(fromDays: -365, toDays: -300)
        for _ in 0..<random.int(in: 0...4) {
            let (hotel, address) = random.pick(PoliceCatalogue.hotels)
            let checkOut = next.adding(seconds: Int64(random.int(in: 1...5)) * WorldGeneration.daySeconds - 3_600 * Int64(random.int(in: 1...6)))
            stays.append(HotelStay(checkIn: next, checkOut: checkOut, hotelName: PoliceGeneratedText.text(hotel), hotelAddress: PoliceGeneratedText.text(address), registeredPhone: phone))
            next = checkOut.adding(seconds: Int64(random.int(in: 20...120)) * WorldGeneration.daySeconds)
        }
        return stays
    }

    /// One in five persons is found once or twice within the horizon.
    mutating func addFinds(of idNumber: ResidentIDNumber) {
        guard random.chance(percent: 20) else { return }
        for _ in 0..<random.int(in: 1...2) {
            let (office, phone) = random.pick(PoliceCatalogue.findingOffices)
            finds.append(ScheduledFind(
                idNumber: idNumber, foundAt: instant(fromDays: 1, toDays: horizonDays), location: PoliceGeneratedText.text("\(office)辖区"),
                custody: random.chance(percent: 60) ? .heldForCourt : .sightedNotHeld, contactPhone: PoliceGeneratedText.phone(phone),
                reportDelaySeconds: Int64(random.int(in: 300...7_200))))
        }
    }
}

extension String {
    /// The string with leading zeros up to `width` characters.
    func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: Swift.max(0, width - count)) + self
    }
}
