import Foundation
import Testing

// Issue 12, items 1–4, through the real binary, with figures computed by hand from the mini fixture
// (Tests/Fixtures/mini) and the few lines each test adds to its temporary copy.

/// The mini fixture with a second project `q` (one phase, one theme), a third item carrying it, room for three
/// items in the October issue, and three more activities in November: one of `q`, one of both projects, one with
/// no theme at all.
private func twoProjectWorkspace() throws -> TempWorkspace {
    let ws = try TempWorkspace(fixture: "mini")
    try ws.edit("content/plan.yml", replacing: "targets:\n", with: """
          - id: q
            name: Dự án thứ hai
            short: Hai
            phases:
              - id: "1"
                name: Giai đoạn đầu
                from: 2026-01-01
                themes:
                  - id: a
                    title: Chủ đề Q
        targets:

        """)
    try ws.edit("content/channels.yml", replacing: "capacity: 2", with: "capacity: 3")
    try ws.write("content/items/i3.md", """
        ---
        title: Bài ba
        themes: [q/1/a]
        channels: [news]
        status: approved
        approved: 2026-09-03
        ---
        Ba.

        """)
    #expect(try ws.run(["plan", "2026-10", "--confirm"], today: "2026-09-20").code == 0)
    #expect(try ws.run(["publish", "news", "2026-10-15"], today: "2026-10-15").code == 0)
    try ws.write("extra/4-them.csv", """
        unit,date,type,title,themes,participants,items
        u1,2026-11-21,hoi-nghi,Hội nghị về dự án thứ hai,q/1/a,9,
        u3,2026-11-25,khac,Cả hai đề án,p/1/a q/1/a,5,
        u2,2026-11-26,khac,Không gắn nội dung,,7,

        """)
    for folder in [repositoryRoot + "/Tests/Fixtures/mini/forms", ws.path("extra")] {
        let r = try ws.run(["import", folder], today: "2026-12-07")
        #expect(r.code == 0, "\(r.stderr)")
    }
    return ws
}

private func figures(_ ws: TempWorkspace, _ args: [String], today: String = "2026-12-08") throws -> [String: Any] {
    let r = try ws.run(args + ["--format", "json"], today: today)
    #expect(r.code == 0, "\(r.stderr)")
    return try JSONSerialization.jsonObject(with: r.stdoutBytes) as? [String: Any] ?? [:]
}

