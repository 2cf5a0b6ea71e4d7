import HubProtocol

/// Everything the simulated police know and everything that will happen: the population
/// register, the vehicle register, and the timed sightings, finds and outages.
///
/// A world is a fixed timeline; the simulation reveals it as its clock advances. Made from a
/// scenario file (``PoliceScenario``) or by ``PoliceWorldGenerator``; ``validate()`` checks that
/// every reference resolves and every key is unique.
public struct PoliceWorld: Hashable, Sendable, Codable, WireValidatable {
    /// 人口信息 — unique by ID number.
    public let persons: [SimulatedPerson]
    /// 机动车 — unique by plate and by VIN.
    public let vehicles: [SimulatedVehicle]
    /// 车辆发现 — each names a plate of ``vehicles``.
    public let sightings: [ScheduledSighting]
    /// 人员发现 — each names an ID number of ``persons``.
    public let finds: [ScheduledFind]
    /// 系统故障 — in time order, not overlapping.
    public let outages: [SimulatedOutage]

    /// The most persons, vehicles, sightings or finds one world holds.
    public static let maximumEntries = 1_000_000
    /// The most outages one world holds.
    public static let maximumOutages = 1_000
    /// The longest delay between an event and its report: 30 days.
    public static let maximumReportDelaySeconds: Int64 = 30 * 86_400

    /// A world; call ``validate()`` before use (the simulation does).
    public init(persons: [SimulatedPerson], vehicles: [SimulatedVehicle], sightings: [ScheduledSighting], finds: [ScheduledFind], outages: [SimulatedOutage]) {
        self.persons = persons
        self.vehicles = vehicles
        self.sightings = sightings
        self.finds = finds
        self.outages = outages
    }

    /// Unique ID numbers, plates and VINs; references that resolve; ordered histories and outages;
    /// report delays within bounds. The error names the JSON path of the offending value.
    public func validate() throws(WireError) {
        try PoliceWorld.requireCount(persons.count, atMost: PoliceWorld.maximumEntries, at: "$.persons")
        try PoliceWorld.requireCount(vehicles.count, atMost: PoliceWorld.maximumEntries, at: "$.vehicles")
        try PoliceWorld.requireCount(sightings.count, atMost: PoliceWorld.maximumEntries, at: "$.sightings")
        try PoliceWorld.requireCount(finds.count, atMost: PoliceWorld.maximumEntries, at: "$.finds")
        try PoliceWorld.requireCount(outages.count, atMost: PoliceWorld.maximumOutages, at: "$.outages")
        try validatePersons()
        try validateVehicles()
        try validateSightings()
        try validateFinds()
        try validateOutages()
    }
}
