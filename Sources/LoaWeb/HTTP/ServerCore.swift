import CMicroHTTPD
import Foundation
import Synchronization

/// What the C callbacks reach through their `cls` pointer: settings, the handler, and the counters
/// shared by the daemon's threads.
final class ServerCore: Sendable {
    let configuration: Server.Configuration
    let handler: @Sendable (HTTPRequest) -> HTTPResponse
    /// Per-address connection limits and the header deadline, when the server faces clients directly.
    let connections: ConnectionGuard?
    private let state = Mutex(SharedState())

    private struct SharedState {
        var inFlight = 0
        var stopping = false
    }

    init(configuration: Server.Configuration, handler: @escaping @Sendable (HTTPRequest) -> HTTPResponse) {
        self.configuration = configuration
        self.handler = handler
        connections = configuration.behindProxy ? nil : ConnectionGuard(
            connectionsPerIP: max(0, configuration.connectionsPerIP),
            headerDeadlineSeconds: configuration.headerDeadlineSeconds)
    }

    func requestStarted() { state.withLock { $0.inFlight += 1 } }
    func requestEnded() { state.withLock { $0.inFlight -= 1 } }
    var inFlight: Int { state.withLock { $0.inFlight } }
    var isStopping: Bool { state.withLock { $0.stopping } }
    func markStopping() { state.withLock { $0.stopping = true } }
}

/// One request's progress across the several calls libmicrohttpd makes while its body arrives.
/// Only the connection's own thread touches it, one call at a time.
final class RequestState {
    let started = ContinuousClock.now
    /// The request target exactly as sent (path and query), from the URI log callback.
    let rawTarget: [UInt8]
    /// The raw target up to `?`.
    let rawPath: [UInt8]
    var headersChecked = false
    var bodyLimit = 0
    var body: [UInt8] = []
    var tooLarge = false
    var discarded = 0
    /// Status and body size of the answer we queued, for the log line.
    var answered: (status: Int, bytes: Int)?
    /// True when the connection was closed because the body ran far past its limit.
    var cutOff = false
    /// The path as the log shows it (decoded, tokens redacted, control characters escaped).
    let logPath: String
    var method = ""

    /// The percent-decoded path, or nil when it is not a valid origin-form path in UTF-8.
    let decodedPath: String?

    init(rawTarget: [UInt8]) {
        self.rawTarget = rawTarget
        let question = rawTarget.firstIndex(of: UInt8(ascii: "?")) ?? rawTarget.endIndex
        rawPath = Array(rawTarget[..<question])
        if rawPath.first == UInt8(ascii: "/"), rawPath.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) {
            decodedPath = String(decoding: rawPath, as: UTF8.self).removingPercentEncoding
        } else {
            decodedPath = nil
        }
        logPath = RequestLog.loggablePath(decodedPath ?? String(decoding: rawPath, as: UTF8.self))
    }
}