@Suite struct ReportScopeTests {
    @Test func aPhaseReportCountsOnlyTheContentAndActivitiesOfItsPhase() throws {
        let ws = try twoProjectWorkspace()
        let range = ["--from", "2026-10-01", "--to", "2026-11-30"]

        let p = try figures(ws, ["report", "phase", "p", "1"] + range)
        let pContent = p["content"] as? [String: Any] ?? [:]
        #expect(pContent["published_items"] as? Int == 2)                 // i1, i2; not i3 (q/1/a)
        #expect(pContent["by_theme"] as? [String: Int] == ["p/1/a": 1, "p/1/b": 1])
        #expect(pContent["active_themes"] as? [String] == ["p/1/a", "p/1/b"])
        #expect(pContent["theme_coverage"] as? Double == 1)
        let pActs = p["activities"] as? [String: Any] ?? [:]
        // the fixture's 6 and the one carrying both projects; not q's meeting, not the one without a theme
        #expect(pActs["count"] as? Int == 7)
        #expect(pActs["participants"] as? Int == 48)                      // 43 + 5
        #expect(pActs["by_unit"] as? [String: Int] == ["u1": 2, "u2": 3, "u3": 2])
        #expect(pActs["reach"] as? Double == 0.6857)                      // 48 / (10 + 20 + 10 + 30)

        let q = try figures(ws, ["report", "phase", "q", "1"] + range)
        let qContent = q["content"] as? [String: Any] ?? [:]
        #expect(qContent["published_items"] as? Int == 1)
        #expect(qContent["by_theme"] as? [String: Int] == ["q/1/a": 1])
        #expect(qContent["theme_coverage"] as? Double == 1)
        let qActs = q["activities"] as? [String: Any] ?? [:]
        #expect(qActs["count"] as? Int == 2)                              // q's meeting and the shared one
        #expect(qActs["participants"] as? Int == 14)
        #expect(qActs["by_unit"] as? [String: Int] == ["u1": 1, "u3": 1])
        #expect(qActs["units_without_activity"] as? [String] == ["u2", "u4"])
        #expect(qActs["reach"] as? Double == 0.2)                         // 14 / 70

        // deliveries too are those of the phase's items: i1 and i2 went to as many units as i3
        let pDeliveries = pContent["deliveries"] as? Int ?? -1, qDeliveries = qContent["deliveries"] as? Int ?? -1
        #expect(qDeliveries > 0 && pDeliveries == 2 * qDeliveries, "\(pDeliveries) \(qDeliveries)")
        let octoberAll = try figures(ws, ["report", "month", "2026-10"])
        #expect((octoberAll["content"] as? [String: Any])?["deliveries"] as? Int == pDeliveries + qDeliveries)

        // reporting and feedback are those of every unit, whatever the phase
        for report in [p, q] {
            let rep = report["reporting"] as? [String: Any] ?? [:]
            #expect(rep["expected"] as? Int == 6 && rep["received"] as? Int == 5 && rep["on_time"] as? Int == 4)
            let fb = report["feedback"] as? [String: Any] ?? [:]
            #expect(fb["moods"] as? [String: Int] == ["lo-ngai": 1, "on-dinh": 3, "quan-tam": 1])
        }

        // a month report counts everything of the month
        let month = try figures(ws, ["report", "month", "2026-11"])
        let acts = month["activities"] as? [String: Any] ?? [:]
        #expect(acts["count"] as? Int == 7)                               // 4 of the fixture and the 3 added
        #expect(acts["participants"] as? Int == 42)                       // 21 + 9 + 5 + 7
        let october = try figures(ws, ["report", "month", "2026-10"])
        #expect((october["content"] as? [String: Any])?["published_items"] as? Int == 3)
    }

    @Test func aPinnedItemThatIsNotApprovedStopsThePlanNamingRule2() throws {
        for status in ["draft", "review"] {
            let ws = try TempWorkspace(fixture: "mini")
            try ws.write("content/items/ghim.md", """
                ---
                title: Bài ghim chưa duyệt
                themes: [p/1/a]
                channels: [news]
                status: \(status)
                pin: 2026-10-15
                ---
                Ghim.

                """)
            let r = try ws.run(["plan", "2026-10"], today: "2026-09-20")
            #expect(r.code == 65, "\(status): \(r.stderr)")
            #expect(r.stderr.contains("ghim") && r.stderr.contains("quy tắc 2"), "\(r.stderr)")
            #expect(!ws.exists("calendars/2026-10.ics") && !ws.exists("out/plans/2026-10.md"))
            let en = try ws.run(["plan", "2026-10", "--lang", "en"], today: "2026-09-20")
            #expect(en.code == 65 && en.stderr.contains("rule 2"), "\(en.stderr)")
        }
    }

    @Test func planningOnTheTenthProposesNothingBeforeItAndListsThePassedSlots() throws {
        let ws = try TempWorkspace()
        let r = try ws.run(["plan", "2026-12", "--format", "json"], today: "2026-12-10")
        #expect(r.code == 0, "\(r.stderr)")
        let o = try JSONSerialization.jsonObject(with: r.stdoutBytes) as? [String: Any] ?? [:]
        let entries = o["entries"] as? [[String: Any]] ?? []
        #expect(!entries.isEmpty)
        #expect(entries.allSatisfy { ($0["date"] as? String ?? "") >= "2026-12-10" }, "\(entries)")
        let empty = o["empty_slots"] as? [[String: Any]] ?? []
        #expect(empty.allSatisfy { ($0["date"] as? String ?? "") >= "2026-12-10" }, "\(empty)")
        #expect(try ws.run(["plan", "2026-12"], today: "2026-12-10").code == 0)
        let md = try ws.read("out/plans/2026-12.md")
        // the slots of 1, 3, 7 and 8 December: board and website on Tuesday 1st, Zalo on Thursday 3rd, the
        // school radio on Monday 7th and the website on Tuesday 8th
        #expect(md.contains("### Kỳ phát hành đã qua"))
        for line in ["- Thứ Ba, 01/12/2026 — Bảng tin tại trụ sở các CĐCS",
                     "- Thứ Ba, 01/12/2026 — Trang thông tin điện tử Công đoàn Viên chức tỉnh",
                     "- Thứ Năm, 03/12/2026 — Zalo OA Công đoàn Viên chức Điện Biên",
                     "- Thứ Hai, 07/12/2026 — Phát thanh nội bộ khối trường học",
                     "- Thứ Ba, 08/12/2026 — Trang thông tin điện tử Công đoàn Viên chức tỉnh"] {
            #expect(md.contains(line), "\(line)")
        }
        #expect(!md.contains("10/12/2026 — Zalo"))     // the day itself is not passed
        let ics = try ws.read("calendars/2026-12.ics")
        let starts = ics.split(separator: "\r\n").filter { $0.hasPrefix("DTSTART") }.map { String($0.suffix(8)) }
        #expect(!starts.isEmpty && starts.allSatisfy { $0 >= "20261210" }, "\(starts)")
    }

