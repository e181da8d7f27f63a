import Foundation
import Testing

// Every plan, issue and report of `loa demo` as Word, read by readers Loa did not write: python-docx for the
// structure (page, margins, font, the header and signature as borderless tables, Word tables, pictures, the PAGE
// field from page 2) and LibreOffice headless, whose PDF pdftotext reads back (page numbers, no code, the opening,
// the sections, the interim wording, the same figures as the JSON).

/// The units' and channels' codes by name, to read a table of names back into the JSON's keys.
private func names(_ root: String, _ rel: String, code: Int, name: Int) throws -> [String: String] {
    var out: [String: String] = [:]
    for line in try String(contentsOfFile: root + "/" + rel, encoding: .utf8).split(separator: "\n").dropFirst() {
        let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        if f.count > max(code, name) { out[f[name]] = f[code] }
    }
    return out
}

private func channelNames(_ root: String) throws -> [String: String] {
    var out: [String: String] = [:], id = ""
    for line in try String(contentsOfFile: root + "/content/channels.yml", encoding: .utf8).split(separator: "\n") {
        if line.hasPrefix("- id: ") { id = String(line.dropFirst(6)) }
        if line.hasPrefix("  name: ") { out[String(line.dropFirst(8))] = id }
    }
    return out
}

@Suite struct WordDocumentTests {
    @Test func everyDocumentOpensInWordReadersAsTheSignedDocument() throws {
        let root = NSTemporaryDirectory() + "loa-word-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        let demo = try loa(["demo", root])
        #expect(demo.code == 0, "\(demo.stderr)")
        func run(_ args: [String], today: String) throws -> RunResult {
            try loa(["--workspace", root, "--today", today] + args)
        }
        // the documents the demo wrote, and three more: a quick report, a final report and a plan on stdout
        var documents: [String: String] = [:]
        let e = FileManager.default.enumerator(atPath: root + "/out")
        while let f = e?.nextObject() as? String {
            guard f.hasSuffix(".docx") else { continue }
            documents[f.replacingOccurrences(of: "/", with: "__").replacingOccurrences(of: ".docx", with: "")]
                = root + "/out/" + f
        }
        // the month, phase and unit reports, the early warnings and the report of a matter to an authority
        #expect(documents.keys.filter { $0.hasPrefix("reports__") }.count == 5)
        /// A warning or a matter reported upward stands on its own: no opening, no figures, no chart.
        func ofThePlan(_ key: String) -> Bool { !key.hasPrefix("reports__alert-") && !key.hasPrefix("reports__warnings-") }
        #expect(documents.keys.filter { $0.hasPrefix("plans__") }.count == 2)
        #expect(documents.keys.filter { $0.hasPrefix("issues__") }.count == 13)
        #expect(try run(["report", "month", "2026-12", "--format", "docx", "-o", root + "/quick.docx"],
                        today: "2026-12-08").code == 0)
        documents["quick"] = root + "/quick.docx"
        try officerText.write(toFile: root + "/content/reports/month-2026-11.md", atomically: true, encoding: .utf8)
        let final = try run(["report", "month", "2026-11", "--final", "--format", "docx"], today: "2026-12-08")
        #expect(final.code == 0, "\(final.stderr)")
        try final.stdoutBytes.write(to: URL(fileURLWithPath: root + "/final.docx"))
        documents["final"] = root + "/final.docx"
        let again = try run(["report", "month", "2026-11", "--final", "--format", "docx"], today: "2026-12-08")
        #expect(again.stdoutBytes == final.stdoutBytes, "the same report twice gives other bytes")
        let json = try JSONSerialization.jsonObject(with: try run(["report", "month", "2026-11", "--format", "json"],
                                                                  today: "2026-12-08").stdoutBytes) as? [String: Any]
        let plan = try run(["plan", "2026-12", "--confirm", "--format", "docx"], today: "2026-12-06")
        #expect(plan.code == 0 && plan.stdoutBytes.starts(with: Array("PK".utf8)), "\(plan.stderr)")
        try plan.stdoutBytes.write(to: URL(fileURLWithPath: root + "/plan.docx"))
        documents["plan"] = root + "/plan.docx"

        // python-docx: the structure
        guard let read = try pythonDocx(documents.values.sorted()) else { return }
        for (key, path) in documents.sorted(by: { $0.key < $1.key }) {
            guard let d = read[path] else { Issue.record("\(key) was not read"); continue }
            let page = d["page"] as? [String: Double] ?? [:]
            #expect(page["width"] == 210 && page["height"] == 297, "\(key) is not A4: \(page)")
            let font = d["font"] as? [String: Any] ?? [:]
            #expect(font["name"] as? String == "Times New Roman" && (13...14).contains(font["size"] as? Double ?? 0))
            // page numbers: a PAGE field on every page but the first, which has a header of its own, empty
            #expect(d["different_first_page"] as? Bool == true, "\(key)")
            #expect((d["header"] as? [String: Any])?["page_field"] as? Bool == true, "\(key)")
            #expect((d["first_page_header"] as? [String: Any])?["text"] as? String == "", "\(key)")
            if key.hasPrefix("issues__") { continue }
            // Nghị định 30: margins, the header and the signature block as borderless tables, Word tables between
            #expect((20...25).contains(page["top"] ?? 0) && (20...25).contains(page["bottom"] ?? 0)
                    && (30...35).contains(page["left"] ?? 0) && (15...20).contains(page["right"] ?? 0), "\(key)")
            let tables = d["tables"] as? [[String: Any]] ?? []
            let first = tables.first ?? [:], last = tables.last ?? [:]
            let head = (first["rows"] as? [[String]] ?? []).flatMap { $0 }.joined(separator: "\n")
            #expect(first["borders"] as? Bool == false && head.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
                    && head.contains("Số:") && head.contains("Điện Biên, ngày "), "\(key): \(head)")
            let foot = (last["rows"] as? [[String]] ?? []).flatMap { $0 }.joined(separator: "\n")
            #expect(last["borders"] as? Bool == false && foot.contains("Nơi nhận:") && foot.contains("Nguyễn Văn A")
                    && foot.contains("TM. BAN THƯỜNG VỤ"), "\(key): \(foot)")
            #expect(!ofThePlan(key) || tables.dropFirst().dropLast().contains { $0["borders"] as? Bool == true },
                    "\(key) has no Word table")
            let headings = (d["paragraphs"] as? [[String: String]] ?? []).filter { $0["style"] == "Heading 1" }
                .map { $0["text"] ?? "" }
            if key.hasPrefix("reports__alert-") {
                #expect(headings == ["I. Tình hình vụ việc", "II. Những việc đã làm", "III. Đề xuất, kiến nghị"])
            } else if key.hasPrefix("reports__warnings-") {
                #expect(headings.count == 3, "\(key): \(headings)")
            } else if key.hasPrefix("reports__") || key == "quick" || key == "final" {
                #expect(headings == ["I. KẾT QUẢ THỰC HIỆN", "II. ĐÁNH GIÁ", "III. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI",
                                     "IV. ĐỀ XUẤT, KIẾN NGHỊ"], "\(key): \(headings)")
                #expect(d["pictures"] as? Int ?? 0 >= 1, "\(key) has no chart")
            }
        }

        // the quick report judges no target: each is a value so far
        let quick = (read[root + "/quick.docx"]?["tables"] as? [[String: Any]] ?? []).flatMap { $0["rows"] as? [[String]] ?? [] }
        #expect(quick.filter { $0.last == "Tạm tính, chưa đến kỳ đánh giá" }.count == 5)

        // the same figures as the JSON: reporting by month, activities by unit, publications by channel
        let finalDoc = read[root + "/final.docx"] ?? [:]
        let rows = (finalDoc["tables"] as? [[String: Any]] ?? []).flatMap { $0["rows"] as? [[String]] ?? [] }
        let reporting = json?["reporting"] as? [String: Any] ?? [:]
        for m in reporting["by_month"] as? [[String: Any]] ?? [] {
            let row = rows.first { $0.first == "11/2026" }
            #expect(row.map { Array($0[1...3]) } == [m["expected"], m["received"], m["on_time"]].map { "\($0 ?? "")" })
        }
        let units = try names(root, "content/units.csv", code: 0, name: 1)
        let byUnit = (json?["activities"] as? [String: Any])?["by_unit"] as? [String: Int] ?? [:]
        let unitRows = rows.filter { units[$0.first ?? ""] != nil && $0.count == 3 }
        #expect(unitRows.count == byUnit.count)
        for row in unitRows { #expect(Int(row[1]) == byUnit[units[row[0]] ?? ""], "\(row)") }
        let channels = try channelNames(root)
        let byChannel = (json?["content"] as? [String: Any])?["by_channel"] as? [String: Int] ?? [:]
        let channelRows = rows.filter { channels[$0.first ?? ""] != nil && $0.count == 2 }
        #expect(channelRows.count == byChannel.count)
        for row in channelRows { #expect(Int(row[1]) == byChannel[channels[row[0]] ?? ""], "\(row)") }

        // LibreOffice: the printed pages
        guard let pdfs = try libreOfficePDFs(documents, in: root + "/libreoffice") else { return }
        let codes = try workspaceCodes(root)
        for (key, pdf) in pdfs.sorted(by: { $0.key < $1.key }) {
            guard let info = try tool("pdfinfo", [pdf]), let pages = try pdfPages(pdf) else { return }
            #expect(info.text.contains("(A4)"), "\(key): \(info.text)")
            let text = pages.joined(separator: "\n")
            #expect(codesShown(in: text, codes: codes).isEmpty, "\(key) prints \(codesShown(in: text, codes: codes))")
            #expect(Int(firstLine(pages[0])) == nil, "\(key): page 1 is numbered")
            for (i, page) in pages.enumerated().dropFirst() {
                #expect(firstLine(page) == String(i + 1), "\(key): page \(i + 1) begins \(firstLine(page))")
            }
            if key.hasPrefix("issues__") { continue }
            let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            if !ofThePlan(key) {
                #expect(!key.hasPrefix("reports__alert-")
                        || flat.contains("Kính gửi: Ban Thường vụ Liên đoàn Lao động tỉnh Điện Biên"), "\(key)")
                continue
            }
            #expect(flat.contains("Thực hiện Kế hoạch số 199/KH-LĐLĐ ngày 19/02/2025 của Liên đoàn Lao động tỉnh Điện Biên"),
                    "\(key)")
            if key.hasPrefix("reports__") || key == "quick" || key == "final" {
                for section in ["I. KẾT QUẢ THỰC HIỆN", "II. ĐÁNH GIÁ", "1. Ưu điểm", "2. Hạn chế, nguyên nhân",
                                "III. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI", "IV. ĐỀ XUẤT, KIẾN NGHỊ"] {
                    #expect(flat.contains(section), "\(key) lacks \(section)")
                }
            }
            switch key {
            case "quick":
                #expect(flat.contains("BÁO CÁO NHANH") && flat.contains("(tính đến ngày 08/12/2026)"))
                #expect(flat.components(separatedBy: "Tạm tính,").count - 1 == 5)   // a cell's words may wrap
                #expect(!flat.contains("Chưa đạt") && !flat.contains("CĐCS chưa gửi báo cáo"))
            case "final":
                #expect(!flat.contains("DỰ THẢO") && !flat.contains("Chưa có nội dung"))
                #expect(flat.contains("Đề nghị Liên đoàn Lao động tỉnh hỗ trợ tài liệu tuyên truyền."))
                #expect(flat.contains("Nhận \(reporting["received"] ?? "")/\(reporting["expected"] ?? "") báo cáo"))
            case "plan":
                #expect(!flat.contains("DỰ THẢO") && !flat.contains("GHI CHÚ") && !flat.contains("05/12/2026"))
            default: break
            }
        }
    }
}

/// The officers' text of the final report.
private let officerText = """
    ## II. Đánh giá

    ### 1. Ưu điểm

    Các CĐCS tổ chức nhiều hình thức tuyên truyền.

    ### 2. Hạn chế, nguyên nhân

    Một số đơn vị gửi báo cáo muộn.

    ## III. Phương hướng, nhiệm vụ thời gian tới

    Đôn đốc báo cáo tháng 12/2026.

    ## IV. Đề xuất, kiến nghị

    Đề nghị Liên đoàn Lao động tỉnh hỗ trợ tài liệu tuyên truyền.

    """
