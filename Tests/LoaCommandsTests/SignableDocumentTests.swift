import Foundation
import Testing

// Issue 24 (SPEC §6.3), through the real binary: documents a leader signs as they come — quick reports while a
// period is unfinished, months before tracking outside every figure, the opening, sections I–IV with the officers'
// own text, counts explained, clusters by name, and a plan that sends units no working notes and no past deadline.

/// The shipped workspace with the sample reports of October and November imported on 6 December 2026.
private func sampleWorkspace() throws -> TempWorkspace {
    let ws = try TempWorkspace()
    let r = try ws.run(["import", ws.path("reports/samples")], today: "2026-12-06")
    #expect(r.code == 0, "\(r.stderr)")
    return ws
}

private func object(_ r: RunResult) throws -> [String: Any] {
    #expect(r.code == 0, "\(r.stderr)")
    return try JSONSerialization.jsonObject(with: r.stdoutBytes) as? [String: Any] ?? [:]
}

/// The officers' text of a report, with every part.
private let officerText = """
    Ghi chú của cán bộ: không in ra văn bản.

    ## II. Đánh giá

    ### 1. Ưu điểm

    Các CĐCS tổ chức **nhiều hình thức** tuyên truyền phong phú.

    ### 2. Hạn chế, nguyên nhân

    - Một số đơn vị gửi báo cáo muộn do thay đổi người phụ trách.
    - Chưa có bài về tiến độ thi công.

    ## III. Phương hướng, nhiệm vụ thời gian tới

    1. Hoàn thiện bài về tiến độ thi công.
    2. Đôn đốc báo cáo tháng 12/2026.

    ## IV. Đề xuất, kiến nghị

    Đề nghị Liên đoàn Lao động tỉnh hỗ trợ tài liệu tuyên truyền.

    """

@Suite struct SignableDocumentTests {
    @Test func aMonthWhoseReportsAreNotDueIsAQuickReportWithNobodyMissingAndNoTargetJudged() throws {
        let ws = try sampleWorkspace()
        // December on 8 December: reports are due on 5 January 2027
        let o = try object(try ws.run(["report", "month", "2026-12", "--format", "json"], today: "2026-12-08"))
        #expect(o["interim"] as? Bool == true && o["as_of"] as? String == "2026-12-08")
        let reporting = o["reporting"] as? [String: Any] ?? [:]
        #expect((reporting["missing"] as? [Any])?.isEmpty == true)
        #expect(reporting["expected"] as? Int == 16 && reporting["received"] as? Int == 0)
        #expect(reporting["pending"] as? Int == 16)
        let targets = o["targets"] as? [[String: Any]] ?? []
        #expect(targets.count == 5)
        for t in targets {
            #expect(t["met"] is NSNull && t["interim"] as? Bool == true, "\(t)")
        }
        let md = try ws.run(["report", "month", "2026-12", "--format", "md"], today: "2026-12-08").stdout
        #expect(md.contains("# BÁO CÁO NHANH"))
        #expect(md.contains("**Kết quả công tác tuyên truyền 03 đề án, dự án tháng 12/2026 (tính đến ngày 08/12/2026)**"))
        #expect(md.components(separatedBy: "Tạm tính, chưa đến kỳ đánh giá").count - 1 == 5)
        #expect(!md.contains("Chưa đạt") && !md.contains("CĐCS chưa gửi báo cáo") && !md.contains("chưa tổ chức hoạt động"))
        #expect(md.contains("16 báo cáo chưa đến hạn gửi (hạn chậm nhất ngày 05/01/2027)"))

        // November on its due day: the one unit without a report is not missing yet; the day after, it is
        let due = try object(try ws.run(["report", "month", "2026-11", "--format", "json"], today: "2026-12-05"))
        let r5 = due["reporting"] as? [String: Any] ?? [:]
        #expect(due["interim"] as? Bool == true && r5["pending"] as? Int == 1 && (r5["missing"] as? [Any])?.isEmpty == true)
        let after = try object(try ws.run(["report", "month", "2026-11", "--format", "json"], today: "2026-12-06"))
        let r6 = after["reporting"] as? [String: Any] ?? [:]
        #expect(after["interim"] as? Bool == false && after["as_of"] is NSNull && r6["pending"] as? Int == 0)
        #expect(r6["missing"] as? [[String: String]] == [["unit": "cdcs-ptdtnt-tinh", "period": "2026-11"]])
        #expect((after["targets"] as? [[String: Any]] ?? []).allSatisfy { $0["met"] is Bool })
    }

