import Foundation
import NIOSSL
import PostgresNIO

extension PostgresStore {
    /// Where the PostgreSQL store lives and how many connections it may hold.
    public struct Configuration: Sendable {
        /// The server's host name or address.
        public var host: String
        /// The server's TCP port.
        public var port: Int
        /// The role the hub logs in as.
        public var username: String
        /// The role's password; nil for trust or peer authentication.
        public var password: String?
        /// The database; nil means the server's default (the user name).
        public var database: String?
        /// The schema the hub's tables live in, created by ``PostgresStore/migrate()`` when absent;
        /// nil means the server's default search path (normally `public`). Tests use a fresh
        /// schema each so that they can run side by side in one database.
        public var schema: String?
        /// TLS to the server: `sslmode=disable` in the URL turns it off, otherwise it is
        /// preferred (used when the server offers it).
        public var useTLS: Bool
        /// The connection pool's upper bound: at most this many connections are open at once.
        public var maximumConnections: Int
        /// How long to wait for a new connection before the request fails.
        public var connectTimeoutSeconds: Int

        /// Schema names are identifiers written into SQL (they cannot be bound), so only plain
        /// lower-case names are accepted: a letter or underscore, then letters, digits or
        /// underscores, 63 bytes at most (PostgreSQL's limit).
        static let maximumSchemaNameLength = 63

        /// A configuration with the given parts; see the properties.
        public init(
            host: String, port: Int = 5432, username: String, password: String?, database: String?,
            schema: String? = nil, useTLS: Bool = true, maximumConnections: Int = 8, connectTimeoutSeconds: Int = 10
        ) throws(PostgresStoreError) {
            guard !host.isEmpty else { throw .invalidURL("the host is empty") }
            guard (1...65_535).contains(port) else { throw .invalidURL("port \(port) is outside 1…65535") }
            guard !username.isEmpty else { throw .invalidURL("the user name is empty") }
            guard (1...1_000).contains(maximumConnections) else {
                throw .invalidConfiguration("maximumConnections \(maximumConnections) is outside 1…1000")
            }
            guard (1...600).contains(connectTimeoutSeconds) else {
                throw .invalidConfiguration("connectTimeoutSeconds \(connectTimeoutSeconds) is outside 1…600")
            }
            if let schema { try Self.checkSchemaName(schema) }
            self.host = host
            self.port = port
            self.username = username
            self.password = password
            self.database = database
            self.schema = schema
            self.useTLS = useTLS
            self.maximumConnections = maximumConnections
            self.connectTimeoutSeconds = connectTimeoutSeconds
        }

        /// Parses `postgres://user:password@host:port/database?sslmode=disable&schema=name`
        /// (`postgresql://` too). User name and password may be percent-encoded.
        public init(url text: String, maximumConnections: Int = 8) throws(PostgresStoreError) {
            guard let components = URLComponents(string: text) else { throw .invalidURL("\"\(Self.redacted(text))\" is not a URL") }
            guard let scheme = components.scheme, scheme == "postgres" || scheme == "postgresql" else {
                throw .invalidURL("the scheme must be postgres:// or postgresql://")
            }
            guard let host = components.host, !host.isEmpty else { throw .invalidURL("the URL names no host") }
            guard let username = components.user, !username.isEmpty else { throw .invalidURL("the URL names no user") }
            let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
            var schema: String?
            var useTLS = true
            for item in components.queryItems ?? [] {
                switch (item.name, item.value ?? "") {
                case ("sslmode", "disable"): useTLS = false
                case ("sslmode", "prefer"), ("sslmode", "allow"): useTLS = true
                case ("sslmode", let mode): throw .invalidURL("sslmode \"\(mode)\" is not supported (disable or prefer)")
                case ("schema", let name): schema = name
                case (let name, _): throw .invalidURL("unknown URL parameter \"\(name)\" (sslmode or schema)")
                }
            }
            try self.init(
                host: host, port: components.port ?? 5432, username: username, password: components.password,
                database: path.isEmpty ? nil : path, schema: schema, useTLS: useTLS, maximumConnections: maximumConnections)
        }

