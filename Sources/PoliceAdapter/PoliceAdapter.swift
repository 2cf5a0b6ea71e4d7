// The police side: PoliceBackend, SimulatedPolice, the poller.
