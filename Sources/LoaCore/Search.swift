/// One search result: a content item, a recorded activity, a feedback summary or (for those allowed to see it)
/// a sensitive issue.
public struct SearchHit: Sendable, Hashable {
    public enum Kind: String, Sendable, CaseIterable, Localizable {
        case item, activity, feedback, issue

        public var phrase: Phrase {
            switch self {
            case .item: Phrase(vi: "bài", en: "item")
            case .activity: Phrase(vi: "hoạt động", en: "activity")
            case .feedback: Phrase(vi: "ý kiến", en: "feedback")
            case .issue: Phrase(vi: "vấn đề nhạy cảm", en: "sensitive issue")
            }
        }
    }
    public let kind: Kind
    public let ref: String
    public let title: String
    public let body: String
    /// bm25 from its own index: lower is better; comparable only within one kind.
    public let rank: Double
    public init(kind: Kind, ref: String, title: String, body: String, rank: Double) {
        self.kind = kind; self.ref = ref; self.title = title; self.body = body; self.rank = rank
    }
}

/// How search results are ordered and cut (SPEC §7 `loa search`).
public enum SearchRanking {
    /// The terms of a query as the index stores text: folded (no diacritics, đ → d), split on non-letters.
    public static func terms(_ query: String) -> [String] {
        query.folded.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
    }

    /// Content items first, then activities, feedback and issues, each by relevance, then by reference:
    /// bm25 scores of different indexes cannot be compared, so kinds never interleave.
    public static func ordered(_ hits: [SearchHit], limit: Int) -> [SearchHit] {
        let order = Dictionary(uniqueKeysWithValues: SearchHit.Kind.allCases.enumerated().map { ($1, $0) })
        return Array(hits.sorted {
            (order[$0.kind] ?? 0, $0.rank, $0.ref) < (order[$1.kind] ?? 0, $1.rank, $1.ref)
        }.prefix(limit))
    }

    /// About twenty words of `text` around the first word matching a term, matches marked «».
    public static func snippet(_ text: String, terms: [String]) -> String {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })
        guard !words.isEmpty else { return "" }
        func matches(_ w: Substring) -> Bool {
            let f = String(w).folded.filter { $0.isLetter || $0.isNumber }
            return terms.contains { f.hasPrefix($0) }
        }
        let first = words.firstIndex(where: matches) ?? 0
        let from = max(0, first - 8), to = min(words.count, from + 20)
        var s = words[from..<to].map { matches($0) ? "«\($0)»" : String($0) }.joined(separator: " ")
        if from > 0 { s = "… " + s }
        if to < words.count { s += " …" }
        return s
    }
}
