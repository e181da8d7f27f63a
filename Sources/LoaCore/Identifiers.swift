/// What an identifier names; gives each id type its own name in messages.
public protocol IdentifierTag: Sendable {
    static var kind: EntityKind { get }
}

/// A typed identifier: an item id can never be passed where a channel id is expected.
///
/// The text is the id as written in the workspace (`museum`, `ban-tin`, `cdcs-so-gddt`).
public struct Identifier<Tag: IdentifierTag>: RawRepresentable, Hashable, Comparable, Sendable,
    CustomStringConvertible, ExpressibleByStringLiteral {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

public enum AudienceTag: IdentifierTag { public static let kind = EntityKind.audience }
public enum ProjectTag: IdentifierTag { public static let kind = EntityKind.project }
public enum PhaseTag: IdentifierTag { public static let kind = EntityKind.phase }
public enum ThemeTag: IdentifierTag { public static let kind = EntityKind.theme }
public enum TargetTag: IdentifierTag { public static let kind = EntityKind.target }
public enum ChannelTag: IdentifierTag { public static let kind = EntityKind.channel }
public enum UnitTag: IdentifierTag { public static let kind = EntityKind.unit }
public enum ItemTag: IdentifierTag { public static let kind = EntityKind.item }
public enum ObservanceTag: IdentifierTag { public static let kind = EntityKind.observance }
public enum AuthorityTag: IdentifierTag { public static let kind = EntityKind.authority }

public typealias AudienceID = Identifier<AudienceTag>
public typealias ProjectID = Identifier<ProjectTag>
public typealias PhaseID = Identifier<PhaseTag>
/// A theme's letter inside its phase (`a`, `b`); a theme is named in full by a `ThemeRef`.
public typealias ThemeID = Identifier<ThemeTag>
public typealias TargetID = Identifier<TargetTag>
public typealias ChannelID = Identifier<ChannelTag>
public typealias UnitCode = Identifier<UnitTag>
public typealias ItemID = Identifier<ItemTag>
public typealias ObservanceID = Identifier<ObservanceTag>
/// A competent authority of `plan.yml` (`dang-uy-khoi`).
public typealias AuthorityID = Identifier<AuthorityTag>

/// `PROJECT/PHASE/THEME`, e.g. `museum/1.1/b`.
public struct ThemeRef: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let project: ProjectID
    public let phase: PhaseID
    public let theme: ThemeID
    public init(project: ProjectID, phase: PhaseID, theme: ThemeID) {
        self.project = project; self.phase = phase; self.theme = theme
    }
    /// Parses the three non-empty parts; whether they exist is the validator's business.
    public init?(parsing text: some StringProtocol) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty }) else { return nil }
        self.init(project: ProjectID(String(parts[0])), phase: PhaseID(String(parts[1])),
                  theme: ThemeID(String(parts[2])))
    }
    public var description: String { "\(project)/\(phase)/\(theme)" }
    /// Ordered as written (`museum/1.1/b`), the order every list and JSON object of themes follows.
    public static func < (a: ThemeRef, b: ThemeRef) -> Bool { a.description < b.description }
}

extension Sequence {
    /// A lookup table by `key`; the first element wins where keys repeat (`loa check` reports duplicates).
    public func indexed<Key: Hashable>(by key: (Element) -> Key) -> [Key: Element] {
        var out: [Key: Element] = [:]
        out.reserveCapacity(underestimatedCount)
        for e in self where out[key(e)] == nil { out[key(e)] = e }
        return out
    }
}

extension Dictionary where Value == Int {
    /// Adds to a count without ever trapping: counts saturate at `Int.max`.
    public mutating func add(_ amount: Int, to key: Key) {
        self[key] = (self[key] ?? 0).saturatingAdding(amount)
    }
}

extension Int {
    /// `self + other`, pinned to `Int.max`/`Int.min` instead of trapping on overflow.
    public func saturatingAdding(_ other: Int) -> Int {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? (other > 0 ? Int.max : Int.min) : sum
    }
}
