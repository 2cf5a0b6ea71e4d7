import Crypto
import Foundation
import HubPKI
import NIOSSL
import Testing
import X509

@Suite("Development PKI: CA, server and principal certificates")
struct PKITests {
    /// A whole second, so that certificate times (which have second precision) compare exactly.
    static let now = Date(timeIntervalSince1970: 1_796_000_000)

    static let principals: [PrincipalIdentity] = [
        try! PrincipalIdentity(kind: .court, id: "京0105"),
        try! PrincipalIdentity(kind: .bank, id: "ICBC"),
        try! PrincipalIdentity(kind: .police, id: "110000"),
        try! PrincipalIdentity(kind: .operator, id: "ops/on-call:1"),
    ]

    @Test("every generated certificate parses back with the roles it was made for")
    func certificatesParseBack() throws {
        let material = try DevelopmentPKI.makeInMemory(
            principals: Self.principals,
            serverNames: ["hub.court.example", "10.1.2.3"],
            now: Self.now
        )
        let authority = try Certificate(pemEncoded: material.authority.certificatePEM)
        #expect(try authority.extensions.basicConstraints == .isCertificateAuthority(maxPathLength: 0))
        #expect(try authority.extensions.keyUsage?.keyCertSign == true)
        #expect(authority.issuer == authority.subject)
        #expect(authority.publicKey.isValidSignature(authority.signature, for: authority))

        let server = try Certificate(pemEncoded: material.server.certificatePEM)
        #expect(try server.extensions.basicConstraints == .notCertificateAuthority)
        #expect(try server.extensions.extendedKeyUsage == ExtendedKeyUsage([.serverAuth]))
        #expect(authority.publicKey.isValidSignature(server.signature, for: server))
        let serverNames = try CertificateSummary(certificate: server).alternativeNames
        #expect(serverNames == ["localhost", "127.0.0.1", "::1", "hub.court.example", "10.1.2.3"])

        #expect(material.clients.count == Self.principals.count)
        for principal in Self.principals {
            let client = try Certificate(pemEncoded: material.client(principal).certificatePEM)
            #expect(try client.extensions.extendedKeyUsage == ExtendedKeyUsage([.clientAuth]))
            #expect(try client.extensions.basicConstraints == .notCertificateAuthority)
            #expect(client.issuer == authority.subject)
            #expect(authority.publicKey.isValidSignature(client.signature, for: client))
            let key = try P256.Signing.PrivateKey(pemRepresentation: material.client(principal).privateKeyPEM)
            #expect(Certificate.PublicKey(key.publicKey) == client.publicKey)
        }
    }

