import HubProtocol

/// The control measures (R-G3 … R-G5) and their release (R-G6).
extension PoliceSimulation {
    /// The most seizures one vehicle lists (the vehicles result's bound).
    static let maximumSeizuresPerVehicle = 100

    /// R-G3: border control registers the person for the control period.
    mutating func restrictExit(_ instruction: PoliceRestrictExit, at now: Timestamp) -> ReceiptDocument {
        let id = instruction.header.instructionId
        if case .failure(let refusal) = person(for: instruction.party) { return cannotAssist(id, refusal, at: now) }
        guard instruction.period.to >= now.chinaDate else {
            return cannotAssist(id, Refusal(.other, "控制期限已于\(instruction.period.to)届满，无法布控"), at: now)
        }
        if let refusal = capacityRefusal(newReports: 0) { return cannotAssist(id, refusal, at: now) }
        register(id, PoliceMeasureRecord(kind: .policeRestrictExit, court: instruction.header.court, party: instruction.party, state: .inForce(since: now), vehicleIndex: nil, seizure: nil))
        return acknowledgement(id, measure: .policeRestrictExit, at: now, controlUntil: instruction.period.to)
    }

    /// R-G4: traffic police register the seizure (blocking transfer and mortgage) and will report
    /// every sighting from now until it is released.
    mutating func seizeVehicle(_ instruction: PoliceSeizeVehicle, at now: Timestamp) -> ReceiptDocument {
        let id = instruction.header.instructionId
        let vehicleIndex: Int
        switch self.vehicleIndex(for: instruction) {
        case .failure(let refusal): return cannotAssist(id, refusal, at: now)
        case .success(let found): vehicleIndex = found
        }
        guard currentRecord(ofVehicle: vehicleIndex).seizures.count < PoliceSimulation.maximumSeizuresPerVehicle else {
            return cannotAssist(id, Refusal(.other, "该车已登记\(PoliceSimulation.maximumSeizuresPerVehicle)项查封，达到上限"), at: now)
        }
        let plate = index.vehicle(at: vehicleIndex).registration.plateNumber
        let sightings = index.sightings(of: plate, from: now)
        if let refusal = capacityRefusal(newReports: sightings.count) { return cannotAssist(id, refusal, at: now) }
        let ruling = instruction.header.legalDocuments.first { $0.kind == .ruling } ?? instruction.header.legalDocuments[0]
        let seizure = VehicleSeizureRecord(authority: PoliceSimulation.text("\(instruction.header.court)法院"), documentNumber: ruling.number)
        register(id, PoliceMeasureRecord(kind: .policeSeizeVehicle, court: instruction.header.court, party: instruction.party, state: .inForce(since: now), vehicleIndex: vehicleIndex, seizure: seizure))
        seizuresByVehicle[vehicleIndex, default: []].append(id)
        for sighting in sightings {
            scheduleReport(dueAt: sighting.sightedAt.adding(seconds: sighting.reportDelaySeconds), measureId: id, .sighting(sighting, plate: plate))
        }
        return acknowledgement(id, measure: .policeSeizeVehicle, at: now, controlUntil: nil)
    }

    /// R-G5: the person is put on the watch list; finds from now on are reported until one holds
    /// the person for the court or the request is released.
    mutating func locatePerson(_ instruction: PoliceLocatePerson, at now: Timestamp) -> ReceiptDocument {
        let id = instruction.header.instructionId
        let person: SimulatedPerson
        switch self.person(for: instruction.party) {
        case .failure(let refusal): return cannotAssist(id, refusal, at: now)
        case .success(let found): person = found
        }
        let finds = index.finds(of: person.idNumber, from: now)
        if let refusal = capacityRefusal(newReports: finds.count) { return cannotAssist(id, refusal, at: now) }
        register(id, PoliceMeasureRecord(kind: .policeLocatePerson, court: instruction.header.court, party: instruction.party, state: .inForce(since: now), vehicleIndex: nil, seizure: nil))
        for find in finds {
            scheduleReport(dueAt: find.foundAt.adding(seconds: find.reportDelaySeconds), measureId: id, .find(find))
        }
        return acknowledgement(id, measure: .policeLocatePerson, at: now, controlUntil: nil)
    }

