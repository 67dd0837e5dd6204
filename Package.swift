// swift-tools-version: 6.1
import PackageDescription

/// Settings every target shares: Swift 6 language mode plus the upcoming features
/// that keep the code explicit about existentials and imports.
let strictSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Sift",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "SiftCore", targets: ["SiftCore"]),
        .executable(name: "sift", targets: ["sift"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-kit.git", from: "1.57.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/vapor/leaf.git", from: "4.5.2"),
        .package(url: "https://github.com/vapor/leaf-kit.git", from: "1.14.3"),
    ],
    targets: [
        .target(
            name: "SiftCore",
            dependencies: [.product(name: "Yams", package: "Yams")],
            resources: [.copy("Resources/Frameworks")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "SiftWeb",
            dependencies: [
                "SiftCore",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQL", package: "fluent-kit"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Leaf", package: "leaf"),
                .product(name: "LeafKit", package: "leaf-kit"),
            ],
            resources: [.copy("Resources/Views"), .copy("Resources/Public")],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "sift",
            dependencies: [
                "SiftCore",
                "SiftWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "BenchmarkSupport",
            path: "Benchmarks/BenchmarkSupport",
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "sift-bench",
            dependencies: ["SiftCore", "BenchmarkSupport"],
            path: "Benchmarks/sift-bench",
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "public-data-bench",
            dependencies: ["SiftCore", "SiftWeb", "BenchmarkSupport"],
            path: "Benchmarks/public-data-bench",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "SiftWebTests",
            dependencies: [
                "SiftWeb",
                .product(name: "VaporTesting", package: "vapor"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
            ],
            swiftSettings: strictSettings
        ),
        // Run by tests as a child process, so what it measures of itself is not shared with
        // the tests running beside it.
        .executableTarget(
            name: "csv-read-probe",
            dependencies: ["SiftCore"],
            path: "Tests/Probes/csv-read-probe",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "SiftCoreTests",
            // `sift` and the probe are listed so the tests find them built beside them.
            dependencies: ["SiftCore", "sift", "csv-read-probe"],
            swiftSettings: strictSettings
        ),
    ]
)
