import HubProtocol

/// The service provider interface (SPI) a real public-security system implements to take part in
/// the network enforcement hub (网络执行查控, RULES.md R-G1 … R-G8).
///
/// The police adapter's poller leases instructions from the hub, verifies the court's seal, decodes
/// the document and hands it to ``handle(_:at:)``; it seals the returned receipt and posts it back.
/// Control measures keep producing news after their acknowledgement: a seized vehicle is seen at
/// an inspection (R-G4), a person under a locate request is found (R-G5). The backend keeps those
/// in an outbox; the poller reads them with ``pendingEvents(until:limit:)``, delivers them to the
/// hub, and only then calls ``acknowledgeEvents(through:)``, so an event survives a failed post
/// (at least once, in order). A release (R-G6) stops every event of the measure not yet reported.
///
/// What an implementation promises:
/// - **One receipt per instruction.** Queries answer with their result (R-G2: identity, exit-entry,
///   vehicles, hotel stays), measures with ``PoliceMeasureAcknowledgement`` (R-G3 … R-G6), and
///   anything the office cannot do with ``CannotAssist`` and a reason from the closed list
///   (`noRecordFound` for an unknown person or vehicle, `nameDoesNotMatchID`, `systemOutage` …).
/// - **Idempotent.** Delivery is at least once: the same instruction handled again returns the
///   same receipt; another document under an id already handled is refused with
///   ``PoliceBackendError/conflictingInstruction(_:)``.
/// - **Time is an input.** `now` stamps the receipt; no implementation reads a clock of its own
///   for what it reports, so runs can be replayed.
/// - **Safe from concurrent tasks.** Conformers are actors or lock their state.
public protocol PoliceBackend: Sendable {
    /// Carries out one police instruction at `now` and returns the receipt that answers it.
    ///
    /// Throws only when the instruction must not be answered at all: it is no police instruction,
    /// or its id was used for another document.
    func handle(_ instruction: InstructionDocument, at now: Timestamp) async throws(PoliceBackendError) -> ReceiptDocument

    /// Later events (``PoliceVehicleSighted``, ``PolicePersonFound``) reported no later than
    /// `until` and not yet acknowledged, oldest first, at most `limit` of them. Each receipt's
    /// header names the measure's instruction id. Reading does not remove them.
    func pendingEvents(until: Timestamp, limit: Int) async -> [PoliceEvent]

    /// Removes every event whose ``PoliceEvent/sequence`` is at most `sequence`: the hub has them.
    func acknowledgeEvents(through sequence: UInt64) async
}
