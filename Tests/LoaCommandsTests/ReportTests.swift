import Foundation
import Testing

/// The mini fixture with October published and every sample form imported (see Tests/Fixtures/mini).
func miniWorkspace() throws -> TempWorkspace {
    let ws = try TempWorkspace(fixture: "mini")
    #expect(try ws.run(["plan", "2026-10", "--confirm"], today: "2026-09-20").code == 0)
    #expect(try ws.run(["publish", "news", "2026-10-15"], today: "2026-10-15").code == 0)
    let r = try ws.run(["import", repositoryRoot + "/Tests/Fixtures/mini/forms"], today: "2026-12-07")
    #expect(r.code == 0, "\(r.stderr)")
    return ws
}

func json(_ r: RunResult) throws -> [String: Any] {
    try JSONSerialization.jsonObject(with: r.stdoutBytes) as! [String: Any]
}

@Suite struct ReportFigureTests {
    @Test func phaseReportFiguresMatchTheHandComputedFixture() throws {
        let ws = try miniWorkspace()
        let r = try ws.run(["report", "phase", "p", "1", "--from", "2026-10-01", "--to", "2026-11-30", "--format", "json"], today: "2026-12-08")
        #expect(r.code == 0, "\(r.stderr)")
        let o = try json(r)
        #expect(o["from"] as? String == "2026-10-01" && o["to"] as? String == "2026-11-30")
        let content = o["content"] as! [String: Any]
        #expect(content["published_items"] as? Int == 2)
        #expect(content["deliveries"] as? Int == 4)          // u1, u2 exist on 15/10; u3 joins later, u4 left
        #expect(content["by_theme"] as? [String: Int] == ["p/1/a": 1, "p/1/b": 1])
        #expect(content["theme_coverage"] as? Double == 1)
        let acts = o["activities"] as! [String: Any]
        #expect(acts["count"] as? Int == 6)                   // the replaced form's activity does not count
        #expect(acts["participants"] as? Int == 43)
        #expect(acts["by_unit"] as? [String: Int] == ["u1": 2, "u2": 3, "u3": 1])
        #expect(acts["by_type"] as? [String: Int] == ["hoi-nghi": 2, "khac": 1, "sinh-hoat-chuyen-de": 2, "tham-quan": 1])
        #expect(acts["by_project"] as? [String: Int] == ["p": 6])
        #expect(acts["reach"] as? Double == 0.6143)           // 43 / (10 + 20 + 10 + 30)
        #expect(acts["units_without_activity"] as? [String] == ["u4"])
        let rep = o["reporting"] as! [String: Any]
        #expect(rep["expected"] as? Int == 6)                 // Oct: u1 u2 u4; Nov: u1 u2 u3
        #expect(rep["received"] as? Int == 5)
        #expect(rep["on_time"] as? Int == 4)                  // u1's November form came on 06/12, after the 05/12 deadline
        #expect(rep["rate"] as? Double == 0.8333)
        #expect(rep["timeliness"] as? Double == 0.6667)
        let missing = rep["missing"] as! [[String: String]]
        #expect(missing == [["unit": "u4", "period": "2026-10"]])
        let targets = Dictionary(uniqueKeysWithValues: (o["targets"] as! [[String: Any]]).map { ($0["id"] as! String, $0) })
        #expect(targets["rr"]?["value"] as? Double == 0.8333 && targets["rr"]?["met"] as? Bool == true)
        #expect(targets["tl"]?["value"] as? Double == 0.6667 && targets["tl"]?["met"] as? Bool == true)
        #expect(targets["apu"]?["value"] as? Double == 0.75 && targets["apu"]?["met"] as? Bool == true)
        #expect(targets["cov"]?["value"] as? Double == 1 && targets["cov"]?["met"] as? Bool == true)
        #expect(targets["reach"]?["value"] as? Double == 0.6143 && targets["reach"]?["met"] as? Bool == false)
        #expect((targets["tl"]?["periods"] as? [[String: Any]])?.count == 2)
        let fb = o["feedback"] as! [String: Any]
        #expect(fb["moods"] as? [String: Int] == ["lo-ngai": 1, "on-dinh": 3, "quan-tam": 1])
        #expect(fb["issues"] as? Int == 1)
        #expect(fb["alerts_open"] as? Int == 1 && fb["alerts_resolved"] as? Int == 0)
        #expect(!r.stdout.contains("Vấn đề nhạy cảm"))
    }

    @Test func aQuarterTargetIsClippedToTheMonthOfAMonthReport() throws {
        let ws = try miniWorkspace()
        let o = try json(try ws.run(["report", "month", "2026-11", "--format", "json"], today: "2026-12-08"))
        let rep = o["reporting"] as! [String: Any]
        #expect(rep["expected"] as? Int == 3 && rep["received"] as? Int == 3 && rep["on_time"] as? Int == 2)
        let targets = Dictionary(uniqueKeysWithValues: (o["targets"] as! [[String: Any]]).map { ($0["id"] as! String, $0) })
        #expect(targets["rr"]?["value"] as? Double == 1)
        let periods = targets["rr"]?["periods"] as! [[String: Any]]
        #expect(periods.map { $0["period"] as! String } == ["2026-Q4"])
        // no publication in November: coverage 0, target not met
        #expect(targets["cov"]?["value"] as? Double == 0 && targets["cov"]?["met"] as? Bool == false)
    }

