import Foundation
import HubPKI
import HubProtocol

/// What `hubd demo` (and the live tests) need on a fresh machine: the sample registry, seal keys
/// for every sample court, bank and police office, and a development PKI with a client certificate
/// for every principal. Created once in the data directory and reused after.
public struct DevelopmentSetup: Sendable {
    public let registry: Registry
    public let sealKeys: [SealKeyOwner: SealPrivateKey]
    public let pki: DevelopmentPKIMaterial

    /// The operator principal of the sample.
    public static let operatorPrincipal = try! PrincipalIdentity(kind: .operator, id: "ops")

    /// Creates what is missing under `configuration`'s data directory, then loads it all.
    public static func prepare(_ configuration: HubConfiguration) throws -> DevelopmentSetup {
        try FileManager.default.createDirectory(atPath: configuration.sealKeyDirectory, withIntermediateDirectories: true)
        var keys: [SealKeyOwner: SealPrivateKey] = [:]
        for owner in Registry.sampleSealKeyOwners {
            keys[owner] = try sealKey(for: owner, directory: configuration.sealKeyDirectory)
        }
        let registry = try Registry.sample(sealKeys: keys.mapValues(\.publicKey))
        let principals = try self.principals(of: registry) + hubPrincipals(configuration)
        _ = try DevelopmentPKI.ensure(directory: configuration.pkiDirectory, principals: principals)
        let pki = try DevelopmentPKI.load(directory: configuration.pkiDirectory)
        return DevelopmentSetup(registry: registry, sealKeys: keys, pki: pki)
    }

    /// Every principal of a registry: its courts, its adapters, and the operator.
    public static func principals(of registry: Registry) throws -> [PrincipalIdentity] {
        var result = try registry.courts.map { try PrincipalIdentity(kind: .court, id: $0.code.description) }
        for adapter in registry.adapters {
            switch adapter {
            case .bankHeadOffice, .bankBranch:
                result.append(try PrincipalIdentity(kind: .bank, id: String(adapter.description.dropFirst("bank:".count))))
            case .police(let officeID):
                result.append(try PrincipalIdentity(kind: .police, id: officeID))
            }
        }
        return result + [operatorPrincipal]
    }

    /// The hub instances' own principals (issue 7): `hub-1` and `hub-2`, and the configured
    /// instance's name, with which a standby forwards to the leader.
    public static func hubPrincipals(_ configuration: HubConfiguration) throws -> [PrincipalIdentity] {
        let names = Set(["hub-1", "hub-2", configuration.instanceName]).sorted()
        return try names.map { try PrincipalIdentity(kind: .hub, id: $0) }
    }

    /// The PEM file of an owner's seal key: generated (SM2, the national standard) when missing.
    public static func sealKeyPath(for owner: SealKeyOwner, directory: String) -> String {
        let stem = owner.description.replacingOccurrences(of: "/", with: "%2F").replacingOccurrences(of: ":", with: "-")
        return directory + "/" + stem + ".pem"
    }

    static func sealKey(for owner: SealKeyOwner, directory: String) throws -> SealPrivateKey {
        let path = sealKeyPath(for: owner, directory: directory)
        if let data = FileManager.default.contents(atPath: path) {
            return try SealPrivateKey(pemRepresentation: String(decoding: data, as: UTF8.self))
        }
        let key = try SealPrivateKey.generate(.sm2WithSM3)
        let pem = try key.pemRepresentation()
        guard FileManager.default.createFile(atPath: path, contents: Data(pem.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw ConfigurationError(setting: "dataDirectory", reason: "cannot write \(path)")
        }
        return key
    }
}
