import Foundation
import HubProtocol
import Hummingbird

/// A batch of later police events as an adapter posts it (R-G4, R-G5).
struct EventBatch: Codable {
    struct Entry: Codable {
        /// The court that issued the measure.
        var court: String
        /// The measure's instruction id.
        var instructionId: String
        /// The office's event receipt bytes, base64.
        var receipt: String
        /// The office's batch seal (and Merkle proof), as a JSON string.
        var seal: String
    }
    var events: [Entry]
}

struct EventResultView: Codable {
    var instructionId: String
    var status: String
    var detail: String?
}

extension HubAPI {
    /// `POST /v1/adapters/{adapter}/events`: a police office reports sightings and finds of the
    /// measures it was given. Every event is checked before any is stored — the measure was
    /// delivered to this adapter and is of the kind the event belongs to, the office's seal, strict
    /// decoding, the instruction the receipt names —, so a bad one refuses the whole batch and
    /// nothing is stored. Then the core judges each: accepted, an identical repeat (a no-op), or
    /// a released measure's (R-G6, not stored). A batch of released measures' events only is
    /// answered 410, so the adapter knows it may forget them.
    func events(_ request: Request, _ context: HubRequestContext) async throws -> Response {
        let adapter = try HubAPI.parameter(context, "adapter")
        _ = try HubAPI.require(context, kind: .police, id: adapter)
        let body = try await HubAPI.body(request)
        let batch: EventBatch
        do {
            batch = try JSONDecoder().decode(EventBatch.self, from: Data(body))
        } catch {
            throw ProblemError(.badRequest, "the event batch is not valid: \(error)", field: "events")
        }
        let maximum = min(maximumEventsPerBatch, HubCore.maximumEventsPerBatch)
        guard (1...maximum).contains(batch.events.count) else {
            throw ProblemError(.badRequest, "a batch holds 1 to \(maximum) events, not \(batch.events.count)", field: "events")
        }
        var submissions: [EventSubmission] = []
        for (index, entry) in batch.events.enumerated() {
            submissions.append(try await checkedEvent(entry, field: "events[\(index)]", adapter: adapter))
        }
        let results = try await core.recordEvents(adapterID: adapter, events: submissions, audit: context.auditContext)
        if results.allSatisfy({ $0 == .released }) {
            throw ProblemError(
                .measureReleased,
                "R-G6: court \(submissions[0].court) released measure \(submissions[0].instructionID); its events are no longer taken",
                field: "events[0].instructionId")
        }
        let views = zip(submissions, results).map { event, result -> EventResultView in
            switch result {
            case .accepted: return EventResultView(instructionId: event.instructionID, status: "accepted")
            case .repeated: return EventResultView(instructionId: event.instructionID, status: "repeated")
            case .released:
                return EventResultView(instructionId: event.instructionID, status: "released",
                                       detail: "R-G6: the court released this measure; the event is not taken")
            }
        }
        return try HubAPI.json(["results": views])
    }

    /// One event checked against the store and the office's seal; throws the problem that names it.
    private func checkedEvent(_ entry: EventBatch.Entry, field: String, adapter: String) async throws -> EventSubmission {
        guard let receipt = Data(base64Encoded: entry.receipt), !receipt.isEmpty else {
            throw ProblemError(.badRequest, "\(field): the receipt is not base64 of a document", field: field + ".receipt")
        }
        // Another adapter's measure is indistinguishable from a missing one.
        guard let instruction = try await store.instruction(court: entry.court, instructionID: entry.instructionId),
              try await store.workItems(court: entry.court, instructionID: entry.instructionId).contains(where: { $0.adapterID == adapter })
        else {
            throw ProblemError(
                .notFound, "\(adapter) was given no instruction \(entry.instructionId) of court \(entry.court)",
                field: field + ".instructionId")
        }
        let document = try eventCheck.verifiedEvent(
            receipt: Array(receipt), sealJSON: entry.seal, adapterID: adapter, instructionID: entry.instructionId, field: field)
        let measureKind: InstructionKind
        let rule: String
        switch document {
        case .policeVehicleSighted: (measureKind, rule) = (.policeSeizeVehicle, "R-G4")
        case .policePersonFound: (measureKind, rule) = (.policeLocatePerson, "R-G5")
        default:
            throw ProblemError(
                .malformed, "\(field): a \(document.kind.rawValue) answers an instruction; later events are police.vehicleSighted and police.personFound",
                field: field + ".receipt.kind")
        }
        guard instruction.kind == measureKind.rawValue else {
            throw ProblemError(
                .ruleViolation, "\(rule): a \(document.kind.rawValue) belongs to a \(measureKind.rawValue); \(entry.instructionId) is a \(instruction.kind)",
                field: field + ".instructionId")
        }
        return EventSubmission(court: entry.court, instructionID: entry.instructionId, body: Array(receipt), sealJSON: entry.seal)
    }
}
