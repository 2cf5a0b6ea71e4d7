// The police side of the hub, meeting it only on the wire (never importing QueryHub):
// - Backend/: PoliceBackend, the SPI a real public-security system implements, and its events;
// - World/: the simulated register (persons, vehicles, timed sightings, finds, outages),
//   scenario files and the seeded world generator;
// - Simulation/ and SimulatedPolice.swift: the deterministic reference backend;
// - PoliceEventFeed.swift: later events (sightings, finds) fed from the backend's outbox to the
//   hub through HubClient's EventPump, each under its measure's court.
