import HTTPTypes
import HubPKI
import QueryHub
import Testing

/// Issue 7: who a forwarded request speaks for. The leader believes the forwarding headers only
/// from another hub instance's certificate; from anyone else they are refused, so that no court
/// or bank can speak for another through them.
@Suite("Forwarded callers")
struct ForwardedCallerTests {
    static let court = try! PrincipalIdentity(kind: .court, id: "京0105")
    static let original = ForwardedCaller(principal: court, certificateFingerprint: "ab12", clientAddress: "10.0.0.7:50123")

    static func fields(_ headers: [(String, String)]) -> HTTPFields {
        var fields = HTTPFields()
        for (name, value) in headers { fields[HTTPField.Name(name)!] = value }
        return fields
    }

    static func peer(_ kind: PrincipalKind, _ id: String) -> ForwardedCaller {
        ForwardedCaller(principal: try! PrincipalIdentity(kind: kind, id: id), certificateFingerprint: "ff00", clientAddress: "127.0.0.1:4000")
    }

    @Test("without forwarding headers the caller is the TLS peer")
    func peerWithoutHeaders() throws {
        let peer = Self.peer(.bank, "ICBC")
        #expect(try ForwardedCaller.resolve(peer: peer, fields: HTTPFields()).get() == peer)
    }

    @Test("a hub peer's headers name the original caller, Chinese court code and all")
    func hubPeerIsBelieved() throws {
        let fields = Self.fields(Self.original.headers)
        #expect(fields[ForwardedCaller.principalHeader]?.allSatisfy(\.isASCII) == true, "header values are ASCII: the court code is percent-encoded")
        #expect(try ForwardedCaller.resolve(peer: Self.peer(.hub, "hub-2"), fields: fields).get() == Self.original)
    }

    @Test("forwarding headers from a peer that is not a hub are refused 403", arguments: [PrincipalKind.court, .bank, .police, .operator])
    func othersAreRefused(kind: PrincipalKind) {
        guard case .failure(let problem) = ForwardedCaller.resolve(peer: Self.peer(kind, "x1"), fields: Self.fields(Self.original.headers)) else {
            Issue.record("\(kind) was believed")
            return
        }
        #expect(problem.problem == .forbidden)
        // Even one of the three headers is refused.
        guard case .failure(let one) = ForwardedCaller.resolve(
            peer: Self.peer(kind, "x1"), fields: Self.fields([(ForwardedCaller.principalHeader.rawName, "court:%E4%BA%AC0105")]))
        else {
            Issue.record("\(kind) was believed with one header")
            return
        }
        #expect(one.problem == .forbidden)
    }

    @Test("a hub peer's incomplete headers, or headers naming a hub, are a bad request", arguments: [
        [(ForwardedCaller.principalHeader.rawName, "court:%E4%BA%AC0105")],
        [(ForwardedCaller.principalHeader.rawName, "hub:hub-1"), (ForwardedCaller.fingerprintHeader.rawName, "ab"), (ForwardedCaller.addressHeader.rawName, "1.2.3.4:5")],
        [(ForwardedCaller.principalHeader.rawName, "judge:x"), (ForwardedCaller.fingerprintHeader.rawName, "ab"), (ForwardedCaller.addressHeader.rawName, "1.2.3.4:5")],
    ])
    func malformedFromHub(headers: [(String, String)]) {
        guard case .failure(let problem) = ForwardedCaller.resolve(peer: Self.peer(.hub, "hub-1"), fields: Self.fields(headers)) else {
            Issue.record("believed \(headers)")
            return
        }
        #expect(problem.problem == .badRequest)
    }
}
