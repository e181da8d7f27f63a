import Foundation
import Synchronization

/// Slows down and then locks repeated failed logins, per account name and per client IP, in
/// memory: the first failure costs nothing, after the n-th a login must wait `2^(n-2)` seconds
/// (1, 2, 4 … capped at `maxDelaySeconds`), and `lockAfter`
/// failures lock it for `lockDuration`. Failures are forgotten after `lockDuration` of quiet.
public final class LoginThrottle: Sendable {
    /// The thresholds; the IP's are higher because an office may share one address.
    public struct Policy: Sendable, Hashable {
        /// The longest wait between two attempts, in seconds.
        public var maxDelaySeconds: Int = 60
        /// Failures for one name that lock it.
        public var lockAfter: Int = 10
        /// Failures from one address (any names) that lock it.
        public var lockAfterPerIP: Int = 50
        /// How long a lock lasts, and how long failures are remembered after the last one.
        public var lockDuration: TimeInterval = 15 * 60
        /// How many names and addresses are remembered at most (the oldest are forgotten first).
        public var capacity: Int = 10_000

        public init() {}
    }

    /// What a login attempt may do now.
    public enum Decision: Sendable, Hashable {
        case allowed
        /// Try again after this many seconds.
        case wait(seconds: Int)
        /// Locked until then.
        case locked(until: Date)
    }

    private struct Record {
        var failures = 0
        var lastFailure = Date.distantPast
    }

    private let policy: Policy
    private let now: @Sendable () -> Date
    private let records = Mutex<[String: Record]>([:])

    /// `now` is the clock (tests move it).
    public init(policy: Policy = Policy(), now: @escaping @Sendable () -> Date = { Date() }) {
        self.policy = policy
        self.now = now
    }

    /// Whether a login for `name` from `ip` may be tried now (the stricter of the two).
    public func check(name: String, ip: String) -> Decision {
        let time = now()
        return records.withLock { table in
            let byName = decision(table[key(name: name)], lockAfter: policy.lockAfter, at: time)
            let byIP = decision(table[key(ip: ip)], lockAfter: policy.lockAfterPerIP, at: time)
            return stricter(byName, byIP)
        }
    }

    /// Counts a wrong password for `name` from `ip`.
    public func recordFailure(name: String, ip: String) {
        let time = now()
        records.withLock { table in
            for key in [key(name: name), key(ip: ip)] {
                var record = table[key] ?? Record()
                if time.timeIntervalSince(record.lastFailure) >= policy.lockDuration { record = Record() }
                record.failures += 1
                record.lastFailure = time
                table[key] = record
            }
            if table.count > policy.capacity {
                let oldest = table.sorted { $0.value.lastFailure < $1.value.lastFailure }
                for (key, _) in oldest.prefix(table.count - policy.capacity) { table[key] = nil }
            }
        }
    }

    /// A successful login clears the name's failures (not the address's).
    public func recordSuccess(name: String, ip: String) {
        _ = records.withLock { $0.removeValue(forKey: key(name: name)) }
    }

    private func decision(_ record: Record?, lockAfter: Int, at time: Date) -> Decision {
        guard let record, record.failures > 0 else { return .allowed }
        let quiet = time.timeIntervalSince(record.lastFailure)
        if quiet >= policy.lockDuration { return .allowed }
        if record.failures >= lockAfter { return .locked(until: record.lastFailure + policy.lockDuration) }
        let delay = record.failures < 2 ? 0 : min(policy.maxDelaySeconds, 1 << min(record.failures - 2, 30))
        let remaining = Double(delay) - quiet
        return remaining > 0 ? .wait(seconds: Int(remaining.rounded(.up))) : .allowed
    }

    private func stricter(_ a: Decision, _ b: Decision) -> Decision {
        switch (a, b) {
        case (.locked(let x), .locked(let y)): return .locked(until: max(x, y))
        case (.locked, _): return a
        case (_, .locked): return b
        case (.wait(let x), .wait(let y)): return .wait(seconds: max(x, y))
        case (.wait, _): return a
        default: return b
        }
    }

    private func key(name: String) -> String { "name:" + name.precomposedStringWithCanonicalMapping.lowercased() }
    private func key(ip: String) -> String { "ip:" + ip }
}
