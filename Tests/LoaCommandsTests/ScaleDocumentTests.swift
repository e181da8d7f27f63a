import Foundation
import Testing

/// A report over 100,000 units is pages a leader reads: tables by level, single units only as capped exceptions,
/// every unit in the annex beside the documents.
@Suite(.serialized) struct ScaleDocumentTests {
    @Test func aPhaseReportOverAHundredThousandUnitsPrintsInAFewPages() throws {
        let big = try BigWorkspace(units: 100_000)
        let r = try big.run(["report", "phase", "digital", "2.1", "--from", "2026-10-01", "--to", "2026-12-31"])
        #expect(r.code == 0, "\(r.stderr)")
        #expect(r.stdout.contains("out/reports/phase-digital-2.1-units.csv"), "\(r.stdout)")
        let html = try String(contentsOfFile: big.root + "/out/reports/phase-digital-2.1.html", encoding: .utf8)
        // the default level: 12 provinces (60 clusters are more than 40)
        #expect(html.contains("Kết quả theo cấp: Cấp trên của cụm") && html.contains(">Tỉnh số 11<"))
        #expect(!html.contains(">Cụm số 5<"))
        let rows = html.components(separatedBy: "<tr").count - 1
        #expect(rows < 150, "\(rows) table rows")
        #expect(html.utf8.count < 150_000, "\(html.utf8.count) bytes")
        let md = try String(contentsOfFile: big.root + "/out/reports/phase-digital-2.1.md", encoding: .utf8)
        #expect(md.utf8.count < 100_000, "\(md.utf8.count) bytes of Markdown")
        let docx = try FileManager.default.attributesOfItem(atPath: big.root + "/out/reports/phase-digital-2.1.docx")
        #expect((docx[.size] as? Int ?? 0) < 400_000, "\(docx[.size] ?? 0) bytes of Word")
        // capped lists say how many more and where they are, by the annex's file name
        #expect(html.contains("đơn vị khác — xem phụ lục danh sách từng đơn vị (tệp phase-digital-2.1-units.csv)"))
        #expect(html.contains("báo cáo khác — xem phụ lục"))
        // the annex has every unit, and its columns add up to the whole
        let annex = try String(contentsOfFile: big.root + "/out/reports/phase-digital-2.1-units.csv", encoding: .utf8)
        let lines = annex.split(separator: "\r\n")
        #expect(lines.count == 100_001)
        let header = lines[0].replacingOccurrences(of: "\u{FEFF}", with: "").split(separator: ",").map(String.init)
        #expect(header.starts(with: ["code", "name", "cluster", "level_1", "members", "expected", "received"]))
        let received = header.firstIndex(of: "received")!, activities = header.firstIndex(of: "activities")!
        var sums = (0, 0)
        for line in lines.dropFirst() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            sums.0 += Int(cells[received]) ?? 0
            sums.1 += Int(cells[activities]) ?? 0
        }
        let json = try JSONSerialization.jsonObject(with: big.run(["report", "phase", "digital", "2.1", "--from",
            "2026-10-01", "--to", "2026-12-31", "--format", "json"]).stdoutBytes) as! [String: Any]
        #expect(sums.0 == (json["reporting"] as! [String: Any])["received"] as? Int)
        #expect(sums.1 == (json["activities"] as! [String: Any])["count"] as? Int)
        let groups = (json["by_level"] as! [String: Any])["groups"] as! [[String: Any]]
        #expect(groups.count == 12 && groups.map { $0["units"] as! Int }.reduce(0, +) == 100_000)
        try printedPages(big.root + "/out/reports/phase-digital-2.1.html", atMost: 20)
    }

    /// Prints the HTML with headless Chromium and counts the A4 pages.
    func printedPages(_ html: String, atMost limit: Int) throws {
        let dir = (html as NSString).deletingLastPathComponent
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", repositoryRoot + "/Tests/tools/print_pdf.py", dir + "/pdf",
                       (html as NSString).lastPathComponent]
        p.currentDirectoryURL = URL(fileURLWithPath: dir)
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        if let skipped = text.split(separator: "\n").first(where: { $0.hasPrefix("SKIPPED:") }) {
            toolMissing(String(skipped.dropFirst(9)))
            return
        }
        #expect(p.terminationStatus == 0, "print_pdf.py: \(text)")
        let pdf = dir + "/pdf/" + (html as NSString).lastPathComponent.replacingOccurrences(of: ".html", with: ".pdf")
        guard let info = try tool("pdfinfo", [pdf]) else { return }
        let pages = info.text.split(separator: "\n").first { $0.hasPrefix("Pages:") }
            .flatMap { Int($0.dropFirst(6).trimmingCharacters(in: .whitespaces)) } ?? 0
        #expect(pages > 0 && pages <= limit, "\(pages) pages")
    }
}
