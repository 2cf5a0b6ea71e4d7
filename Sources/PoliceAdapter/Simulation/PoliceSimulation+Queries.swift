import HubProtocol

/// The four queries (R-G2): what the register discloses as of the current time.
extension PoliceSimulation {
    /// The register's person for a party: by resident ID number, answering to the party's name or a
    /// former name. The register is keyed by ID number, so other documents find nobody.
    func person(for party: Party) -> Result<SimulatedPerson, Refusal> {
        guard case .residentID(let idNumber) = party.document else {
            return .failure(Refusal(.noRecordFound, "人口信息以公民身份号码登记，无\(party.document.kind.rawValue) \(party.document.number)对应的人员"))
        }
        guard let person = index.person(withID: idNumber) else {
            return .failure(Refusal(.noRecordFound, "无公民身份号码为\(idNumber)的人员信息"))
        }
        guard person.answers(to: party.name) else {
            return .failure(Refusal(.nameDoesNotMatchID, "公民身份号码\(idNumber)登记姓名与“\(party.name)”不符"))
        }
        return .success(person)
    }

    func identityResult(_ query: PoliceIdentityQuery, at now: Timestamp) -> ReceiptDocument {
        let id = query.header.instructionId
        switch person(for: query.party) {
        case .failure(let refusal):
            return cannotAssist(id, refusal, at: now)
        case .success(let person):
            return .policeIdentityResult(PoliceIdentityResult(
                header: receiptHeader(id, at: now), name: person.name, formerNames: person.formerNames, birthDate: person.birthDate,
                householdRegistration: person.householdRegistration, address: person.address, idNumber: person.idNumber, photo: person.photo))
        }
    }

    /// Travel documents issued by today; crossings up to now, and only when asked (debtors only,
    /// which the instruction's validation enforces).
    func exitEntryResult(_ query: PoliceExitEntryQuery, at now: Timestamp) -> ReceiptDocument {
        let id = query.header.instructionId
        switch person(for: query.party) {
        case .failure(let refusal):
            return cannotAssist(id, refusal, at: now)
        case .success(let person):
            let documents = person.travelDocuments.filter { $0.issuedOn <= now.chinaDate }
            let records = query.includeRecords ? person.crossings.filter { $0.time <= now } : []
            assert(query.role == .debtor || records.isEmpty, "R-G2: records are disclosed for debtors only")
            return .policeExitEntryResult(PoliceExitEntryResult(header: receiptHeader(id, at: now), documents: documents, records: records))
        }
    }

    /// A person must be in the register (their vehicles are registered against it); an
    /// organisation's vehicles are found by its code, and none is an empty list.
    func vehiclesResult(_ query: PoliceVehicleQuery, at now: Timestamp) -> ReceiptDocument {
        let id = query.header.instructionId
        if !query.party.document.identifiesOrganization, case .failure(let refusal) = person(for: query.party) {
            return cannotAssist(id, refusal, at: now)
        }
        let owned = index.vehicleIndexes(ownedBy: query.party.document)
            .filter { index.vehicle(at: $0).registration.registeredOn <= now.chinaDate }
        if query.party.document.identifiesOrganization, let first = owned.first, index.vehicle(at: first).owner.name != query.party.name {
            let refusal = Refusal(.nameDoesNotMatchID, "\(query.party.document.number)登记的所有人名称与“\(query.party.name)”不符")
            return cannotAssist(id, refusal, at: now)
        }
        let records = owned.map(currentRecord(ofVehicle:))
        return .policeVehiclesResult(PoliceVehicleResult(header: receiptHeader(id, at: now), vehicles: records))
    }

    /// Stays that overlap the period and began by now; a stay not yet checked out by now is shown
    /// without a check-out.
    func hotelStaysResult(_ query: PoliceHotelStayQuery, at now: Timestamp) -> ReceiptDocument {
        let id = query.header.instructionId
        switch person(for: query.party) {
        case .failure(let refusal):
            return cannotAssist(id, refusal, at: now)
        case .success(let person):
            let period = query.period
            let stays = person.hotelStays
                .filter { $0.checkIn <= now && $0.checkIn.chinaDate <= period.to && ($0.checkOut?.chinaDate ?? period.to) >= period.from }
                .map { stay in
                    guard let checkOut = stay.checkOut, checkOut > now else { return stay }
                    return HotelStay(checkIn: stay.checkIn, checkOut: nil, hotelName: stay.hotelName, hotelAddress: stay.hotelAddress, registeredPhone: stay.registeredPhone)
                }
                .sorted { $0.checkIn < $1.checkIn }
            return .policeHotelStaysResult(PoliceHotelStayResult(header: receiptHeader(id, at: now), stays: stays))
        }
    }

    /// The vehicle's registration with the seizures made through the hub that are in force.
    func currentRecord(ofVehicle vehicleIndex: Int) -> VehicleRecord {
        let registration = index.vehicle(at: vehicleIndex).registration
        let added = (seizuresByVehicle[vehicleIndex] ?? []).compactMap { id -> VehicleSeizureRecord? in
            guard let measure = measures[id], measure.isInForce else { return nil }
            return measure.seizure
        }
        guard !added.isEmpty else { return registration }
        return VehicleRecord(
            plateNumber: registration.plateNumber, brand: registration.brand, model: registration.model, vehicleType: registration.vehicleType,
            vin: registration.vin, registeringOffice: registration.registeringOffice, registeredOn: registration.registeredOn,
            mortgagee: registration.mortgagee, seizures: registration.seizures + added)
    }
}