    @Test func monthsBeforeTrackingBeganAreNeverMissing() throws {
        let ws = try TempWorkspace(fixture: "mini")
        #expect(try ws.run(["import", repositoryRoot + "/Tests/Fixtures/mini/forms"], today: "2026-12-07").code == 0)
        // phase p/1 starts on 1 January 2026; without a setting, tracking starts with the first form (October), and
        // so does the phase report
        let byDefault = try figures(ws, ["report", "phase", "p", "1", "--to", "2026-11-30"])
        #expect(byDefault["from"] as? String == "2026-10-01")
        let rep = byDefault["reporting"] as? [String: Any] ?? [:]
        #expect(rep["tracking_from"] as? String == "2026-10")
        #expect(rep["expected"] as? Int == 6 && rep["received"] as? Int == 5)   // Oct: u1 u2 u4; Nov: u1 u2 u3
        #expect(rep["missing"] as? [[String: String]] == [["unit": "u4", "period": "2026-10"]])

        // the union's setting wins: tracking from November leaves October out as well
        try ws.edit("content/plan.yml", replacing: "report_due_days: 5\n",
                    with: "report_due_days: 5\ntracking_from: 2026-11\n")
        let set = try figures(ws, ["report", "phase", "p", "1", "--to", "2026-11-30"])
        #expect(set["from"] as? String == "2026-11-01")
        let r = set["reporting"] as? [String: Any] ?? [:]
        #expect(r["tracking_from"] as? String == "2026-11")
        #expect(r["expected"] as? Int == 3 && r["received"] as? Int == 3)
        #expect((r["missing"] as? [Any])?.isEmpty == true)
        let targets = set["targets"] as? [[String: Any]] ?? []
        #expect(targets.first { $0["id"] as? String == "rr" }?["value"] as? Double == 1)
        let md = try ws.run(["report", "phase", "p", "1", "--from", "2026-01-01", "--to", "2026-11-30", "--format", "md"],
                            today: "2026-12-08")
        #expect(md.stdout.contains("được theo dõi từ tháng 11/2026; các tháng trước đó không tính."))
        #expect(!md.stdout.contains("Đơn vị Bốn ("))   // u4 left in October: owes nothing
    }

    @Test func aMonthNotOverYetNeitherMeetsNorMissesAReportingTarget() throws {
        let ws = try TempWorkspace(fixture: "mini")
        #expect(try ws.run(["import", repositoryRoot + "/Tests/Fixtures/mini/forms"], today: "2026-12-07").code == 0)
        // up to 8 December: October and November are complete, December expects nothing yet
        let o = try figures(ws, ["report", "phase", "p", "1", "--from", "2026-10-01", "--to", "2026-12-08"])
        let targets = o["targets"] as? [[String: Any]] ?? []
        let tl = targets.first { $0["id"] as? String == "tl" } ?? [:]
        #expect((tl["periods"] as? [[String: Any]])?.map { $0["period"] as? String ?? "" } == ["2026-10", "2026-11"])
        #expect(tl["value"] as? Double == 0.6667 && tl["met"] as? Bool == true)      // November: 2 of 3 on time
    }
}
