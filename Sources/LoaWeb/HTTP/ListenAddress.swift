import Foundation

/// Where the server listens: a numeric IPv4 or IPv6 address and a port (0 picks a free one).
public struct ListenAddress: Sendable, Hashable, CustomStringConvertible {
    public var host: String
    public var port: UInt16

    /// The loopback default of `loa serve`: `127.0.0.1:8080`.
    public static let loopbackDefault = ListenAddress(host: "127.0.0.1", port: 8080)

    public init(host: String, port: UInt16) {
        self.host = host
        self.port = port
    }

    /// Parses `HOST:PORT` as `--listen` takes it: `127.0.0.1:8080`, `[::1]:8080`, `localhost:8080`.
    public init?(parsing text: String) {
        var host: Substring
        let portText: Substring
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { return nil }
            host = text[text.index(after: text.startIndex)..<close]
            let rest = text[text.index(after: close)...]
            guard rest.hasPrefix(":") else { return nil }
            portText = rest.dropFirst()
        } else {
            guard let colon = text.lastIndex(of: ":") else { return nil }
            host = text[..<colon]
            portText = text[text.index(after: colon)...]
        }
        if host == "localhost" { host = "127.0.0.1" }
        guard let port = UInt16(portText), ListenAddress.family(of: String(host)) != nil else { return nil }
        self.init(host: String(host), port: port)
    }

    public var description: String {
        ListenAddress.family(of: host) == AF_INET6 ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    /// `AF_INET` or `AF_INET6` for a numeric address, nil for anything else.
    static func family(of host: String) -> Int32? {
        var v4 = in_addr()
        if inet_pton(AF_INET, host, &v4) == 1 { return AF_INET }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, host, &v6) == 1 { return AF_INET6 }
        return nil
    }

    /// Calls `body` with this address as a `sockaddr`; nil when the host is not numeric.
    func withSocketAddress<T>(_ body: (UnsafePointer<sockaddr>, Bool) -> T) -> T? {
        switch ListenAddress.family(of: host) {
        case AF_INET:
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = port.bigEndian
            _ = inet_pton(AF_INET, host, &address.sin_addr)
            return withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, false) }
            }
        case AF_INET6:
            var address = sockaddr_in6()
            address.sin6_family = sa_family_t(AF_INET6)
            address.sin6_port = port.bigEndian
            _ = inet_pton(AF_INET6, host, &address.sin6_addr)
            return withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, true) }
            }
        default:
            return nil
        }
    }
}

/// Text form of a peer address; IPv4-mapped IPv6 addresses come out as plain IPv4.
func numericHost(_ address: UnsafePointer<sockaddr>) -> String {
    var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN) + 1)
    switch Int32(address.pointee.sa_family) {
    case AF_INET:
        return address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { v4 in
            var addr = v4.pointee.sin_addr
            guard inet_ntop(AF_INET, &addr, &buffer, socklen_t(buffer.count)) != nil else { return "" }
            return cText(buffer)
        }
    case AF_INET6:
        return address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { v6 in
            var addr = v6.pointee.sin6_addr
            guard inet_ntop(AF_INET6, &addr, &buffer, socklen_t(buffer.count)) != nil else { return "" }
            let text = cText(buffer)
            let mapped = "::ffff:"
            if text.hasPrefix(mapped), ListenAddress.family(of: String(text.dropFirst(mapped.count))) == AF_INET {
                return String(text.dropFirst(mapped.count))
            }
            return text
        }
    default:
        return ""
    }
}

/// True for 127.0.0.0/8 and ::1.
func isLoopback(_ host: String) -> Bool {
    if host == "::1" { return true }
    var v4 = in_addr()
    guard inet_pton(AF_INET, host, &v4) == 1 else { return false }
    return UInt32(bigEndian: v4.s_addr) >> 24 == 127
}

private func cText(_ buffer: [CChar]) -> String {
    String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}
