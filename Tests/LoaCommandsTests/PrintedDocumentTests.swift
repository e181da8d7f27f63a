import Foundation
import Testing

// Every plan, issue and report of `loa demo`, printed to A4 PDF by headless Chromium (Tests/tools/print_pdf.py)
// and read back with poppler's pdftotext, pdfinfo and pdffonts: what a leader holds in hand before signing.
// Each check skips, with the reason printed, when its tool is missing; `make test-deps` installs them all.

/// The heights of the words of a PDF (pdftotext -bbox), in points: a word's box is about 1.1 times its font size.
private func wordHeights(_ pdf: String) throws -> [(word: String, height: Double)]? {
    guard let out = try tool("pdftotext", ["-bbox", pdf, "-"]) else { return nil }
    let regex = try NSRegularExpression(pattern: #"yMin="([0-9.]+)" xMax="[0-9.]+" yMax="([0-9.]+)">([^<]*)<"#)
    let text = out.text
    return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { m in
        guard let a = Range(m.range(at: 1), in: text), let b = Range(m.range(at: 2), in: text),
              let w = Range(m.range(at: 3), in: text), let y0 = Double(text[a]), let y1 = Double(text[b]) else { return nil }
        return (String(text[w]), y1 - y0)
    }
}

/// `loa demo` in one language, its plans, issues and reports printed to PDF in a temporary folder.
private final class PrintedDemo {
    let root: String
    let language: String
    var documents: [String] = []

    init(language: String) throws {
        self.language = language
        root = NSTemporaryDirectory() + "loa-print-" + UUID().uuidString
        let demo = try loa(["--lang", language, "demo", root])
        #expect(demo.code == 0, "loa demo: \(demo.stderr)")
        let e = FileManager.default.enumerator(atPath: root + "/out")
        while let f = e?.nextObject() as? String {
            if f.hasSuffix(".html") && ["plans/", "issues/", "reports/"].contains(where: f.hasPrefix) {
                documents.append(f)
            }
        }
        documents.sort()
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    func html(_ document: String) throws -> String {
        try String(contentsOfFile: root + "/out/" + document, encoding: .utf8)
    }
    func pdf(_ document: String) -> String { root + "/pdf/" + document.replacingOccurrences(of: "/", with: "__")
        .replacingOccurrences(of: ".html", with: ".pdf")
    }

    /// Prints every document; false (with the reason printed) when Chromium or its driver is missing.
    func print() throws -> Bool {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", repositoryRoot + "/Tests/tools/print_pdf.py", root + "/pdf"] + documents
        p.currentDirectoryURL = URL(fileURLWithPath: root + "/out")
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        if p.terminationStatus == 127 { toolMissing("python3 is not installed, so nothing was printed"); return false }
        if let skipped = text.split(separator: "\n").first(where: { $0.hasPrefix("SKIPPED:") }) {
            toolMissing(String(skipped.dropFirst(9)))
            return false
        }
        #expect(p.terminationStatus == 0, "print_pdf.py: \(text)")
        return p.terminationStatus == 0
    }
}

/// The signer's name as the shipped plan.yml gives it.
private func signerName() throws -> String {
    let plan = try String(contentsOfFile: repositoryRoot + "/content/plan.yml", encoding: .utf8)
    guard let block = plan.range(of: "\nsignature:\n"),
          let line = plan[block.upperBound...].split(separator: "\n").first(where: { $0.hasPrefix("  name: ") })
    else { return "" }
    return String(line.dropFirst("  name: ".count))
}

/// Text with no-break spaces as spaces and runs of spaces as one.
private func simple(_ s: some StringProtocol) -> String {
    s.replacingOccurrences(of: "\u{00A0}", with: " ").split(separator: " ").joined(separator: " ")
}

/// Text as one line: every run of white space (line breaks too) as one space.
private func flat(_ s: some StringProtocol) -> String {
    s.split(whereSeparator: { $0.isWhitespace || $0 == "\u{00A0}" }).joined(separator: " ")
}

/// The header's left column (issuer) as pdftotext -layout lays it out: the segments of each line before the
/// number line that start left of the national title's column.
private func issuerColumn(_ lines: [Substring], nation: String, number: String) -> [String] {
    guard let first = lines.first(where: { $0.contains(nation) }), let start = first.range(of: nation)?.lowerBound
    else { return [] }
    let right = first.distance(from: first.startIndex, to: start)
    var left: [String] = []
    for line in lines {
        if line.contains(number) { break }
        var column = 0, segment = "", spaces = 0, segmentStart = 0
        func close() {
            if !segment.isEmpty && segmentStart < right - 1 { left.append(simple(segment)) }
            segment = ""
        }
        for c in line {
            if c == " " { spaces += 1 } else {
                if spaces >= 3 || segment.isEmpty { close(); segmentStart = column } else if spaces > 0 {
                    segment += String(repeating: " ", count: spaces)
                }
                segment.append(c)
                spaces = 0
            }
            column += 1
        }
        close()
    }
    return left
}

@Suite struct PrintedDocumentTests {
    @Test(arguments: ["vi", "en"])
    func everyPlanIssueAndReportPrintsAsASignableA4Document(language: String) throws {
        let demo = try PrintedDemo(language: language)
        // the month, phase and unit reports, the early warnings and the report of a matter to an authority
        #expect(demo.documents.filter { $0.hasPrefix("reports/") }.count == 5)
        #expect(demo.documents.contains("reports/alert-1.html") && demo.documents.contains("reports/warnings-2026-12-08.html"))
        #expect(demo.documents.filter { $0.hasPrefix("plans/") }.count == 2)
        #expect(demo.documents.contains("issues/ban-tin/2026-11-13.html"))
        guard try demo.print() else { return }
        let vi = language == "vi"
        let issuer = "CÔNG ĐOÀN VIÊN CHỨC TỈNH ĐIỆN BIÊN", name = try signerName()
        #expect(!name.isEmpty)
        let codes = try workspaceCodes(demo.root)
        #expect(codes.contains("cdcs-so-gddt") && codes.contains("cum-y-te") && codes.contains("ban-tin"))
        for document in demo.documents {
            let pdf = demo.pdf(document)
            guard let info = try tool("pdfinfo", [pdf]), let fonts = try tool("pdffonts", [pdf]),
                  let layout = try tool("pdftotext", ["-layout", pdf, "-"]) else { return }
            #expect(info.text.contains("(A4)"), "\(document) is not A4: \(info.text)")
            // Times New Roman's stand-in has every Vietnamese letter: no glyph falls back to another face
            #expect(!fonts.text.contains("DejaVu"), "\(document) falls back to DejaVu:\n\(fonts.text)")
            #expect(fonts.text.contains("LiberationSerif") || fonts.text.contains("TimesNewRoman"), "\(document)")
            let text = layout.text
            // names, never codes (units, clusters, channels, items, themes)
            #expect(codesShown(in: text, codes: codes).isEmpty,
                    "\(document) prints codes: \(codesShown(in: text, codes: codes))")
            if vi {
                let iso = text.range(of: #"\b\d{4}-\d{2}-\d{2}\b"#, options: .regularExpression)
                #expect(iso == nil, "\(document) prints an ISO date: \(iso.map { String(text[$0]) } ?? "")")
            }
            if document.hasPrefix("issues/") {
                // a bulletin: the channel's name as masthead, and its number
                let channel = document.split(separator: "/")[1]
                let numbered = text.range(of: vi ? #"Số \d+"# : #"No\. \d+"#, options: .regularExpression)
                #expect(numbered != nil, "\(document)")
                #expect(channel != "ban-tin" || text.contains("BẢN TIN CÔNG ĐOÀN VIÊN CHỨC TỈNH"), "\(document)")
                continue
            }
            // an administrative document (Nghị định 30/2020/NĐ-CP): page numbers centred at the top from page 2
            guard let pages = try pdfPages(pdf), let heights = try wordHeights(pdf) else { return }
            #expect(Int(firstLine(pages[0])) == nil, "\(document): page 1 is numbered: \(firstLine(pages[0]))")
            for (i, page) in pages.enumerated().dropFirst() {
                #expect(firstLine(page) == String(i + 1), "\(document): page \(i + 1) begins \(firstLine(page))")
                let line = page.split(separator: "\n").first { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? ""
                let indent = line.prefix { $0 == " " }.count
                #expect(indent > 30 && indent < 60, "\(document): page \(i + 1)'s number is not centred: \(line)")
            }
            // chart captions name no colour, which black-and-white print would not show
            for colour in vi ? ["xanh", "đỏ"] : ["green", "blue", " red"] {
                #expect(!text.lowercased().contains(colour), "\(document) names a colour: \(colour)")
            }
            // every word, chart labels included, prints at 9 pt at least (a box 1.1 times the font size)
            let smallest = heights.min { $0.height < $1.height }
            #expect((smallest?.height ?? 0) >= 9.9, "\(document): \(smallest.map { "\($0)" } ?? "") is under 9 pt")
            // plans and the reports of the plan open with what they carry out; a warning or a matter reported upward
            // stands on its own, addressed to whom it concerns
            let ofThePlan = !document.hasPrefix("reports/alert-") && !document.hasPrefix("reports/warnings-")
            #expect(!ofThePlan || flat(text).contains(vi ? "Thực hiện Kế hoạch số 199/KH-LĐLĐ ngày 19/02/2025 của Liên đoàn Lao động tỉnh"
                                           : "Pursuant to Plan No. 199/KH-LĐLĐ of 19 February 2025"), "\(document)")
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let number = vi ? "Số:" : "No.:", nation = vi ? "CỘNG HÒA" : "SOCIALIST"
            let left = issuerColumn(lines, nation: nation, number: number)
            let issuerLines = (1...max(1, left.count)).first { left.suffix($0).joined(separator: " ") == issuer }
            #expect(issuerLines != nil && issuerLines ?? 3 <= 2,
                    "\(document): the issuer takes \(issuerLines.map(String.init) ?? "?") lines: \(left)")
            let numberLine = lines.first { $0.contains(number) } ?? ""
            #expect(numberLine.contains(vi ? "Điện Biên, ngày " : "Điện Biên, "),
                    "\(document): the place and date are not on the number's line: \(numberLine)")
            #expect(text.contains(vi ? "Nơi nhận:" : "Recipients:"), "\(document)")
            #expect(text.contains(name) && text.contains("TM. BAN THƯỜNG VỤ") && text.contains("CHỦ TỊCH"),
                    "\(document)")
            if document.hasPrefix("reports/alert-") {
                #expect(text.contains(vi ? "Kính gửi: Ban Thường vụ Liên đoàn Lao động tỉnh Điện Biên"
                                         : "To: Ban Thường vụ Liên đoàn Lao động tỉnh Điện Biên"), "\(document)")
            }
            if document.hasPrefix("reports/"), ofThePlan {
                #expect(try demo.html(document).contains("<svg"), "\(document) has no chart")
                let sections = vi ? ["I. KẾT QUẢ THỰC HIỆN", "II. ĐÁNH GIÁ", "III. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI",
                                     "IV. ĐỀ XUẤT, KIẾN NGHỊ", "1. Ưu điểm", "2. Hạn chế, nguyên nhân"]
                    : ["I. RESULTS", "II. ASSESSMENT", "III. NEXT STEPS", "IV. PROPOSALS AND RECOMMENDATIONS"]
                for section in sections { #expect(flat(text).contains(section), "\(document) lacks \(section)") }
            }
        }
    }

    @Test func noDocumentLoadsAnythingFromTheNetwork() throws {
        let demo = try PrintedDemo(language: "vi")
        #expect(try loa(["--workspace", demo.root, "--today", "2026-12-08", "render"]).code == 0)
        let e = FileManager.default.enumerator(atPath: demo.root + "/out")
        var pages = 0
        while let f = e?.nextObject() as? String {
            guard f.hasSuffix(".html") else { continue }
            pages += 1
            let page = try String(contentsOfFile: demo.root + "/out/" + f, encoding: .utf8)
            for pattern in [#"src="(https?:)?//"#, "<link", "@import", #"url\("#, "<script", "<iframe"] {
                #expect(page.range(of: pattern, options: .regularExpression) == nil, "\(f) holds \(pattern)")
            }
        }
        #expect(pages > 30)
    }
}