    @Test("validity runs from an hour before now for the configured number of days")
    func validityPeriods() throws {
        let material = try DevelopmentPKI.makeInMemory(
            principals: [Self.principals[0]],
            now: Self.now,
            authorityValidityDays: 3_650,
            leafValidityDays: 730
        )
        let authority = try Certificate(pemEncoded: material.authority.certificatePEM)
        let client = try Certificate(pemEncoded: material.client(Self.principals[0]).certificatePEM)
        #expect(authority.notValidBefore == Self.now.addingTimeInterval(-3_600))
        #expect(authority.notValidAfter == Self.now.addingTimeInterval(3_650 * 86_400))
        #expect(client.notValidBefore == Self.now.addingTimeInterval(-3_600))
        #expect(client.notValidAfter == Self.now.addingTimeInterval(730 * 86_400))
        #expect(throws: PKIError.self) {
            try DevelopmentPKI.makeInMemory(principals: [], now: Self.now, leafValidityDays: 0)
        }
    }

    @Test("a principal survives the trip through a certificate subject", arguments: principals)
    func principalRoundTrip(principal: PrincipalIdentity) throws {
        let material = try DevelopmentPKI.makeInMemory(principals: [principal], now: Self.now)
        let certificatePEM = material.client(principal).certificatePEM
        #expect(try PrincipalIdentity(certificatePEM: certificatePEM) == principal)
        // The same answer from the DER bytes NIOSSL hands a server after the handshake.
        let derBytes = try NIOSSLCertificate.fromPEMBytes(Array(certificatePEM.utf8))[0].toDERBytes()
        #expect(try PrincipalIdentity(certificateDERBytes: derBytes) == principal)
        #expect(try PrincipalIdentity(parsing: principal.description) == principal)
    }

    @Test("a Chinese court code is encoded as UTF8String in the common name")
    func chineseCommonNameIsUTF8String() throws {
        let court = try PrincipalIdentity(kind: .court, id: "京0105")
        let material = try DevelopmentPKI.makeInMemory(principals: [court], now: Self.now)
        let certificate = try Certificate(pemEncoded: material.client(court).certificatePEM)
        let commonNames = certificate.subject.flatMap { $0 }.filter { $0.type == .RDNAttributeType.commonName }
        #expect(commonNames.map(\.value) == [RelativeDistinguishedName.Attribute.Value(utf8String: "京0105")])
        #expect(certificate.subject.description.contains("OU=court"))
        #expect(certificate.subject.description.contains("O=QueryHub"))
    }

    @Test(
        "principal text that is not kind:id with a usable id is refused",
        arguments: [
            ("court", "no colon"),
            ("judge:京0105", "unknown kind"),
            ("court:", "empty"),
            ("court: 京0105", "space"),
            ("court:京\u{7}0105", "control"),
            ("court:" + String(repeating: "京", count: 65), "65 characters"),
        ]
    )
    func badPrincipalText(text: String, reasonFragment: String) {
        do {
            _ = try PrincipalIdentity(parsing: text)
            Issue.record("\(text) was accepted")
        } catch {
            #expect(error.description.contains(reasonFragment), "\(error.description)")
        }
    }

    @Test("certificates that do not name a principal are refused with the reason")
    func subjectsThatAreNotPrincipals() throws {
        let material = try DevelopmentPKI.makeInMemory(principals: [], now: Self.now)
        // The server certificate has no OU.
        #expect(throws: PKIError.subjectNotAPrincipal(
            subject: "CN=QueryHub server,O=QueryHub", reason: "OU is missing"
        )) {
            try PrincipalIdentity(certificatePEM: material.server.certificatePEM)
        }
        // Someone else's certificate: Hummingbird's test CA.
        #expect(throws: PKIError.self) {
            try PrincipalIdentity(certificatePEM: Self.foreignCertificatePEM)
        }
        do {
            _ = try PrincipalIdentity(certificatePEM: Self.foreignCertificatePEM)
        } catch {
            #expect(error.description.contains("organization is \"Hummingbird\""))
        }
        let unknownKind = try Self.certificate(subject: DistinguishedName {
            OrganizationName("QueryHub")
            OrganizationalUnitName("judge")
            CommonName("京0105")
        })
        do {
            _ = try PrincipalIdentity(certificate: unknownKind)
            Issue.record("OU=judge was accepted")
        } catch {
            #expect(error.description.contains("OU \"judge\" is not a principal kind"))
        }
        let twoNames = try Self.certificate(subject: DistinguishedName {
            OrganizationName("QueryHub")
            OrganizationalUnitName("court")
            CommonName("京0105")
            CommonName("京0106")
        })
        do {
            _ = try PrincipalIdentity(certificate: twoNames)
            Issue.record("two CNs were accepted")
        } catch {
            #expect(error.description.contains("CN appears 2 times"))
        }
    }

    @Test("fingerprints are SHA-256 of the DER, stable, and agree with OpenSSL")
    func fingerprints() throws {
        // Computed independently: `openssl x509 -noout -fingerprint -sha256` on this certificate.
        let expected = "672c2039b9e48f898e428ba4d0b48a8e57f015d074a0aea459ee9d95cbd8795a"
        #expect(try CertificateFingerprint.sha256Hex(certificatePEM: Self.foreignCertificatePEM) == expected)
        let derBytes = try NIOSSLCertificate.fromPEMBytes(Array(Self.foreignCertificatePEM.utf8))[0].toDERBytes()
        #expect(CertificateFingerprint.sha256Hex(derBytes: derBytes) == expected)

        let material = try DevelopmentPKI.makeInMemory(principals: Array(Self.principals.prefix(2)), now: Self.now)
        let first = material.client(Self.principals[0]).certificatePEM
        let second = material.client(Self.principals[1]).certificatePEM
        #expect(try CertificateFingerprint.sha256Hex(certificatePEM: first)
            == CertificateFingerprint.sha256Hex(certificatePEM: first))
        #expect(try CertificateFingerprint.sha256Hex(certificatePEM: first)
            != CertificateFingerprint.sha256Hex(certificatePEM: second))
    }

    @Test("server names must be DNS names or IP addresses")
    func badServerNames() {
        for name in ["hub example", "hub..example", "", "hub_example"] {
            #expect(throws: PKIError.self, "\(name)") {
                try DevelopmentPKI.makeInMemory(principals: [], serverNames: [name], now: Self.now)
            }
        }
    }

    // MARK: Helpers

    /// A certificate with an arbitrary subject, self-signed, to feed the subject parser.
    static func certificate(subject: DistinguishedName) throws -> Certificate {
        let key = P256.Signing.PrivateKey()
        return try Certificate(
            version: .v3,
            serialNumber: Certificate.SerialNumber(),
            publicKey: Certificate.PublicKey(key.publicKey),
            notValidBefore: now,
            notValidAfter: now.addingTimeInterval(86_400),
            issuer: subject,
            subject: subject,
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: Certificate.Extensions(),
            issuerPrivateKey: Certificate.PrivateKey(key)
        )
    }

    /// Hummingbird's public test CA (hummingbird Tests/HummingbirdCoreTests/Certificates.swift):
    /// RSA, O=Hummingbird, OU=CA, CN=hummingbird.codes.
    static let foreignCertificatePEM = """
        -----BEGIN CERTIFICATE-----
        MIIDZDCCAkwCCQD0NlEDBAHjqjANBgkqhkiG9w0BAQsFADB0MQswCQYDVQQGEwJV
        SzESMBAGA1UECAwJRWRpbmJ1cmdoMRIwEAYDVQQHDAlFZGluYnVyZ2gxFDASBgNV
        BAoMC0h1bW1pbmdiaXJkMQswCQYDVQQLDAJDQTEaMBgGA1UEAwwRaHVtbWluZ2Jp
        cmQuY29kZXMwHhcNMjUwMTI3MDg1NTM5WhcNMzAwMTI2MDg1NTM5WjB0MQswCQYD
        VQQGEwJVSzESMBAGA1UECAwJRWRpbmJ1cmdoMRIwEAYDVQQHDAlFZGluYnVyZ2gx
        FDASBgNVBAoMC0h1bW1pbmdiaXJkMQswCQYDVQQLDAJDQTEaMBgGA1UEAwwRaHVt
        bWluZ2JpcmQuY29kZXMwggEiMA0GCSqGSIb3DQEBAQUAA4IBDwAwggEKAoIBAQDI
        uzaSit8quh4TvdVPAT0QqH6gYluhsGgVjU+w55E+Yx698Os44IE5pudYiI/ufo2a
        Ttc14uNqx15/irz6xWHYlPrAoBaH6Q14gs4Zw7ZPh1ngx8/JqzEwJ523a+CPCc73
        Q9VdwjfN09C9DpkRpym6Kuoo3+h9/StgTmf1izf5fyNKtr1sWlRAps1H1AZpFP0B
        K/qxCXC/oOfRzjeaQ+vw/vdEA4w998ePX0CaCkDOa/aQKZEFsjJ5w3xEhRipgzPw
        6pMdNhvrL/MzSwJvdt9Y2EjXzhlqj6H+JU8tCseUf8u1ij0Mv6ux+oBCBmRUs2vm
        CROEulZKLPAubjGUqi89AgMBAAEwDQYJKoZIhvcNAQELBQADggEBALkJRZaH6GtK
        fyFP3PnTdu319XShP6feBz1v0XlTGSJYA+ufE8fruoJoB+a/AonB0BqNnt5UUBL3
        fz3z3GEcEHiu9h83bq7vRnKYTyflqKn7YMtQegRMROLFmtPyPOvZTWt0OCKR2OwP
        OFAdj8yblVy/rYetoOBGjvX2H9UuAn9w+3fDbWExPD4BEyeEoZnMh9xUgXau8GMu
        bhQmaGE4lDGL8XU6a2M+XkI+YdwKQs+HviT2Cmv3QwCfBZuMnOD4U4+tcnYlz3q2
        O67quuvn46uQFcgxaZwuzQ2vVBzSWSj5JA2GDej4UQipGFLkoLtXdckiJI0LFkHr
        jGFTl9ts7yg=
        -----END CERTIFICATE-----
        """
}

