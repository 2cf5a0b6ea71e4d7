import Foundation
import X509

/// What ``DevelopmentPKI/ensure(directory:principals:serverNames:now:authorityValidityDays:leafValidityDays:)``
/// found and what it created.
public struct DevelopmentPKIEnsureOutcome: Hashable, Sendable {
    /// Whether a new CA was generated (false: the existing `ca.pem` was kept).
    public let createdAuthority: Bool
    /// Whether a new server certificate was issued.
    public let createdServer: Bool
    /// Principals that got a new certificate in this run.
    public let createdPrincipals: [PrincipalIdentity]
    /// Requested principals whose certificate already existed and was kept.
    public let keptPrincipals: [PrincipalIdentity]
    /// Requested server names absent from an existing server certificate, which is kept as is:
    /// remove `server.pem` and `server-key.pem` to reissue it with them.
    public let serverNamesMissing: [String]
}

extension DevelopmentPKI {
    /// Creates whatever is missing in `directory` and keeps everything that exists: the CA, the
    /// server certificate and a client certificate for each of `principals`. Running it again
    /// with the same arguments changes no file; with more principals it only adds theirs.
    ///
    /// Existing files are checked, not trusted: each key must match its certificate and each
    /// certificate must be signed by `ca.pem`. A certificate without its key is an error; a key
    /// without its certificate is the trace of an interrupted run (keys are written first) and
    /// is replaced.
    public static func ensure(
        directory: String,
        principals: [PrincipalIdentity],
        serverNames: [String] = [],
        now: Date = Date(),
        authorityValidityDays: Int = defaultAuthorityValidityDays,
        leafValidityDays: Int = defaultLeafValidityDays
    ) throws(PKIError) -> DevelopmentPKIEnsureOutcome {
        precondition(principals.count <= maximumPrincipals, "at most \(maximumPrincipals) principals at once")
        let layout = DevelopmentPKIDirectory(path: directory)
        try PKIFileSystem.makeDirectory(layout.path)
        try PKIFileSystem.makeDirectory(layout.clientsPath)

        let authority: DevelopmentCertificateAuthority
        let existingAuthority = try readCredential(
            certificatePath: layout.authorityCertificatePath,
            keyPath: layout.authorityKeyPath
        )
        if let existingAuthority {
            authority = try DevelopmentCertificateAuthority(credential: existingAuthority)
        } else {
            authority = try DevelopmentCertificateAuthority.generate(validityDays: authorityValidityDays, now: now)
            try write(
                try authority.credential(),
                certificatePath: layout.authorityCertificatePath,
                keyPath: layout.authorityKeyPath
            )
        }

        let serverOutcome = try ensureServer(
            layout: layout,
            authority: authority,
            serverNames: serverNames,
            validityDays: leafValidityDays,
            now: now
        )
        var created: [PrincipalIdentity] = []
        var kept: [PrincipalIdentity] = []
        for principal in Set(principals).sorted() {
            let certificatePath = layout.clientCertificatePath(for: principal)
            let keyPath = layout.clientKeyPath(for: principal)
            if let existing = try readCredential(certificatePath: certificatePath, keyPath: keyPath) {
                let found = try verifyLeaf(existing, issuedBy: authority, certificatePath: certificatePath)
                guard try PrincipalIdentity(certificate: found) == principal else {
                    throw PKIError.unexpectedClientFile(path: certificatePath, reason: "it names another principal")
                }
                kept.append(principal)
            } else {
                let credential = try authority.issueClientCertificate(
                    for: principal,
                    validityDays: leafValidityDays,
                    now: now
                )
                try write(credential, certificatePath: certificatePath, keyPath: keyPath)
                created.append(principal)
            }
        }
        return DevelopmentPKIEnsureOutcome(
            createdAuthority: existingAuthority == nil,
            createdServer: serverOutcome.created,
            createdPrincipals: created,
            keptPrincipals: kept,
            serverNamesMissing: serverOutcome.namesMissing
        )
    }

    /// Reads and checks every credential in `directory`: the CA, the server and all clients.
    public static func load(directory: String) throws(PKIError) -> DevelopmentPKIMaterial {
        let layout = DevelopmentPKIDirectory(path: directory)
        guard let authorityCredential = try readCredential(
            certificatePath: layout.authorityCertificatePath,
            keyPath: layout.authorityKeyPath
        ) else {
            throw PKIError.fileSystem(
                path: layout.authorityCertificatePath,
                operation: "read",
                reason: "no CA here; run `hubd keys init --dir \(directory)` first"
            )
        }
        let authority = try DevelopmentCertificateAuthority(credential: authorityCredential)
        guard let server = try readCredential(
            certificatePath: layout.serverCertificatePath,
            keyPath: layout.serverKeyPath
        ) else {
            throw PKIError.fileSystem(path: layout.serverCertificatePath, operation: "read", reason: "missing")
        }
        _ = try verifyLeaf(server, issuedBy: authority, certificatePath: layout.serverCertificatePath)
        let clients = try loadClients(layout: layout, authority: authority)
        return DevelopmentPKIMaterial(authority: authorityCredential, server: server, clients: clients)
    }

