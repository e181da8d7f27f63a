/// What early warnings are computed from (SPEC §5.4): recorded moods and raised topics, as values.
public struct WarningFacts: Sendable {
    /// One unit's mood in one month's current report.
    public struct MoodReport: Sendable, Hashable {
        public let unit: UnitCode
        public let period: Month
        public let mood: Mood?
        public init(unit: UnitCode, period: Month,
            mood: Mood?) { self.unit = unit; self.period = period; self.mood = mood }
    }

    /// A topic a unit raised, in a report or as an urgent issue, dated by when it was reported.
    public struct RaisedTopic: Sendable, Hashable {
        public let unit: UnitCode
        public let topic: String
        public let reportedOn: Day
        public let sensitive: Bool
        public init(unit: UnitCode, topic: String, reportedOn: Day, sensitive: Bool) {
            self.unit = unit; self.topic = topic; self.reportedOn = reportedOn; self.sensitive = sensitive
        }
    }

    public var moods: [MoodReport]
    public var topics: [RaisedTopic]
    public init(moods: [MoodReport] = [], topics: [RaisedTopic] = []) { self.moods = moods; self.topics = topics }
}

/// A sign that needs an officer's attention before it becomes a problem (SPEC §5.4). Computed from recorded
/// facts each time, never stored: a corrected report changes the warnings at once.
public enum EarlyWarning: Sendable, Hashable {
    /// A unit whose members were worried (`lo-ngai`) in its last two reported months.
    case unitConcern(unit: UnitCode, months: [Month])
    /// A cluster whose share of reporting units with `lo-ngai` rose month after month over three months.
    case clusterConcern(cluster: String, months: [Month], shares: [Double], units: [UnitCode])
    /// At least three units raising the same topic within the window; `topic` is the wording raised first.
    case sharedTopic(topic: String, units: [UnitCode], since: Day, sensitive: Bool)

    public var kind: String {
        switch self {
        case .unitConcern, .clusterConcern: return "rising-concern"
        case .sharedTopic: return "shared-topic"
        }
    }

    /// The units the warning is about, sorted by code.
    public var units: [UnitCode] {
        switch self {
        case .unitConcern(let unit, _): return [unit]
        case .clusterConcern(_, _, _, let units), .sharedTopic(_, let units, _, _): return units
        }
    }
}

/// How early warnings are decided (SPEC §5.4; docs/rules.md has the worked example).
public enum EarlyWarnings {
    /// Topics count when reported within this many days up to today.
    public static let topicWindowDays = 30
    /// A shared topic needs at least this many units.
    public static let sharedTopicUnits = 3
    /// Months a rising-concern trend spans.
    public static let trendMonths = 3
    /// A unit's or cluster's latest reported month must be this recent (months before today's) to warn.
    public static let recentMonths = 2

    /// Every warning on `today`, in a fixed order: units' concerns by unit, clusters' by cluster, then shared
    /// topics by their first report. `cluster` names each unit's cluster; `counts` limits moods to the months
    /// that count (the tracked ones).
    public static func compute(_ facts: WarningFacts, today: Day, cluster: @escaping (UnitCode) -> String?,
                               counts: @escaping (Month) -> Bool = { _ in true }) -> [EarlyWarning] {
        var tally = WarningTally(today: today, cluster: cluster, counts: counts)
        for m in facts.moods { tally.add(m) }
        return tally.warnings(topics: facts.topics)
    }

