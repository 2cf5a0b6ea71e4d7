import Hummingbird
import Synchronization

/// What one of several hub instances on one database does with an API request now (issue 7).
public enum InstanceRole: Sendable {
    /// Not leading and knowing no leader it can forward to: every request is a 503 `no-leader`.
    case standby(leader: LeadershipRecord?)
    /// Not leading: every request goes to the leader through `forwarder`.
    case forwarding(leader: LeadershipRecord, forwarder: HubForwarder)
    /// Leading in `epoch`: every request is served here by the hub's own router.
    case leader(epoch: Int64, responder: any HTTPResponder<HubRequestContext>)

    /// `leader`, `standby` (forwarding or not), for the operator port.
    public var name: String {
        switch self {
        case .standby, .forwarding: return "standby"
        case .leader: return "leader"
        }
    }

    /// The epoch this instance leads in, or the one of the leader it knows.
    public var epoch: Int64? {
        switch self {
        case .standby(let leader): return leader?.epoch
        case .forwarding(let leader, _): return leader.epoch
        case .leader(let epoch, _): return epoch
        }
    }
}

/// The role an instance plays, shared by its listener and its leadership loop. Leading is for
/// life: an instance that loses leadership exits rather than turning back into a standby.
public final class InstanceRoleHolder: Sendable {
    private let state = Mutex<InstanceRole>(.standby(leader: nil))

    /// A holder that starts as a standby knowing no leader.
    public init() {}

    /// The role now.
    public var current: InstanceRole { state.withLock { $0 } }

    /// Replaces the role; a leader is never demoted by this (it exits instead).
    public func set(_ role: InstanceRole) {
        state.withLock { current in
            if case .leader = current {
                preconditionFailure("a leading instance does not change its role: it exits when it loses leadership")
            }
            current = role
        }
    }
}

/// The API listener's one responder for an instance among several: it asks the role holder, for
/// every request, whether to serve it here (the leader's native router, installed at takeover —
/// the listener is never rebound), forward it to the leader, or answer 503.
public struct InstanceResponder: HTTPResponder {
    public typealias Context = HubRequestContext
    let role: InstanceRoleHolder

    /// A responder that follows `role`.
    public init(role: InstanceRoleHolder) {
        self.role = role
    }

    public func respond(to request: Request, context: Context) async throws -> Response {
        let forwarder: HubForwarder
        switch role.current {
        case .leader(_, let responder):
            return try await responder.respond(to: request, context: context)
        case .standby:
            return Problem.noLeader.response(detail: "no hub instance leads right now; a takeover is under way", retryAfterSeconds: 1)
        case .forwarding(_, let leaderForwarder):
            forwarder = leaderForwarder
        }
        let caller: ForwardedCaller
        switch await PrincipalMiddleware.caller(request, context: context) {
        case .failure(let problem): return problem.response
        case .success(let resolved): caller = resolved
        }
        // A request another instance forwarded is never forwarded again: no loops, at most one hop.
        if ForwardedCaller.isPresent(in: request.headers) {
            return Problem.noLeader.response(
                detail: "this instance does not lead (the leader is at \(forwarder.leaderURL)); it does not forward a forwarded request",
                retryAfterSeconds: 1)
        }
        return await forwarder.forward(request, caller: caller)
    }
}