    @Test func aPhaseThatHasNotStartedIsOneLineNamingItsStartAndExit65() throws {
        let ws = try sampleWorkspace()
        let r = try ws.run(["report", "phase", "museum", "1.2"], today: "2026-12-08")
        #expect(r.code == 65)
        #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
        #expect(r.stderr.contains("Giai đoạn từ tháng 02/2030, khi công trình hoàn thành")
                && r.stderr.contains("chưa bắt đầu") && r.stderr.contains("01/02/2030"), "\(r.stderr)")
        #expect(!ws.exists("out/reports/phase-museum-1.2.md"))
        let en = try ws.run(["report", "phase", "museum", "1.2", "--lang", "en"], today: "2026-12-08")
        #expect(en.code == 65 && en.stderr.contains("has not started") && en.stderr.contains("1 February 2030"))
    }

    @Test func phaseReportsStartAtTrackingAndMonthsBeforeItAreOutsideEveryFigure() throws {
        let ws = try TempWorkspace(fixture: "mini")
        try ws.edit("content/plan.yml", replacing: "report_due_days: 5\n", with: "report_due_days: 5\ntracking_from: 2026-10\n")
        #expect(try ws.run(["import", repositoryRoot + "/Tests/Fixtures/mini/forms"], today: "2026-12-07").code == 0)
        let before = try object(try ws.run(["report", "phase", "p", "1", "--from", "2026-09-01", "--to", "2026-11-30",
                                            "--format", "json"], today: "2026-12-08"))
        // a September form, before tracking began: its activity, mood, issue and alert count nowhere
        try ws.write("september/u1.md", """
            ---
            form: loa-report/1
            unit: u1
            period: 2026-09
            submitted: 2026-10-02
            activities:
              - date: 2026-09-10
                type: hoi-nghi
                title: Hội nghị tháng 9
                themes: [p/1/a]
                participants: 40
            feedback:
              mood: lo-ngai
              issues:
                - topic: Tin đồn tháng 9
                  sensitive: true
            ---

            """)
        #expect(try ws.run(["import", ws.path("september")], today: "2026-12-07").code == 0)
        let after = try object(try ws.run(["report", "phase", "p", "1", "--from", "2026-09-01", "--to", "2026-11-30",
                                           "--format", "json"], today: "2026-12-08"))
        #expect(after["from"] as? String == "2026-09-01")
        for section in ["content", "activities", "reporting", "feedback", "targets"] {
            #expect(JSONSerialization.isValidJSONObject(after[section] ?? 0))
            let a = try JSONSerialization.data(withJSONObject: after[section] ?? [:], options: .sortedKeys)
            let b = try JSONSerialization.data(withJSONObject: before[section] ?? [:], options: .sortedKeys)
            #expect(a == b, "\(section) changed with a month before tracking")
        }
        let activities = after["activities"] as? [String: Any] ?? [:]
        #expect(activities["count"] as? Int == 6 && activities["participants"] as? Int == 43)
        let feedback = after["feedback"] as? [String: Any] ?? [:]
        #expect(feedback["alerts_open"] as? Int == 1 && feedback["issues"] as? Int == 1)
        let months = (after["reporting"] as? [String: Any])?["by_month"] as? [[String: Any]] ?? []
        #expect(months.map { $0["month"] as? String ?? "" } == ["2026-10", "2026-11"])
        // by default a phase report starts with tracking, not with the phase (January 2026)
        let byDefault = try object(try ws.run(["report", "phase", "p", "1", "--to", "2026-11-30", "--format", "json"],
                                              today: "2026-12-08"))
        #expect(byDefault["from"] as? String == "2026-10-01")
        // the document shows no chart month before tracking
        let html = try ws.run(["report", "phase", "p", "1", "--from", "2026-09-01", "--to", "2026-11-30", "--format",
                               "html"], today: "2026-12-08").stdout
        #expect(!html.contains(">9/2026<") && html.contains(">10/2026<"))
    }

    @Test func theOpeningComesFromThePlanAndOfficersWriteSectionsTwoToFour() throws {
        let ws = try sampleWorkspace()
        // without the officers' text (the shipped sample removed): a draft with a placeholder in each of their parts
        try FileManager.default.removeItem(atPath: ws.path("content/reports/month-2026-11.md"))
        let draft = try ws.run(["report", "month", "2026-11", "--format", "md"], today: "2026-12-08").stdout
        #expect(draft.contains("**[DỰ THẢO]**"))
        #expect(draft.contains("Thực hiện Kế hoạch số 199/KH-LĐLĐ ngày 19/02/2025 của Liên đoàn Lao động tỉnh Điện "
                               + "Biên; Kế hoạch số 189/KH-TU ngày 22/01/2025 của Ban Thường vụ Tỉnh ủy Điện Biên về "
                               + "tuyên truyền thực hiện 03 đề án"))
        #expect(draft.contains("Kế hoạch số 05/KH-CĐVC ngày 03/03/2025, Công đoàn Viên chức tỉnh Điện Biên báo cáo "
                               + "kết quả như sau:"))
        for part in ["Ưu điểm", "Hạn chế, nguyên nhân", "Phương hướng, nhiệm vụ thời gian tới", "Đề xuất, kiến nghị"] {
            #expect(draft.contains("*[Chưa có nội dung: cán bộ tổng hợp viết phần “\(part)” trước khi trình ký.]*"))
        }
        // the themes II names are not listed again, word for word, in III
        let two = draft.components(separatedBy: "## II. ĐÁNH GIÁ").last?.components(separatedBy: "## III.").first ?? ""
        let three = draft.components(separatedBy: "## III.").last?.components(separatedBy: "## IV.").first ?? ""
        let uncovered = two.components(separatedBy: "Nội dung trọng tâm chưa có bài đăng:").last?
            .split(separator: "\n").prefix { $0.hasPrefix("  - ") }.map { String($0.dropFirst(4).dropLast()) } ?? []
        #expect(!uncovered.isEmpty)
        for theme in uncovered { #expect(!three.contains(theme), "\(theme) is repeated in III") }
        #expect(three.contains("nội dung trọng tâm chưa có bài nêu tại mục II"))

        // --final needs every part: it names the file and each missing part, and writes nothing
        let missing = try ws.run(["report", "month", "2026-11", "--final"], today: "2026-12-08")
        #expect(missing.code == 65)
        for heading in ["### 1. Ưu điểm", "### 2. Hạn chế, nguyên nhân", "## III. Phương hướng, nhiệm vụ thời gian tới",
                        "## IV. Đề xuất, kiến nghị"] {
            #expect(missing.stderr.contains("content/reports/month-2026-11.md:1:1: error: thiếu mục \"\(heading)\""),
                    "\(missing.stderr)")
        }
        #expect(!ws.exists("out/reports/month-2026-11.md"))

        try ws.write("content/reports/month-2026-11.md", officerText)
        let final = try ws.run(["report", "month", "2026-11", "--final", "--format", "md"], today: "2026-12-08")
        #expect(final.code == 0, "\(final.stderr)")
        let text = final.stdout
        #expect(!text.contains("DỰ THẢO") && !text.contains("Chưa có nội dung") && !text.contains("Ghi chú của cán bộ"))
        #expect(text.contains("### 1. Ưu điểm\n\nCác CĐCS tổ chức **nhiều hình thức** tuyên truyền phong phú."))
        #expect(text.contains("- Một số đơn vị gửi báo cáo muộn do thay đổi người phụ trách."))
        #expect(text.contains("## III. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI\n\n1. Hoàn thiện bài về tiến độ thi công."))
        #expect(text.contains("## IV. ĐỀ XUẤT, KIẾN NGHỊ\n\nĐề nghị Liên đoàn Lao động tỉnh hỗ trợ tài liệu tuyên truyền."))
        // Loa's own findings still open II
        #expect(text.contains("## II. ĐÁNH GIÁ\n\nQua số liệu tổng hợp:\n\n- CĐCS chưa gửi báo cáo:"))
        let html = try ws.run(["report", "month", "2026-11", "--final", "--format", "html"], today: "2026-12-08").stdout
        #expect(html.contains("<strong>nhiều hình thức</strong>") && !html.contains("class=\"draft\""))

        // a part left empty is missing again
        try ws.edit("content/reports/month-2026-11.md", replacing: "Đề nghị Liên đoàn Lao động tỉnh hỗ trợ tài liệu tuyên truyền.",
                    with: "")
        let empty = try ws.run(["report", "month", "2026-11", "--final"], today: "2026-12-08")
        let line = lineNumber(of: "## IV.", in: try ws.read("content/reports/month-2026-11.md")) ?? 0
        #expect(empty.code == 65 && empty.stderr.contains("content/reports/month-2026-11.md:\(line):1: error: thiếu mục "
                                                          + "\"## IV. Đề xuất, kiến nghị\""), "\(empty.stderr)")
        #expect(empty.stderr.split(separator: "\n").count == 1)
    }

    @Test func countsThatCouldMisleadAreExplained() throws {
        let ws = try sampleWorkspace()
        let plain = try ws.run(["report", "month", "2026-11", "--format", "md"], today: "2026-12-08").stdout
        #expect(plain.contains("Có 4 vấn đề được phản ánh, trong đó 1 vấn đề nhạy cảm không hiển thị;"))
        let open = try ws.run(["report", "month", "2026-11", "--format", "md", "--include-sensitive"],
                              today: "2026-12-08").stdout
        #expect(open.contains("Có 4 vấn đề được phản ánh; cảnh báo"))
        let phase = try ws.run(["report", "phase", "digital", "2.1", "--format", "md"], today: "2026-12-08").stdout
        #expect(phase.contains("Hoạt động gắn với nhiều đề án được tính ở mỗi đề án"))
        let json = try object(try ws.run(["report", "phase", "digital", "2.1", "--format", "json"], today: "2026-12-08"))
        let activities = json["activities"] as? [String: Any] ?? [:]
        let byProject = activities["by_project"] as? [String: Int] ?? [:]
        #expect(byProject.values.reduce(0, +) > activities["count"] as? Int ?? 0)
    }

    @Test func clustersHaveNamesAndTheirParentsAreClusters() throws {
        let ws = try sampleWorkspace()
        let html = try ws.run(["report", "month", "2026-11", "--format", "html"], today: "2026-12-08").stdout
        #expect(html.contains(">Cụm giáo dục<") && !html.contains("cum-giao-duc"))
        try ws.write("content/clusters.csv", """
            code,name,parent
            khoi-tinh,Khối tỉnh,
            cum-quan-ly-nha-nuoc,Cụm các cơ quan quản lý nhà nước,khoi-tinh
            cum-giao-duc,Cụm giáo dục,khoi-tinhh
            cum-y-te,Cụm y tế,cum-van-hoa
            cum-van-hoa,Cụm văn hóa,cum-y-te

            """)
        try ws.edit("content/units.csv", replacing: "cdcs-so-yte,CĐCS Sở Y tế,cum-quan-ly-nha-nuoc",
                    with: "cdcs-so-yte,CĐCS Sở Y tế,cum-khong-co")
        let r = try ws.run(["check"])
        #expect(r.code == 65)
        #expect(r.stderr.contains("content/clusters.csv:4:27: error: không có cụm \"khoi-tinhh\"; có phải ý bạn là "
                                  + "\"khoi-tinh\"?"), "\(r.stderr)")
        #expect(r.stderr.contains("content/clusters.csv:5:19: error: cụm nằm trong chính nó qua cột parent: cum-y-te → "
                                  + "cum-van-hoa → cum-y-te"), "\(r.stderr)")
        #expect(r.stderr.contains("content/units.csv:3:1: error: không có cụm \"cum-khong-co\""), "\(r.stderr)")
        #expect(r.stderr.split(separator: "\n").filter { $0.contains("error:") }.count == 3, "\(r.stderr)")
    }

    @Test func thePlanSentToUnitsCarriesNoWorkingNotesAndNoPassedDeadline() throws {
        let ws = try TempWorkspace()
        // planned on 6 December: November's reports were due yesterday
        #expect(try ws.run(["plan", "2026-12"], today: "2026-12-06").code == 0)
        let draft = try ws.read("out/plans/2026-12.md")
        #expect(draft.contains("**[DỰ THẢO]**") && draft.contains("## VI. GHI CHÚ DỰ THẢO"))
        #expect(draft.contains("| Trạng thái |") && draft.contains("### Kỳ phát hành còn chỗ trống"))
        #expect(!draft.contains("05/12/2026"))
        #expect(draft.contains("Các CĐCS gửi báo cáo kết quả tuyên truyền tháng 12/2026 chậm nhất ngày Thứ Ba, 05/01/2027"))
        #expect(draft.contains("Thực hiện Kế hoạch số 199/KH-LĐLĐ"))
        #expect(draft.contains("Kế hoạch số 05/KH-CĐVC ngày 03/03/2025, Công đoàn Viên chức tỉnh Điện Biên xây dựng kế "
                               + "hoạch tuyên truyền tháng 12/2026 như sau:"))
        #expect(try ws.run(["plan", "2026-12", "--confirm"], today: "2026-12-06").code == 0)
        let confirmed = try ws.read("out/plans/2026-12.md")
        for note in ["DỰ THẢO", "GHI CHÚ", "Trạng thái", "Đề xuất", "Kỳ phát hành còn chỗ trống", "Kỳ phát hành đã qua",
                     "chờ duyệt"] {
            #expect(!confirmed.contains(note), "the confirmed plan holds \(note)")
        }
        #expect(confirmed.contains("## V. TỔ CHỨC THỰC HIỆN") && !confirmed.contains("## VI."))
        // planned before the 5th, last month's deadline is still ahead and is given too
        #expect(try ws.run(["plan", "2026-12"], today: "2026-11-25").code == 0)
        #expect(try ws.read("out/plans/2026-12.md").contains("tháng 11/2026 chậm nhất ngày Thứ Bảy, 05/12/2026"))
    }
}
