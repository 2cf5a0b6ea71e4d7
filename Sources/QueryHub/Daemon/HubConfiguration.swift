import Foundation
import HubPKI
import HubProtocol

/// Every setting of a hub, with sane defaults. Read from one JSON file (unknown keys refused, with
/// their path) and then overridden by environment variables named `QUERYHUB_` + the setting in
/// upper snake case (`QUERYHUB_LISTEN_PORT`). ``validate()`` names the first bad setting.
public struct HubConfiguration: Sendable, Equatable {
    /// Where the HTTPS (mutual TLS) API listens.
    public var listenHost = "127.0.0.1"
    public var listenPort = 8443
    /// Where the plain-HTTP operator port (/healthz, /readyz, /metrics) listens: loopback by default.
    public var operatorHost = "127.0.0.1"
    public var operatorPort = 8080
    /// Where the SQLite database, the development PKI and seal keys live.
    public var dataDirectory = "var/hub"
    /// The registry file; absent: the sample registry (development only).
    public var registryFile: String?
    /// `sqlite` (embedded default) or `postgres`.
    public var store = "sqlite"
    public var postgresURL: String?
    /// This instance's name among the hub instances sharing one PostgreSQL database (its client
    /// certificate is `OU=hub, CN=<instanceName>`, with which it forwards to the leader).
    public var instanceName = "hub-1"
    /// The URL other instances forward to while this one leads; absent: `https://` + the listen
    /// host and port (right on one machine, wrong behind NAT or on a wildcard address).
    public var advertisedURL: String?
    public var leaseSeconds = 30
    public var maximumItemsPerPoll = 1_000
    public var maximumWaitSeconds = 60
    public var maximumAttempts = 5
    public var maximumQueuedItemsPerAdapter = 100_000
    public var maximumOpenBroadcasts = 200_000
    /// Items of open queries to every bank (open queries × banks) at most: back-pressure that
    /// scales with the number of banks (see ``HubCore/Limits/maximumOpenBroadcastItems``).
    public var maximumOpenBroadcastItems = 500_000
    public var maximumLeasesPerAdapter = 64

    public init() {}

    /// The settings' names, as in the file.
    static let names = [
        "listenHost", "listenPort", "operatorHost", "operatorPort", "dataDirectory", "registryFile", "store", "postgresURL",
        "instanceName", "advertisedURL", "leaseSeconds", "maximumItemsPerPoll", "maximumWaitSeconds", "maximumAttempts", "maximumQueuedItemsPerAdapter",
        "maximumOpenBroadcasts", "maximumOpenBroadcastItems", "maximumLeasesPerAdapter",
    ]

    /// The URL other instances forward to while this one leads.
    public var effectiveAdvertisedURL: String {
        if let advertisedURL { return advertisedURL }
        let host = listenHost.contains(":") ? "[\(listenHost)]" : listenHost
        return "https://\(host):\(listenPort)"
    }

    /// The SQLite database file.
    public var databasePath: String { dataDirectory + "/hub.sqlite" }
    /// The development PKI directory.
    public var pkiDirectory: String { dataDirectory + "/pki" }
    /// The development seal keys directory.
    public var sealKeyDirectory: String { dataDirectory + "/seals" }

    /// The core's limits from these settings.
    public var coreLimits: HubCore.Limits {
        var limits = HubCore.Limits()
        limits.leaseMilliseconds = Int64(leaseSeconds) * 1_000
        limits.maximumItemsPerLease = maximumItemsPerPoll
        limits.maximumOpenBroadcasts = maximumOpenBroadcasts
        limits.maximumOpenBroadcastItems = maximumOpenBroadcastItems
        limits.queue = AdapterQueue.Limits(
            maximumAttempts: maximumAttempts, maximumQueuedItems: maximumQueuedItemsPerAdapter,
            maximumLeases: maximumLeasesPerAdapter)
        return limits
    }
}

/// A setting that cannot be used, named.
public struct ConfigurationError: Error, Equatable, CustomStringConvertible {
    public let setting: String
    public let reason: String
    public var description: String { "configuration setting \(setting): \(reason)" }
}

