// swift-tools-version:6.0
import Foundation
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
        // glibc's mallopt, to keep freed activation buffers for the next training step.
        .systemLibrary(name: "CMalloc"),
        .target(
            name: "NormMath",
            dependencies: ["CZlib"],
            resources: [.copy("Resources/digits.csv.gz")],
            // The numerics are optimized even in debug builds: unoptimized they run ~100×
            // slower, which makes `swift run normtui` and the training tests crawl.
            swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))] + vectorISA
        ),
        .executableTarget(
            name: "NormTUI",
            dependencies: [
                "NormMath",
                "CNcurses",
                "CMalloc",
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
            dependencies: ["NormTUI", "NormMath"],
            // The golden screens are read from the source tree (#filePath), so that
            // UPDATE_GOLDEN=1 can rewrite them in place.
            exclude: ["Screens/Golden"]
        ),
    ],
    swiftLanguageModes: [.v6]
)

/// The widest x86-64 vector level the building machine runs (AVX2+FMA: x86-64-v3; AVX-512:
/// x86-64-v4), so that SIMD8<Double> and SIMD16<Float> become one or two instructions instead
/// of four SSE ones: the normalization kernels run about 1.7× faster. The binary then needs a
/// CPU of that level — build with NORMTUI_MARCH=x86-64 for one that runs on any x86-64, or
/// name another level. Results are the same bits at every level: NormMath never lets the
/// compiler fuse a multiply and an add, and sums its vector lanes in a fixed order.
///
/// `#if arch(x86_64) && os(Linux)` tests the machine the manifest runs on — the build host,
/// not the target — and so does reading /proc/cpuinfo: an x86-64 Linux host gets the flag,
/// any other host none. A build on an x86-64 host for another architecture (cross-compiling)
/// would still get `-march=x86-64-…`, an error there; set NORMTUI_MARCH= (empty) for it.
var vectorISA: [SwiftSetting] {
    #if arch(x86_64) && os(Linux)
    let environment = ProcessInfo.processInfo.environment
    if let level = environment["NORMTUI_MARCH"] {
        return level.isEmpty ? [] : march(level)
    }
    guard let cpuinfo = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
          let flagLine = cpuinfo.split(separator: "\n").first(where: { $0.hasPrefix("flags") })
    else { return [] }
    let flags = Set(flagLine.split(separator: " ").map(String.init))
    let v3: Set = ["avx", "avx2", "fma", "bmi1", "bmi2", "f16c", "movbe", "abm"]
    let v4: Set = ["avx512f", "avx512bw", "avx512cd", "avx512dq", "avx512vl"]
    if v3.isSubset(of: flags), v4.isSubset(of: flags) { return march("x86-64-v4") }
    if v3.isSubset(of: flags) { return march("x86-64-v3") }
    return []
    #else
    return []
    #endif
}

/// `-march=level`, and for AVX-512 (32 vector registers) the `AVX512` condition, under which
/// the SGEMM keeps a wider block of C in registers (SGEMM.swift).
func march(_ level: String) -> [SwiftSetting] {
    [.unsafeFlags(["-Xcc", "-march=\(level)"])] + (level == "x86-64-v4" ? [.define("AVX512")] : [])
}
