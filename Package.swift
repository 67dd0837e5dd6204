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
    ],
    targets: [
        .target(
            name: "SiftCore",
            dependencies: [.product(name: "Yams", package: "Yams")],
            resources: [.copy("Resources/Frameworks")],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "sift",
            dependencies: [
                "SiftCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "sift-bench",
            dependencies: ["SiftCore"],
            path: "Benchmarks/sift-bench",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "SiftCoreTests",
            // `sift` is listed so the command-line tests find it built beside them.
            dependencies: ["SiftCore", "sift"],
            swiftSettings: strictSettings
        ),
    ]
)