    static func sharedTopics(_ raised: [WarningFacts.RaisedTopic], today: Day) -> [EarlyWarning] {
        let from = today.adding(days: -(topicWindowDays - 1))
        let recent = raised.filter { $0.reportedOn >= from && $0.reportedOn <= today }
            .sorted { ($0.reportedOn, $0.unit, $0.topic) < ($1.reportedOn, $1.unit, $1.topic) }
        // topics with the same words are one node; nodes sharing a pair of words are candidates to compare
        var nodeOf: [[String]: Int] = [:]
        var words: [[String]] = []
        var members: [[Int]] = []
        for (i, r) in recent.enumerated() {
            let w = TopicWords.of(r.topic)
            guard w.count >= 2 else { continue }
            if let n = nodeOf[w] { members[n].append(i); continue }
            nodeOf[w] = words.count
            words.append(w)
            members.append([i])
        }
        var groups = DisjointSets(count: words.count)
        var byPair: [WordPair: [Int]] = [:]
        for (n, w) in words.enumerated() {
            for a in 0..<w.count { for b in (a + 1)..<w.count { byPair[WordPair(w[a], w[b]), default: []].append(n) } }
        }
        var compared = Set<NodePair>()
        for nodes in byPair.values where nodes.count > 1 {
            for (k, a) in nodes.enumerated() {
                for b in nodes[(k + 1)...] where groups.find(a) != groups.find(b) {
                    guard compared.insert(NodePair(a, b)).inserted else { continue }
                    if TopicWords.same(words[a], words[b]) { groups.union(a, b) }
                }
            }
        }
        var byRoot: [Int: [Int]] = [:]
        for n in words.indices { byRoot[groups.find(n), default: []].append(contentsOf: members[n]) }
        return byRoot.values.compactMap { indexes -> (Int, EarlyWarning)? in
            let units = Set(indexes.map { recent[$0].unit })
            guard units.count >= sharedTopicUnits, let first = indexes.min() else { return nil }
            return (first, .sharedTopic(topic: recent[first].topic, units: units.sorted(),
                                        since: recent[first].reportedOn,
                                        sensitive: indexes.contains { recent[$0].sensitive }))
        }.sorted { $0.0 < $1.0 }.map(\.1)
    }

    private struct WordPair: Hashable {
        let a: String, b: String
        init(_ x: String, _ y: String) { (a, b) = x < y ? (x, y) : (y, x) }
    }

    private struct NodePair: Hashable {
        let a: Int, b: Int
        init(_ x: Int, _ y: Int) { (a, b) = (min(x, y), max(x, y)) }
    }
}

/// Moods as they stream from the store, kept as little as the warnings need: each unit's last two reported
/// months, and each cluster's counts by month (SPEC §5.4).
public struct WarningTally {
    private struct ClusterMonth { var reporting = 0; var worried: [UnitCode] = [] }
    private let today: Day
    private let cluster: (UnitCode) -> String?
    private let counts: (Month) -> Bool
    private var latest: [UnitCode: (last: WarningFacts.MoodReport, before: WarningFacts.MoodReport?)] = [:]
    private var clusters: [String: [Month: ClusterMonth]] = [:]

    public init(today: Day, cluster: @escaping (UnitCode) -> String?, counts: @escaping (Month) -> Bool) {
        self.today = today; self.cluster = cluster; self.counts = counts
    }

    /// One current form's mood; forms after today's month or in months that do not count are left out.
    public mutating func add(_ m: WarningFacts.MoodReport) {
        guard m.period <= today.monthOfYear, counts(m.period) else { return }
        if let seen = latest[m.unit] {
            if m.period > seen.last.period { latest[m.unit] = (m, seen.last) }
            else if m.period < seen.last.period, seen.before.map({ m.period > $0.period }) ?? true {
                latest[m.unit] = (seen.last, m)
            }
        } else {
            latest[m.unit] = (m, nil)
        }
        guard let c = cluster(m.unit) else { return }
        clusters[c, default: [:]][m.period, default: ClusterMonth()].reporting += 1
        if m.mood == .loNgai { clusters[c, default: [:]][m.period, default: ClusterMonth()].worried.append(m.unit) }
    }

    /// The warnings of the moods added and of `topics` (those of months that do not count are left out).
    public func warnings(topics: [WarningFacts.RaisedTopic]) -> [EarlyWarning] {
        unitConcerns() + clusterConcerns()
            + EarlyWarnings.sharedTopics(topics.filter { counts($0.reportedOn.monthOfYear) }, today: today)
    }