    private static func loadClients(
        layout: DevelopmentPKIDirectory,
        authority: DevelopmentCertificateAuthority
    ) throws(PKIError) -> [PrincipalIdentity: PEMCredential] {
        guard PKIFileSystem.exists(layout.clientsPath) else { return [:] }
        let names = try PKIFileSystem.listDirectory(layout.clientsPath, limit: 2 * maximumPrincipals + 16)
        var clients: [PrincipalIdentity: PEMCredential] = [:]
        for name in names where name.hasSuffix(".pem") && !name.hasSuffix("-key.pem") && !name.hasPrefix(".") {
            let certificatePath = layout.clientsPath + "/" + name
            let stem = String(name.dropLast(".pem".count))
            let keyPath = layout.clientsPath + "/" + stem + "-key.pem"
            guard let credential = try readCredential(certificatePath: certificatePath, keyPath: keyPath) else {
                continue
            }
            let certificate = try verifyLeaf(credential, issuedBy: authority, certificatePath: certificatePath)
            let principal = try PrincipalIdentity(certificate: certificate)
            guard DevelopmentPKIDirectory.fileNameStem(for: principal) == stem else {
                throw PKIError.unexpectedClientFile(
                    path: certificatePath,
                    reason: "its certificate names \(principal), whose file is "
                        + DevelopmentPKIDirectory.fileNameStem(for: principal) + ".pem"
                )
            }
            clients[principal] = credential
        }
        return clients
    }

    private static func ensureServer(
        layout: DevelopmentPKIDirectory,
        authority: DevelopmentCertificateAuthority,
        serverNames: [String],
        validityDays: Int,
        now: Date
    ) throws(PKIError) -> (created: Bool, namesMissing: [String]) {
        let existing = try readCredential(
            certificatePath: layout.serverCertificatePath,
            keyPath: layout.serverKeyPath
        )
        guard let existing else {
            let credential = try authority.issueServerCertificate(
                extraNames: serverNames,
                validityDays: validityDays,
                now: now
            )
            try write(credential, certificatePath: layout.serverCertificatePath, keyPath: layout.serverKeyPath)
            return (true, [])
        }
        let certificate = try verifyLeaf(existing, issuedBy: authority, certificatePath: layout.serverCertificatePath)
        let present = Set(try CertificateSummary(certificate: certificate).alternativeNames)
        var missing: [String] = []
        for name in serverNames {
            let normalized = try ServerName.generalName(for: name)
            if !present.contains(CertificateSummary.text(of: normalized)) { missing.append(name) }
        }
        return (false, missing)
    }

    /// The credential at the two paths, nil if the certificate is absent.
    private static func readCredential(certificatePath: String, keyPath: String) throws(PKIError) -> PEMCredential? {
        let certificateExists = PKIFileSystem.exists(certificatePath)
        let keyExists = PKIFileSystem.exists(keyPath)
        if !certificateExists { return nil }
        guard keyExists else {
            throw PKIError.incompleteCredential(presentPath: certificatePath, missingPath: keyPath)
        }
        return PEMCredential(
            certificatePEM: try PKIFileSystem.readText(certificatePath),
            privateKeyPEM: try PKIFileSystem.readText(keyPath)
        )
    }

    /// Checks that a leaf's key matches its certificate and that the CA signed it.
    private static func verifyLeaf(
        _ credential: PEMCredential,
        issuedBy authority: DevelopmentCertificateAuthority,
        certificatePath: String
    ) throws(PKIError) -> Certificate {
        let certificate = try CertificateCodec.certificate(fromPEM: credential.certificatePEM, what: certificatePath)
        let key = try CertificateCodec.privateKey(fromPEM: credential.privateKeyPEM, what: certificatePath + "'s key")
        guard certificate.publicKey == Certificate.PublicKey(key.publicKey) else {
            throw PKIError.keyDoesNotMatchCertificate(certificatePath: certificatePath)
        }
        guard authority.hasIssued(certificate) else {
            throw PKIError.notIssuedByAuthority(certificatePath: certificatePath)
        }
        return certificate
    }

    /// Writes the key first, then the certificate: a run interrupted in between leaves a key
    /// without a certificate, which the next run replaces, never a certificate without its key.
    private static func write(_ credential: PEMCredential, certificatePath: String, keyPath: String) throws(PKIError) {
        try PKIFileSystem.writeAtomically(credential.privateKeyPEM, to: keyPath, mode: PKIFileSystem.privateFileMode)
        try PKIFileSystem.writeAtomically(credential.certificatePEM, to: certificatePath, mode: PKIFileSystem.publicFileMode)
    }
}
