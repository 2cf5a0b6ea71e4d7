import Foundation
import HubProtocol

extension Registry {
    /// The largest registry file read, in bytes: a national registry is a few tens of megabytes.
    public static let maximumFileBytes = 256 * 1024 * 1024

    /// A registry built from its contents, with every check a change would get: ids unique,
    /// references registered (officer → court, account → court, bank and approving president,
    /// key → owner, P2P province → high court, court → parent), fields well formed, limits kept.
    /// Records that changes could not add are accepted here: deactivated officers, revoked keys.
    public init(contents: RegistryContents) throws(RegistryError) {
        self.init()
        precondition(contents.formatVersion == RegistryContents.currentFormatVersion, "decoding refuses other versions")
        guard contents.courts.count <= Registry.maximumCourts else {
            throw .capacityReached(what: "courts", maximum: Registry.maximumCourts)
        }
        for court in contents.courts { try insertCourt(court, checkingParent: false) }
        // Parents are checked once every court is in, so the file's order does not matter.
        for court in contents.courts { try checkParent(of: court) }
        for bank in contents.banks { try insertBank(bank) }
        for office in contents.policeOffices { try insertPoliceOffice(office) }
        for officer in contents.officers { try insertOfficer(officer, allowingInactive: true) }
        for account in contents.specialAccounts {
            try insertSpecialAccount(account, actor: nil, atUnixMilliseconds: nil)
        }
        for key in contents.sealKeys { try insertSealKey(key, allowingRevoked: true) }
        assert(courtsByCode.count == contents.courts.count && banksByCode.count == contents.banks.count)
    }

    /// A registry read from the JSON registry file (see ``RegistryContents``). Unknown keys,
    /// missing keys and malformed values are refused with their path in the file; inconsistent
    /// contents with the ``RegistryError`` that says what.
    public init(json: [UInt8]) throws(RegistryLoadError) {
        guard json.count <= Registry.maximumFileBytes else { throw .tooLarge(bytes: json.count, maximum: Registry.maximumFileBytes) }
        let contents: RegistryContents
        do {
            contents = try JSONDecoder().decode(RegistryContents.self, from: Data(json))
        } catch {
            throw RegistryLoadError(decodingFailure: error)
        }
        do {
            try self.init(contents: contents)
        } catch {
            throw .inconsistent(error)
        }
    }

    /// Everything the registry holds, in registration order: ``init(contents:)`` gives back an
    /// equal registry (without the change records).
    public var contents: RegistryContents {
        RegistryContents(
            courts: courts, banks: banks, policeOffices: policeOffices, officers: officers,
            specialAccounts: courtOrder.flatMap(specialAccounts(of:)), sealKeys: allSealKeys)
    }

    /// The registry file for ``contents``: JSON with sorted keys, so the same registry always gives
    /// the same bytes.
    public func jsonRepresentation() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        do {
            return Array(try encoder.encode(contents))
        } catch {
            preconditionFailure("registry contents always encode: \(error)")
        }
    }
}

/// Why a registry file was refused.
public enum RegistryLoadError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file is larger than ``Registry/maximumFileBytes``.
    case tooLarge(bytes: Int, maximum: Int)
    /// The bytes are not JSON.
    case notJSON(reason: String)
    /// An object has a key no field has; the path ends with the key.
    case unknownKey(path: String, knownKeys: [String])
    /// A required key is missing; the path ends with the key.
    case missingKey(path: String)
    /// A value has the wrong JSON type or an invalid value.
    case invalidValue(path: String, reason: String)
    /// The file is well formed but its contents contradict each other.
    case inconsistent(RegistryError)

    /// Classifies what the decoder threw.
    init(decodingFailure error: any Error) {
        if let unknown = error as? UnknownKeyError {
            self = .unknownKey(path: renderCodingPath(unknown.codingPath), knownKeys: unknown.knownKeys)
            return
        }
        guard let decodingError = error as? DecodingError else {
            self = .notJSON(reason: String(describing: error))
            return
        }
        switch decodingError {
        case .keyNotFound(let key, let context):
            self = .missingKey(path: renderCodingPath(context.codingPath + [key]))
        case .typeMismatch(let type, let context):
            self = .invalidValue(path: renderCodingPath(context.codingPath), reason: "expected \(type)")
        case .valueNotFound(let type, let context):
            self = .invalidValue(path: renderCodingPath(context.codingPath), reason: "expected \(type), found null")
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            self = .notJSON(reason: context.underlyingError.map { String(describing: $0) } ?? context.debugDescription)
        case .dataCorrupted(let context):
            self = .invalidValue(path: renderCodingPath(context.codingPath), reason: context.debugDescription)
        @unknown default:
            self = .notJSON(reason: String(describing: decodingError))
        }
    }

    public var description: String {
        switch self {
        case .tooLarge(let bytes, let maximum):
            return "registry file of \(bytes) bytes is larger than the \(maximum) allowed"
        case .notJSON(let reason):
            return "registry file is not valid JSON: \(reason)"
        case .unknownKey(let path, let knownKeys):
            return "registry file: unknown key at \(path); allowed here: \(knownKeys.joined(separator: ", "))"
        case .missingKey(let path):
            return "registry file: missing key \(path)"
        case .invalidValue(let path, let reason):
            return "registry file: invalid value at \(path): \(reason)"
        case .inconsistent(let error):
            return "registry file is inconsistent: \(error)"
        }
    }
}