    private func unitConcerns() -> [EarlyWarning] {
        let oldest = today.monthOfYear.adding(months: -EarlyWarnings.recentMonths)
        return latest.keys.sorted().compactMap { unit in
            guard let pair = latest[unit], let before = pair.before, pair.last.period >= oldest,
                  pair.last.mood == .loNgai, before.mood == .loNgai else { return nil }
            return .unitConcern(unit: unit, months: [before.period, pair.last.period])
        }
    }

    private func clusterConcerns() -> [EarlyWarning] {
        let oldest = today.monthOfYear.adding(months: -EarlyWarnings.recentMonths)
        return clusters.keys.sorted().compactMap { c in
            guard let byMonth = clusters[c], let end = byMonth.keys.max(), end >= oldest else { return nil }
            let months = (0..<EarlyWarnings.trendMonths).reversed().map { end.adding(months: -$0) }
            let shares = months.compactMap { m in
                byMonth[m].flatMap { $0.reporting > 0 ? Double($0.worried.count) / Double($0.reporting) : nil }
            }
            guard shares.count == EarlyWarnings.trendMonths, zip(shares, shares.dropFirst()).allSatisfy({ $0 < $1 })
            else { return nil }
            return .clusterConcern(cluster: c, months: months, shares: shares,
                                   units: (byMonth[end]?.worried ?? []).sorted())
        }
    }
}

/// The words a topic is compared on: folded as search folds them (no diacritics, đ → d, lower case), split into
/// syllables, stop words and generic phrases of feedback ("vấn đề", "ý kiến") set aside, each word once.
public enum TopicWords {
    /// Phrases that say nothing about the subject, removed before single words.
    static let stopPhrases: [[String]] = [
        ["van", "de"], ["y", "kien"], ["kien", "nghi"], ["de", "nghi"], ["phan", "anh"], ["doan", "vien"],
        ["nguoi", "lao", "dong"], ["cong", "doan"], ["lien", "quan"], ["tinh", "trang"],
    ]
    /// Function words whose folded form names nothing else a topic could be about.
    static let stopWords: Set<String> = [
        "va", "cua", "cac", "nhung", "la", "mot", "nhu", "cho", "voi", "trong", "ve", "den", "nay", "duoc", "bi",
        "ma", "khong", "chua", "rat", "lai", "hon", "o", "khi", "theo", "cung", "da", "se", "nen", "neu", "vi",
        "thi", "con", "ra", "vao", "tren", "duoi", "tai", "nhieu", "it", "tu", "sau", "truoc", "ca", "moi",
    ]

    /// The topic's words, sorted.
    public static func of(_ topic: String) -> [String] {
        var words = SearchRanking.terms(topic)
        for phrase in stopPhrases {
            var i = 0
            while i + phrase.count <= words.count {
                if Array(words[i..<(i + phrase.count)]) == phrase { words.removeSubrange(i..<(i + phrase.count)) }
                else { i += 1 }
            }
        }
        return Array(Set(words.filter { !stopWords.contains($0) })).sorted()
    }

    /// Two topics are the same when they share at least two words and at least half of the shorter one's words.
    public static func same(_ a: [String], _ b: [String]) -> Bool {
        let shared = Set(a).intersection(b).count
        return shared >= 2 && 2 * shared >= min(a.count, b.count)
    }
}

/// Union–find over `0..<count`, for grouping topics linked in a chain.
struct DisjointSets {
    private var parent: [Int]
    init(count: Int) { parent = Array(0..<count) }

    mutating func find(_ x: Int) -> Int {
        var root = x
        while parent[root] != root { root = parent[root] }
        var y = x
        while parent[y] != root { (parent[y], y) = (root, parent[y]) }
        return root
    }

    mutating func union(_ a: Int, _ b: Int) {
        let (ra, rb) = (find(a), find(b))
        if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
    }
}
