// Load and invariant runs; see LedgerSimulationTests.swift.
