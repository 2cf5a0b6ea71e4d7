import Foundation
import Hummingbird
import HubPKI

/// What a court reads about one of its instructions.
struct InstructionView: Codable {
    struct TargetView: Codable {
        var adapter: String
        var outcome: String
        var receipt: String?
        var seal: String?
        var receivedAt: String
        var flagged: String?
    }
    var id: String
    var kind: String
    var serviceTime: String
    var status: String
    var answered: Int
    var expected: Int
    var receipts: [TargetView]
    var noAccountFound: [String]
    /// Later police events of a measure (R-G4, R-G5), oldest first.
    var events: [EventView]
}

/// A later police event as the issuing court reads it: the office's exact bytes and seal.
struct EventView: Codable {
    var adapter: String
    /// The office's event receipt bytes, base64.
    var receipt: String
    /// The office's batch seal, as a JSON string.
    var seal: String
    var receivedAt: String
    /// Its entry in the court's result stream.
    var cursor: Int64
}

/// One entry of a court's result stream.
struct ResultEventView: Codable {
    var cursor: Int64
    var instructionId: String
    var event: String
    var adapter: String?
    var at: String
}

struct ResultPage: Codable {
    var events: [ResultEventView]
    var cursor: Int64
}

extension HubAPI {
    func submit(_ request: Request, _ context: HubRequestContext) async throws -> Response {
        let principal = try HubAPI.require(context, kind: .court)
        let body = try await HubAPI.body(request)
        let submission = try await intake.check(body: body, from: principal)
        switch try await core.submit(submission, audit: context.auditContext) {
        case .accepted(let answer), .repeated(let answer):
            return HubAPI.rawJSON(answer, status: .accepted)
        case .conflict:
            throw ProblemError(
                .conflict, "instruction \(submission.instructionID) was accepted before with other bytes", field: "instructionId")
        }
    }

    func instruction(_ request: Request, _ context: HubRequestContext) async throws -> Response {
        // A court reads its own instructions (`?court=` defaults to it); operators read any court's.
        let principal = try HubAPI.require(context, kind: .court)
        let court = request.uri.queryParameters["court"].map(String.init) ?? principal.id
        if principal.kind != .operator && court != principal.id {
            throw ProblemError(.forbidden, "\(principal) may not read the instructions of court \(court)", field: "court")
        }
        let id = try HubAPI.parameter(context, "id")
        guard let stored = try await store.instruction(court: court, instructionID: id) else {
            throw ProblemError(.notFound, "court \(court) has no instruction \(id)")
        }
        let receipts = try await store.receipts(court: stored.court, instructionID: stored.instructionID)
        var noAccount: [String] = []
        var expected = 0
        if let sequence = stored.broadcastSequence {
            noAccount = try await store.noAccountAdapters(sequence: sequence)
            expected = await core.broadcastAdapterCount
        } else {
            expected = try await store.workItems(court: stored.court, instructionID: stored.instructionID).count
        }
        let answered = receipts.count + noAccount.count
        let view = InstructionView(
            id: stored.instructionID, kind: stored.kind,
            serviceTime: Timestamps.rfc3339(milliseconds: stored.serviceTimeMilliseconds),
            status: answered >= expected ? "completed" : "pending", answered: answered, expected: expected,
            receipts: receipts.map {
                InstructionView.TargetView(
                    adapter: $0.adapterID, outcome: $0.outcome,
                    receipt: $0.body.isEmpty ? nil : Data($0.body).base64EncodedString(),
                    seal: $0.sealJSON == "{}" ? nil : $0.sealJSON,
                    receivedAt: Timestamps.rfc3339(milliseconds: $0.receivedAtMilliseconds), flagged: $0.flaggedReason)
            },
            noAccountFound: noAccount,
            events: try await store.events(court: stored.court, instructionID: stored.instructionID).map {
                EventView(
                    adapter: $0.adapterID, receipt: Data($0.body).base64EncodedString(), seal: $0.sealJSON,
                    receivedAt: Timestamps.rfc3339(milliseconds: $0.receivedAtMilliseconds), cursor: $0.cursor)
            })
        return try HubAPI.json(view)
    }

    func results(_ request: Request, _ context: HubRequestContext) async throws -> Response {
        let court = try HubAPI.parameter(context, "court")
        let principal = try HubAPI.require(context, kind: .court, id: court)
        let readCourt = principal.kind == .court ? principal.id : court
        let after = Int64(try HubAPI.integer(request, "after", default: 0, range: 0...Int.max))
        let waitSeconds = try HubAPI.integer(request, "waitSeconds", default: 0, range: 0...maximumWaitSeconds)
        let limit = try HubAPI.integer(request, "max", default: 500, range: 1...5_000)
        var events = try await store.resultEvents(court: readCourt, after: after, limit: limit)
        if events.isEmpty && waitSeconds > 0 {
            await core.waitForResults(court: readCourt, timeoutMilliseconds: Int64(waitSeconds) * 1_000)
            events = try await store.resultEvents(court: readCourt, after: after, limit: limit)
        }
        let page = ResultPage(
            events: events.map {
                ResultEventView(
                    cursor: $0.cursor, instructionId: $0.instructionID, event: $0.event, adapter: $0.adapterID,
                    at: Timestamps.rfc3339(milliseconds: $0.atMilliseconds))
            },
            cursor: events.last?.cursor ?? after)
        return try HubAPI.json(page)
    }
}

extension HubCore {
    /// How many adapters a query to every bank reaches.
    public var broadcastAdapterCount: Int { broadcastAdapters.count }
}
