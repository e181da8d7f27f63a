import LoaCore
import LoaStore

/// Who a web session belongs to: nobody yet (the login form), a unit through its link, or a user.
public enum Principal: Sendable, Hashable {
    case anonymous
    /// A unit, with the link version it came in with: a rotated link ends the session.
    case unit(UnitCode, linkVersion: Int)
    /// A user, with the permissions they hold and a stamp of the credentials they signed in with: a changed
    /// password, role or permission, or a removed user, ends the session at its next request.
    case user(name: String, role: Role, permissions: Set<Access.Permission>, stamp: String)

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

    /// The signed-in user's name.
    public var userName: String? {
        if case .user(let name, _, _, _) = self { return name }
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

    /// Whether a user holds the permission (units and nobody hold none).
    public func holds(_ permission: Access.Permission) -> Bool {
        if case .user(_, _, let permissions, _) = self { return permissions.contains(permission) }
        return false
    }

    /// Only users given the permission see sensitive topics and details.
    public var seesSensitive: Bool { holds(.sensitive) }

    /// Whether this principal passes `access`'s `who` and permissions.
    func passes(_ access: Access) -> Bool {
        let who: Bool = switch access.who {
        case .anyone: true
        case .unit: unit != nil
        case .user: isUser
        case .officer: isOfficer
        }
        return who && access.permissions.allSatisfy(holds)
    }
}

extension UserRecord {
    /// What a session remembers of the user's credentials.
    var stamp: String { "\(role.rawValue)|\(sensitive)|\(admin)|\(approve)|\(passwordHash)" }

    /// The session's principal for this user.
    var principal: Principal {
        var permissions: Set<Access.Permission> = []
        if sensitive { permissions.insert(.sensitive) }
        if admin { permissions.insert(.admin) }
        if approves { permissions.insert(.approve) }
        return .user(name: name, role: role, permissions: permissions, stamp: stamp)
    }
}
