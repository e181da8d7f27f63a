import Foundation
import LoaCore
import LoaSecrets
import Testing

/// A real server on loopback for one test, run by Python: aiosmtpd receiving Loa's e-mails
/// (Tests/tools/smtp_sink.py) or the Zalo OA stand-in (Tests/tools/zalo_standin.py). It is started and its
/// "READY PORT" line read; it stops when the test lets it go.
final class LoopbackServer: @unchecked Sendable {
    let process = Process()
    let input = Pipe()
    let port: Int
    /// Where it writes what it received.
    let folder: String

    private init(script: String, folder: String, arguments: [String]) throws {
        self.folder = folder
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", repositoryRoot + "/Tests/tools/" + script] + arguments
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = Data()
        while !line.contains(10) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line += chunk
        }
        let text = String(decoding: line, as: UTF8.self)
        guard text.hasPrefix("READY "), let port = Int(text.dropFirst(6).prefix { $0.isNumber }) else {
            process.terminate()
            throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "\(script) did not start: \(text)"])
        }
        self.port = port
    }

    deinit { stop() }

    func stop() {
        guard process.isRunning else { return }
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }

    /// aiosmtpd on `host` (loopback unless given), writing each message it takes into `folder`; nil (the reason
    /// told through `toolMissing`) when aiosmtpd is not installed.
    static func smtp(_ folder: String, host: String = "127.0.0.1", _ arguments: [String] = []) throws -> LoopbackServer? {
        guard pythonHas("aiosmtpd", "Python's aiosmtpd") else { return nil }
        return try LoopbackServer(script: "smtp_sink.py", folder: folder,
                                  arguments: ["--out", folder, "--host", host] + arguments)
    }

    /// The Zalo OA stand-in, which checks requests against the contract SPEC §10 documents.
    static func zalo(_ folder: String, refreshToken: String, _ arguments: [String] = []) throws -> LoopbackServer? {
        guard pythonHas("json", "python3") else { return nil }
        return try LoopbackServer(script: "zalo_standin.py", folder: folder,
                                  arguments: ["--out", folder, "--app-id", "1234567890", "--secret", "zalo-app-secret",
                                              "--refresh-token", refreshToken, "--base-url", "https://loa.example.org"]
                                      + arguments)
    }

    /// The messages received so far, in the order they came.
    var messages: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".eml") }.sorted()
            .map { folder + "/" + $0 }
    }

    /// The envelope of each message received (sender, recipients, the client's address and port).
    var envelopes: [[String: Any]] {
        messages.compactMap { path in
            let meta = String(path.dropLast(4)) + ".json"
            return FileManager.default.contents(atPath: meta)
                .flatMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] }
        }
    }
}

/// Whether python3 can import a module; when not, a test that needs it says so (a failure under make test).
func pythonHas(_ module: String, _ name: String) -> Bool {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["python3", "-c", "import \(module)"]
    p.standardOutput = FileHandle.nullDevice
    p.standardError = FileHandle.nullDevice
    guard (try? p.run()) != nil else { toolMissing("python3 is not installed"); return false }
    p.waitUntilExit()
    if p.terminationStatus != 0 { toolMissing("\(name) is not installed") }
    return p.terminationStatus == 0
}

/// Runs one of Tests/tools' readers and decodes the JSON it prints.
func pythonJSON(_ script: String, _ arguments: [String]) throws -> Any {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["python3", repositoryRoot + "/Tests/tools/" + script] + arguments
    let out = Pipe()
    p.standardOutput = out
    try p.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return try JSONSerialization.jsonObject(with: data)
}

/// E-mails as Python's `email` package reads them (Tests/tools/read_mail.py).
func readMail(_ files: [String]) throws -> [[String: Any]] {
    guard !files.isEmpty else { return [] }
    return (try pythonJSON("read_mail.py", files) as? [[String: Any]]) ?? []
}

extension TempWorkspace {
    /// Writes `distribution.yml` readable by its owner only.
    func distribution(_ yaml: String) throws {
        try write("distribution.yml", yaml)
        chmod(path("distribution.yml"), 0o600)
    }

    /// Writes a secret file under `secrets/`, readable by its owner only.
    func secret(_ name: String, _ value: String) throws {
        try write("secrets/" + name, value + "\n")
        chmod(path("secrets/" + name), 0o600)
    }

    /// November 2026 planned and confirmed (on 20 October), with a picture in an item of the newsletter of 13
    /// November when asked.
    func novemberConfirmed(picture: Bool = false) throws {
        if picture {
            try FileManager.default.copyItem(atPath: path("content/media/zalo-oa-bia.png"),
                                             toPath: path("content/media/phoi-canh.png"))
            try edit("content/items/bao-tang/bao-tang-vi-sao-can-xay.md", replacing: "## Tài liệu quý",
                     with: "![Phối cảnh Bảo tàng](media/phoi-canh.png)\n\n## Tài liệu quý")
        }
        let r = try run(["plan", "2026-11", "--confirm"], today: "2026-10-20")
        #expect(r.code == 0, "\(r.stderr)")
    }

    /// `smtp:` settings for a server on this machine, and the base URL.
    func mailSettings(port: Int, host: String = "127.0.0.1", timeout: Int = 10, extra: String = "") throws {
        try distribution("""
            base_url: https://loa.example.org
            smtp:
              url: smtp://\(host):\(port)
              from: "Công đoàn Viên chức tỉnh <congdoan@example.org>"
              timeout: \(timeout)
            \(extra)
            """)
    }

    /// The state of each unit's delivery of an issue, by unit ('' for the issue's own).
    func states(_ channel: String, _ date: String) throws -> [String: String] {
        let rows = try sqlite(path("loa.sqlite"), """
            SELECT d.unit || '=' || d.state || coalesce('|' || d.problem, '') FROM issue_deliveries d
            JOIN publications p ON p.id = d.publication_id WHERE p.channel = '\(channel)' AND p.date = '\(date)'
            """)
        var out: [String: String] = [:]
        for line in rows.split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            out[String(parts[0])] = parts.count > 1 ? String(parts[1]) : ""
        }
        return out
    }

    /// The workspace's server key, as the web front would load it.
    func serverKey() throws -> ServerKey {
        try #require(ServerKey(bytes: [UInt8](try readData("loa.key"))))
    }
}

/// The units of the shipped workspace that exist on 13 November 2026 and have an e-mail address.
let unitsWithAddress = ["cdcs-bv-da-khoa", "cdcs-so-gddt", "cdcs-so-khcn", "cdcs-so-nv", "cdcs-so-tc",
                        "cdcs-so-yte", "cdcs-thpt-chuyen"]

/// This machine's first IPv4 address that is not loopback, if it has one.
func nonLoopbackAddress() -> String? {
    var list: UnsafeMutablePointer<ifaddrs>?
    guard getifaddrs(&list) == 0, let first = list else { return nil }
    defer { freeifaddrs(list) }
    var cursor: UnsafeMutablePointer<ifaddrs>? = first
    while let entry = cursor {
        defer { cursor = entry.pointee.ifa_next }
        guard let addr = entry.pointee.ifa_addr, addr.pointee.sa_family == sa_family_t(AF_INET) else { continue }
        var host = [CChar](repeating: 0, count: Int(NI_MAXHOST))
        guard getnameinfo(addr, socklen_t(MemoryLayout<sockaddr_in>.size), &host, socklen_t(host.count), nil, 0,
                          NI_NUMERICHOST) == 0 else { continue }
        let text = String(cString: host)
        if !text.hasPrefix("127.") { return text }
    }
    return nil
}
