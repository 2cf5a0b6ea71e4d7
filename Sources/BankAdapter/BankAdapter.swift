// The bank side: BankBackend, SimulatedBank, the poller.
