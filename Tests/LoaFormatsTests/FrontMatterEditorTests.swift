import Foundation
import Testing
import LoaCore
@testable import LoaFormats

func edited(_ text: String, _ changes: [ItemEdit.Change]) throws(Failure) -> String {
    String(decoding: try FrontMatterEditor.apply(ItemEdit(changes), to: Array(text.utf8), path: "x.md"), as: UTF8.self)
}

@Suite struct FrontMatterEditorTests {
    let item = """
        ---
        id: a   # the id
        title: "Tiêu đề: có dấu hai chấm"
        themes:
          - museum/1.1/a
          - museum/1.1/b
        status: review

        # approved: 2026-11-02
        summary: |
          Dòng một.
            Dòng hai.

          Dòng bốn.
        channels: [ban-tin]
        ---

        Thân bài --- giữ nguyên.
        ---
        status: review
        """

    @Test func aChangedKeyKeepsItsPlaceAndEveryOtherByte() throws {
        let out = try edited(item, [.init("status", .word("approved"))])
        #expect(out == item.replacingOccurrences(of: "status: review\n\n", with: "status: approved\n\n"))
    }

    @Test func newKeysGoBeforeTheClosingLineAndRemovedKeysTakeTheirValueLinesWithThem() throws {
        let out = try edited(item, [.init("approved", .day(Day(iso: "2026-12-03")!)),
                                    .init("approved_by", .text("Trần Thị B")), .init("summary", nil),
                                    .init("themes", nil), .init("pin", nil)])
        let expected = """
            ---
            id: a   # the id
            title: "Tiêu đề: có dấu hai chấm"
            status: review

            # approved: 2026-11-02
            channels: [ban-tin]
            approved: 2026-12-03
            approved_by: Trần Thị B
            ---

            Thân bài --- giữ nguyên.
            ---
            status: review
            """
        #expect(out == expected)
    }

    @Test func aMultiLineValueIsReplacedWhole() throws {
        let out = try edited(item, [.init("summary", .text("Một câu."))])
        #expect(out.contains("\nsummary: Một câu.\nchannels: [ban-tin]\n"))
        #expect(!out.contains("Dòng bốn"))
    }

    @Test func lineEndingsAndTheByteOrderMarkStay() throws {
        let crlf = "\u{FEFF}---\r\ntitle: T\r\nstatus: draft\r\n---\r\nBody\r\n"
        let edit = ItemEdit([.init("status", .word("approved")), .init("pin", .day(Day(iso: "2027-01-05")!))])
        let out = try FrontMatterEditor.apply(edit, to: Array(crlf.utf8), path: "x.md")
        #expect(out == Array("\u{FEFF}---\r\ntitle: T\r\nstatus: approved\r\npin: 2027-01-05\r\n---\r\nBody\r\n".utf8))
    }

    @Test func textIsQuotedWhenYAMLWouldReadItOtherwiseAndReadsBackTheSame() throws {
        for text in ["Nguyễn Văn A", "no", "2026-12-03", "a: b", "# not a comment", "- dash", "say \"hi\" \\ back",
                     "two\nlines\tand tab", "  padded", "[x]", "@user", "100%", "ý kiến, góp ý"] {
            let out = try edited("---\ntitle: T\nstatus: draft\n---\n", [.init("review_note", .text(text))])
            let file = try TextFile.decode(Array(out.utf8), path: "x.md")
            let d = Diagnostics()
            let node = try #require(FrontMatter.parse(file, firstKey: "title", diagnostics: d)?.node)
            guard case .mapping(let entries, _) = node else { Issue.record("not a mapping"); continue }
            let value = entries.first { $0.key == "review_note" }?.value
            guard case .scalar(let s, _)? = value else { Issue.record("no scalar for \(text)"); continue }
            #expect(s == text.trimmingCharacters(in: .whitespaces) || s == text, "\(text)")
        }
        #expect(FrontMatterEditor.scalar(.text("Nguyễn Văn A")) == "Nguyễn Văn A")
        #expect(FrontMatterEditor.scalar(.text("no")) == "\"no\"")
        #expect(FrontMatterEditor.scalar(.word("approved")) == "approved")
    }

    @Test func aFileWhoseFrontMatterDoesNotParseIsRefusedWithTheParsersMessage() {
        for broken in ["---\ntitle: [a\n---\n", "no front matter\n", "---\ntitle: T\n", "---\n\ttitle: T\n---\n",
                       "---\n- a\n- b\n---\n", "---\n  title: T\n  status: draft\n---\n"] {
            #expect(throws: Failure.self, "\(broken)") { try edited(broken, [.init("status", .word("approved"))]) }
        }
        do {
            _ = try edited("---\ntitle: T\ntitle: U\n---\n", [.init("status", .word("approved"))])
            Issue.record("a duplicate key was accepted")
        } catch {
            #expect(error.diagnostics.first?.location == SourceLocation(path: "x.md", line: 3, column: 1))
        }
    }
}

@Suite struct DocumentFragmentTests {
    @Test func aDocumentInAPageHasItsBlocksAndChartsButNoStyle() {
        let plan = Plan(id: "p", title: "P", issuer: "Công đoàn X", parentIssuer: "Liên đoàn Y", place: "Điện Biên",
                        issuerCode: "CĐVC", reportDueDays: 5, audiences: [], projects: [], targets: [])
        let doc = AdminDocument(kind: .report, plan: plan, date: Day(iso: "2027-01-05")!, title: "BÁO CÁO",
                                subtitle: "Tháng <12>", sections: [
                                    Section("Kết quả", [.subheading("Nội dung"), .paragraph("**2** bài"),
                                                        .table(Table(header: ["A"], rows: [["1"]], numeric: [0])),
                                                        .chart(Chart(title: "Biểu đồ", svg: "<svg role=\"img\"></svg>", fallback: "Biểu đồ"))]),
                                ], language: .vi)
        let html = HTMLRenderer.fragment(doc).raw
        #expect(html.hasPrefix("<div class=\"document\" lang=\"vi\">"))
        #expect(html.contains("<h3 class=\"section\">I. Kết quả</h3>") && html.contains("<h4>Nội dung</h4>"))
        #expect(html.contains("<strong>2</strong> bài") && html.contains("<svg role=\"img\"></svg>"))
        #expect(html.contains("<div class=\"scroll\"><table class=\"data\">") && html.contains("Tháng &lt;12&gt;"))
        #expect(html.contains("LIÊN ĐOÀN Y") && html.contains("Điện Biên, ngày 05 tháng 01 năm 2027"))
        #expect(!html.contains("style") && !html.contains("<h1"))
    }
}
