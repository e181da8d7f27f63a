import Foundation
import LoaWeb
import Synchronization

/// Log lines a test server wrote.
final class LogLines: Sendable {
    private let lines = Mutex<[String]>([])
    func append(_ line: String) { lines.withLock { $0.append(line) } }
    var all: [String] { lines.withLock { $0 } }

    /// Waits (bounded) for a line the server writes after the answer went out.
    func waitForLine(containing text: String) -> String? {
        for _ in 0..<500 {
            if let line = all.first(where: { $0.contains(text) }) { return line }
            usleep(10_000)
        }
        return nil
    }
}

/// A server on a free loopback port with its log captured.
func startServer(
    _ configure: (inout Server.Configuration) -> Void = { _ in },
    handler: @escaping @Sendable (HTTPRequest) -> HTTPResponse
) throws -> (Server, LogLines) {
    let log = LogLines()
    var configuration = Server.Configuration(address: ListenAddress(host: "127.0.0.1", port: 0))
    configuration.threads = 2
    configuration.log = { log.append($0) }
    configure(&configuration)
    return (try Server(configuration, handler: handler), log)
}

/// A response as read off the wire by the test client.
struct WireResponse {
    var status: Int
    var headers: [String: String]
    var body: [UInt8]
    /// True when the server closed the connection after answering.
    var closed: Bool

    var text: String { String(decoding: body, as: UTF8.self) }
    func header(_ name: String) -> String? { headers[name.lowercased()] }
}

/// A connected loopback TCP socket for raw HTTP in tests.
final class RawSocket {
    private(set) var descriptor: Int32

    /// Connects to the port on 127.0.0.1, from `source` (any 127.x.y.z: the whole loopback range is this
    /// machine, so one test can be many clients).
    init(port: UInt16, from source: String? = nil, timeoutSeconds: Int = 20) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        if let source {
            var local = sockaddr_in()
            local.sin_family = sa_family_t(AF_INET)
            local.sin_addr.s_addr = inet_addr(source)
            _ = withUnsafePointer(to: &local) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
        }
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            // a fully initialised object runs deinit even when init throws: close once, and only here
            let code = errno
            close(descriptor)
            descriptor = -1
            throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
        }
    }

    deinit { if descriptor >= 0 { close(descriptor) } }

    /// Sends everything; false when the peer stopped reading (reset or closed).
    @discardableResult
    func send(_ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes {
                Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            if sent <= 0 { return false }
            offset += sent
        }
        return true
    }

    func send(_ text: String) { send(Array(text.utf8)) }

    /// Reads until the server closes the connection (or the timeout passes).
    func readToEnd() -> (bytes: [UInt8], closed: Bool) {
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count == 0 { return (data, true) }
            if count < 0 { return (data, errno == ECONNRESET) }
            data += buffer[..<count]
        }
    }

    /// Reads one response (head and a Content-Length body), leaving the connection open.
    func readResponse() -> WireResponse? {
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            if let response = parseResponse(data, closed: false), response.body.count >= contentLength(response) {
                return response
            }
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count <= 0 { return parseResponse(data, closed: true) }
            data += buffer[..<count]
        }
    }

    private func contentLength(_ response: WireResponse) -> Int {
        Int(response.header("Content-Length") ?? "0") ?? 0
    }
}

/// Splits a raw response into status, headers and body (test-side reading only).
func parseResponse(_ bytes: [UInt8], closed: Bool) -> WireResponse? {
    let separator: [UInt8] = [13, 10, 13, 10]
    guard let end = (0..<max(0, bytes.count - 3)).first(where: { Array(bytes[$0..<$0 + 4]) == separator }) else {
        return nil
    }
    let head = String(decoding: bytes[..<end], as: UTF8.self).components(separatedBy: "\r\n")
    guard let statusLine = head.first, statusLine.hasPrefix("HTTP/1."),
        let status = Int(statusLine.split(separator: " ")[1])
    else { return nil }
    var headers: [String: String] = [:]
    for line in head.dropFirst() {
        guard let colon = line.firstIndex(of: ":") else { continue }
        let name = line[..<colon].lowercased()
        let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        // cookies are kept one a line: a cookie's own attributes hold commas
        let separator = name == "set-cookie" ? "\n" : ", "
        headers[name] = headers[name].map { $0 + separator + value } ?? value
    }
    return WireResponse(status: status, headers: headers, body: Array(bytes[(end + 4)...]), closed: closed)
}

/// Sends one request with `Connection: close` and reads the whole answer.
func exchange(
    port: UInt16, method: String = "GET", target: String, headers: [(String, String)] = [], body: [UInt8] = []
) throws -> WireResponse? {
    let socket = try RawSocket(port: port)
    var head = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
    for (name, value) in headers { head += "\(name): \(value)\r\n" }
    if !body.isEmpty { head += "Content-Length: \(body.count)\r\n" }
    head += "\r\n"
    socket.send(Array(head.utf8) + body)
    let (bytes, closed) = socket.readToEnd()
    return parseResponse(bytes, closed: closed)
}
