/// A level reports aggregate at: single units, their clusters, or a number of steps up the clusters' `parent`
/// chain (`clusters.csv`): 1 the clusters' parents (provinces or sectors), 2 their parents, and so on.
public enum ReportLevel: Sendable, Hashable, CustomStringConvertible {
    case unit
    case cluster
    /// Steps above the cluster, at least 1.
    case above(Int)

    /// `unit`, `cluster`, or a number of steps above the cluster (`1`, `2` …), as `--level` takes it.
    public init?(_ text: String) {
        switch text {
        case "unit": self = .unit
        case "cluster": self = .cluster
        default:
            guard let n = Int(text), n >= 1, n <= 99 else { return nil }
            self = .above(n)
        }
    }

    public var description: String {
        switch self {
        case .unit: "unit"
        case .cluster: "cluster"
        case .above(let n): String(n)
        }
    }

    /// Steps above the unit: 0 for a unit, 1 for its cluster.
    var height: Int {
        switch self {
        case .unit: 0
        case .cluster: 1
        case .above(let n): n + 1
        }
    }
}

/// The hierarchy units report in: unit → cluster → the clusters' parents → … → the whole. A cluster without a
/// parent stands for itself at every level above it, and units without a cluster form one group of their own, so
/// the groups of any level share out every unit exactly once (the sum over a level is the whole).
public struct UnitHierarchy: Sendable {
    /// Every cluster's chain: itself, then its parents (a cycle, an error `loa check` reports, is cut).
    let chains: [String: [String]]
    /// Each cluster's place in `clusters.csv`, the order groups are listed in.
    let order: [String: Int]
    public let names: [String: String]
    /// How many steps the longest chain climbs above a cluster.
    public let height: Int
    /// The most groups a report's default level shows.
    public static let defaultMaxGroups = 40

    public init(clusters: [Cluster]) {
        var byCode: [String: Cluster] = [:]
        var order: [String: Int] = [:]
        for (i, c) in clusters.enumerated() where byCode[c.code.value] == nil {
            byCode[c.code.value] = c
            order[c.code.value] = i
        }
        var chains: [String: [String]] = [:]
        for code in byCode.keys {
            var chain = [code]
            var next = byCode[code]?.parent?.value
            while let p = next, byCode[p] != nil, !chain.contains(p) {
                chain.append(p)
                next = byCode[p]?.parent?.value
            }
            chains[code] = chain
        }
        self.chains = chains
        self.order = order
        names = byCode.mapValues(\.name)
        height = chains.values.map { $0.count - 1 }.max() ?? 0
    }

    /// Unit, cluster, then each step up that some cluster has.
    public var levels: [ReportLevel] { [.unit, .cluster] + (0..<height).map { .above($0 + 1) } }

    /// A cluster and the groups above it, nearest first; a cluster `clusters.csv` does not list is its own chain.
    public func chain(of cluster: String) -> [String] { chains[cluster] ?? [cluster] }

    /// The group a unit falls in at a level: its code at unit level, else a cluster code, nil for units without a
    /// cluster. Above the top of a unit's chain, the top stands.
    public func group(of unit: UnionUnit, at level: ReportLevel) -> String? {
        if level == .unit { return unit.code.value.rawValue }
        guard let cluster = unit.cluster else { return nil }
        let chain = chain(of: cluster)
        return chain[min(level.height - 1, chain.count - 1)]
    }

    /// Whether a unit belongs to a group of any level: it is the unit, its cluster or one above it.
    public func contains(_ unit: UnionUnit, in group: String) -> Bool {
        if unit.code.value.rawValue == group { return true }
        guard let cluster = unit.cluster else { return false }
        return chain(of: cluster).contains(group)
    }

