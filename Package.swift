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
        // `swift package generate-documentation --target NormMath` (the DocC catalog in
        // Sources/NormMath/NormMath.docc); a plugin only, nothing of it is linked.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.4.0"),
    ],
    targets: [
        // ncursesw through a tiny shim: the wide API and the macros Swift cannot import.
        // No pkgConfig: ncursesw's .pc file adds -D_DEFAULT_SOURCE -D_XOPEN_SOURCE=600, which
        // SwiftPM drops with a "prohibited flag(s)" warning on every fresh build; the shim
        // defines what the headers need, and the module map names the libraries.
        .systemLibrary(
            name: "CNcurses",
            providers: [.apt(["libncurses-dev"])]
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
            swiftSettings: isDependency ? [] : [.unsafeFlags(["-O"], .when(configuration: .debug))] + (vectorLevel.map(march) ?? [])
        ),
        // Asks the CPUID instruction what this processor runs, so that the executable can
        // refuse to start on a CPU below NormMath's vector level instead of dying with SIGILL.
        .target(name: "CPUFeatures"),
        // The terminal-widget library: a grid of cells, pure widgets that render into it,
        // and the one ncurses adapter that draws it. Knows nothing of normalization.
        .target(
            name: "TerminalUI",
            dependencies: ["CNcurses", "NumberFormatting"]
        ),
        // Numbers for people (three significant digits, SI suffixes), shared by the widgets
        // and the lessons' messages.
        .target(name: "NumberFormatting"),
        // The lessons: each one's experiment (engine), records and texts, in English and
        // German. Numbers only: drawing them is the executable's (Lessons/Rendering).
        .target(
            name: "NormLessons",
            dependencies: ["NormMath", "NumberFormatting"],
            // Optimized in debug builds too, as NormMath: the lessons' own loops (graphs,
            // forecasters, the decision table re-running other lessons) are the bulk of the
            // claim checks and handouts the tests run, and took twice as long unoptimized.
            swiftSettings: isDependency ? [] : [.unsafeFlags(["-O"], .when(configuration: .debug))]
        ),
        .executableTarget(
            name: "NormTUI",
            dependencies: [
                "NormMath",
                "NormLessons",
                "NumberFormatting",
                "TerminalUI",
                "CMalloc",
                "CPUFeatures",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // Which level NormMath was compiled for, so that start-up can check the CPU has it.
            swiftSettings: isDependency ? [] : vectorLevel.map { [.define(levelCondition($0))] } ?? []
        ),
        .testTarget(
            name: "NormMathTests",
            dependencies: ["NormMath"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "TerminalUITests",
            dependencies: ["TerminalUI", "NumberFormatting"],
            // Golden exports are read from the source tree (#filePath), like NormTUITests'.
            exclude: ["Export/Golden"]
        ),
        .testTarget(
            name: "NormTUITests",
            dependencies: ["NormTUI", "NormMath", "NormLessons", "NumberFormatting", "TerminalUI", "CPUFeatures"],
            // The golden screens are read from the source tree (#filePath), so that
            // UPDATE_GOLDEN=1 can rewrite them in place.
            exclude: ["Screens/Golden"]
        ),
    ],
    swiftLanguageModes: [.v6]
)

/// Whether another package is building this one as its dependency: SwiftPM and Xcode check
/// dependencies out into a `checkouts` folder. SwiftPM refuses a versioned dependency whose
/// product has unsafe flags (tools-version 6.2 does not change that in SwiftPM 6.3, tried
/// by Tests/e2e/consumer.sh), so there NormMath builds with the consumer's own settings: no
/// `-O` in debug builds and no `-march` (pass `-Xcc -march=native` to `swift build` for the
/// vector kernels). As the root package — `swift build` here — it gets both.
var isDependency: Bool {
    Context.packageDirectory.split(separator: "/").contains("checkouts")
}

/// The x86-64 vector level NormMath is compiled for: the widest the building machine runs
/// (AVX2+FMA: x86-64-v3; AVX-512: x86-64-v4), so that SIMD8<Double> and SIMD16<Float> become
/// one or two instructions instead of four SSE ones: the normalization kernels run about 1.7×
/// faster. The binary then needs a CPU of that level; `normtui` checks at start-up and says
/// how to rebuild (ProcessorCheck.swift) instead of dying with SIGILL. NORMTUI_MARCH names
/// another level (`NORMTUI_MARCH=x86-64-v3`), or none (`NORMTUI_MARCH=`: any x86-64). Results
/// are the same bits at x86-64-v3 and v4 (and on arm64): the SGEMM fuses its multiply-adds
/// explicitly (exactly rounded), nothing else lets the compiler fuse, and vector lanes are
/// summed in a fixed order. Without a level there is no FMA instruction, so the SGEMM keeps a
/// separate multiply and add there, and its last bits differ (SGEMM.swift).
///
/// A manifest is compiled for, and runs on, the machine that builds: `#if arch(x86_64)` and
/// /proc/cpuinfo describe the build host. That is the machine the binary is for, except when
/// cross-compiling — then set NORMTUI_MARCH to the target's level.
var vectorLevel: String? {
    let environment = ProcessInfo.processInfo.environment
    if let level = environment["NORMTUI_MARCH"] {
        return level.isEmpty ? nil : level
    }
    #if arch(x86_64) && os(Linux)
    guard let cpuinfo = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
          let flagLine = cpuinfo.split(separator: "\n").first(where: { $0.hasPrefix("flags") })
    else { return nil }
    let flags = Set(flagLine.split(separator: " ").map(String.init))
    let v3: Set = ["avx", "avx2", "fma", "bmi1", "bmi2", "f16c", "movbe", "abm"]
    let v4: Set = ["avx512f", "avx512bw", "avx512cd", "avx512dq", "avx512vl"]
    if v3.isSubset(of: flags), v4.isSubset(of: flags) { return "x86-64-v4" }
    if v3.isSubset(of: flags) { return "x86-64-v3" }
    return nil
    #else
    return nil
    #endif
}

/// `-march=level`, the condition that tells the executable the level, and for AVX-512
/// (32 vector registers) the `AVX512` condition, under which the SGEMM keeps a wider block
/// of C in registers (SGEMM.swift).
func march(_ level: String) -> [SwiftSetting] {
    [.unsafeFlags(["-Xcc", "-march=\(level)"]), .define(levelCondition(level))]
        + (level == "x86-64-v4" ? [.define("AVX512")] : [])
}

/// `NORMMATH_X86_64_V3` for `x86-64-v3`: a compilation condition naming the level.
func levelCondition(_ level: String) -> String {
    "NORMMATH_" + level.uppercased().replacingOccurrences(of: "-", with: "_")
}
