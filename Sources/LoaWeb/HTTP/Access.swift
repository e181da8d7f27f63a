/// Who may use a route (SPEC §9.6): anyone, a unit through its link, a signed-in user (officer or leader), an
/// officer; and the permissions a user may hold on top (`sensitive`, `admin`). The router checks it before any
/// handler runs, so a page never checks its own access.
public struct Access: Hashable, Sendable, CustomStringConvertible {
    /// Who is let in, from the widest to the narrowest.
    public enum Who: String, Sendable, CaseIterable {
        case anyone, unit, user, officer
    }

    /// A permission a user holds as a flag (`loa user add --sensitive`, `--admin`); `approve` (deciding on items)
    /// every officer holds, and a leader given `--approve`.
    public enum Permission: String, Sendable, CaseIterable, Comparable {
        case sensitive, admin, approve
        public static func < (a: Permission, b: Permission) -> Bool { a.rawValue < b.rawValue }
    }

    public let who: Who
    /// Permissions required besides `who` (only users hold them).
    public let permissions: Set<Permission>

    public init(_ who: Who, _ permissions: Set<Permission> = []) {
        self.who = who
        self.permissions = permissions
    }

    public static let anyone = Access(.anyone)
    public static let unit = Access(.unit)
    public static let user = Access(.user)
    public static let officer = Access(.officer)

    /// The same access with a permission required too, e.g. `.officer.with(.admin)`.
    public func with(_ permission: Permission) -> Access { Access(who, permissions.union([permission])) }

    /// `officer`, `user+sensitive`, `officer+admin`: the form the checked-in route table uses.
    public var description: String {
        ([who.rawValue] + permissions.sorted().map(\.rawValue)).joined(separator: "+")
    }

    /// The access a description names, or nil.
    public init?(parsing text: String) {
        let parts = text.split(separator: "+").map(String.init)
        guard let first = parts.first, let who = Who(rawValue: first) else { return nil }
        var permissions: Set<Permission> = []
        for part in parts.dropFirst() {
            guard let p = Permission(rawValue: part) else { return nil }
            permissions.insert(p)
        }
        self.init(who, permissions)
    }
}
