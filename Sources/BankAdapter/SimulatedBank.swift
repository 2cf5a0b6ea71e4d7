import HubProtocol

/// The reference ``BankBackend``: a ``BankLedger`` owned by an actor, so a poller may call it
/// from many tasks. Measures are applied one at a time, in the order the actor runs them.
///
/// It never sleeps and reads no clock: the poller delays answers by
/// ``BankProfile/responseDelay(for:attempt:)`` and drops some by
/// ``BankProfile/failsTransiently(on:attempt:)``, and moves the bank's time with ``advance(to:)``
/// or the `receivedAt` of each item.
public actor SimulatedBank: BankBackend {
    /// Who the bank is and how it behaves.
    public nonisolated let profile: BankProfile
    /// The core ledger.
    private var ledger: BankLedger

    /// A bank over a prepared ledger.
    public init(ledger: BankLedger) {
        self.profile = ledger.profile
        self.ledger = ledger
    }

    /// Carries out one instruction (see ``BankLedger/handle(_:receivedAt:)``).
    public func handle(_ document: InstructionDocument, receivedAt: Timestamp) -> ReceiptDocument {
        ledger.handle(document, receivedAt: receivedAt)
    }

    /// Applies the events due by `time` and lapses freezes whose days have passed.
    public func advance(to time: Timestamp) {
        ledger.advance(to: time)
    }

    /// Schedules an event (money moving, an outage, a claim's review).
    public func schedule(_ event: BankEvent) throws(BankLedgerError) {
        try ledger.schedule(event)
    }

    /// The bank's present.
    public var now: Timestamp { ledger.now }

    /// The account as the core system holds it now.
    public func account(_ key: AccountKey) -> SimulatedAccount? {
        ledger.account(key)
    }

    /// A copy of the whole ledger, for inspection and replay.
    public var snapshot: BankLedger { ledger }
}
