import Foundation
import Testing

/// Early warnings (SPEC §5.4) from forms written for the purpose, imported and read back as a user does.
@Suite struct EarlyWarningCommandTests {
    /// A month's form of a unit with a mood and the given issues (`(topic, sensitive)`).
    static func form(_ unit: String, _ period: String, submitted: String, mood: String,
                     issues: [(String, Bool)] = []) -> String {
        var s = """
            ---
            form: loa-report/1
            unit: \(unit)
            period: \(period)
            submitted: \(submitted)
            reporter: Nguyễn Thị B
            activities: []
            feedback:
              mood: \(mood)
              summary: Ý kiến của đoàn viên trong tháng.
              issues:

            """
        for (topic, sensitive) in issues {
            s += "    - topic: \(topic)\n      detail: Chi tiết.\n      sensitive: \(sensitive)\n"
        }
        return s + "---\n"
    }

    func warnings(_ ws: TempWorkspace, sensitive: Bool = false) throws -> [[String: Any]] {
        let r = try ws.run(["report", "warnings", "--format", "json"] + (sensitive ? ["--include-sensitive"] : []),
                           today: "2026-12-07")
        #expect(r.code == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: r.stdoutBytes) as? [String: Any])
        return try #require(json["warnings"] as? [[String: Any]])
    }

    func importForms(_ ws: TempWorkspace, _ forms: [String: String]) throws {
        for (name, text) in forms { try ws.write("inbox/\(name).md", text) }
        let r = try ws.run(["import", ws.path("inbox")], today: "2026-12-07")
        #expect(r.code == 0, "\(r.stderr)")
    }

    @Test func threeUnitsWithTheSameWorryInTheirOwnWordsGiveOneSharedTopic() throws {
        let ws = try TempWorkspace()
        try importForms(ws, [
            "a": Self.form("cdcs-so-gddt", "2026-11", submitted: "2026-12-01", mood: "quan-tam",
                           issues: [("Lo ngại chậm chi trả lương tăng thêm", false)]),
            "b": Self.form("cdcs-so-yte", "2026-11", submitted: "2026-12-02", mood: "quan-tam",
                           issues: [("luong tang them cham chi tra", false)]),
        ])
        #expect(try warnings(ws).isEmpty, "two units are not yet a warning")
        try importForms(ws, [
            "c": Self.form("cdcs-so-tc", "2026-11", submitted: "2026-12-03", mood: "on-dinh",
                           issues: [("Tiền lương tăng thêm bị chậm chi trả", false)]),
        ])
        let w = try warnings(ws)
        #expect(w.count == 1)
        #expect(w.first?["kind"] as? String == "shared-topic")
        #expect(w.first?["units"] as? [String] == ["cdcs-so-gddt", "cdcs-so-tc", "cdcs-so-yte"])
        #expect(w.first?["topic"] as? String == "Lo ngại chậm chi trả lương tăng thêm")
        #expect(w.first?["since"] as? String == "2026-12-01")
        // the document names the units and the topic, never a code
        let md = try ws.run(["report", "warnings", "--format", "md"], today: "2026-12-07").stdout
        #expect(md.contains("CĐCS Sở Giáo dục và Đào tạo") && md.contains("Lo ngại chậm chi trả lương tăng thêm"))
        #expect(!md.contains("cdcs-so-gddt"))
        // section I.5 of the month's report carries it, in words and in JSON
        let report = try ws.run(["report", "month", "2026-11", "--format", "md"], today: "2026-12-07").stdout
        #expect(report.contains("5. Tình hình tư tưởng, dư luận trong đoàn viên và cảnh báo sớm"))
        #expect(report.contains("3 đơn vị cùng nêu vấn đề «Lo ngại chậm chi trả lương tăng thêm»"))
        let json = try ws.run(["report", "month", "2026-11", "--format", "json"], today: "2026-12-07").stdoutBytes
        let figures = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        let feedback = try #require(figures["feedback"] as? [String: Any])
        #expect((feedback["warnings"] as? [[String: Any]])?.first?["kind"] as? String == "shared-topic")
        let status = try ws.run(["status"], today: "2026-12-07").stdout
        #expect(status.contains("Cảnh báo sớm:") && status.contains("3 đơn vị cùng nêu vấn đề"))
    }

    @Test func aSharedSensitiveTopicIsNamedOnlyWithThePermission() throws {
        let ws = try TempWorkspace()
        let topic = "Tin đồn sáp nhập trụ sở cơ quan"
        try importForms(ws, Dictionary(uniqueKeysWithValues: ["cdcs-so-gddt", "cdcs-so-yte", "cdcs-so-tc"].map {
            ($0, Self.form($0, "2026-11", submitted: "2026-12-02", mood: "quan-tam", issues: [(topic, true)]))
        }))
        let hidden = try warnings(ws)
        #expect(hidden.count == 1 && hidden.first?["topic"] is NSNull && hidden.first?["sensitive"] as? Bool == true)
        for format in ["md", "html", "json"] {
            let out = try ws.run(["report", "warnings", "--format", format], today: "2026-12-07").stdout
            #expect(!out.contains("sáp nhập"), "\(format) names a sensitive topic")
        }
        #expect(!(try ws.run(["status"], today: "2026-12-07").stdout.contains("sáp nhập")))
        let report = try ws.run(["report", "month", "2026-11", "--format", "md"], today: "2026-12-07").stdout
        #expect(report.contains("3 đơn vị cùng nêu một vấn đề nhạy cảm") && !report.contains("sáp nhập"))
        #expect(try warnings(ws, sensitive: true).first?["topic"] as? String == topic)
    }

    @Test func aUnitWorriedTwoMonthsRunningWarnsUntilACorrectionChangesItsMood() throws {
        let ws = try TempWorkspace()
        try importForms(ws, [
            "oct": Self.form("cdcs-so-gddt", "2026-10", submitted: "2026-11-03", mood: "lo-ngai"),
            "nov": Self.form("cdcs-so-gddt", "2026-11", submitted: "2026-12-02", mood: "lo-ngai"),
        ])
        let w = try warnings(ws)
        #expect(w.count == 1)
        #expect(w.first?["kind"] as? String == "rising-concern")
        #expect(w.first?["units"] as? [String] == ["cdcs-so-gddt"])
        #expect(w.first?["months"] as? [String] == ["2026-10", "2026-11"])
        try importForms(ws, ["nov": Self.form("cdcs-so-gddt", "2026-11", submitted: "2026-12-02", mood: "quan-tam")])
        #expect(try warnings(ws).isEmpty, "the corrected form clears the warning at once")
    }
}
