import HubProtocol

/// A validated world with the lookups the simulation needs: persons by ID number, vehicles by
/// owner, plate and VIN, sightings by plate and finds by person in time order, outages in order.
struct PoliceWorldIndex: Sendable {
    let world: PoliceWorld
    private let personByID: [String: Int]
    private let vehicleByPlate: [String: Int]
    private let vehicleByVIN: [String: Int]
    private let vehiclesByOwner: [IdentityDocument: [Int]]
    private let sightingsByPlate: [String: [ScheduledSighting]]
    private let findsByID: [String: [ScheduledFind]]

    /// Validates `world` and indexes it.
    init(_ world: PoliceWorld) throws(WireError) {
        try world.validate()
        self.world = world
        personByID = Dictionary(uniqueKeysWithValues: world.persons.enumerated().map { ($0.element.idNumber.text, $0.offset) })
        vehicleByPlate = Dictionary(uniqueKeysWithValues: world.vehicles.enumerated().map { ($0.element.registration.plateNumber.text, $0.offset) })
        vehicleByVIN = Dictionary(uniqueKeysWithValues: world.vehicles.enumerated().map { ($0.element.registration.vin.text, $0.offset) })
        vehiclesByOwner = Dictionary(grouping: world.vehicles.indices, by: { world.vehicles[$0].owner.document })
        sightingsByPlate = Dictionary(grouping: world.sightings, by: \.plateNumber.text).mapValues { $0.sorted { $0.sightedAt < $1.sightedAt } }
        findsByID = Dictionary(grouping: world.finds, by: \.idNumber.text).mapValues { $0.sorted { $0.foundAt < $1.foundAt } }
        assert(personByID.count == world.persons.count && vehicleByPlate.count == world.vehicles.count)
    }

    func person(withID idNumber: ResidentIDNumber) -> SimulatedPerson? {
        personByID[idNumber.text].map { world.persons[$0] }
    }

    func vehicleIndex(plate: WireText) -> Int? { vehicleByPlate[plate.text] }

    func vehicleIndex(vin: VehicleIdentificationNumber) -> Int? { vehicleByVIN[vin.text] }

    func vehicle(at index: Int) -> SimulatedVehicle { world.vehicles[index] }

    /// Indexes of the vehicles registered to `owner`, in world order.
    func vehicleIndexes(ownedBy owner: IdentityDocument) -> [Int] { vehiclesByOwner[owner] ?? [] }

    /// Sightings of `plate` at or after `time`, oldest first.
    func sightings(of plate: WireText, from time: Timestamp) -> ArraySlice<ScheduledSighting> {
        let all = sightingsByPlate[plate.text] ?? []
        let first = all.firstIndex { $0.sightedAt >= time } ?? all.endIndex
        return all[first...]
    }

    /// Finds of the person at or after `time`, oldest first.
    func finds(of idNumber: ResidentIDNumber, from time: Timestamp) -> ArraySlice<ScheduledFind> {
        let all = findsByID[idNumber.text] ?? []
        let first = all.firstIndex { $0.foundAt >= time } ?? all.endIndex
        return all[first...]
    }

    /// The outage in force at `time`, if any.
    func outage(at time: Timestamp) -> SimulatedOutage? {
        world.outages.first { $0.covers(time) }
    }

    /// When a report due at `time` can go out: after any outage covering that time.
    func reportTime(dueAt time: Timestamp) -> Timestamp {
        outage(at: time)?.to ?? time
    }
}