@Suite("Development PKI directory: ensure and load")
struct PKIDirectoryTests {
    @Test("ensure creates the layout with private keys at mode 0600")
    func ensureCreatesLayout() throws {
        try withTemporaryDirectory { directory in
            let outcome = try DevelopmentPKI.ensure(directory: directory, principals: PKITests.principals)
            #expect(outcome.createdAuthority && outcome.createdServer)
            #expect(outcome.createdPrincipals == PKITests.principals.sorted())
            #expect(outcome.keptPrincipals.isEmpty)
            let files = try Self.snapshot(directory)
            #expect(files.keys.sorted() == [
                "ca-key.pem", "ca.pem",
                "clients/bank-ICBC-key.pem", "clients/bank-ICBC.pem",
                "clients/court-京0105-key.pem", "clients/court-京0105.pem",
                "clients/operator-ops%2Fon%2Dcall:1-key.pem", "clients/operator-ops%2Fon%2Dcall:1.pem",
                "clients/police-110000-key.pem", "clients/police-110000.pem",
                "server-key.pem", "server.pem",
            ])
            for (name, file) in files {
                let expectedMode: UInt16 = name.hasSuffix("-key.pem") ? 0o600 : 0o644
                #expect(file.mode == expectedMode, "\(name) has mode \(String(file.mode, radix: 8))")
            }
            #expect(try Self.mode(directory) == 0o700)
        }
    }

    @Test("ensure is idempotent: a second run changes no file; a new principal only adds its own")
    func ensureIsIdempotent() throws {
        try withTemporaryDirectory { directory in
            let court = PKITests.principals[0]
            let police = PKITests.principals[2]
            _ = try DevelopmentPKI.ensure(directory: directory, principals: [court], serverNames: ["hub.example"])
            let before = try Self.snapshot(directory)

            let again = try DevelopmentPKI.ensure(directory: directory, principals: [court], serverNames: ["hub.example"])
            #expect(!again.createdAuthority && !again.createdServer)
            #expect(again.createdPrincipals.isEmpty && again.keptPrincipals == [court])
            #expect(again.serverNamesMissing.isEmpty)
            #expect(try Self.snapshot(directory) == before)

            let more = try DevelopmentPKI.ensure(directory: directory, principals: [court, police])
            #expect(more.createdPrincipals == [police] && more.keptPrincipals == [court])
            var after = try Self.snapshot(directory)
            #expect(after.removeValue(forKey: "clients/police-110000.pem") != nil)
            #expect(after.removeValue(forKey: "clients/police-110000-key.pem") != nil)
            #expect(after == before)
        }
    }

    @Test("load returns every principal, signed by the directory's CA")
    func loadRoundTrip() throws {
        try withTemporaryDirectory { directory in
            _ = try DevelopmentPKI.ensure(directory: directory, principals: PKITests.principals)
            let material = try DevelopmentPKI.load(directory: directory)
            #expect(material.clients.keys.sorted() == PKITests.principals.sorted())
            let authority = try Certificate(pemEncoded: material.authority.certificatePEM)
            for (principal, credential) in material.clients {
                let certificate = try Certificate(pemEncoded: credential.certificatePEM)
                #expect(try PrincipalIdentity(certificate: certificate) == principal)
                #expect(authority.publicKey.isValidSignature(certificate.signature, for: certificate))
            }
        }
    }

    @Test("an existing server certificate is kept and the names it lacks are reported")
    func missingServerNamesReported() throws {
        try withTemporaryDirectory { directory in
            _ = try DevelopmentPKI.ensure(directory: directory, principals: [], serverNames: ["hub.example"])
            let outcome = try DevelopmentPKI.ensure(
                directory: directory,
                principals: [],
                serverNames: ["HUB.example", "0:0:0:0:0:0:0:1", "other.example", "10.0.0.7"]
            )
            #expect(outcome.serverNamesMissing == ["other.example", "10.0.0.7"])
        }
    }

    @Test("tampered directories are refused with the file at fault")
    func tamperingIsDetected() throws {
        try withTemporaryDirectory { directory in
            let court = PKITests.principals[0]
            _ = try DevelopmentPKI.ensure(directory: directory, principals: [court])
            let layout = DevelopmentPKIDirectory(path: directory)

            // A key that belongs to another certificate.
            let serverKey = try String(contentsOfFile: layout.serverKeyPath, encoding: .utf8)
            try P256.Signing.PrivateKey().pemRepresentation.write(toFile: layout.serverKeyPath, atomically: true, encoding: .utf8)
            #expect(throws: PKIError.keyDoesNotMatchCertificate(certificatePath: layout.serverCertificatePath)) {
                try DevelopmentPKI.ensure(directory: directory, principals: [court])
            }
            try serverKey.write(toFile: layout.serverKeyPath, atomically: true, encoding: .utf8)

            // A client certificate from another CA.
            let foreign = try DevelopmentPKI.makeInMemory(principals: [court])
            let certificatePath = layout.clientCertificatePath(for: court)
            let keyPath = layout.clientKeyPath(for: court)
            let original = try String(contentsOfFile: certificatePath, encoding: .utf8)
            let originalKey = try String(contentsOfFile: keyPath, encoding: .utf8)
            try foreign.client(court).certificatePEM.write(toFile: certificatePath, atomically: true, encoding: .utf8)
            try foreign.client(court).privateKeyPEM.write(toFile: keyPath, atomically: true, encoding: .utf8)
            #expect(throws: PKIError.notIssuedByAuthority(certificatePath: certificatePath)) {
                try DevelopmentPKI.load(directory: directory)
            }
            try original.write(toFile: certificatePath, atomically: true, encoding: .utf8)
            try originalKey.write(toFile: keyPath, atomically: true, encoding: .utf8)

            // A certificate whose key is gone.
            try FileManager.default.removeItem(atPath: keyPath)
            #expect(throws: PKIError.incompleteCredential(presentPath: certificatePath, missingPath: keyPath)) {
                try DevelopmentPKI.ensure(directory: directory, principals: [court])
            }
        }
    }

    // MARK: Helpers

    struct FileState: Equatable {
        let contents: Data
        let mode: UInt16
        let modified: Date
    }

    /// Every regular file under `directory` with its bytes, permission bits and modification time.
    static func snapshot(_ directory: String) throws -> [String: FileState] {
        var files: [String: FileState] = [:]
        let paths = try FileManager.default.subpathsOfDirectory(atPath: directory)
        for path in paths where !path.hasSuffix("clients") {
            let full = directory + "/" + path
            let attributes = try FileManager.default.attributesOfItem(atPath: full)
            files[path] = FileState(
                contents: try Data(contentsOf: URL(fileURLWithPath: full)),
                mode: UInt16((attributes[.posixPermissions] as? Int) ?? -1),
                modified: (attributes[.modificationDate] as? Date) ?? .distantPast
            )
        }
        return files
    }

    static func mode(_ path: String) throws -> UInt16 {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return UInt16((attributes[.posixPermissions] as? Int) ?? -1)
    }
}

/// Runs `body` with a fresh directory that is removed afterwards.
func withTemporaryDirectory<Result>(_ body: (String) throws -> Result) throws -> Result {
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("queryhub-pki-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: directory) }
    return try body(directory + "/pki")
}
