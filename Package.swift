// swift-tools-version: 6.2
import PackageDescription

/// Settings shared by every target of ours: Swift 6 language mode (strict concurrency),
/// explicit `any`, and warnings treated as errors so that "no warnings" is enforced by the build.
let strictSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .treatAllWarnings(as: .error),
]

let package = Package(
    name: "QueryHub",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "HubProtocol", targets: ["HubProtocol"]),
        .library(name: "QueryHub", targets: ["QueryHub"]),
        .library(name: "BankAdapter", targets: ["BankAdapter"]),
        .library(name: "PoliceAdapter", targets: ["PoliceAdapter"]),
        .executable(name: "hubd", targets: ["hubd"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-crypto.git", exact: "4.5.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-certificates.git", exact: "1.21.1"),
        .package(url: "https://github.com/apple/swift-asn1.git", exact: "1.7.4"),
        .package(url: "https://github.com/apple/swift-nio.git", exact: "2.101.3"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", exact: "2.37.6"),
        .package(url: "https://github.com/apple/swift-http-types.git", exact: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log.git", exact: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", exact: "2.13.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", exact: "2.28.1"),
        .package(url: "https://github.com/swift-server/async-http-client.git", exact: "1.37.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", exact: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", exact: "2.13.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", exact: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", exact: "1.33.2"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift.git", exact: "0.2.0"),
    ],
    targets: [
        /// OpenSSL 3's libcrypto (SM2, SM3), from the system's libssl-dev.
        .systemLibrary(
            name: "COpenSSL",
            path: "Sources/COpenSSL",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        .target(
            name: "HubProtocol",
            dependencies: [
                "COpenSSL",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            path: "Sources/Protocol",
            swiftSettings: strictSettings
        ),
        /// Development PKI: a CA, server and client certificates made in code (swift-certificates).
        .target(
            name: "HubPKI",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            path: "Sources/PKI",
            swiftSettings: strictSettings
        ),
        /// The HTTPS+mTLS client every party outside the hub uses: courts, adapters, the bench.
        .target(
            name: "HubClient",
            dependencies: [
                "HubProtocol", "HubPKI",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Sources/Client",
            swiftSettings: strictSettings
        ),
        .target(
            name: "QueryHub",
            dependencies: [
                // HubClient: a standby instance forwards requests to the leader over mutual TLS (issue 7).
                "HubProtocol", "HubPKI", "HubClient",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Sources/QueryHub",
            swiftSettings: strictSettings
        ),
        .target(
            name: "BankAdapter",
            dependencies: ["HubProtocol", "HubClient"],
            path: "Sources/BankAdapter",
            swiftSettings: strictSettings
        ),
        .target(
            name: "PoliceAdapter",
            dependencies: ["HubProtocol", "HubClient"],
            path: "Sources/PoliceAdapter",
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "hubd",
            dependencies: [
                "HubProtocol", "QueryHub", "BankAdapter", "PoliceAdapter", "HubPKI", "HubClient",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                // The end-to-end bench: latency histograms, the machine's ceilings (SQLite, an mTLS
                // echo route) and the PostgreSQL queue baseline.
                .product(name: "Histogram", package: "hdrhistogram-swift"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            path: "Sources/hubd",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "UnitTests",
            dependencies: [
                "HubProtocol", "QueryHub", "BankAdapter", "PoliceAdapter", "HubPKI", "HubClient",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "X509", package: "swift-certificates"),
            ],
            path: "Tests/UnitTests",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "LoadTests",
            // hubd: the end-to-end bench engine, run here CI-sized for its correctness checks.
            dependencies: [
                "HubProtocol", "QueryHub", "BankAdapter", "PoliceAdapter", "HubPKI", "HubClient", "hubd",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Tests/LoadTests",
            swiftSettings: strictSettings
        ),
    ]
)
