import LoaCore

/// Reads `content/units.csv` (SPEC §2.5).
public enum UnitReader {
    public static let columns = ["code", "name", "cluster", "members", "email", "joined", "left"]

    public static func units(bytes: [UInt8], path: String) throws(Failure) -> [UnionUnit] {
        var table = try CSVTable(bytes: bytes, path: path, required: ["code", "name"], known: columns)
        var units: [UnionUnit] = []
        // one row a line: room for them all at once, not a doubling array's spare half (100,000 units)
        units.reserveCapacity(bytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) })
        var problems: [Diagnostic] = []
        let unreadable = table.forEachRow { row in
            guard let code = row.text("code") else {
                problems.append(.error(.emptyValue("code"), at: row.location("code")))
                return
            }
            if !isValidId(code) || code.contains(".") || code.contains("_") {
                problems.append(.error(.invalidId(code), at: row.location("code")))
            }
            guard let name = row.text("name") else {
                problems.append(.error(.emptyValue("name"), at: row.location("name")))
                return
            }
            var members = 0
            if let m = row.text("members") {
                if let v = Int(m), v >= 0 { members = v }
                    else { problems.append(.error(.invalidInteger(m), at: row.location("members"))) }
            }
            func day(_ col: String) -> Day? {
                guard let t = row.text(col) else { return nil }
                guard let d = Day(iso: t)
                    else { problems.append(.error(.badDate(t), at: row.location(col))); return nil }
                return d
            }
            let joined = day("joined"), left = day("left")
            if let joined, let left, left < joined { problems.append(.error(.unitLeftBeforeJoined,
                at: row.location("left"))) }
            units.append(UnionUnit(code: Located(UnitCode(code), at: row.location("code")), name: name,
                                   cluster: row.text("cluster"), members: members, email: row.text("email"),
                                   joined: joined, left: left))
        }
        problems += unreadable
        if !problems.isEmpty { throw Failure(problems) }
        return units
    }
}