        /// Throws unless `name` is a plain identifier that needs no quoting.
        static func checkSchemaName(_ name: String) throws(PostgresStoreError) {
            let bytes = Array(name.utf8)
            let isLetter = { (byte: UInt8) in (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || byte == UInt8(ascii: "_") }
            let isDigit = { (byte: UInt8) in (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
            guard let first = bytes.first, isLetter(first), bytes.count <= maximumSchemaNameLength,
                bytes.allSatisfy({ isLetter($0) || isDigit($0) })
            else {
                throw .invalidConfiguration(
                    "schema \"\(name)\" must be lower-case letters, digits and underscores, start with a letter or underscore, at most 63 bytes")
            }
        }

        /// The URL with its password replaced, for error messages and logs.
        static func redacted(_ text: String) -> String {
            guard var components = URLComponents(string: text), components.password != nil else { return text }
            components.password = "***"
            return components.string ?? "(unprintable URL)"
        }

        /// The schema the tables live in, for the migration lock and messages.
        var schemaForLocking: String { schema ?? "public" }

        /// A single connection's configuration, for checks made outside the pool.
        func connectionConfiguration() throws -> PostgresConnection.Configuration {
            var configuration = PostgresConnection.Configuration(
                host: host, port: port, username: username, password: password, database: database,
                tls: useTLS ? .prefer(try NIOSSLContext(configuration: .makeClientConfiguration())) : .disable)
            configuration.options.connectTimeout = .seconds(Int64(connectTimeoutSeconds))
            configuration.options.additionalStartupParameters = [("application_name", "hubd")]
            // The leadership connection reads the schema's tables; a schema not yet created is harmless here.
            if let schema { configuration.options.additionalStartupParameters.append(("search_path", schema)) }
            return configuration
        }

        /// The PostgresNIO client configuration: a bounded pool, and the search path set at
        /// connection start-up so that every pooled connection sees the same schema.
        var clientConfiguration: PostgresClient.Configuration {
            var configuration = PostgresClient.Configuration(
                host: host, port: port, username: username, password: password, database: database,
                tls: useTLS ? .prefer(.makeClientConfiguration()) : .disable)
            configuration.options.maximumConnections = maximumConnections
            configuration.options.minimumConnections = 0
            configuration.options.connectTimeout = .seconds(connectTimeoutSeconds)
            configuration.options.additionalStartupParameters = [("application_name", "hubd")]
            if let schema {
                configuration.options.additionalStartupParameters.append(("search_path", schema))
            }
            return configuration
        }
    }
}

/// A failure of the PostgreSQL store's set-up (a failure of a query is PostgresNIO's `PSQLError`).
public enum PostgresStoreError: Error, CustomStringConvertible, Equatable {
    /// The connection URL could not be used; says which part is wrong.
    case invalidURL(String)
    /// A setting is outside its allowed range.
    case invalidConfiguration(String)
    /// The server would acknowledge commits before they are on disk.
    case durabilityNotConfirmed(setting: String, value: String)
    /// The database was migrated by a newer hubd than this one.
    case schemaNewerThanCode(databaseVersion: Int64, knownVersion: Int64)
    /// Another instance has led since this one won its epoch: the commit was refused (issue 7).
    case fenced(ownEpoch: Int64, currentEpoch: Int64)

    /// A sentence saying what went wrong.
    public var description: String {
        switch self {
        case .invalidURL(let reason): return "invalid PostgreSQL URL: \(reason)"
        case .invalidConfiguration(let reason): return "invalid PostgreSQL store configuration: \(reason)"
        case .durabilityNotConfirmed(let setting, let value):
            return "PostgreSQL runs with \(setting)=\(value): commits would not be durable"
        case .schemaNewerThanCode(let databaseVersion, let knownVersion):
            return "the database schema is at version \(databaseVersion) but this hubd knows only up to \(knownVersion): upgrade hubd"
        case .fenced(let ownEpoch, let currentEpoch):
            return "this instance led in epoch \(ownEpoch) but the database is at epoch \(currentEpoch): another instance leads, so this one may not commit"
        }
    }
}
