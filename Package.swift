// swift-tools-version:6.0
import PackageDescription

// One pipeline, one module per stage: load (PortalYAML, PortalContent) → model (PortalContent)
// → render (PortalMarkdown, PortalTemplates) → write (PortalBuild). The `portal` executable is a
// thin command-line shell over PortalBuild.
let package = Package(
    name: "portal",
    // Mutex and Atomic (Synchronization) need macOS 15; Linux is what the project runs on.
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "portal", targets: ["portal"]),
        .library(name: "PortalBuild", targets: ["PortalBuild"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        // A small HTTP server on Swift concurrency and plain sockets (no SwiftNIO): `portal serve`.
        .package(url: "https://github.com/swhitty/FlyingFox", exact: "0.27.1"),
        // Property-based tests that throw random and hostile input at the parsers (make fuzz).
        .package(url: "https://github.com/x-sheep/swift-property-based", exact: "2.0.1"),
        // The curator's bases as spreadsheets: CSV, and XLSX (a ZIP of XML parts).
        .package(url: "https://github.com/swiftcsv/SwiftCSV", exact: "0.10.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
        .package(url: "https://github.com/CoreOffice/XMLCoder", exact: "0.18.2"),
    ],
    targets: [
        .systemLibrary(name: "CCmark", pkgConfig: "libcmark", providers: [.apt(["libcmark-dev"])]),
        .target(name: "PortalCore"),
        // cmark's memory: a per-thread arena handed to cmark through its cmark_mem (PortalMarkdown).
        .target(name: "CPortalCmark", dependencies: ["CCmark"]),
        .target(name: "CPortalSystem"),
        // Images: libvips from Debian (libvips-dev), behind fixed-argument C wrappers. CPortalVips
        // opens libvips on first use (dlopen) instead of linking it, so that the ~90 libraries it
        // brings (glib, cairo, poppler…) are not loaded at every start; its own declarations of
        // libvips are compiled against the real headers (CVips) by CPortalVipsCheck, in the tests.
        .systemLibrary(name: "CVips", pkgConfig: "vips", providers: [.apt(["libvips-dev"])]),
        .target(name: "CPortalVips"),
        .target(name: "CPortalVipsCheck", dependencies: ["CVips", "CPortalVips"], path: "Tests/CPortalVipsCheck"),
        .target(name: "PortalImages", dependencies: ["CPortalVips"]),
        .target(name: "PortalYAML", dependencies: ["PortalCore", "Yams"]),
        .target(name: "PortalMarkdown", dependencies: ["PortalCore", "CCmark", "CPortalCmark"]),
        .target(name: "PortalSearch", dependencies: ["PortalCore"]),
        .target(name: "PortalContent", dependencies: [
            "PortalCore", "PortalYAML", "PortalMarkdown", "SwiftCSV", "ZIPFoundation", "XMLCoder",
        ]),
        // The programme: its data files' schemas, labels and consent rule (the data model the
        // loader is given), the stage calendar, computed figures and their checks, the annual report.
        .target(name: "PortalProgramme", dependencies: ["PortalCore", "PortalContent", "PortalTemplates"]),
        .target(name: "PortalTemplates", dependencies: [
            "PortalCore", .product(name: "Mustache", package: "swift-mustache"),
        ]),
        .target(name: "PortalBuild", dependencies: [
            "PortalCore", "PortalContent", "PortalMarkdown", "PortalTemplates", "PortalSearch", "CPortalSystem",
            "PortalImages",
            "PortalProgramme",
        ]),
        .target(name: "PortalServe", dependencies: [
            "PortalBuild", "PortalCore", .product(name: "FlyingFox", package: "FlyingFox"),
            .product(name: "FlyingSocks", package: "FlyingFox"),
        ]),
        .executableTarget(name: "portal", dependencies: [
            "PortalBuild", "PortalServe", "PortalProgramme", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], swiftSettings: [
            // Release: the Swift runtime and Foundation linked in (what --static-swift-stdlib
            // does), ~14 ms less at every start than loading their shared libraries. Compiling
            // with it too makes the module name the static libraries' own dependencies (ICU…).
            .unsafeFlags(["-static-stdlib"], .when(configuration: .release)),
        ], linkerSettings: [
            .unsafeFlags(["-static-stdlib"], .when(configuration: .release)),
        ]),
        .testTarget(name: "PortalCoreTests", dependencies: ["PortalCore"]),
        .testTarget(name: "PortalYAMLTests", dependencies: ["PortalYAML"]),
        .testTarget(name: "PortalMarkdownTests", dependencies: ["PortalMarkdown", "CCmark"]),
        .testTarget(name: "PortalSearchTests", dependencies: ["PortalSearch"]),
        .testTarget(name: "PortalContentTests", dependencies: ["PortalContent"]),
        .testTarget(name: "PortalTemplatesTests", dependencies: ["PortalTemplates"]),
        .testTarget(name: "PortalProgrammeTests", dependencies: ["PortalProgramme", "PortalContent", "PortalCore", "PortalTemplates"]),
        .testTarget(name: "PortalBuildTests", dependencies: ["PortalBuild", "PortalImages", "PortalProgramme", "ZIPFoundation"]),
        .testTarget(name: "PortalImagesTests", dependencies: ["PortalImages", "CPortalVipsCheck"]),
        .testTarget(name: "PortalServeTests", dependencies: ["PortalServe"]),
        .testTarget(name: "PortalFuzzTests", dependencies: [
            "PortalCore", "PortalYAML", "PortalMarkdown", "PortalContent", "PortalProgramme",
            .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