    @Test func sensitiveDetailsOnlyWithTheFlag() throws {
        let ws = try miniWorkspace()
        for format in ["md", "html", "csv", "json"] {
            let plain = try ws.run(["report", "month", "2026-11", "--format", format], today: "2026-12-08")
            #expect(!plain.stdout.contains("Vấn đề nhạy cảm") && !plain.stdout.contains("Chi tiết kín"), "\(format)")
            let open = try ws.run(["report", "month", "2026-11", "--format", format, "--include-sensitive"], today: "2026-12-08")
            #expect(open.stdout.contains("Vấn đề nhạy cảm"), "\(format)")
        }
        let unit = try ws.run(["report", "unit", "u2", "--from", "2026-10-01", "--format", "json"], today: "2026-12-08")
        let o = try json(unit)
        #expect((o["activities"] as! [String: Any])["count"] as? Int == 3)
        #expect((o["reporting"] as! [String: Any])["expected"] as? Int == 2)
        #expect((o["content"] as! [String: Any])["deliveries"] as? Int == 2)
    }

    @Test func reportsAreByteIdenticalAndInTheAdministrativeFormat() throws {
        let ws = try miniWorkspace()
        let a = try ws.run(["report", "month", "2026-11"], today: "2027-01-05")
        #expect(a.stdout == "out/reports/month-2026-11.md\nout/reports/month-2026-11.html\nout/reports/month-2026-11.docx\n"
                + "out/reports/month-2026-11-units.csv\n")
        let md = try ws.readData("out/reports/month-2026-11.md"), html = try ws.readData("out/reports/month-2026-11.html")
        let docx = try ws.readData("out/reports/month-2026-11.docx")
        #expect(try ws.run(["report", "month", "2026-11"], today: "2027-01-05").code == 0)
        #expect(try ws.readData("out/reports/month-2026-11.md") == md)
        #expect(try ws.readData("out/reports/month-2026-11.html") == html)
        #expect(try ws.readData("out/reports/month-2026-11.docx") == docx)
        let text = String(decoding: md, as: UTF8.self)
        #expect(text.hasPrefix("LIÊN ĐOÀN THỬ NGHIỆM  \n**CÔNG ĐOÀN THỬ NGHIỆM**  \nSố:\u{00A0}\u{00A0}\u{00A0}\u{00A0}\u{00A0}\u{00A0}/BC-CĐTN"))
        #expect(text.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM  \n**Độc lập - Tự do - Hạnh phúc**"))
        #expect(text.contains("*Hà Giang, ngày 05 tháng 01 năm 2027*"))
        #expect(text.contains("## I. KẾT QUẢ THỰC HIỆN") && text.contains("## II. ĐÁNH GIÁ")
                && text.contains("## III. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI") && text.contains("## IV. ĐỀ XUẤT, KIẾN NGHỊ"))
        #expect(text.contains("**Nơi nhận:**"))
        #expect(text.contains("Báo cáo gửi muộn: Đơn vị Một (11/2026, gửi ngày 06/12/2026)"))
        let phase = try ws.run(["report", "phase", "p", "1", "--from", "2026-10-01", "--to", "2026-11-30", "--format", "html"], today: "2026-12-08")
        #expect(phase.stdout.contains("<svg"))
        #expect(phase.stdout.components(separatedBy: "<svg").count - 1 == 3)   // activities, reporting rate, theme grid
        #expect(phase.stdout.contains("Sơ kết công tác tuyên truyền"))
        let en = try ws.run(["report", "month", "2026-11", "--format", "md", "--lang", "en"], today: "2026-12-08")
        #expect(en.stdout.contains("SOCIALIST REPUBLIC OF VIETNAM") && en.stdout.contains("## I. RESULTS"))
    }

    @Test func csvHasABOMAndNeutralisesFormulas() throws {
        let ws = try miniWorkspace()
        try ws.edit("content/channels.yml", replacing: "- id: news", with: "- id: news")
        let r = try ws.run(["report", "month", "2026-10", "--format", "csv", "-o", ws.path("r.csv")], today: "2026-12-08")
        #expect(r.code == 0 && r.stdout.isEmpty)
        let bytes = [UInt8](try ws.readData("r.csv"))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(text.hasPrefix("section,key,value,status\r\n"))
        #expect(text.contains("reporting,rate,0.6667,\r\n"))
        #expect(text.contains("reporting.missing,u4,2026-10,\r\n"))
        // a target's value and whether it is met sit in cells of their own, so a spreadsheet can sum the values
        #expect(text.range(of: #"\r\ntargets,[a-z0-9-]+,[0-9.]+,(met|not met)\r\n"#, options: .regularExpression) != nil)
    }

    @Test func theDemoRunsTheWholeFlow() throws {
        let dir = NSTemporaryDirectory() + "loa-demo-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try loa(["demo", dir])
        #expect(r.code == 0, "\(r.stderr)")
        for f in ["out/plans/2026-11.html", "out/issues/ban-tin/2026-11-13.html", "out/reports/month-2026-11.html",
                  "out/reports/phase-digital-2.1.html", "out/forms/cdcs-so-gddt-2026-11.md", "calendars/2026-12.ics", "loa.sqlite"] {
            #expect(FileManager.default.fileExists(atPath: dir + "/" + f), "\(f)")
        }
        #expect(r.stdout.contains("hiệu chỉnh 1"))
        // nothing left the machine, and it says where the e-mails and the Zalo articles went
        #expect(r.stdout.contains("7 thư ghi vào out/outbox/ban-tin/2026-11-13/, chưa gửi đi"))
        #expect(r.stdout.contains("bài Zalo OA ghi vào out/zalo/zalo-oa/2026-11-05.json, chưa gửi đi"))
        #expect(FileManager.default.fileExists(atPath: dir + "/out/outbox/ban-tin/2026-11-13/cdcs-so-gddt.eml"))
        // it ends by saying how to open the web front, with one unit's private link
        #expect(r.stdout.contains("loa serve --workspace \(dir) --today 2026-12-08"))
        #expect(r.stdout.range(of: #"http://127\.0\.0\.1:8080/u/[A-Za-z0-9_-]{43}\n"#, options: .regularExpression) != nil)
        let key = try #require(FileManager.default.attributesOfItem(atPath: dir + "/loa.key")[.posixPermissions] as? Int)
        #expect(key & 0o077 == 0)
        let again = try loa(["demo", dir])
        #expect(again.stdout == r.stdout)
    }
}

