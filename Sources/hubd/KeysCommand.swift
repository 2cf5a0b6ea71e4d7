import ArgumentParser
import Foundation
import HubPKI

/// `hubd keys`: the development PKI — a CA, the hub's server certificate and the principals'
/// client certificates, in a directory.
struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Create and inspect the development PKI (CA, server and client certificates).",
        subcommands: [InitKeys.self, ShowKeys.self]
    )
}

/// `hubd keys init --dir DIR [--principal court:京0105 …] [--server-name NAME …]`.
struct InitKeys: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create what is missing in a PKI directory; existing keys and certificates are kept.",
        discussion: """
            Creates ca.pem, ca-key.pem, server.pem, server-key.pem and, per principal, \
            clients/<kind>-<id>.pem and clients/<kind>-<id>-key.pem. Keys are written with mode 0600. \
            Running it again adds new principals and changes nothing else.
            """
    )

    @Option(name: .long, help: "The PKI directory (created if absent).")
    var dir: String

    @Option(name: .long, help: "A principal as kind:id, e.g. court:京0105, bank:ICBC, police:110000, operator:ops, hub:hub-1 (one per hub instance). Repeatable.")
    var principal: [String] = []

    @Option(name: .customLong("server-name"), help: "An extra DNS name or IP address for the server certificate. Repeatable.")
    var serverName: [String] = []

    @Option(name: .customLong("ca-validity-days"), help: "Validity of a new CA, in days.")
    var authorityValidityDays: Int = DevelopmentPKI.defaultAuthorityValidityDays

    @Option(name: .customLong("validity-days"), help: "Validity of new server and client certificates, in days.")
    var leafValidityDays: Int = DevelopmentPKI.defaultLeafValidityDays

    func run() throws {
        var principals: [PrincipalIdentity] = []
        for text in principal {
            do {
                principals.append(try PrincipalIdentity(parsing: text))
            } catch {
                throw ValidationError(error.description)
            }
        }
        let outcome = try DevelopmentPKI.ensure(
            directory: dir,
            principals: principals,
            serverNames: serverName,
            authorityValidityDays: authorityValidityDays,
            leafValidityDays: leafValidityDays
        )
        print(outcome.createdAuthority ? "created CA          \(dir)/ca.pem" : "kept CA             \(dir)/ca.pem")
        print(outcome.createdServer ? "created server cert \(dir)/server.pem" : "kept server cert    \(dir)/server.pem")
        let layout = DevelopmentPKIDirectory(path: dir)
        for created in outcome.createdPrincipals {
            print("created client      \(created)  \(layout.clientCertificatePath(for: created))")
        }
        for kept in outcome.keptPrincipals {
            print("kept client         \(kept)  \(layout.clientCertificatePath(for: kept))")
        }
        if !outcome.serverNamesMissing.isEmpty {
            let names = outcome.serverNamesMissing.joined(separator: ", ")
            Self.warn(
                "warning: the existing server certificate does not cover \(names); "
                    + "remove server.pem and server-key.pem and run again to reissue it"
            )
        }
    }
}

extension InitKeys {
    /// Warnings go to standard error so that standard output stays a clean listing.
    fileprivate static func warn(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}

/// `hubd keys show --dir DIR`: the CA, the server and every principal, with fingerprints.
struct ShowKeys: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "List the CA, the server certificate and the principals, with SHA-256 fingerprints."
    )

    @Option(name: .long, help: "The PKI directory.")
    var dir: String

    func run() throws {
        let material = try DevelopmentPKI.load(directory: dir)
        let authority = try CertificateSummary(certificatePEM: material.authority.certificatePEM)
        let server = try CertificateSummary(certificatePEM: material.server.certificatePEM)
        print("CA      \(authority.subject)")
        print("        sha256 \(authority.sha256Fingerprint)  valid until \(Self.day(authority.notValidAfter))")
        print("server  \(server.alternativeNames.joined(separator: ", "))")
        print("        sha256 \(server.sha256Fingerprint)  valid until \(Self.day(server.notValidAfter))")
        print("clients (\(material.clients.count))")
        for principal in material.clients.keys.sorted() {
            let summary = try CertificateSummary(certificatePEM: material.client(principal).certificatePEM)
            print("  \(principal)")
            print("        sha256 \(summary.sha256Fingerprint)  valid until \(Self.day(summary.notValidAfter))")
        }
    }

    private static func day(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day())
    }
}

