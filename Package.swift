// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "sanxiang",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "sanxiang", targets: ["sanxiang"]),
    .library(name: "Model", targets: ["Model"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
  ],
  targets: [
    // Domain values, deadline grammar, staffing rule, queries and the plain-file store.
    .target(name: "Model", dependencies: ["CStore"]),
    // The store's helpers in C: vector byte scans (UTF-8 check, CSV field ends, line counts)
    // and sync_file_range; only Sources/Model/Store/Native.swift calls them. Optimised in
    // debug builds too: the intrinsics unoptimised are slower than the Swift loops they replace.
    .target(name: "CStore", cSettings: [.unsafeFlags(["-O2"])]),
    // The import's readers: .docx, .xlsx and .html files into Model's grid. Only the import
    // command uses them; the rest of the program sees the grid alone.
    .target(
      name: "Readers",
      dependencies: ["Model", "CFormats"]),
    // libzip (ZIP) and libxml2 (XML, HTML) behind a few C functions, each loaded with dlopen at
    // the first import that needs it, so that the commands that never import load neither (nor
    // the OpenSSL, ICU and compressors they bring) at start-up. Builds with Debian's
    // libzip-dev and libxml2-dev headers; runs with their libzip4 and libxml2.
    .target(
      name: "CFormats", cSettings: [.unsafeFlags(["-I/usr/include/libxml2"])],
      linkerSettings: [.linkedLibrary("dl")]),
    // The report writers: the ledger and the roll-up's workbook as .xlsx (libxlsxwriter), the
    // progress report and the 通报 as .docx (WordprocessingML packaged with libzip), both
    // loaded through CFormats at the first report that needs them.
    .target(name: "Writers", dependencies: ["Model", "CFormats"]),
    // Dashboard state, pure update, key map, layout and panes drawing into a cell grid.
    .target(name: "TUI", dependencies: ["Model"]),
    // ncursesw module map and static-inline shims; only Sources/sanxiang/Terminal.swift uses it.
    .systemLibrary(name: "CNCurses", path: "Sources/CNCurses"),
    // The command line, testable in-process.
    .target(
      name: "CLI",
      dependencies: [
        "Model", "TUI", "Readers", "Writers",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    // Release builds link the Swift runtime in (Linux): a command starts in half the time
    // (5 ms instead of 10) without binding a dozen shared libraries first. Foundation's own
    // parts are named because a static link does not find them by itself; lld, because gold
    // warns about a function the static Foundation merely contains. Debug builds (and the
    // tests, which link this target) stay dynamic: XCTest has no static library.
    .executableTarget(
      name: "sanxiang", dependencies: ["CLI", "TUI", "CNCurses"],
      linkerSettings: [
        .unsafeFlags(["-static-stdlib", "-use-ld=lld"], .when(platforms: [.linux], configuration: .release)),
        .linkedLibrary("_FoundationCollections", .when(platforms: [.linux], configuration: .release)),
        .linkedLibrary("_FoundationCShims", .when(platforms: [.linux], configuration: .release)),
        .linkedLibrary("swiftSynchronization", .when(platforms: [.linux], configuration: .release)),
      ]),
    // The benchmarks' helper: generates large plans and times load and frames in-process.
    .executableTarget(name: "sanxiang-bench", dependencies: ["Model", "Readers", "TUI", "TestSupport"]),
    // Fixture paths, scratch folders, a runner for the real binary, and the seeded generator
    // that the benchmarks' plans and the tests share.
    .target(name: "TestSupport", path: "Tests/TestSupport"),
    .testTarget(
      name: "ModelTests",
      dependencies: [
        "Model", "Readers", "TestSupport", .product(name: "PropertyBased", package: "swift-property-based"),
      ]),
    .testTarget(name: "CLITests", dependencies: ["sanxiang", "CLI", "Model", "TestSupport"]),
    // The writers' files read back by the project's own readers (and by openpyxl and
    // python-docx where python3 has them).
    .testTarget(name: "ReportTests", dependencies: ["Model", "Readers", "Writers", "TestSupport"]),
    .testTarget(name: "TUITests", dependencies: ["TUI", "Model", "TestSupport"], exclude: ["Snapshots"]),
  ],
  swiftLanguageModes: [.v6]
)
