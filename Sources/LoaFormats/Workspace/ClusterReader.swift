import LoaCore

/// Reads `content/clusters.csv`: `code,name[,parent]`, one cluster a row, with the same CSV rules as `units.csv`.
/// References (a parent that is no cluster, a cycle, a unit's unknown cluster) are the validator's.
public enum ClusterReader {
    public static let columns = ["code", "name", "parent"]

    public static func clusters(bytes: [UInt8], path: String) throws(Failure) -> [Cluster] {
        var table = try CSVTable(bytes: bytes, path: path, required: ["code", "name"], known: columns)
        var clusters: [Cluster] = []
        var problems: [Diagnostic] = []
        let unreadable = table.forEachRow { row in
            guard let code = row.text("code") else {
                problems.append(.error(.emptyValue("code"), at: row.location("code")))
                return
            }
            if !isValidId(code) { problems.append(.error(.invalidId(code), at: row.location("code"))) }
            guard let name = row.text("name") else {
                problems.append(.error(.emptyValue("name"), at: row.location("name")))
                return
            }
            let parent = row.text("parent").map { Located($0, at: row.location("parent")) }
            clusters.append(Cluster(code: Located(code, at: row.location("code")), name: name, parent: parent))
        }
        problems += unreadable
        if !problems.isEmpty { throw Failure(problems) }
        return clusters
    }
}
