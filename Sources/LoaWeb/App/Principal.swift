import LoaCore
import LoaStore

/// Who a web session belongs to: nobody yet (the login form), a unit through its link, or a user.
public enum Principal: Sendable, Hashable {
    case anonymous
    /// A unit, with the link version it came in with: a rotated link ends the session.
    case unit(UnitCode, linkVersion: Int)
    /// A user, with a stamp of the credentials they signed in with: a changed password, role or permission,
    /// or a removed user, ends the session at its next request.
    case user(name: String, role: Role, sensitive: Bool, stamp: String)

    /// Who is recorded in the audit history for changes made in this session.
    public var actor: Actor? {
        switch self {
        case .anonymous: return nil
        case .unit(let code, _): return .unit(code)
        case .user(let name, _, _, _): return .user(name)
        }
    }

    public var unit: UnitCode? {
        if case .unit(let code, _) = self { return code }
        return nil
    }

    /// Officers change things; leaders read.
    public var isOfficer: Bool {
        if case .user(_, .officer, _, _) = self { return true }
        return false
    }

    public var isUser: Bool {
        if case .user = self { return true }
        return false
    }

    /// Only users given the permission see sensitive topics and details.
    public var seesSensitive: Bool {
        if case .user(_, _, true, _) = self { return true }
        return false
    }
}

extension UserRecord {
    /// What a session remembers of the user's credentials.
    var stamp: String { "\(role.rawValue)|\(sensitive)|\(passwordHash)" }
}
