// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Loa",
    products: [
        .executable(name: "loa", targets: ["loa"]),
    ],
    targets: [
        .systemLibrary(
            name: "CSQLite", path: "Sources/CSQLite", pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(
            name: "CCmark", path: "Sources/CCmark", pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]),
        .systemLibrary(
            name: "CMicroHTTPD", path: "Sources/CMicroHTTPD", pkgConfig: "libmicrohttpd",
            providers: [.apt(["libmicrohttpd-dev"])]),
        .systemLibrary(
            name: "CSodium", path: "Sources/CSodium", pkgConfig: "libsodium",
            providers: [.apt(["libsodium-dev"])]),
        .systemLibrary(
            name: "CQRencode", path: "Sources/CQRencode", pkgConfig: "libqrencode",
            providers: [.apt(["libqrencode-dev"])]),
        .systemLibrary(
            name: "CZip", path: "Sources/CZip", pkgConfig: "libzip",
            providers: [.apt(["libzip-dev"])]),
        .systemLibrary(
            name: "CRsvg", path: "Sources/CRsvg", pkgConfig: "librsvg-2.0",
            providers: [.apt(["librsvg2-dev"])]),
        // glibc's malloc.h: a report gives freed memory back before it draws (LoaCommands' Memory)
        .systemLibrary(name: "CMalloc", path: "Sources/CMalloc"),
        .systemLibrary(
            name: "CCurl", path: "Sources/CCurl", pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]),
        // the common passwords Loa refuses, compiled into the binary (see Tests/tools/common_passwords.py)
        .target(name: "LoaCore", resources: [.embedInCode("Resources/common-passwords.txt")]),
        .target(name: "LoaFormats", dependencies: ["LoaCore", "CCmark", "CZip", "CRsvg"]),
        .target(name: "LoaStore", dependencies: ["LoaCore", "CSQLite"]),
        .target(name: "LoaSecrets", dependencies: ["CSodium", "LoaCore"]),
        .target(name: "LoaTransport", dependencies: ["CCurl"]),
        .target(
            name: "LoaWorkflows",
            dependencies: ["LoaCore", "LoaFormats", "LoaStore", "LoaSecrets", "LoaTransport"]),
        .target(
            name: "LoaWeb",
            dependencies: ["CMicroHTTPD", "CSodium", "CQRencode", "LoaSecrets", "LoaCore", "LoaFormats", "LoaStore", "LoaWorkflows"]),
        .target(name: "LoaCommands",
                dependencies: ["LoaCore", "LoaFormats", "LoaStore", "LoaWorkflows", "LoaWeb", "CMalloc"]),
        .executableTarget(name: "loa", dependencies: ["LoaCommands"]),
        .testTarget(name: "LoaCoreTests", dependencies: ["LoaCore"]),
        .testTarget(name: "LoaFormatsTests", dependencies: ["LoaFormats", "LoaCore"]),
        .testTarget(name: "LoaStoreTests", dependencies: ["LoaStore", "LoaCore"]),
        .testTarget(
            name: "LoaWorkflowsTests",
            dependencies: ["LoaWorkflows", "LoaStore", "LoaFormats", "LoaCore", "LoaSecrets", "LoaTransport"]),
        .testTarget(name: "LoaWebTests", dependencies: ["LoaWeb", "LoaWorkflows", "LoaStore", "LoaFormats", "LoaCore"]),
        .testTarget(
            name: "LoaCommandsTests",
            dependencies: ["LoaCommands", "LoaWorkflows", "LoaStore", "LoaSecrets", "LoaFormats", "LoaCore"]),
    ],
    swiftLanguageModes: [.v6]
)
