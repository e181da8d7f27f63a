import Foundation
import Testing
import LoaCore
import LoaFormats
import LoaStore
@testable import LoaWorkflows

/// The officers' own part of a report goes in and out through one door: what the command line reads is what a web
/// editor saves, each save audited with who, the same text again a no-op, and a name that is no report's refused.
@Suite struct ReportTextsTests {
    @Test func aSavedTextIsTheFileTheReportReadsAndEachSaveIsAudited() throws {
        let w = try FixtureWorkspace()
        let s = try w.session(today: "2026-12-08", actor: .user("binh"))
        #expect(try ReportTexts.read("month-2026-11", session: s).parts.isEmpty)
        let text = "## II. Đánh giá\n\n### 1. Ưu điểm\n\nTốt.\n\n### 2. Hạn chế, nguyên nhân\n\nChậm.\n\n"
            + "## III. Phương hướng, nhiệm vụ thời gian tới\n\nTiếp tục.\n\n## IV. Đề xuất, kiến nghị\n\nKhông.\r\n"
        #expect(try ReportTexts.save(text, for: "month-2026-11", session: s)
                == .changed(path: w.root + "/content/reports/month-2026-11.md"))
        let read = try ReportTexts.read("month-2026-11", session: s)
        #expect(read.missing.isEmpty && read.parts[.strengths] == "Tốt." && read.parts[.proposals] == "Không.")
        #expect(read.path == "content/reports/month-2026-11.md")
        // the same text again changes nothing and records nothing
        #expect(try ReportTexts.save(text, for: "month-2026-11", session: s) == .unchanged)
        let history = try Store(path: s.databasePath).read { try $0.auditHistory(subject: "report month-2026-11") }
        #expect(history.map(\.actor) == [.user("binh")] && history.map(\.action) == [.reportTextSaved])
        // the report the command line writes takes the saved text
        let ws = try s.loadWorkspace().workspace
        let p = try Reporting.presenter(Reporting.month(try #require(Month(iso: "2026-11"))), includeSensitive: false,
                                        final: true, workspace: ws, session: s)
        #expect(MarkdownRenderer.render(p.document()).contains("### 1. Ưu điểm\n\nTốt."))
        // what a reader would not accept is refused before anything is written
        for name in ["../plan", "month-2026-11/../../x", "notes", "Month-2026-11"] {
            #expect(throws: Failure.self) { try ReportTexts.save("x", for: name, session: s) }
        }
        #expect(throws: Failure.self) { try ReportTexts.save("a\u{1B}b", for: "month-2026-12", session: s) }
        #expect(!FileManager.default.fileExists(atPath: w.root + "/content/reports/month-2026-12.md"))
    }
}
