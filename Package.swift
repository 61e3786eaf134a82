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
    .target(name: "Model"),
    // Dashboard state, pure update, key map, layout and panes drawing into a cell grid.
    .target(name: "TUI", dependencies: ["Model"]),
    // ncursesw module map and static-inline shims; only Sources/sanxiang/Terminal.swift uses it.
    .systemLibrary(name: "CNCurses", path: "Sources/CNCurses"),
    // The command line, testable in-process.
    .target(
      name: "CLI",
      dependencies: [
        "Model", "TUI",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    .executableTarget(name: "sanxiang", dependencies: ["CLI", "TUI", "CNCurses"]),
    // The benchmarks' helper: generates large plans and times load and frames in-process.
    .executableTarget(name: "sanxiang-bench", dependencies: ["Model", "TUI", "TestSupport"]),
    // Fixture paths, scratch folders, a runner for the real binary, and the seeded generator
    // that the benchmarks' plans and the tests share.
    .target(name: "TestSupport", path: "Tests/TestSupport"),
    .testTarget(
      name: "ModelTests",
      dependencies: ["Model", "TestSupport", .product(name: "PropertyBased", package: "swift-property-based")]),
    .testTarget(name: "CLITests", dependencies: ["sanxiang", "Model", "TestSupport"]),
    .testTarget(name: "TUITests", dependencies: ["TUI", "Model", "TestSupport"], exclude: ["Snapshots"]),
  ],
  swiftLanguageModes: [.v6]
)
