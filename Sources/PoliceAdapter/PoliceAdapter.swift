// The police side of the hub, meeting it only on the wire (never importing QueryHub):
// - Backend/: PoliceBackend, the SPI a real public-security system implements, and its events;
// - World/: the simulated register (persons, vehicles, timed sightings, finds, outages),
//   scenario files and the seeded world generator;
// - Simulation/ and SimulatedPolice.swift: the deterministic reference backend;
// - the poller that leases work from the hub and posts sealed receipts (to come).
