import Foundation

/// Everything a development deployment (or a test) needs, as PEM: the CA, the server's
/// credential and one credential per principal.
public struct DevelopmentPKIMaterial: Sendable {
    /// The CA certificate and key. Endpoints need only `authority.certificatePEM`.
    public let authority: PEMCredential
    /// The hub server's certificate (SANs localhost, 127.0.0.1, ::1 and any extra names) and key.
    public let server: PEMCredential
    /// One client certificate and key per principal.
    public let clients: [PrincipalIdentity: PEMCredential]

    /// Bundles the credentials of one PKI.
    public init(authority: PEMCredential, server: PEMCredential, clients: [PrincipalIdentity: PEMCredential]) {
        self.authority = authority
        self.server = server
        self.clients = clients
    }

    /// The credential of `principal`. A principal that was not issued is a programming error.
    public func client(_ principal: PrincipalIdentity) -> PEMCredential {
        guard let credential = clients[principal] else {
            preconditionFailure("no client certificate was issued for \(principal)")
        }
        return credential
    }
}

/// The development PKI: a CA, a server certificate and client certificates that name principals,
/// made in code (ECDSA P-256, swift-certificates), in memory or in a directory.
public enum DevelopmentPKI {
    /// Default validity of the CA: ten years.
    public static let defaultAuthorityValidityDays = 3_650
    /// Default validity of server and client certificates: two years.
    public static let defaultLeafValidityDays = 730
    /// The most principals one call issues: a bound on the work (a P-256 key and a signed
    /// certificate each, about a millisecond), on memory and on the files written. Enough for
    /// every bank the registry allows (``Registry/maximumBanks`` in QueryHub, 20,000) plus
    /// courts, police and operators, so that `hubd bench --banks 16000` runs.
    public static let maximumPrincipals = 20_500

    /// Builds a complete throwaway PKI in memory: a new CA, a server certificate and one client
    /// certificate per principal. For tests; nothing is written anywhere.
    public static func makeInMemory(
        principals: [PrincipalIdentity],
        serverNames: [String] = [],
        now: Date = Date(),
        authorityValidityDays: Int = defaultAuthorityValidityDays,
        leafValidityDays: Int = defaultLeafValidityDays
    ) throws(PKIError) -> DevelopmentPKIMaterial {
        precondition(principals.count <= maximumPrincipals, "at most \(maximumPrincipals) principals at once")
        let authority = try DevelopmentCertificateAuthority.generate(validityDays: authorityValidityDays, now: now)
        let server = try authority.issueServerCertificate(
            extraNames: serverNames,
            validityDays: leafValidityDays,
            now: now
        )
        var clients: [PrincipalIdentity: PEMCredential] = [:]
        for principal in principals where clients[principal] == nil {
            clients[principal] = try authority.issueClientCertificate(
                for: principal,
                validityDays: leafValidityDays,
                now: now
            )
        }
        return DevelopmentPKIMaterial(authority: try authority.credential(), server: server, clients: clients)
    }
}
