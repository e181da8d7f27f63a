import Foundation
import Testing

/// The mini fixture with its units in clusters, two of them under a province: levels unit, cluster and 1.
func leveledWorkspace() throws -> TempWorkspace {
    let ws = try miniWorkspace()
    try ws.write("content/units.csv", """
        code,name,members,joined,left,cluster
        u1,Đơn vị Một,10,,,c-a
        u2,Đơn vị Hai,20,,,c-b
        u3,Đơn vị Ba,10,2026-11-15,,c-c
        u4,Đơn vị Bốn,30,,2026-10-10,

        """)
    try ws.write("content/clusters.csv", """
        code,name,parent
        tinh-x,Tỉnh X,
        c-a,Cụm A,tinh-x
        c-b,Cụm B,tinh-x
        c-c,Cụm C,

        """)
    return ws
}

@Suite struct ReportLevelTests {
    /// The figures that add up over units, summed over a level's groups.
    func sums(_ level: [String: Any]) -> [String: Int] {
        var out: [String: Int] = [:]
        for g in level["groups"] as! [[String: Any]] {
            for key in ["units", "members", "expected", "received", "on_time", "missing", "activities", "participants",
                        "issues"] {
                out[key, default: 0] += g[key] as! Int
            }
            for (mood, n) in g["moods"] as! [String: Int] { out["mood " + mood, default: 0] += n }
        }
        return out
    }

    @Test func everyLevelAddsUpToTheWholeAndTheWholeStaysTheSame() throws {
        let ws = try leveledWorkspace()
        let args = ["report", "phase", "p", "1", "--from", "2026-10-01", "--to", "2026-11-30", "--format", "json"]
        let plain = try json(ws.run(args, today: "2026-12-08"))
        var totals: [[String: Int]] = []
        var groups: [String: [String?]] = [:]
        for level in ["unit", "cluster", "1"] {
            let r = try ws.run(args + ["--level", level], today: "2026-12-08")
            #expect(r.code == 0, "\(r.stderr)")
            let o = try json(r)
            // the figures of the whole do not depend on the level
            for key in ["content", "activities", "reporting", "targets", "feedback"] {
                #expect(NSDictionary(dictionary: o).value(forKey: key) as? NSObject
                        == NSDictionary(dictionary: plain).value(forKey: key) as? NSObject, "\(key) at \(level)")
            }
            let byLevel = o["by_level"] as! [String: Any]
            #expect(byLevel["level"] as? String == level)
            #expect(byLevel["levels"] as? [String] == ["unit", "cluster", "1"])
            groups[level] = (byLevel["groups"] as! [[String: Any]]).map { $0["group"] as? String }
            totals.append(sums(byLevel))
        }
        #expect(groups["unit"] == ["u1", "u2", "u3", "u4"])
        #expect(groups["cluster"] == ["c-a", "c-b", "c-c", nil])
        #expect(groups["1"] == ["tinh-x", "c-c", nil])
        #expect(totals[0] == totals[1] && totals[1] == totals[2], "\(totals)")
        let acts = plain["activities"] as! [String: Any], rep = plain["reporting"] as! [String: Any]
        let fb = plain["feedback"] as! [String: Any]
        #expect(totals[0]["activities"] == acts["count"] as? Int && totals[0]["participants"] == 43)
        #expect(totals[0]["expected"] == rep["expected"] as? Int && totals[0]["received"] == rep["received"] as? Int)
        #expect(totals[0]["on_time"] == rep["on_time"] as? Int && totals[0]["missing"] == 1)
        #expect(totals[0]["issues"] == fb["issues"] as? Int && totals[0]["mood lo-ngai"] == 1)
        #expect(totals[0]["members"] == 70)  // u1 u2 u3 u4 all exist in the range
        // four units: the deepest level, units, is the default
        #expect((plain["by_level"] as? [String: Any])?["level"] as? String == "unit")
        // a group's own figures: the province holds u1 and u2
        let r = try json(ws.run(args + ["--level", "1"], today: "2026-12-08"))
        let province = ((r["by_level"] as! [String: Any])["groups"] as! [[String: Any]])[0]
        #expect(province["name"] as? String == "Tỉnh X" && province["units"] as? Int == 2
                && province["members"] as? Int == 30)
    }

    @Test func aLevelTheClustersDoNotReachIsAUsageError() throws {
        let ws = try leveledWorkspace()
        let r = try ws.run(["report", "month", "2026-11", "--format", "json", "--level", "2"], today: "2026-12-08")
        #expect(r.code == 64, "\(r.stderr)")
        #expect(r.stderr.contains("\"2\"") && r.stderr.contains("unit, cluster, 1"), "\(r.stderr)")
        let bad = try ws.run(["report", "month", "2026-11", "--level", "tinh"], today: "2026-12-08")
        #expect(bad.code == 64, "\(bad.stderr)")
    }

    @Test func theDefaultLevelIsTheDeepestWithAtMostFortyGroups() throws {
        let ws = try leveledWorkspace()
        var csv = "code,name,members,cluster\n"
        for i in 0..<90 { csv += "u\(i),Đơn vị \(i),10,c-\(["a", "b", "c"][i % 3])\n" }
        try ws.write("content/units.csv", csv)
        let o = try json(ws.run(["report", "month", "2026-11", "--format", "json"], today: "2026-12-08"))
        let byLevel = o["by_level"] as! [String: Any]
        #expect(byLevel["level"] as? String == "cluster")
        #expect((byLevel["groups"] as! [[String: Any]]).map { $0["units"] as? Int } == [30, 30, 30])
    }
}
