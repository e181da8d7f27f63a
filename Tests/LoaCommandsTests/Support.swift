import Foundation
import Testing

/// The repository root, which is also the shipped workspace.
let repositoryRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
}()

/// The built `loa` binary next to the test bundle (swift build runs before swift test).
let loaBinary: String = {
    var candidates: [String] = []
    if let exe = Bundle.main.executableURL { candidates.append(exe.deletingLastPathComponent().appendingPathComponent("loa").path) }
    candidates.append(repositoryRoot + "/.build/debug/loa")
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? repositoryRoot + "/.build/debug/loa"
}()

struct RunResult {
    let code: Int32
    let stdout: String
    let stderr: String
    var stdoutBytes: Data
}

/// Runs the real binary, as a user would, with a clean environment.
@discardableResult
func loa(_ args: [String], in dir: String? = nil, env: [String: String] = [:], stdin: Data? = nil) throws -> RunResult {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: loaBinary)
    p.arguments = args
    var environment = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "LOA_HOME": repositoryRoot]
    for (k, v) in env { environment[k] = v }
    p.environment = environment
    if let dir { p.currentDirectoryURL = URL(fileURLWithPath: dir) }
    let out = Pipe(), err = Pipe()
    p.standardOutput = out
    p.standardError = err
    if let stdin {
        let inp = Pipe()
        p.standardInput = inp
        inp.fileHandleForWriting.write(stdin)
        try inp.fileHandleForWriting.close()
    } else {
        p.standardInput = FileHandle.nullDevice
    }
    return try finish(p, out, err)
}

/// Starts `p` and waits for it, reading both pipes concurrently so a large output cannot block the child.
func finish(_ p: Process, _ out: Pipe, _ err: Pipe) throws -> RunResult {
    try p.run()
    nonisolated(unsafe) var errData = Data()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async { errData = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    p.waitUntilExit()
    return RunResult(code: p.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                     stderr: String(decoding: errData, as: UTF8.self), stdoutBytes: outData)
}

/// A throw-away copy of the shipped workspace (or a fixture) in a temporary folder.
final class TempWorkspace: Sendable {
    let root: String

    init(fixture: String? = nil) throws {
        root = NSTemporaryDirectory() + "loa-test-" + UUID().uuidString
        let fm = FileManager.default
        try fm.createDirectory(atPath: root, withIntermediateDirectories: true)
        let source = fixture.map { repositoryRoot + "/Tests/Fixtures/" + $0 } ?? repositoryRoot
        for part in ["content", "calendars", "reports"] where fm.fileExists(atPath: source + "/" + part) {
            try fm.copyItem(atPath: source + "/" + part, toPath: root + "/" + part)
        }
        for f in (try? fm.contentsOfDirectory(atPath: root + "/calendars")) ?? [] where f != "observances.ics" {
            try fm.removeItem(atPath: root + "/calendars/" + f)
        }
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    func path(_ rel: String) -> String { root + "/" + rel }
    func read(_ rel: String) throws -> String { try String(contentsOfFile: path(rel), encoding: .utf8) }
    func readData(_ rel: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path(rel))) }
    func write(_ rel: String, _ text: String) throws {
        try FileManager.default.createDirectory(atPath: (path(rel) as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path(rel), atomically: true, encoding: .utf8)
    }
    func write(_ rel: String, bytes: [UInt8]) throws {
        try FileManager.default.createDirectory(atPath: (path(rel) as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: path(rel)))
    }
    func exists(_ rel: String) -> Bool { FileManager.default.fileExists(atPath: path(rel)) }
    /// Replaces the first occurrence of `old` in a file.
    func edit(_ rel: String, replacing old: String, with new: String) throws {
        let text = try read(rel)
        guard let r = text.range(of: old) else { throw CocoaError(.fileReadUnknown) }
        try write(rel, text.replacingCharacters(in: r, with: new))
    }
    /// Runs loa inside this workspace with a fixed day.
    @discardableResult
    func run(_ args: [String], today: String = "2026-11-23", env: [String: String] = [:]) throws -> RunResult {
        try loa(["--workspace", root, "--today", today] + args, env: env)
    }
}

/// The line number (1-based) of the first line containing `needle`.
func lineNumber(of needle: String, in text: String) -> Int? {
    text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(needle) }.map { $0 + 1 }
}

/// A tool a test needs (Python's icalendar, Chromium, nginx) is missing: under `make test`, which installs every
/// tool and sets `LOA_TEST_TOOLS=required`, that is a failure; a bare `swift test` skips with the reason printed.
func toolMissing(_ reason: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    if ProcessInfo.processInfo.environment["LOA_TEST_TOOLS"] == "required" {
        Issue.record("\(reason) — make test-deps installs it", sourceLocation: sourceLocation)
    } else {
        print("SKIPPED: \(reason) (make test installs it)")
    }
}
