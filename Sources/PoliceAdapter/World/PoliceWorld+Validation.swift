import HubProtocol

extension PoliceWorld {
    static func requireCount(_ count: Int, atMost maximum: Int, at path: String) throws(WireError) {
        guard count <= maximum else {
            throw WireError(path: path, reason: .invalidValue("\(count) entries; at most \(maximum) are allowed"))
        }
    }

    static func requireDelay(_ seconds: Int64, at path: String) throws(WireError) {
        guard (0...maximumReportDelaySeconds).contains(seconds) else {
            throw WireError(path: path, reason: .invalidValue("a report comes 0 to \(maximumReportDelaySeconds) seconds after the event, not \(seconds)"))
        }
    }

    func validatePersons() throws(WireError) {
        var firstIndexByID: [String: Int] = [:]
        for (index, person) in persons.enumerated() {
            let path = "$.persons[\(index)]"
            if let earlier = firstIndexByID.updateValue(index, forKey: person.idNumber.text) {
                throw WireError(path: path + ".idNumber", reason: .invalidValue("\(person.idNumber) is already the ID number of $.persons[\(earlier)]"))
            }
            try PoliceWorld.requireCount(person.formerNames.count, atMost: 20, at: path + ".formerNames")
            try PoliceWorld.requireCount(person.travelDocuments.count, atMost: 100, at: path + ".travelDocuments")
            try PoliceWorld.requireCount(person.crossings.count, atMost: 10_000, at: path + ".crossings")
            try PoliceWorld.requireCount(person.hotelStays.count, atMost: 10_000, at: path + ".hotelStays")
            for (documentIndex, document) in person.travelDocuments.enumerated() where document.expiresOn < document.issuedOn {
                throw WireError(path: path + ".travelDocuments[\(documentIndex)].expiresOn", reason: .invalidValue("expires before it was issued"))
            }
            for crossing in person.crossings.indices.dropFirst() where person.crossings[crossing].time < person.crossings[crossing - 1].time {
                throw WireError(path: path + ".crossings[\(crossing)].time", reason: .invalidValue("crossings are listed oldest first"))
            }
            for (stayIndex, stay) in person.hotelStays.enumerated() {
                if let checkOut = stay.checkOut, checkOut < stay.checkIn {
                    throw WireError(path: path + ".hotelStays[\(stayIndex)].checkOut", reason: .invalidValue("check-out before check-in"))
                }
            }
        }
    }

    func validateVehicles() throws(WireError) {
        var firstIndexByPlate: [String: Int] = [:]
        var firstIndexByVIN: [String: Int] = [:]
        for (index, vehicle) in vehicles.enumerated() {
            let path = "$.vehicles[\(index)].registration"
            let registration = vehicle.registration
            if let earlier = firstIndexByPlate.updateValue(index, forKey: registration.plateNumber.text) {
                throw WireError(path: path + ".plateNumber", reason: .invalidValue("\(registration.plateNumber) is already the plate of $.vehicles[\(earlier)]"))
            }
            if let earlier = firstIndexByVIN.updateValue(index, forKey: registration.vin.text) {
                throw WireError(path: path + ".vin", reason: .invalidValue("\(registration.vin) is already the VIN of $.vehicles[\(earlier)]"))
            }
            try PoliceWorld.requireCount(registration.seizures.count, atMost: 100, at: path + ".seizures")
        }
    }

    func validateSightings() throws(WireError) {
        let plates = Set(vehicles.map(\.registration.plateNumber.text))
        for (index, sighting) in sightings.enumerated() {
            guard plates.contains(sighting.plateNumber.text) else {
                throw WireError(path: "$.sightings[\(index)].plateNumber", reason: .invalidValue("no vehicle of the world has the plate \(sighting.plateNumber)"))
            }
            try PoliceWorld.requireDelay(sighting.reportDelaySeconds, at: "$.sightings[\(index)].reportDelaySeconds")
        }
    }

    func validateFinds() throws(WireError) {
        let idNumbers = Set(persons.map(\.idNumber.text))
        for (index, find) in finds.enumerated() {
            guard idNumbers.contains(find.idNumber.text) else {
                throw WireError(path: "$.finds[\(index)].idNumber", reason: .invalidValue("no person of the world has the ID number \(find.idNumber)"))
            }
            try PoliceWorld.requireDelay(find.reportDelaySeconds, at: "$.finds[\(index)].reportDelaySeconds")
        }
    }

    func validateOutages() throws(WireError) {
        for (index, outage) in outages.enumerated() {
            guard outage.from < outage.to else {
                throw WireError(path: "$.outages[\(index)].to", reason: .invalidValue("the outage ends (\(outage.to)) no later than it starts (\(outage.from))"))
            }
            if index > 0, outage.from < outages[index - 1].to {
                throw WireError(path: "$.outages[\(index)].from", reason: .invalidValue("outages are listed in time order without overlap"))
            }
        }
    }
}