    /// R-G6: ends a measure of the same court on the same party; its reports not yet made are
    /// dropped. A fulfilled locate request can still be released (formally closed).
    mutating func release(_ instruction: PoliceRelease, at now: Timestamp) -> ReceiptDocument {
        let id = instruction.header.instructionId
        let releasedId = instruction.releasedInstructionId
        guard var measure = measures[releasedId] else {
            return cannotAssist(id, Refusal(.noRecordFound, "无指令\(releasedId)登记的控制措施"), at: now)
        }
        guard measure.kind == instruction.releasedKind else {
            return cannotAssist(id, Refusal(.other, "指令\(releasedId)登记的措施为\(measure.kind.rawValue)，不是\(instruction.releasedKind.rawValue)"), at: now)
        }
        guard measure.court == instruction.header.court else {
            return cannotAssist(id, Refusal(.insufficientAuthority, "指令\(releasedId)的措施由\(measure.court)法院采取，只能由该院解除"), at: now)
        }
        guard measure.party.document == instruction.party.document else {
            return cannotAssist(id, Refusal(.other, "解除对象\(instruction.party.document.number)与原措施当事人不符"), at: now)
        }
        if case .released(let releasedAt, let releasedBy) = measure.state {
            return cannotAssist(id, Refusal(.other, "指令\(releasedId)的措施已于\(releasedAt)由指令\(releasedBy)解除"), at: now)
        }
        measure.state = .released(at: now, by: id)
        measures[releasedId] = measure
        return acknowledgement(id, measure: .policeRelease, at: now, controlUntil: nil)
    }

    /// The vehicle named by plate and/or VIN, registered to the party.
    private func vehicleIndex(for instruction: PoliceSeizeVehicle) -> Result<Int, Refusal> {
        let byPlate = instruction.plateNumber.map { index.vehicleIndex(plate: $0) }
        let byVIN = instruction.vin.map { index.vehicleIndex(vin: $0) }
        if let byPlate, let byVIN, byPlate != byVIN {
            return .failure(Refusal(.other, "号牌\(instruction.plateNumber?.text ?? "")与车辆识别代号\(instruction.vin?.text ?? "")不属同一车辆"))
        }
        guard let found = (byPlate ?? byVIN) ?? nil else {
            let named = [instruction.plateNumber?.text, instruction.vin?.text].compactMap { $0 }.joined(separator: "/")
            return .failure(Refusal(.noRecordFound, "无\(named)的机动车登记信息"))
        }
        let owner = index.vehicle(at: found).owner
        guard owner.document == instruction.party.document else {
            return .failure(Refusal(.noRecordFound, "\(index.vehicle(at: found).registration.plateNumber)未登记在\(instruction.party.document.number)名下"))
        }
        return .success(found)
    }

    /// Refuses a new measure when the register of measures or the schedule is full.
    private func capacityRefusal(newReports: Int) -> Refusal? {
        if measures.count >= limits.maximumMeasures {
            return Refusal(.systemOutage, "在控措施已达上限\(limits.maximumMeasures)项，暂无法登记，请稍后重试")
        }
        if schedule.count + newReports > limits.maximumScheduledReports {
            return Refusal(.systemOutage, "待报告事件已达上限\(limits.maximumScheduledReports)条，暂无法登记，请稍后重试")
        }
        return nil
    }

    private mutating func register(_ id: InstructionID, _ measure: PoliceMeasureRecord) {
        precondition(measures[id] == nil, "measure \(id) registered twice")
        precondition(measure.kind.isPoliceMeasure)
        measures[id] = measure
    }
}
