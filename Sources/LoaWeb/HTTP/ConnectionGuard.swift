import CMicroHTTPD
import Foundation
import Synchronization

/// What keeps a few slow or idle clients from locking everyone else out when the server faces clients directly
/// (SPEC §9.6): at most `connectionsPerIP` connections per address (an IPv6 address counts by its /64), checked
/// before a connection is accepted; and a request's headers must arrive whole within `headerDeadlineSeconds` of
/// the connection opening or of the previous answer on it, however slowly they trickle in (libmicrohttpd's own
/// timeout restarts with every byte). A connection past its deadline is shut down from a watchdog thread.
final class ConnectionGuard: Sendable {
    private struct Entry {
        /// A duplicate of the connection's socket, ours to shut down and close: the socket cannot be closed and
        /// its number reused under us while we hold it.
        let socket: Int32
        let address: String
        /// When the current request's header phase began.
        var since: ContinuousClock.Instant
        var headersDone = false
        var shutDown = false
    }

    private struct State {
        var connections: [UInt: Entry] = [:]
        var perAddress: [String: Int] = [:]
        var stopped = false
    }

    private let state = Mutex(State())
    let connectionsPerIP: Int
    let headerDeadline: Duration
    private let done = DispatchSemaphore(value: 0)

    init(connectionsPerIP: Int, headerDeadlineSeconds: Double) {
        self.connectionsPerIP = connectionsPerIP
        headerDeadline = .milliseconds(Int(headerDeadlineSeconds * 1000))
    }

    /// The key an address is counted under: IPv4 whole, IPv6 by its /64.
    static func key(_ address: String) -> String {
        var v6 = in6_addr()
        guard address.contains(":"), inet_pton(AF_INET6, address, &v6) == 1 else { return address }
        return withUnsafeBytes(of: v6) { Array($0.prefix(8)) }.map { String($0, radix: 16) }.joined(separator: ".")
            + "/64"
    }

    /// Whether a new connection from this address may be accepted.
    func accepts(_ address: String) -> Bool {
        guard connectionsPerIP > 0 else { return true }
        let key = ConnectionGuard.key(address)
        return state.withLock { ($0.perAddress[key] ?? 0) < connectionsPerIP }
    }

    func started(_ connection: OpaquePointer) {
        let id = UInt(bitPattern: Int(bitPattern: UnsafeRawPointer(connection)))
        let address = ConnectionGuard.key(loa_mhd_client_address(connection).map { numericHost($0) } ?? "")
        let fd = loa_mhd_connection_fd(connection)
        let socket = fd >= 0 ? dup(fd) : -1
        state.withLock { s in
            s.connections[id] = Entry(socket: socket, address: address, since: .now)
            s.perAddress[address, default: 0] += 1
        }
    }

    func closed(_ connection: OpaquePointer) {
        let id = UInt(bitPattern: Int(bitPattern: UnsafeRawPointer(connection)))
        state.withLock { s in
            guard let entry = s.connections.removeValue(forKey: id) else { return }
            if entry.socket >= 0 { close(entry.socket) }
            let left = (s.perAddress[entry.address] ?? 1) - 1
            s.perAddress[entry.address] = left > 0 ? left : nil
        }
    }

    /// The request's headers are in: its deadline is met.
    func headersArrived(_ connection: OpaquePointer) {
        let id = UInt(bitPattern: Int(bitPattern: UnsafeRawPointer(connection)))
        state.withLock { $0.connections[id]?.headersDone = true }
    }

    /// The answer went out: the next request on the connection has its own deadline from now.
    func requestEnded(_ connection: OpaquePointer) {
        let id = UInt(bitPattern: Int(bitPattern: UnsafeRawPointer(connection)))
        state.withLock { s in
            s.connections[id]?.headersDone = false
            s.connections[id]?.since = .now
        }
    }

    /// How many connections are open now.
    var count: Int { state.withLock { $0.connections.count } }

    /// Shuts down every connection whose headers are late, four times a second, until `stop`.
    func watch() {
        let thread = Thread { [self] in
            while true {
                let now = ContinuousClock.now
                let stopped = state.withLock { s -> Bool in
                    for (id, entry) in s.connections
                    where !entry.headersDone && !entry.shutDown && now - entry.since > headerDeadline {
                        if entry.socket >= 0 { shutdown(entry.socket, Int32(SHUT_RDWR)) }
                        s.connections[id]?.shutDown = true
                    }
                    return s.stopped
                }
                if stopped { break }
                usleep(250_000)
            }
            done.signal()
        }
        thread.name = "loa-connection-guard"
        thread.start()
    }

    /// Stops the watchdog and waits for it to end.
    func stop() {
        let watching = state.withLock { s -> Bool in
            defer { s.stopped = true }
            return !s.stopped
        }
        if watching { done.wait() }
    }

    /// Marks the guard stopped without a watchdog ever started (no header deadline).
    func stopNow() { state.withLock { $0.stopped = true } }
}