extension HubConfiguration {
    /// Reads `file` (when given), then the environment, then checks every setting.
    public static func load(file: String?, environment: [String: String]) throws -> HubConfiguration {
        var configuration = HubConfiguration()
        if let file {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw ConfigurationError(setting: "--config", reason: "cannot read \(file)")
            }
            configuration = try parse(Array(data))
        }
        try configuration.applyEnvironment(environment)
        try configuration.validate()
        return configuration
    }

    /// Parses a configuration file: a JSON object of settings, every key optional, unknown keys refused.
    public static func parse(_ bytes: [UInt8]) throws -> HubConfiguration {
        let value: JSONValue
        do { value = try StrictJSONDecoder().parse(bytes) } catch {
            throw ConfigurationError(setting: error.path, reason: error.description)
        }
        guard case .object(let members) = value else {
            throw ConfigurationError(setting: "$", reason: "a configuration file is a JSON object of settings")
        }
        var configuration = HubConfiguration()
        for (key, member) in members {
            let text: String
            switch member {
            case .string(let string): text = string
            case .integer(let number): text = String(number)
            default: throw ConfigurationError(setting: key, reason: "must be a string or an integer")
            }
            try configuration.set(key, to: text)
        }
        return configuration
    }

    mutating func applyEnvironment(_ environment: [String: String]) throws {
        for name in HubConfiguration.names {
            if let value = environment[HubConfiguration.environmentName(name)] { try set(name, to: value) }
        }
    }

    /// `listenPort` → `QUERYHUB_LISTEN_PORT`; an acronym is one word: `postgresURL` →
    /// `QUERYHUB_POSTGRES_URL`.
    public static func environmentName(_ setting: String) -> String {
        var result = "QUERYHUB_"
        var previous: Character?
        for character in setting {
            if character.isUppercase, let previous, previous.isLowercase || previous.isNumber { result.append("_") }
            result += character.uppercased()
            previous = character
        }
        return result
    }

    mutating func set(_ name: String, to text: String) throws {
        func integer() throws -> Int {
            guard let number = Int(text) else { throw ConfigurationError(setting: name, reason: "\"\(text)\" is not an integer") }
            return number
        }
        switch name {
        case "listenHost": listenHost = text
        case "listenPort": listenPort = try integer()
        case "operatorHost": operatorHost = text
        case "operatorPort": operatorPort = try integer()
        case "dataDirectory": dataDirectory = text
        case "registryFile": registryFile = text
        case "store": store = text
        case "postgresURL": postgresURL = text
        case "instanceName": instanceName = text
        case "advertisedURL": advertisedURL = text
        case "leaseSeconds": leaseSeconds = try integer()
        case "maximumItemsPerPoll": maximumItemsPerPoll = try integer()
        case "maximumWaitSeconds": maximumWaitSeconds = try integer()
        case "maximumAttempts": maximumAttempts = try integer()
        case "maximumQueuedItemsPerAdapter": maximumQueuedItemsPerAdapter = try integer()
        case "maximumOpenBroadcasts": maximumOpenBroadcasts = try integer()
        case "maximumOpenBroadcastItems": maximumOpenBroadcastItems = try integer()
        case "maximumLeasesPerAdapter": maximumLeasesPerAdapter = try integer()
        default:
            throw ConfigurationError(setting: name, reason: "unknown setting; known: \(HubConfiguration.names.joined(separator: ", "))")
        }
    }

    /// Checks every setting; the error names the first bad one.
    public func validate() throws {
        func check(_ condition: Bool, _ setting: String, _ reason: String) throws {
            if !condition { throw ConfigurationError(setting: setting, reason: reason) }
        }
        try check((0...65_535).contains(listenPort), "listenPort", "must be 0…65535")
        try check((0...65_535).contains(operatorPort), "operatorPort", "must be 0…65535")
        try check(!listenHost.isEmpty, "listenHost", "must not be empty")
        try check(!dataDirectory.isEmpty, "dataDirectory", "must not be empty")
        try check(["sqlite", "postgres"].contains(store), "store", "must be sqlite or postgres, not \(store)")
        try check(store != "postgres" || postgresURL != nil, "postgresURL", "is required when store is postgres")
        try check(
            (try? PrincipalIdentity(kind: .hub, id: instanceName)) != nil && !instanceName.contains("/"), "instanceName",
            "must be a certificate common name without \"/\" (e.g. hub-1), not \"\(instanceName)\"")
        try check(
            advertisedURL.map { $0.hasPrefix("https://") && !$0.hasSuffix("/") && $0.count > "https://".count } ?? true, "advertisedURL",
            "must be https://host:port without a trailing slash, not \"\(advertisedURL ?? "")\"")
        try check(
            store != "postgres" || advertisedURL != nil || !["0.0.0.0", "::", "[::]"].contains(listenHost), "advertisedURL",
            "is required when store is postgres and listenHost is a wildcard address: the other instances forward to it")
        try check((1...3_600).contains(leaseSeconds), "leaseSeconds", "must be 1…3600")
        try check((1...10_000).contains(maximumItemsPerPoll), "maximumItemsPerPoll", "must be 1…10000")
        try check((0...300).contains(maximumWaitSeconds), "maximumWaitSeconds", "must be 0…300")
        try check((1...100).contains(maximumAttempts), "maximumAttempts", "must be 1…100")
        try check((1...10_000_000).contains(maximumQueuedItemsPerAdapter), "maximumQueuedItemsPerAdapter", "must be 1…10000000")
        try check((1...10_000_000).contains(maximumOpenBroadcasts), "maximumOpenBroadcasts", "must be 1…10000000")
        try check((1...1_000_000_000).contains(maximumOpenBroadcastItems), "maximumOpenBroadcastItems", "must be 1…1000000000")
        try check((1...10_000).contains(maximumLeasesPerAdapter), "maximumLeasesPerAdapter", "must be 1…10000")
    }
}
