import Foundation
import LoaStore
import Synchronization

/// Limits failed logins (SPEC §9.6), per name and per address.
///
/// Per name, the failures are kept in the database with the user (`LoginFailures`): only names that exist are
/// counted, so a flood of made-up names has nothing to evict. After `freeFailures`, each attempt must wait
/// `2^(n - freeFailures)` seconds (capped at `maxDelaySeconds`) and `lockAfter` failures lock the name for
/// `lockSeconds`; failures are forgotten after `lockSeconds` of quiet. Per address (an IPv4 address, or an IPv6
/// /64, since one device holds a whole /64), failures are counted in memory in windows of `addressWindowSeconds`:
/// beyond `addressFailures` in one window, logins from there wait for the next. The table holds at most
/// `capacity` addresses: expired windows go first, then the oldest.
public final class LoginThrottle: Sendable {
    public struct Policy: Sendable, Hashable {
        /// Failures of one name that cost nothing (a mistyped password or two).
        public var freeFailures: Int = 3
        /// The longest wait between two attempts for one name, in seconds.
        public var maxDelaySeconds: Int = 60
        /// Failures for one name that lock it.
        public var lockAfter: Int = 10
        /// How long a lock lasts, and how long failures are remembered after the last one.
        public var lockSeconds: Double = 15 * 60
        /// Failures from one address (any names) in one window.
        public var addressFailures: Int = 30
        public var addressWindowSeconds: Double = 15 * 60
        /// How many addresses are remembered at most.
        public var capacity: Int = 100_000

        public init() {}
    }

    private struct Window {
        var start: Double
        var failures: Int
    }

    public let policy: Policy
    private let now: @Sendable () -> Date
    private let addresses = Mutex<[String: Window]>([:])

    /// `now` is the clock (tests move it).
    public init(policy: Policy = Policy(), now: @escaping @Sendable () -> Date = { Date() }) {
        self.policy = policy
        self.now = now
    }

    /// Seconds since 1970 now, the unit the database keeps failures in.
    public var time: Double { now().timeIntervalSince1970 }

    /// Whether a login for a name with these failures may be tried now.
    public func nameAllows(_ failures: LoginFailures?) -> Bool {
        guard let failures, failures.count > 0, let last = failures.last else { return true }
        let quiet = time - last
        if quiet >= policy.lockSeconds { return true }
        if failures.count >= policy.lockAfter { return false }
        if failures.count < policy.freeFailures { return true }
        let delay = min(policy.maxDelaySeconds, 1 << min(failures.count - policy.freeFailures, 30))
        return quiet >= Double(delay)
    }

    /// Whether a login from this address may be tried now.
    public func addressAllows(_ ip: String) -> Bool {
        let key = LoginThrottle.addressKey(ip), t = time
        return addresses.withLock { table in
            guard let w = table[key], t - w.start < policy.addressWindowSeconds else { return true }
            return w.failures < policy.addressFailures
        }
    }

    /// Counts a failed login from this address.
    public func recordAddressFailure(_ ip: String) {
        let key = LoginThrottle.addressKey(ip), t = time
        addresses.withLock { table in
            if var w = table[key], t - w.start < policy.addressWindowSeconds {
                w.failures += 1
                table[key] = w
                return
            }
            if table[key] == nil && table.count >= policy.capacity {
                table = table.filter { t - $0.value.start < policy.addressWindowSeconds }
                if table.count >= policy.capacity {
                    let oldest = table.sorted { $0.value.start < $1.value.start }.prefix(policy.capacity / 10 + 1)
                    for (k, _) in oldest { table[k] = nil }
                }
            }
            table[key] = Window(start: t, failures: 1)
        }
    }

    /// How many addresses are remembered now.
    public var addressCount: Int { addresses.withLock { $0.count } }

    /// The address as it is counted: IPv4 whole, IPv6 by its /64 prefix.
    public static func addressKey(_ ip: String) -> String {
        var v6 = in6_addr()
        guard ip.contains(":"), inet_pton(AF_INET6, ip, &v6) == 1 else { return ip }
        let bytes = withUnsafeBytes(of: v6) { Array($0.prefix(8)) }
        return stride(from: 0, to: 8, by: 2).map { String(format: "%02x%02x", bytes[$0], bytes[$0 + 1]) }
            .joined(separator: ":") + "::/64"
    }
}
