import LoaCore

/// The paths of a workspace's files (SPEC §2).
public struct WorkspacePaths: Sendable {
    public let root: String
    public init(root: String) { self.root = root }
    public var plan: String { root + "/content/plan.yml" }
    public var channels: String { root + "/content/channels.yml" }
    public var units: String { root + "/content/units.csv" }
    public var clusters: String { root + "/content/clusters.csv" }
    /// The officers' own text of the report `name` (sections II–IV: `phase-museum-1.1`, `month-2026-12`).
    public func reportText(_ name: String) -> String { root + "/content/reports/\(name).md" }
    public var items: String { root + "/content/items" }
    public var media: String { root + "/content/media" }
    public var observances: String { root + "/calendars/observances.ics" }
    public var calendars: String { root + "/calendars" }
    public func calendar(_ m: Month) -> String { root + "/calendars/\(m.iso).ics" }
    public var inbox: String { root + "/reports/inbox" }
    public func imported(_ m: Month) -> String { root + "/reports/imported/\(m.iso)" }
    public var out: String { root + "/out" }
    public func plan(_ m: Month) -> String { out + "/plans/\(m.iso)" }
    public func issue(_ slot: Slot) -> String { out + "/issues/\(slot.channel)/\(slot.date.iso)" }
    public func form(_ unit: UnitCode, _ m: Month) -> String { out + "/forms/\(unit)-\(m.iso).md" }
    public func report(_ name: String) -> String { out + "/reports/\(name)" }
    public var defaultDatabase: String { root + "/loa.sqlite" }
    /// The web front's secret key: outside the database, readable by its owner only, git-ignored.
    public var serverKey: String { root + "/loa.key" }
    /// Where e-mail and Zalo settings and secrets live, beside the server key (git-ignored, mode 0600).
    public var distribution: String { root + "/distribution.yml" }
    /// The folder an issue's e-mails are written to when nothing leaves the machine.
    public func outbox(_ slot: Slot) -> String { out + "/outbox/\(slot.channel)/\(slot.date.iso)" }
    /// The request body of an issue's Zalo OA article, written when nothing leaves the machine.
    public func zaloArticle(_ slot: Slot) -> String { out + "/zalo/\(slot.channel)/\(slot.date.iso).json" }
    /// A channel's Atom feed.
    public func feed(_ channel: ChannelID) -> String { out + "/feeds/\(channel).xml" }

    /// Shows a path relative to the workspace root, as users see it in messages.
    public func relative(_ path: String) -> String {
        path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : path
    }
}