    /// The deepest level (of `among`, by default every level) whose groups number at most `maxGroups`; the top
    /// level when none does.
    public func defaultLevel(for units: some Sequence<UnionUnit>, among: [ReportLevel]? = nil,
                             maxGroups: Int = UnitHierarchy.defaultMaxGroups) -> ReportLevel {
        let levels = among ?? self.levels
        for level in levels {
            var seen = Set<String?>()
            for u in units {
                seen.insert(group(of: u, at: level))
                if seen.count > maxGroups { break }
            }
            if seen.count <= maxGroups { return level }
        }
        return levels.last ?? .cluster
    }

    /// Orders group keys: clusters as `clusters.csv` lists them, others by code, units without a cluster last.
    public func precedes(_ a: String?, _ b: String?) -> Bool {
        guard let a else { return false }
        guard let b else { return true }
        switch (order[a], order[b]) {
        case let (x?, y?): return x < y
        case (.some, nil): return true
        case (nil, .some): return false
        case (nil, nil): return a < b
        }
    }
}

/// The figures of SPEC §6.2 that add up over units, for one group of a level: its units, reporting, activities,
/// reach, moods and issues.
public struct GroupFigures: Sendable {
    /// The unit's code, the cluster's (or higher group's) code, or nil for units without a cluster.
    public let group: String?
    /// Units existing in the range, and their members.
    public var units = 0, members = 0
    /// Expected, received and on-time unit-months, and those missing (due, not sent); no list.
    public var reporting = ReportingFigures()
    public var missing = 0
    public var activities = 0, participants = 0
    public var moods: [Mood: Int] = [:]
    public var issues = 0
    public var reach: Double { members == 0 ? 0 : Double(participants) / Double(members) }
    public init(group: String?) { self.group = group }
}

/// A report's figures at one level: every group, in the hierarchy's order.
public struct LevelFigures: Sendable {
    public let level: ReportLevel
    /// The levels the workspace has, for a reader to choose another.
    public let levels: [ReportLevel]
    public var groups: [GroupFigures]
}

/// What a unit adds to a report, as small numbers: reporting (unit-months expected, received, on time, missing,
/// late), activities, attendances, moods (in `Mood.allCases` order) and issues.
public struct UnitLine: Sendable, Equatable {
    public var expected: Int32 = 0, received: Int32 = 0, onTime: Int32 = 0, missing: Int32 = 0, late: Int32 = 0
    public var activities: Int32 = 0, participants: Int32 = 0
    public var moods: SIMD4<Int32> = .zero
    public var issues: Int32 = 0
    public init() {}
}

extension ReportFigures {
    /// The figures of every group at `level`, from the unit lines; `units` are the report's units, in the order of
    /// `unitLines`. Each unit falls in one group, so the groups add up to the whole.
    public func levelFigures(at level: ReportLevel, units: [UnionUnit], hierarchy: UnitHierarchy) -> LevelFigures {
        var index: [String?: Int] = [:]
        var groups: [GroupFigures] = []
        for (i, u) in units.enumerated() where i < unitLines.count {
            let key = hierarchy.group(of: u, at: level)
            let g = index[key] ?? {
                groups.append(GroupFigures(group: key))
                index[key] = groups.count - 1
                return groups.count - 1
            }()
            let line = unitLines[i]
            if u.exists(from: from, to: to) {
                groups[g].units += 1
                groups[g].members = groups[g].members.saturatingAdding(u.members)
            }
            groups[g].reporting.expected += Int(line.expected)
            groups[g].reporting.received += Int(line.received)
            groups[g].reporting.onTime += Int(line.onTime)
            groups[g].missing += Int(line.missing)
            groups[g].activities = groups[g].activities.saturatingAdding(Int(line.activities))
            groups[g].participants = groups[g].participants.saturatingAdding(Int(line.participants))
            for (j, mood) in Mood.allCases.enumerated() where line.moods[j] > 0 {
                groups[g].moods[mood, default: 0] += Int(line.moods[j])
            }
            groups[g].issues += Int(line.issues)
        }
        if level != .unit { groups.sort { hierarchy.precedes($0.group, $1.group) } }
        return LevelFigures(level: level, levels: hierarchy.levels, groups: groups)
    }
}
