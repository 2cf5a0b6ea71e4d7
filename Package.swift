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
        .target(
            name: "QueryHub",
            dependencies: ["HubProtocol"],
            path: "Sources/QueryHub",
            swiftSettings: strictSettings
        ),
        .target(
            name: "BankAdapter",
            dependencies: ["HubProtocol"],
            path: "Sources/BankAdapter",
            swiftSettings: strictSettings
        ),
        .target(
            name: "PoliceAdapter",
            dependencies: ["HubProtocol"],
            path: "Sources/PoliceAdapter",
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "hubd",
            dependencies: [
                "HubProtocol", "QueryHub", "BankAdapter", "PoliceAdapter",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/hubd",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "UnitTests",
            dependencies: ["HubProtocol", "QueryHub", "BankAdapter", "PoliceAdapter"],
            path: "Tests/UnitTests",
            swiftSettings: strictSettings
        ),
    ]
)
