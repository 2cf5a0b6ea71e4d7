import HubProtocol

/// A later event of a police measure waiting in a backend's outbox: a sighting of a seized vehicle
/// (R-G4) or the finding of a person (R-G5).
public struct PoliceEvent: Hashable, Sendable {
    /// The position in the backend's outbox: strictly increasing, never reused, starting at 1.
    public let sequence: UInt64
    /// The receipt to seal and deliver; its header names the measure's instruction id.
    public let receipt: ReceiptDocument

    /// An event at `sequence`.
    public init(sequence: UInt64, receipt: ReceiptDocument) {
        precondition(sequence >= 1, "event sequences start at 1")
        precondition(receipt.kind == .policeVehicleSighted || receipt.kind == .policePersonFound, "only sightings and findings come later, not \(receipt.kind.rawValue)")
        self.sequence = sequence
        self.receipt = receipt
    }

    /// The instruction id of the measure this event belongs to.
    public var instructionId: InstructionID { receipt.header.instructionId }
}
