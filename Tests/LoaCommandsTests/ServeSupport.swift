import Foundation
import Testing

/// The real `loa serve` on a free loopback port, over a workspace; stopped with SIGTERM when released.
final class RunningServer {
    let process = Process()
    let base: String
    private let errors = Pipe()
    private(set) var exitStatus: Int32?

    init(workspace: String, today: String, extra: [String] = []) throws {
        process.executableURL = URL(fileURLWithPath: loaBinary)
        process.arguments = ["serve", "--listen", "127.0.0.1:0", "--workspace", workspace, "--today", today,
                             "--new-key"] + extra
        process.environment = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
                               "LOA_HOME": repositoryRoot]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        // the server says where it listens on its first line: "… http://127.0.0.1:PORT …"
        var seen = ""
        let handle = errors.fileHandleForReading
        while seen.range(of: #"http://127\.0\.0\.1:[0-9]+"#, options: .regularExpression) == nil {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            seen += String(decoding: chunk, as: UTF8.self)
        }
        guard let r = seen.range(of: #"http://127\.0\.0\.1:[0-9]+"#, options: .regularExpression) else {
            process.terminate()
            throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "loa serve said: \(seen)"])
        }
        base = String(seen[r])
    }

    /// Stops the server as an operator would (SIGTERM) and returns its exit status and the rest of its log.
    func stop() -> (status: Int32, log: String) {
        if process.isRunning { process.terminate() }
        let rest = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        exitStatus = process.terminationStatus
        return (process.terminationStatus, String(decoding: rest, as: UTF8.self))
    }

    deinit { if process.isRunning { _ = stop() } }
}

/// Runs a Python script to its end: exit code and standard output (stderr goes to the test log).
func python(_ script: String, _ arguments: [String]) throws -> (code: Int32, output: String) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["python3", script] + arguments
    let out = Pipe()
    p.standardOutput = out
    try p.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (p.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// A workspace with November 2026 planned, confirmed and published, as an officer does it.
func publishedNovember() throws -> TempWorkspace {
    let ws = try TempWorkspace()
    #expect(try ws.run(["plan", "2026-11", "--confirm"], today: "2026-10-20").code == 0)
    let json = try ws.run(["plan", "2026-11", "--format", "json"], today: "2026-10-20")
    let plan = try JSONSerialization.jsonObject(with: json.stdoutBytes) as? [String: Any]
    let entries = plan?["entries"] as? [[String: Any]] ?? []
    let slots = Set(entries.compactMap { e -> String? in
        guard let c = e["channel"] as? String, let d = e["date"] as? String else { return nil }
        return c + " " + d
    }).sorted()
    for slot in slots {
        let parts = slot.split(separator: " ").map(String.init)
        #expect(try ws.run(["publish", parts[0], parts[1]], today: parts[1]).code == 0)
    }
    return ws
}
