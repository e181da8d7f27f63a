import Foundation
import Synchronization

/// Sessions kept in memory (a restart signs everyone out): each has a random id for the cookie, its
/// own CSRF token, and expires after its idle timeout without use or its absolute timeout after creation.
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
        /// How long it lives without use, and at most.
        public let idleTimeout: TimeInterval
        public let absoluteTimeout: TimeInterval
        /// Sessions of one group (one unit's) are limited in number: the oldest go first.
        let group: String?
    }

    private struct State {
        var sessions: [String: Session] = [:]
        /// The ids of each group's sessions, oldest first.
        var groups: [String: [String]] = [:]

        mutating func remove(_ id: String) {
            guard let session = sessions.removeValue(forKey: id), let group = session.group else { return }
            groups[group]?.removeAll { $0 == id }
            if groups[group]?.isEmpty == true { groups[group] = nil }
        }
    }

    private let state = Mutex(State())
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

    /// Starts a session for `payload` (and forgets the expired ones, at most once a minute). A session of a
    /// `group` ends the oldest sessions of that group beyond `perGroup`, so that opening one link again and again
    /// holds a bounded amount of memory. Timeouts other than the store's may be given for this session.
    public func create(_ payload: Payload, idleTimeout idle: TimeInterval? = nil,
                       absoluteTimeout absolute: TimeInterval? = nil, group: String? = nil, perGroup: Int = 20)
        -> Session {
        let time = now()
        let session = Session(
            id: Secrets.base64URL(Secrets.randomBytes(32)), csrfToken: Secrets.base64URL(Secrets.randomBytes(32)),
            payload: payload, created: time, lastSeen: time, idleTimeout: idle ?? idleTimeout,
            absoluteTimeout: absolute ?? absoluteTimeout, group: group)
        let sweep = lastSweep.withLock { last in
            guard time.timeIntervalSince(last) >= 60 || time < last else { return false }
            last = time
            return true
        }
        state.withLock { s in
            if sweep {
                for (id, old) in s.sessions where isExpired(old, at: time) { s.remove(id) }
            }
            if let group {
                let ids = s.groups[group] ?? []
                for id in ids.prefix(max(0, ids.count - perGroup + 1)) { s.remove(id) }
                s.groups[group, default: []].append(session.id)
            }
            s.sessions[session.id] = session
        }
        return session
    }

    /// The live session with this id, its last-seen time moved to now; nil (and forgotten) when
    /// it has expired.
    public func lookup(_ id: String) -> Session? {
        let time = now()
        return state.withLock { s -> Session? in
            guard var session = s.sessions[id] else { return nil }
            if isExpired(session, at: time) {
                s.remove(id)
                return nil
            }
            session.lastSeen = time
            s.sessions[id] = session
            return session
        }
    }

    /// Signs one session out.
    public func destroy(_ id: String) {
        state.withLock { $0.remove(id) }
    }

    /// Signs out every session whose payload matches (a unit whose link was rotated, a removed
    /// user); returns how many.
    @discardableResult
    public func destroyAll(where matches: (Payload) -> Bool) -> Int {
        state.withLock { s in
            let ids = s.sessions.filter { matches($0.value.payload) }.map(\.key)
            for id in ids { s.remove(id) }
            return ids.count
        }
    }

    /// How many sessions are held, expired ones included until they are next noticed.
    public var count: Int { state.withLock { $0.sessions.count } }

    private func isExpired(_ session: Session, at time: Date) -> Bool {
        time.timeIntervalSince(session.lastSeen) >= session.idleTimeout
            || time.timeIntervalSince(session.created) >= session.absoluteTimeout
    }
}
