import Foundation
import Synchronization
import Testing

/// The real `loa serve` on a free loopback port, its log drained as it comes; stopped (SIGTERM) when released.
final class ServeProcess {
    let process = Process()
    let base: String
    private let log = ServeLog()

    /// Starts the server on the workspace and waits (at most 30 s) for the address it prints.
    init(workspace: String, today: String) throws {
        let log = self.log
        process.executableURL = URL(fileURLWithPath: loaBinary)
        process.arguments = ["serve", "--listen", "127.0.0.1:0", "--workspace", workspace, "--today", today,
                             "--new-key"]
        process.environment = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
                               "LOA_HOME": repositoryRoot]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        err.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            log.append(data)
        }
        try process.run()
        var found: String?
        for _ in 0..<300 {
            let text = log.text
            if let r = text.range(of: #"http://127\.0\.0\.1:[0-9]+"#, options: .regularExpression) {
                found = String(text[r])
                break
            }
            if !process.isRunning { break }
            usleep(100_000)
        }
        guard let found else {
            process.terminate()
            throw ServeError.notStarted(log.text)
        }
        base = found
    }

    var port: UInt16 { UInt16(base.split(separator: ":").last ?? "") ?? 0 }
    var output: String { log.text }

    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }

    deinit {
        stop()
        (process.standardError as? Pipe)?.fileHandleForReading.readabilityHandler = nil
    }

    enum ServeError: Error { case notStarted(String) }
}

/// What the server wrote on stderr, appended from the pipe's reading thread.
final class ServeLog: Sendable {
    private let lines = Mutex("")
    func append(_ data: Data) { lines.withLock { $0 += String(decoding: data, as: UTF8.self) } }
    var text: String { lines.withLock { $0 } }
}

/// A user in a browser, without the browser: cookies kept, the CSRF token read off the last page, redirects
/// reported rather than followed, over plain HTTP/1.1 on a loopback socket.
final class WebSession {
    struct Reply {
        let status: Int
        let headers: [String: String]
        let text: String
        func header(_ name: String) -> String? { headers[name.lowercased()] }
    }

    let port: UInt16
    var cookies: [String: String] = [:]
    var lastPage = ""

    init(port: UInt16) { self.port = port }

    @discardableResult
    func get(_ path: String) throws -> Reply { try send("GET", path, body: nil) }

    /// Posts a form with the token of the last page and the one-time key of its form for `path`, as the page's
    /// own form would.
    @discardableResult
    func post(_ path: String, _ fields: [(String, String)]) throws -> Reply {
        var all = fields
        if let r = lastPage.range(of: #"name="csrf" value="[^"]+""#, options: .regularExpression) {
            all.append(("csrf", String(lastPage[r].dropFirst(19).dropLast())))
        }
        // the form that posts there, or the one whose button does (`formaction`)
        let start = lastPage.range(of: " action=\"\(path)\"")?.lowerBound
            ?? lastPage.range(of: "formaction=\"\(path)\"").flatMap {
                lastPage.range(of: "<form", options: .backwards, range: lastPage.startIndex..<$0.lowerBound)?.lowerBound
            }
        if let start, let end = lastPage.range(of: "</form>", range: start..<lastPage.endIndex),
           let r = lastPage[start..<end.lowerBound].range(of: #"name="key" value="[^"]+""#,
                                                          options: .regularExpression) {
            all.append(("key", String(lastPage[r].dropFirst(18).dropLast())))
        }
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        func encode(_ s: String) -> String { s.addingPercentEncoding(withAllowedCharacters: allowed) ?? s }
        return try send("POST", path, body: all.map { "\(encode($0.0))=\(encode($0.1))" }.joined(separator: "&"))
    }

    /// Signs in on `/login`.
    func signIn(_ name: String, _ password: String) throws {
        try get("/login")
        let r = try post("/login", [("name", name), ("password", password)])
        #expect(r.status == 303 && r.header("Location") == "/dashboard", "sign-in failed: \(r.status)")
    }

    func send(_ method: String, _ path: String, body: String?) throws -> Reply {
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        head += "Sec-Fetch-Site: same-origin\r\n"
        if !cookies.isEmpty {
            head += "Cookie: " + cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
                .joined(separator: "; ") + "\r\n"
        }
        if let body {
            head += "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: \(body.utf8.count)\r\n"
        }
        let bytes = try exchangeBytes(Array((head + "\r\n" + (body ?? "")).utf8))
        let reply = try parse(bytes)
        if reply.header("Content-Type")?.hasPrefix("text/html") == true { lastPage = reply.text }
        return reply
    }

    func parse(_ bytes: [UInt8]) throws -> Reply {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let split = text.range(of: "\r\n\r\n") else { throw CocoaError(.fileReadCorruptFile) }
        let lines = text[..<split.lowerBound].components(separatedBy: "\r\n")
        let status = Int(lines.first?.split(separator: " ").dropFirst().first ?? "") ?? 0
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if name == "set-cookie" {
                let pair = value.split(separator: ";")[0].split(separator: "=", maxSplits: 1).map(String.init)
                if pair.count == 2 { cookies[pair[0]] = value.contains("Max-Age=0") ? nil : pair[1] }
            }
            headers[name] = value
        }
        return Reply(status: status, headers: headers, text: String(text[split.upperBound...]))
    }

    /// Sends the request and reads until the server closes the connection.
    func exchangeBytes(_ request: [UInt8]) throws -> [UInt8] {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        defer { close(fd) }
        var timeout = timeval(tv_sec: 60, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
        var sent = 0
        while sent < request.count {
            let n = request[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { throw POSIXError(.EPIPE) }
            sent += n
        }
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n <= 0 { break }
            out += buffer[..<n]
        }
        return out
    }
}

/// Every file under the folders of a workspace, by relative path, with its bytes.
func workspaceFiles(_ root: String, _ folders: [String]) throws -> [String: Data] {
    var out: [String: Data] = [:]
    for folder in folders {
        guard let e = FileManager.default.enumerator(atPath: root + "/" + folder) else { continue }
        while let rel = e.nextObject() as? String {
            let path = root + "/" + folder + "/" + rel
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue {
                out[folder + "/" + rel] = try Data(contentsOf: URL(fileURLWithPath: path))
            }
        }
    }
    return out
}
