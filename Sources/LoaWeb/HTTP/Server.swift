import CMicroHTTPD
import Foundation
import Synchronization

/// Errors starting a server.
public enum ServerError: Error, Equatable, CustomStringConvertible {
    /// The listen address is not a numeric IPv4/IPv6 address.
    case invalidAddress(String)
    /// libmicrohttpd could not start (port in use, no permission, …).
    case cannotListen(String, errno: Int32)

    public var description: String {
        switch self {
        case .invalidAddress(let address):
            return "cannot listen on \(address): not a numeric IPv4 or IPv6 address"
        case .cannotListen(let address, let code):
            return "cannot listen on \(address): \(String(cString: strerror(code)))"
        }
    }
}

/// An HTTP/1.1 server on GNU libmicrohttpd: a thread pool that runs a synchronous handler per
/// request, with SPEC §9.1's limits and security headers.
///
/// ```swift
/// let server = try Server(configuration) { request in router.response(to: request, context: …) }
/// let signal = server.runUntilSignalled()   // blocks; stops gracefully on SIGINT/SIGTERM
/// ```
public final class Server: Sendable {
    /// The port the server is bound to (the one the system picked when asked for port 0).
    public let port: UInt16
    private let core: ServerCore
    /// The daemon while it runs; the C callbacks hold a +1 reference to `core` until it stops.
    private let daemon: Mutex<OpaquePointer?>

    /// Starts listening at once and answers every request with `handler`, called on the
    /// server's threads (it must be thread-safe).
    public init(
        _ configuration: Configuration, handler: @escaping @Sendable (HTTPRequest) -> HTTPResponse
    ) throws {
        let core = ServerCore(configuration: configuration, handler: handler)
        Server.raiseOpenFilesLimit(to: configuration.maxConnections * 2 + 64)
        let context = Unmanaged.passRetained(core).toOpaque()
        let started = configuration.address.withSocketAddress { address, isIPv6 in
            Server.startDaemon(configuration, address: address, isIPv6: isIPv6, context: context)
        }
        guard let started else {
            Unmanaged<ServerCore>.fromOpaque(context).release()
            throw ServerError.invalidAddress(configuration.address.host)
        }
        guard let daemon = started.daemon else {
            Unmanaged<ServerCore>.fromOpaque(context).release()
            throw ServerError.cannotListen(configuration.address.description, errno: started.errno)
        }
        self.core = core
        self.port = loa_mhd_bound_port(daemon)
        self.daemon = Mutex(daemon)
        if configuration.headerDeadlineSeconds > 0 { core.connections?.watch() } else { core.connections?.stopNow() }
    }

    /// Raises the soft limit of open files towards `wanted` (within the hard limit): each connection holds one
    /// socket, and the connection guard a second.
    private static func raiseOpenFilesLimit(to wanted: Int) {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur < rlim_t(wanted) else { return }
        limit.rlim_cur = min(limit.rlim_max, rlim_t(wanted))
        setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
    }

    deinit {
        stop()
    }

    /// The address a client reaches this server at, e.g. `127.0.0.1:49152`.
    public var address: ListenAddress { ListenAddress(host: core.configuration.address.host, port: port) }

    /// Stops gracefully: stops accepting connections, lets the requests in flight finish (up to
    /// `stopGraceSeconds`), then closes every connection. Safe to call more than once.
    public func stop() {
        guard let daemon = daemon.withLock({ current -> OpaquePointer? in
            defer { current = nil }
            return current
        }) else { return }
        core.markStopping()
        let listener = MHD_quiesce_daemon(daemon)
        if listener >= 0 { close(listener) }
        let deadline = ContinuousClock.now + .milliseconds(Int(core.configuration.stopGraceSeconds * 1000))
        while core.inFlight > 0 && ContinuousClock.now < deadline {
            usleep(2_000)
        }
        MHD_stop_daemon(daemon)
        core.connections?.stop()
        Unmanaged.passUnretained(core).release()
    }

    /// True once `stop()` has begun.
    public var isStopping: Bool { core.isStopping }

    private static func startDaemon(
        _ configuration: Configuration, address: UnsafePointer<sockaddr>, isIPv6: Bool,
        context: UnsafeMutableRawPointer
    ) -> (daemon: OpaquePointer?, errno: Int32) {
        var flags = MHD_USE_INTERNAL_POLLING_THREAD.rawValue | MHD_USE_ITC.rawValue | MHD_USE_AUTO.rawValue
        if isIPv6 { flags |= MHD_USE_IPv6.rawValue }
        let uriLog: @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>?, OpaquePointer?)
            -> UnsafeMutableRawPointer? = loaURILog
        let completed: MHD_RequestCompletedCallback = loaRequestCompleted
        let notified: MHD_NotifyConnectionCallback = loaConnectionNotified
        // The connection's memory pool holds the request head, the header records and the read
        // buffer; it is kept well above maxHeaderBytes so that heads up to the limit reach our own
        // check (which answers 431 with the security headers) rather than libmicrohttpd's.
        let pool = max(64 << 10, 4 * configuration.maxHeaderBytes)
        let options: [CVarArg] = [
            option(.SOCK_ADDR), OpaquePointer(address),
            option(.THREAD_POOL_SIZE), CUnsignedInt(max(1, configuration.threads)),
            option(.CONNECTION_MEMORY_LIMIT), Int(pool),
            option(.CONNECTION_TIMEOUT), CUnsignedInt(max(1, configuration.idleTimeoutSeconds)),
            option(.CONNECTION_LIMIT), CUnsignedInt(max(1, configuration.maxConnections)),
            // Not MHD_OPTION_STRICT_FOR_CLIENT: in 0.9.75 it makes a space in the request target
            // close the connection without an answer; left tolerant, such a target reaches our own
            // check and gets a 400 (and we require Host on HTTP/1.1 ourselves).
            option(.URI_LOG_CALLBACK), unsafeBitCast(uriLog, to: OpaquePointer.self), OpaquePointer(context),
            option(.NOTIFY_COMPLETED), unsafeBitCast(completed, to: OpaquePointer.self), OpaquePointer(context),
            option(.NOTIFY_CONNECTION), unsafeBitCast(notified, to: OpaquePointer.self), OpaquePointer(context),
            option(.END),
        ]
        errno = 0
        let daemon = withVaList(options) { arguments in
            MHD_start_daemon_va(flags, 0, loaAcceptPolicy, context, loaAccessHandler, context, arguments)
        }
        return (daemon, errno)
    }

    private static func option(_ option: MHD_OPTION) -> CInt { CInt(bitPattern: option.rawValue) }
}
