import Foundation
import Hummingbird
import HTTPTypes

/// An RFC 9457 problem type: a stable `type` URI per kind of error, its title and HTTP status.
public struct Problem: Sendable, Equatable {
    public let slug: String
    public let title: String
    public let status: HTTPResponse.Status

    /// The `type` URI: stable, so that clients can switch on it.
    public var type: String { "https://queryhub.example/problems/\(slug)" }

    public static let unauthenticated = Problem(slug: "unauthenticated", title: "No verified client certificate", status: .unauthorized)
    public static let forbidden = Problem(slug: "forbidden", title: "Not yours to see or touch", status: .forbidden)
    public static let malformed = Problem(slug: "malformed-document", title: "The document is not valid", status: .badRequest)
    public static let badSeal = Problem(slug: "bad-seal", title: "The seal does not verify", status: .badRequest)
    public static let notAuthorised = Problem(slug: "not-authorised", title: "The officer may not issue this measure", status: .forbidden)
    public static let unroutable = Problem(slug: "unroutable", title: "No link reaches the target", status: .unprocessableContent)
    public static let ruleViolation = Problem(slug: "rule-violation", title: "The measure breaks a rule", status: .unprocessableContent)
    public static let conflict = Problem(slug: "conflict", title: "Another document was already accepted under this id", status: .conflict)
    public static let notFound = Problem(slug: "not-found", title: "No such resource", status: .notFound)
    public static let overloaded = Problem(slug: "overloaded", title: "The hub is at a limit; retry later", status: .tooManyRequests)
    public static let unavailable = Problem(slug: "unavailable", title: "The hub has stopped", status: .serviceUnavailable)
    /// A standby instance knows no leader it can reach (issue 7): a takeover is under way.
    public static let noLeader = Problem(
        slug: "no-leader", title: "No hub instance leads right now; retry later", status: .serviceUnavailable)
    /// The hub's store failed while answering (a read, or a commit the core then stops on): nothing
    /// the request asked for was done unless a later read shows it; retry after the given seconds.
    public static let storeFailure = Problem(
        slug: "store-failure", title: "The hub's store failed; retry later", status: .serviceUnavailable)
    public static let badRequest = Problem(slug: "bad-request", title: "The request is not valid", status: .badRequest)
    /// A police event for a measure its court released (R-G6): not taken; the adapter may forget it.
    public static let measureReleased = Problem(slug: "measure-released", title: "The court released the measure", status: .gone)
    public static let tooLarge = Problem(slug: "too-large", title: "The body is larger than the route accepts", status: .contentTooLarge)

    /// A problem+json response naming what was wrong (and the field, when there is one).
    public func response(detail: String, field: String? = nil, retryAfterSeconds: Int? = nil) -> Response {
        var body: [String: String] = ["type": type, "title": title, "status": String(status.code), "detail": detail]
        if let field { body["field"] = field }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var data = (try? encoder.encode(body)) ?? Data()
        // The status is a number in RFC 9457: patch it in rather than encode a mixed dictionary.
        if var text = String(data: data, encoding: .utf8) {
            text = text.replacingOccurrences(of: "\"status\":\"\(status.code)\"", with: "\"status\":\(status.code)")
            data = Data(text.utf8)
        }
        var headers: HTTPFields = [.contentType: "application/problem+json"]
        if let retryAfterSeconds { headers[.retryAfter] = String(retryAfterSeconds) }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// An error a route throws to answer with a problem.
public struct ProblemError: Error, Sendable {
    public let problem: Problem
    public let detail: String
    public let field: String?
    public let retryAfterSeconds: Int?

    public init(_ problem: Problem, _ detail: String, field: String? = nil, retryAfterSeconds: Int? = nil) {
        self.problem = problem
        self.detail = detail
        self.field = field
        self.retryAfterSeconds = retryAfterSeconds
    }

    public var response: Response {
        problem.response(detail: detail, field: field, retryAfterSeconds: retryAfterSeconds)
    }
}