@Suite struct StatusAndRenderTests {
    @Test func statusShowsSlotsDueItemsOverdueReportsAlertsAndAnniversaries() throws {
        let ws = try TempWorkspace()
        #expect(try ws.run(["plan", "2026-12", "--confirm"]).code == 0)
        #expect(try ws.run(["publish", "ban-tin", "2026-12-15"], today: "2026-12-15").code == 0)
        #expect(try ws.run(["import", ws.path("reports/samples")], today: "2026-12-06").code == 0)
        let r = try ws.run(["status"], today: "2026-12-16")
        #expect(r.code == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Loa — tình hình ngày Thứ Tư, 16/12/2026"))
        #expect(r.stdout.contains("15/12  Bản tin Công đoàn Viên chức tỉnh                  đã xuất bản"))
        #expect(r.stdout.contains("16/12  Bảng tin tại trụ sở các CĐCS                      2 bài đã xác nhận"))
        #expect(r.stdout.contains("Lượt chuyển bài đến đơn vị trong tháng: 60"))
        // ho-tay-tien-do is in review; its ban-tin slot of 15/01 needs approval by 08/01, outside the 7 days
        #expect(!r.stdout.contains("Tiến độ thi công Nhà khách Hồ Tây"))
        #expect(try ws.run(["status"], today: "2027-01-02").stdout.contains(
            "duyệt trước 08/01: Tiến độ thi công Nhà khách Hồ Tây → Bản tin Công đoàn Viên chức tỉnh, kỳ 15/01"))
        #expect(r.stdout.contains("CĐCS Bảo tàng Chiến thắng Điện Biên Phủ     10/2026"))
        #expect(r.stdout.contains("CĐCS Trường PTDTNT tỉnh                     11/2026"))
        #expect(r.stdout.contains("#1  10 ngày   CĐCS Bệnh viện Đa khoa tỉnh · 11/2026"))
        #expect(r.stdout.contains("19/12/2026  Ngày Toàn quốc kháng chiến — 80 năm"))
        // status names things; it never shows the codes people do not read
        #expect(!r.stdout.contains("ban-tin") && !r.stdout.contains("cdcs-") && !r.stdout.contains("2026-12-"))
    }

    @Test func renderWritesAPagePerItemWithoutRawHTML() throws {
        let ws = try TempWorkspace()
        try ws.edit("content/items/ho-tay/ho-tay-tien-do.md", replacing: "*Chờ số liệu cập nhật.*", with: "<iframe src=x></iframe>\n\n*Chờ*")
        let r = try ws.run(["render"])
        #expect(r.code == 0, "\(r.stderr)")
        let pages = try FileManager.default.contentsOfDirectory(atPath: ws.path("out/items")).filter { $0.hasSuffix(".html") }
        #expect(pages.count == 19)   // 18 items and the index
        let page = try ws.read("out/items/ho-tay-tien-do.html")
        #expect(!page.contains("<iframe") && page.contains("<em>Chờ</em>"))
    }
}
