import Foundation

extension Server {
    /// How a `Server` listens and what it accepts. The defaults are SPEC §9.1's limits.
    public struct Configuration: Sendable {
        public var address: ListenAddress = .loopbackDefault
        /// Threads answering requests; each runs handlers one at a time.
        public var threads: Int = 4
        /// Largest body for ordinary paths (413 above it).
        public var maxBodyBytes: Int = 1 << 20
        /// Largest body for the paths in `uploadPaths`.
        public var maxUploadBytes: Int = 8 << 20
        /// Decoded paths that accept `maxUploadBytes`, e.g. `/unit/upload`; a segment `*` stands for any one
        /// segment (`/items/*/edit`).
        public var uploadPaths: Set<String> = []
        /// Largest request head (request line and headers) answered normally (431 above it).
        public var maxHeaderBytes: Int = 16 << 10
        /// Seconds a connection may stay idle before it is closed.
        public var idleTimeoutSeconds: Int = 30
        /// Seconds a request's headers may take to arrive whole, from the connection's opening or the previous
        /// answer on it, however steadily bytes come (slowloris). Not applied behind a proxy, whose own
        /// `client_header_timeout` does it, and which keeps idle connections to us open on purpose.
        public var headerDeadlineSeconds: Double = 10
        /// Connections one address (an IPv6 /64) may hold at once; 0 for no limit. Not applied behind a proxy,
        /// where every connection comes from the proxy (limit there with nginx's `limit_conn`).
        public var connectionsPerIP: Int = 16
        /// Connections the server holds at once (the open-files limit is raised to allow them).
        public var maxConnections: Int = 1024
        /// Trust `X-Forwarded-For` and `X-Forwarded-Proto` from a loopback peer.
        public var behindProxy: Bool = false
        /// Seconds `stop()` waits for requests in flight before closing everything.
        public var stopGraceSeconds: Double = 10
        /// Where the one line per request goes; standard error by default.
        public var log: @Sendable (String) -> Void = { line in
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }

        public init(address: ListenAddress = .loopbackDefault, behindProxy: Bool = false) {
            self.address = address
            self.behindProxy = behindProxy
        }

        /// The body limit for a decoded path.
        func bodyLimit(forPath path: String) -> Int {
            if uploadPaths.contains(path) { return maxUploadBytes }
            let parts = path.split(separator: "/", omittingEmptySubsequences: false)
            let matches = uploadPaths.contains { pattern in
                let p = pattern.split(separator: "/", omittingEmptySubsequences: false)
                return p.contains("*") && p.count == parts.count
                    && zip(p, parts).allSatisfy { $0 == "*" ? !$1.isEmpty : $0 == $1 }
            }
            return matches ? maxUploadBytes : maxBodyBytes
        }
    }
}
