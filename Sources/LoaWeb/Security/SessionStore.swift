import Foundation
import Synchronization

/// Sessions kept in memory (a restart signs everyone out): each has a random id for the cookie, its
/// own CSRF token, and expires after `idleTimeout` without use or `absoluteTimeout` after creation.
public final class SessionStore<Payload: Sendable>: Sendable {
    /// One signed-in browser.
    public struct Session: Sendable {
        /// 32 random bytes, URL-safe base64: the cookie's value.
        public let id: String
        /// 32 random bytes, URL-safe base64: the value every form must send back as `csrf`.
        public let csrfToken: String
        /// Who this is (a unit, a user).
        public let payload: Payload
        public let created: Date
        public internal(set) var lastSeen: Date
    }

    private let sessions = Mutex<[String: Session]>([:])
    /// When expired sessions were last swept out (a sweep reads every session, so it runs at most once a minute).
    private let lastSweep = Mutex<Date>(.distantPast)
    private let idleTimeout: TimeInterval
    private let absoluteTimeout: TimeInterval
    private let now: @Sendable () -> Date

    /// `now` is the clock (tests move it).
    public init(
        idleTimeout: TimeInterval = 2 * 3600, absoluteTimeout: TimeInterval = 12 * 3600,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.idleTimeout = idleTimeout
        self.absoluteTimeout = absoluteTimeout
        self.now = now
    }

    /// Starts a session for `payload` (and forgets the expired ones, at most once a minute).
    public func create(_ payload: Payload) -> Session {
        let time = now()
        let session = Session(
            id: Secrets.base64URL(Secrets.randomBytes(32)), csrfToken: Secrets.base64URL(Secrets.randomBytes(32)),
            payload: payload, created: time, lastSeen: time)
        let sweep = lastSweep.withLock { last in
            guard time.timeIntervalSince(last) >= 60 || time < last else { return false }
            last = time
            return true
        }
        sessions.withLock { table in
            if sweep { table = table.filter { !isExpired($0.value, at: time) } }
            table[session.id] = session
        }
        return session
    }

    /// The live session with this id, its last-seen time moved to now; nil (and forgotten) when
    /// it has expired.
    public func lookup(_ id: String) -> Session? {
        let time = now()
        return sessions.withLock { table -> Session? in
            guard var session = table[id] else { return nil }
            if isExpired(session, at: time) {
                table[id] = nil
                return nil
            }
            session.lastSeen = time
            table[id] = session
            return session
        }
    }

    /// Signs one session out.
    public func destroy(_ id: String) {
        _ = sessions.withLock { $0.removeValue(forKey: id) }
    }

    /// Signs out every session whose payload matches (a unit whose link was rotated, a removed
    /// user); returns how many.
    @discardableResult
    public func destroyAll(where matches: (Payload) -> Bool) -> Int {
        sessions.withLock { table in
            let before = table.count
            table = table.filter { !matches($0.value.payload) }
            return before - table.count
        }
    }

    /// How many sessions are held, expired ones included until they are next noticed.
    public var count: Int { sessions.withLock { $0.count } }

    private func isExpired(_ session: Session, at time: Date) -> Bool {
        time.timeIntervalSince(session.lastSeen) >= idleTimeout
            || time.timeIntervalSince(session.created) >= absoluteTimeout
    }
}
