// swift-tools-version:6.1
import PackageDescription

// The NormMath benchmarks, with ordo-one/benchmark (`swift package benchmark`, run in this
// folder). A package of their own, so that the main package's `swift build` and `swift test`
// neither resolve nor compile the benchmark framework.
let package = Package(
    name: "normtui-benchmarks",
    dependencies: [
        .package(name: "normtui", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // The plugin finds benchmark targets by their folder's parent, which must be named
        // "Benchmarks" — this package's own folder.
        .executableTarget(
            name: "NormMathBenchmarks",
            dependencies: [
                .product(name: "NormMath", package: "normtui"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "NormMathBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
