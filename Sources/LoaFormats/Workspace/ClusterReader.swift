import LoaCore

/// Reads `content/clusters.csv`: `code,name[,parent]`, one cluster a row, with the same CSV rules as `units.csv`.
/// References (a parent that is no cluster, a cycle, a unit's unknown cluster) are the validator's.
public enum ClusterReader {
    public static let columns = ["code", "name", "parent"]

    public static func clusters(bytes: [UInt8], path: String) throws(Failure) -> [Cluster] {
        var table = try CSVTable(bytes: bytes, path: path, required: ["code", "name"], known: columns)
        var clusters: [Cluster] = []
        var problems: [Diagnostic] = []
        while true {
            let row: CSVRow
            do throws(Failure) {
                guard let r = try table.next() else { break }
                row = r
            } catch {
                problems += error.diagnostics
                break
            }
            guard let code = row.text("code") else {
                problems.append(.error(.emptyValue("code"), at: row.location("code")))
                continue
            }
            if !isValidId(code) { problems.append(.error(.invalidId(code), at: row.location("code"))) }
            guard let name = row.text("name") else {
                problems.append(.error(.emptyValue("name"), at: row.location("name")))
                continue
            }
            let parent = row.text("parent").map { Located($0, at: row.location("parent")) }
            clusters.append(Cluster(code: Located(code, at: row.location("code")), name: name, parent: parent))
        }
        if !problems.isEmpty { throw Failure(problems) }
        return clusters
    }
}
