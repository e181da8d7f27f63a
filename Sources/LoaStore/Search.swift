import LoaCore

/// A content item as the search sees it (items are files, so they are indexed for each search).
public struct SearchableItem: Sendable {
    public let id: ItemID
    public let title: String
    public let text: String
    public init(id: ItemID, title: String, text: String) { self.id = id; self.title = title; self.text = text }
}

extension StoreReader {
    /// Searches content items, activities and feedback (and sensitive issues when asked) on folded text, so
    /// "chuyen doi so" finds "chuyển đổi số". Items go into a temporary index for this search only, so results
    /// are always current with the files; nothing is written to the database, so a search never waits for an
    /// import.
    public func search(_ query: String, items: [SearchableItem], includeSensitive: Bool,
        limit: Int = 20) throws -> [SearchHit] {
        let terms = SearchRanking.terms(query).map { "\"\($0)\"*" }
        guard !terms.isEmpty else { return [] }
        let match = "folded : (\(terms.joined(separator: " ")))"
        try db.execute("""
            CREATE VIRTUAL TABLE IF NOT EXISTS temp.item_index USING fts5(ref UNINDEXED, title, body, folded,
              tokenize = 'unicode61 remove_diacritics 2');
            DELETE FROM temp.item_index;
            """)
        for i in items {
            try db.run("INSERT INTO temp.item_index VALUES (?, ?, ?, ?)",
                [i.id, i.title, i.text, (i.title + " " + i.text).folded])
        }
        var hits = try db.rows("""
            SELECT ref, title, body, bm25(item_index) FROM temp.item_index WHERE item_index MATCH ?
            ORDER BY bm25(item_index) LIMIT ?
            """, [match, limit]) { r in
            SearchHit(kind: .item, ref: try r.text(0), title: try r.text(1), body: try r.text(2), rank: r.double(3))
        }
        hits += try db.rows("""
            SELECT kind, ref, title, body, bm25(search_index) FROM search_index
            WHERE search_index MATCH ?\(includeSensitive ? "" : " AND sensitive = 0")
            ORDER BY bm25(search_index) LIMIT ?
            """, [match, limit]) { r in
            SearchHit(kind: try r.choice(0), ref: try r.text(1), title: try r.text(2), body: try r.text(3),
                rank: r.double(4))
        }
        return SearchRanking.ordered(hits, limit: limit)
    }
}
