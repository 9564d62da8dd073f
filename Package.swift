// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "normtui",
    products: [
        .executable(name: "normtui", targets: ["NormTUI"]),
        .library(name: "NormMath", targets: ["NormMath"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // ncursesw through a tiny shim: the wide API and the macros Swift cannot import.
        .systemLibrary(
            name: "CNcurses",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        // zlib, to read the gzip-compressed digits data set shipped as a resource.
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .target(
            name: "NormMath",
            dependencies: ["CZlib"],
            resources: [.copy("Resources/digits.csv.gz")],
            // The numerics are optimized even in debug builds: unoptimized they run ~100×
            // slower, which makes `swift run normtui` and the training tests crawl.
            swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]
        ),
        .executableTarget(
            name: "NormTUI",
            dependencies: [
                "NormMath",
                "CNcurses",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "NormMathTests",
            dependencies: ["NormMath"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "NormTUITests",
            dependencies: ["NormTUI", "NormMath"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
