// swift-tools-version:6.0
import PackageDescription

// Hot loops (the forward pass, the prover's engine) are built with -Ounchecked and a CPU
// target in every configuration; without them Swift SIMD lowers to a call per lane.
#if arch(x86_64)
let fastFlags: [SwiftSetting] = [.unsafeFlags(["-Ounchecked", "-Xcc", "-march=haswell", "-target-cpu", "haswell"])]
#else
let fastFlags: [SwiftSetting] = [.unsafeFlags(["-Ounchecked"])]
#endif

let package = Package(
    name: "Entail",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "Entail", targets: ["Entail"]),
        .executable(name: "entail", targets: ["entail"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // System-library shims: no Swift API of their own, each imported by exactly one module.
        .systemLibrary(name: "CZ3", path: "Sources/CZ3"),
        .systemLibrary(name: "CBLAS", path: "Sources/CBLAS"),
        .systemLibrary(name: "CGMP", path: "Sources/CGMP"),

        .target(name: "Logic"),
        .target(name: "Problems", dependencies: ["Logic"]),
        .target(name: "Prover", dependencies: ["Logic", "CGMP"], swiftSettings: fastFlags),
        .target(name: "Z3Bridge", dependencies: ["Logic", "CZ3"]),
        .target(name: "Decoder", dependencies: ["CBLAS"], swiftSettings: fastFlags),
        .target(name: "SemanticParser", dependencies: ["Logic", "Decoder"]),
        .target(name: "Search", dependencies: ["Logic", "Problems", "Prover", "Z3Bridge", "Decoder", "SemanticParser"]),
        .target(name: "Entail", dependencies: ["Logic", "Problems", "Prover", "Z3Bridge", "Decoder", "SemanticParser", "Search"]),
        .executableTarget(name: "entail", dependencies: [
            "Entail",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // The library's example: `swift run SolveExample problems/socrates.problem` (EntailTests runs it).
        .executableTarget(name: "SolveExample", dependencies: ["Entail"], path: "Examples/SolveExample"),

        .testTarget(name: "LogicTests", dependencies: ["Logic"]),
        .testTarget(name: "ProblemsTests", dependencies: ["Problems"], exclude: ["Fixtures"]),
        .testTarget(name: "ProverTests", dependencies: ["Prover", "Logic", "Z3Bridge"], exclude: ["Golden"]),
        .testTarget(name: "Z3BridgeTests", dependencies: ["Z3Bridge", "Logic"]),
        .testTarget(name: "DecoderTests", dependencies: ["Decoder", "Logic"]),  // Logic: grammar/parser agreement tests
        .testTarget(name: "SemanticParserTests", dependencies: ["SemanticParser", "Logic", "Prover"], exclude: ["Fixtures"]),
        .testTarget(name: "SearchTests", dependencies: ["Search"]),
        .testTarget(name: "EntailTests", dependencies: ["Entail"]),
    ]
)
