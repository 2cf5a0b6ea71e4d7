import Foundation
import HTTPTypes
import HubPKI

/// Who a request speaks for, when one hub instance forwards it to the leader (issue 7).
///
/// A standby authenticates the client by its certificate, then forwards with its own `hub`
/// certificate and three headers naming the original caller. The leader believes those headers
/// only from a peer whose verified certificate is of kind ``PrincipalKind/hub``; from anyone else
/// they are refused with 403, so that no court or bank can speak for another.
public struct ForwardedCaller: Sendable, Equatable {
    /// The principal the original client certificate named.
    public var principal: PrincipalIdentity
    /// Hex SHA-256 of the original client certificate's DER.
    public var certificateFingerprint: String
    /// The original client's address, `ip:port`.
    public var clientAddress: String

    /// Names the original caller.
    public init(principal: PrincipalIdentity, certificateFingerprint: String, clientAddress: String) {
        self.principal = principal
        self.certificateFingerprint = certificateFingerprint
        self.clientAddress = clientAddress
    }

    /// `kind:id`, percent-encoded (court codes are Chinese; header values are ASCII).
    public static let principalHeader = HTTPField.Name("X-QueryHub-Forwarded-Principal")!
    /// The original certificate's fingerprint.
    public static let fingerprintHeader = HTTPField.Name("X-QueryHub-Forwarded-Fingerprint")!
    /// The original client's address.
    public static let addressHeader = HTTPField.Name("X-QueryHub-Forwarded-For")!
    /// The longest header value believed (a principal is at most 64 characters, 9 bytes each encoded).
    static let maximumHeaderBytes = 1_024

    /// The headers a forwarding instance adds, as (name, value).
    public var headers: [(String, String)] {
        let encoded = principal.description.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(.init(charactersIn: ":-_.@"))) ?? ""
        return [
            (Self.principalHeader.rawName, encoded), (Self.fingerprintHeader.rawName, certificateFingerprint),
            (Self.addressHeader.rawName, clientAddress),
        ]
    }

    /// True when the request carries any of the forwarding headers.
    public static func isPresent(in fields: HTTPFields) -> Bool {
        fields[principalHeader] != nil || fields[fingerprintHeader] != nil || fields[addressHeader] != nil
    }

    /// The caller the request speaks for: the TLS peer itself when no forwarding header is
    /// present; the named caller when the peer is another hub instance; otherwise a problem —
    /// 403 for forwarding headers from a peer that is not a hub, 400 for incomplete or bad ones.
    public static func resolve(peer: ForwardedCaller, fields: HTTPFields) -> Result<ForwardedCaller, ProblemError> {
        guard isPresent(in: fields) else { return .success(peer) }
        guard peer.principal.kind == .hub else {
            return .failure(ProblemError(.forbidden, "\(peer.principal) may not send forwarding headers: only another hub instance forwards"))
        }
        guard let encoded = fields[principalHeader], let fingerprint = fields[fingerprintHeader], let address = fields[addressHeader],
            encoded.utf8.count <= maximumHeaderBytes, fingerprint.utf8.count <= maximumHeaderBytes, address.utf8.count <= maximumHeaderBytes
        else {
            return .failure(ProblemError(.badRequest, "a forwarded request names its principal, certificate fingerprint and client address"))
        }
        guard let text = encoded.removingPercentEncoding, let principal = try? PrincipalIdentity(parsing: text), principal.kind != .hub else {
            return .failure(ProblemError(.badRequest, "the forwarded principal \"\(encoded)\" is not a court, bank, police or operator"))
        }
        return .success(ForwardedCaller(principal: principal, certificateFingerprint: fingerprint, clientAddress: address))
    }
}
