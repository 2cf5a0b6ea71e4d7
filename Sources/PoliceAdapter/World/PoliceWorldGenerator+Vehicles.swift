import HubProtocol

extension WorldGeneration {
    /// Letters allowed in a VIN (no I, O, Q) and in plates (no I, O).
    static let vinCharacters = "0123456789ABCDEFGHJKLMNPRSTUVWXYZ"
    static let plateCharacters = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ"
    /// Model-year characters at VIN position 10 for 2015 … 2024.
    static let modelYearCharacters = "FGHJKLMNPR"

    /// One in three persons owns a vehicle, one in ten a second; each is sighted up to three times
    /// within the horizon.
    mutating func addVehicles(of owner: Party, area: PoliceCatalogue.Area) {
        let count = random.chance(percent: 35) ? (random.chance(percent: 30) ? 2 : 1) : 0
        for _ in 0..<count {
            let model = random.pick(PoliceCatalogue.models)
            let plate = freshPlate(prefix: area.platePrefix)
            let seizures: [VehicleSeizureRecord] = random.chance(percent: 5) ? [earlierSeizure()] : []
            let registration = VehicleRecord(
                plateNumber: plate, brand: PoliceGeneratedText.text(model.brand), model: PoliceGeneratedText.text(model.model),
                vehicleType: PoliceGeneratedText.text(model.vehicleType), vin: freshVIN(worldManufacturer: model.worldManufacturer),
                registeringOffice: PoliceGeneratedText.text(area.vehicleOffice), registeredOn: instant(fromDays: -3_000, toDays: -1).chinaDate,
                mortgagee: random.chance(percent: 20) ? PoliceGeneratedText.name(random.pick(PoliceCatalogue.mortgagees)) : nil,
                seizures: seizures)
            vehicles.append(SimulatedVehicle(owner: owner, registration: registration))
            addSightings(of: plate)
        }
    }

    mutating func addSightings(of plate: WireText) {
        for _ in 0..<random.int(in: 0...3) {
            let roll = random.int(in: 0...99)
            let occasion: SightingOccasion = roll < 50 ? .patrol : roll < 75 ? .inspection : roll < 90 ? .transferAttempt : roll < 95 ? .mortgageAttempt : .other
            sightings.append(ScheduledSighting(
                plateNumber: plate, sightedAt: instant(fromDays: 1, toDays: horizonDays), occasion: occasion,
                location: PoliceGeneratedText.text(random.pick(PoliceCatalogue.sightingPlaces)), reportDelaySeconds: Int64(random.int(in: 60...3_600))))
        }
    }

    mutating func earlierSeizure() -> VehicleSeizureRecord {
        let (court, code) = random.pick(PoliceCatalogue.seizingCourts)
        let year = start.chinaDate.year - random.int(in: 0...2)
        return VehicleSeizureRecord(authority: PoliceGeneratedText.text(court), documentNumber: PoliceGeneratedText.text("（\(year)）\(code)执\(random.int(in: 1...9_999))号"))
    }

    /// `京A` and five characters, unique in the world.
    mutating func freshPlate(prefix: String) -> WireText {
        for _ in 0..<WorldGeneration.maximumAttempts {
            let plate = prefix + random.characters(5, from: WorldGeneration.plateCharacters)
            guard usedPlates.insert(plate).inserted else { continue }
            return PoliceGeneratedText.text(plate)
        }
        preconditionFailure("no fresh plate after \(WorldGeneration.maximumAttempts) attempts")
    }

    /// World manufacturer, five descriptor characters, the check digit, model year, plant, six serial digits.
    mutating func freshVIN(worldManufacturer: String) -> VehicleIdentificationNumber {
        for _ in 0..<WorldGeneration.maximumAttempts {
            let descriptor = random.characters(5, from: WorldGeneration.vinCharacters)
            let tail = random.characters(1, from: WorldGeneration.modelYearCharacters) + random.characters(1, from: WorldGeneration.vinCharacters)
                + random.characters(6, from: "0123456789")
            let withoutCheck = worldManufacturer + descriptor + "0" + tail
            let vin = worldManufacturer + descriptor + String(VINCheckDigit.compute(withoutCheck)) + tail
            guard usedVINs.insert(vin).inserted else { continue }
            return PoliceGeneratedText.vin(vin)
        }
        preconditionFailure("no fresh VIN after \(WorldGeneration.maximumAttempts) attempts")
    }
}

/// The VIN check digit (position 9) of ISO 3779 as GB 16735 requires it: transliterate letters,
/// weigh positions 8 7 6 5 4 3 2 10 0 9 8 7 6 5 4 3 2, sum modulo 11, 10 written `X`.
public enum VINCheckDigit {
    static let weights = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]

    /// The check character for a 17-character VIN (its own position 9 is ignored).
    public static func compute(_ vin: String) -> Character {
        let characters = Array(vin)
        precondition(characters.count == 17, "a VIN has 17 characters")
        var sum = 0
        for (character, weight) in zip(characters, weights) {
            sum += value(of: character) * weight
        }
        let remainder = sum % 11
        return remainder == 10 ? "X" : Character(String(remainder))
    }

    /// True when position 9 holds the check character.
    public static func isValid(_ vin: VehicleIdentificationNumber) -> Bool {
        Array(vin.text)[8] == compute(vin.text)
    }

    static func value(of character: Character) -> Int {
        if let digit = character.wholeNumberValue { return digit }
        let table: [Character: Int] = [
            "A": 1, "B": 2, "C": 3, "D": 4, "E": 5, "F": 6, "G": 7, "H": 8, "J": 1, "K": 2, "L": 3, "M": 4, "N": 5,
            "P": 7, "R": 9, "S": 2, "T": 3, "U": 4, "V": 5, "W": 6, "X": 7, "Y": 8, "Z": 9,
        ]
        guard let value = table[character] else { preconditionFailure("\(character) is not a VIN character") }
        return value
    }
}
