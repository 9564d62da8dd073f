// swift-tools-version:6.0
// A package that uses NormMath the way another project would: as a versioned dependency.
// Tests/e2e/consumer.sh clones this repository, tags the clone and points NORMTUI_URL at it.
import Foundation
import PackageDescription

let normtui = ProcessInfo.processInfo.environment["NORMTUI_URL"] ?? "https://github.com/normtui/normtui"

let package = Package(
    name: "normmath-consumer",
    dependencies: [.package(url: normtui, from: "1.0.0")],
    targets: [
        .executableTarget(
            name: "NormMathConsumer",
            dependencies: [.product(name: "NormMath", package: "normtui")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
