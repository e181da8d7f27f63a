import LoaCore
import LoaStore

/// Users and units' links (SPEC §9.2): adding, changing and removing a user, a new password, a unit's new link.
/// One door for `loa user`, `loa links --rotate` and the administration pages: each change is checked here and
/// recorded with its audit line in one transaction.
public enum Administration {
    /// What a user is allowed, besides a password.
    public struct Profile: Sendable, Hashable {
        public var role: Role
        public var sensitive: Bool
        public var admin: Bool
        /// A leader given the approval of items (`--approve`).
        public var approve: Bool
        public init(role: Role, sensitive: Bool = false, admin: Bool = false, approve: Bool = false) {
            self.role = role; self.sensitive = sensitive; self.admin = admin; self.approve = approve
        }
    }

    /// Every user, by name.
    public static func users(session s: Session) throws(Failure) -> [UserRecord] {
        try s.read(orEmpty: []) { try $0.users() }
    }

    /// The user called `name`, or nil.
    public static func user(named name: String, session s: Session) throws(Failure) -> UserRecord? {
        try s.read(orEmpty: nil) { try $0.user(named: name) }
    }

    /// Why a password may not be used (`PasswordPolicy`), as a failure; nothing when it may.
    public static func check(password: String) throws(Failure) {
        if let problem = PasswordPolicy.problem(password) { throw Failure(problem, exitCode: ExitCode.dataError) }
    }

    /// Adds a user with a password already checked and hashed; a name that exists is refused.
    public static func addUser(_ name: String, _ profile: Profile, passwordHash: String,
                               session s: Session) throws(Failure) {
        let store = try s.openStore()
        try s.guarded {
            try store.write { w in
                if try w.reader.user(named: name) != nil { throw Failure(.userExists(name), exitCode: ExitCode.usage) }
                try w.save(user: UserRecord(name: name, role: profile.role, sensitive: profile.sensitive,
                                            admin: profile.admin, approve: profile.approve,
                                            passwordHash: passwordHash),
                           today: s.today, actor: s.actor)
            }
        }
    }

    /// Gives an existing user a new password (already checked and hashed): their failed sign-ins are forgotten and
    /// their open sessions end at their next request.
    public static func setPassword(of name: String, passwordHash: String, session s: Session) throws(Failure) {
        let store = try s.openStore()
        try s.guarded {
            try store.write { w in
                guard let user = try w.reader.user(named: name) else {
                    throw Failure(.noSuchUser(name), exitCode: ExitCode.dataError)
                }
                try w.save(user: UserRecord(name: user.name, role: user.role, sensitive: user.sensitive,
                                            admin: user.admin, approve: user.approve, passwordHash: passwordHash),
                           today: s.today, actor: s.actor)
            }
        }
    }

    /// Removes a user; their sessions end at their next request.
    public static func removeUser(_ name: String, session s: Session) throws(Failure) {
        let store = try s.openStore()
        let removed = try s.guarded { try store.write { try $0.removeUser(named: name, today: s.today,
                                                                          actor: s.actor) } }
        guard removed else { throw Failure(.noSuchUser(name), exitCode: ExitCode.dataError) }
    }

    /// Gives each unit a new link version, which revokes its old link at once; returns every unit's current
    /// version afterwards (a unit never rotated is at 1).
    @discardableResult
    public static func rotateLinks(of units: [UnitCode], session s: Session) throws(Failure) -> [UnitCode: Int] {
        let store = try s.openStore()
        return try s.guarded {
            try store.write { w -> [UnitCode: Int] in
                for u in units { _ = try w.rotateLink(unit: u, today: s.today, actor: s.actor) }
                return try w.reader.linkVersions()
            }
        }
    }

    /// Every unit's current link version (a unit never rotated is at 1).
    public static func linkVersions(session s: Session) throws(Failure) -> [UnitCode: Int] {
        try s.read(orEmpty: [:]) { try $0.linkVersions() }
    }
}
