import Foundation
import Testing
import LoaCore
import LoaFormats
import LoaStore
@testable import LoaWorkflows

/// The one door for a unit's writes (`UnitReports`) and the rules it keeps, on a real workspace and SQLite file.
@Suite struct UnitReportsTests {
    func novemberValues(_ unit: UnitCode = "u1") -> ReportFormValues {
        var v = ReportFormValues(unit: unit, period: Month(iso: "2026-11")!)
        v.reporter = "Lan"
        v.mood = "on-dinh"
        v.activities = [.init(date: "2026-11-04", type: "hoi-nghi", title: "Hội nghị", participants: "12",
                              themes: ["p/1/a"])]
        return v
    }

    func read<T>(_ w: FixtureWorkspace, _ body: (StoreReader) throws -> T) throws -> T {
        try ReadOnlyStore(path: w.paths.defaultDatabase).read(body)
    }

    func submit(_ v: ReportFormValues, _ s: Session) throws -> Result<ImportOutcome, UnitReports.Problems> {
        let ws = try s.loadWorkspace().workspace
        return try UnitReports.submit(v, index: WorkspaceIndex(ws), session: s)
    }

    @Test func completenessStatusTheUnitsPagesAndTheReportsAgreeOnWhichReportsAreExpected() throws {
        let w = try FixtureWorkspace()
        func answers(_ today: String) throws -> [String: [String]] {
            let s = try w.session(today: today)
            let ws = try s.loadWorkspace().workspace
            let expectation = try UnitReports.expectation(plan: ws.plan, session: s)
            let months = Month.range(Month(iso: "2026-09")!, Month(iso: "2026-11")!)
            let submissions = try s.read(orEmpty: [UnitCode: [Month: Day]]()) { r in
                try Dictionary(uniqueKeysWithValues: ws.units.map { ($0.code.value, try r.submissions(of: $0.code.value)) })
            }
            let grid = Completeness(units: ws.units, months: months, submissions: submissions, plan: ws.plan,
                                    today: s.today, expectation: expectation)
            let status = try Status.figures(workspace: ws, session: s)
            var out: [String: [String]] = [:]
            for (i, m) in months.enumerated() {
                let report = try Reporting.presenter(Reporting.month(m), includeSensitive: false, workspace: ws,
                                                     session: s).figures.reporting
                let owing = ws.units.filter { u in
                    if case .expected = grid.rows.first(where: { $0.unit.code.value == u.code.value })!.cells[i] {
                        return true
                    }
                    return false
                }.map(\.code.value.rawValue)
                out["completeness \(m.iso)"] = owing
                out["open \(m.iso)"] = ws.units.filter {
                    OpenMonths.isOpen(m, for: $0, expectation: expectation, today: s.today)
                }.map(\.code.value.rawValue)
                out["report \(m.iso)"] = ws.units.filter { u in report.missing.contains { $0.unit == u.code.value
                    && $0.period == m } || submissions[u.code.value]?[m] != nil }.map(\.code.value.rawValue)
                out["overdue \(m.iso)"] = status.overdue.filter { $0.months.contains(m) }.map(\.unit.rawValue)
            }
            return out
        }
        // nothing recorded, no tracking_from: every door expects the report due now (November) and nothing earlier
        let empty = try answers("2026-12-08")
        for m in ["2026-09", "2026-10"] {
            for door in ["completeness", "open", "report", "overdue"] { #expect(empty["\(door) \(m)"] == [], "\(door) \(m)") }
        }
        for door in ["completeness", "open", "report", "overdue"] {
            #expect(empty["\(door) 2026-11"] == ["u1", "u2", "u3"], "\(door)")
        }
        // once October is reported, October is expected everywhere (from the units that existed)
        let s = try w.session(today: "2026-12-08")
        _ = try Importing.importFiles([.init(path: w.root + "/forms/1-u1-2026-10.md", shown: "u1-10.md")],
                                      options: .init(), workspace: try s.loadWorkspace().workspace, session: s)
        let after = try answers("2026-12-08")
        for door in ["completeness", "open", "report", "overdue"] {
            #expect(after["\(door) 2026-10"] == (door == "overdue" ? ["u2", "u4"] : ["u1", "u2", "u4"]), "\(door)")
            #expect(after["\(door) 2026-09"] == [], "\(door)")
        }
    }

    @Test func aSubmitThatDoesNotAnswerRecordsNothingAndAnAnsweredOneRemovesItsDraftInTheSameTransaction() throws {
        let w = try FixtureWorkspace()
        let s = try w.session(today: "2026-12-03", actor: .unit("u1"))
        var blank = ReportFormValues(unit: "u1", period: Month(iso: "2026-11")!)
        try UnitReports.saveDraft(blank, session: s)
        guard case .failure(let p) = try submit(blank, s) else { Issue.record("a blank form was recorded"); return }
        #expect(p.all.map(\.kind) == [.unanswered(.reporter), .unanswered(.activities), .unanswered(.mood)])
        #expect(p.all.map(\.field) == ["reporter", "no-activity", "mood"])
        #expect(try read(w) { try $0.currentForm(unit: "u1", period: Month(iso: "2026-11")!) } == nil)
        // no activity, said so: recorded, with no activity
        blank.reporter = "Lan"
        blank.mood = "on-dinh"
        blank.noActivity = true
        blank.noActivityReason = "Đơn vị đang sáp nhập"
        guard case .success(.imported) = try submit(blank, s) else { Issue.record("not recorded"); return }
        let sent = try #require(try read(w) { try $0.currentForm(unit: "u1", period: Month(iso: "2026-11")!) })
        #expect(sent.content.contains("activities: []") && sent.content.contains("no_activity: true"))
        #expect(UnitReports.values(of: sent.content)?.noActivityReason == "Đơn vị đang sáp nhập")
        #expect(try read(w) { try $0.draft(unit: "u1", period: Month(iso: "2026-11")!) } == nil)
        // a rejected one keeps the draft: the import and the draft's removal are one
        var bad = novemberValues()
        bad.activities[0].participants = "nhiều"
        try UnitReports.saveDraft(bad, session: s)
        guard case .failure = try submit(bad, s) else { Issue.record("recorded"); return }
        #expect(try read(w) { try $0.draft(unit: "u1", period: Month(iso: "2026-11")!) } != nil)
    }

    @Test func aWebReportCountsFromTheServersDayAndACorrectionNeverChangesIt() throws {
        let w = try FixtureWorkspace()
        let m = try #require(Month(iso: "2026-11"))
        // the file says it was sent long ago; the server's day counts, the file's is kept beside it
        var backdated = novemberValues()
        backdated.submitted = Day(iso: "2026-11-02")
        let late = try w.session(today: "2026-12-09", actor: .unit("u1"))
        let text = FormWriter.markdown(backdated).text
        #expect(text.contains("submitted: 2026-11-02"))
        let upload = try UnitReports.upload(Array(text.utf8), fileName: "bao-cao.md", unit: "u1",
                                            folder: w.root + "/.uploads", workspace: try late.loadWorkspace().workspace,
                                            session: late)
        #expect(upload.result.outcome == .imported)
        #expect(try read(w) { try $0.submissions(of: "u1") }[m] == Day(iso: "2026-12-09"))
        #expect(try read(w) { try $0.statedSubmission(unit: "u1", period: m) } == Day(iso: "2026-11-02"))
        // a correction on a later day keeps the first submission's day
        var corrected = novemberValues()
        corrected.activities[0].participants = "15"
        guard case .success(.corrected) = try submit(corrected, try w.session(today: "2026-12-20",
                                                                                actor: .unit("u1"))) else {
            Issue.record("not corrected"); return
        }
        #expect(try read(w) { try $0.submissions(of: "u1") }[m] == Day(iso: "2026-12-09"))
    }

    @Test func loaImportKeepsAMailedFormsOwnDateAndItsOwnRules() throws {
        let w = try FixtureWorkspace()
        let s = try w.session(today: "2026-12-20")
        let ws = try s.loadWorkspace().workspace
        _ = try Importing.importFiles([.init(path: w.root + "/forms/1-u1-2026-10.md", shown: "a.md")],
                                      options: .init(), workspace: ws, session: s)
        #expect(try read(w) { try $0.submissions(of: "u1") }[Month(iso: "2026-10")!] == Day(iso: "2026-11-03"))
        // a spreadsheet's dates and type names are for a unit's upload only
        let table = w.root + "/excel.csv"
        try "unit,date,type,title,participants\nu1,05/11/2026,Hội nghị,Họp,3\n".write(toFile: table, atomically: true,
                                                                                   encoding: .utf8)
        let r = try Importing.importFiles([.init(path: table, shown: "excel.csv")], options: .init(), workspace: ws,
                                          session: s)
        #expect(r.first?.outcome == .rejected)
    }

    @Test func anExcelTableInWindows1258WithTypeNamesAndDayMonthYearDatesImportsAndUTF16IsRefusedInWords() throws {
        let w = try FixtureWorkspace()
        let s = try w.session(today: "2026-12-03", actor: .unit("u1"))
        let ws = try s.loadWorkspace().workspace
        let text = "unit;date;type;title;themes;participants;items\r\nu1;05/11/2026;Hội nghị;Hội nghị quán triệt;;40;\r\n"
            + "u1;2026-11-20;Sinh hoạt chuyên đề;Chuyên đề số;p/1/a;25;\r\n"
        // what Excel on Vietnamese Windows writes for "CSV (Comma delimited)", made by iconv
        let cp1258 = try converted(text, to: "CP1258")
        #expect(!cp1258.isEmpty && String(validating: cp1258, as: UTF8.self) == nil, "not UTF-8 any more")
        let up = try UnitReports.upload(cp1258, fileName: "hoat-dong.csv", unit: "u1", folder: w.root + "/.uploads",
                                        workspace: ws, session: s)
        #expect(up.result.outcome == .imported, "\(up.problems)")
        let figures = try Reporting.presenter(Reporting.month(Month(iso: "2026-11")!), includeSensitive: false,
                                              workspace: ws, session: s).figures
        #expect(figures.activitiesByUnit["u1"] == 2 && figures.activitiesByType == [.hoiNghi: 1, .sinhHoatChuyenDe: 1])
        #expect(figures.participants == 65)
        // UTF-8 with a BOM reads the same (nothing new: the rows are there)
        let bom = try UnitReports.upload([0xEF, 0xBB, 0xBF] + Array(text.utf8), fileName: "b.csv", unit: "u1",
                                         folder: w.root + "/.uploads", workspace: ws, session: s)
        #expect(bom.result.outcome == .unchanged)
        let utf16 = try converted(text, to: "UTF-16")
        let refused = try UnitReports.upload(utf16, fileName: "c.csv", unit: "u1", folder: w.root + "/.uploads",
                                             workspace: ws, session: s)
        #expect(refused.result.outcome == .rejected && refused.problems.map(\.message) == [.notSpreadsheetText])
        #expect(Message.notSpreadsheetText.text(.vi).contains("hãy lưu tệp dạng CSV UTF-8"))
    }

    /// `text` in another encoding, by the iconv program (glibc's, the same converter Loa calls).
    func converted(_ text: String, to encoding: String) throws -> [UInt8] {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        p.arguments = ["-f", "UTF-8", "-t", encoding]
        let input = Pipe(), output = Pipe()
        p.standardInput = input
        p.standardOutput = output
        try p.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return [UInt8](data)
    }

    @Test func anUrgentIssueOpensAnAlertAtOnceAndCountsOnceWithTheMonthsReport() throws {
        let w = try FixtureWorkspace()
        let s = try w.session(today: "2026-11-20", actor: .unit("u1"))
        let ws = try s.loadWorkspace().workspace
        let u1 = try #require(ws.units.first)
        guard case .success(let alert) = try UnitReports.reportUrgentIssue(
            topic: "Tin đồn về kinh phí", detail: "Chi tiết KP-9", unit: u1, session: s) else {
            Issue.record("not recorded"); return
        }
        let open = try read(w) { try $0.alerts() }
        #expect(open.map(\.id) == [alert] && open.first?.period == Month(iso: "2026-11")
                && open.first?.openedOn == Day(iso: "2026-11-20"))
        // an empty topic records nothing
        guard case .failure(let p) = try UnitReports.reportUrgentIssue(topic: "  ", detail: "x", unit: u1,
                                                                       session: s) else {
            Issue.record("an empty topic was recorded"); return
        }
        #expect(p.all.map(\.field) == ["topic"])
        // the month's report repeats it in other words: no second alert, one issue in the figures
        var v = novemberValues()
        v.issues = [.init(topic: "tin đồn về kinh phí.", detail: "", sensitive: true),
                    .init(topic: "Giá xăng", detail: "", sensitive: false)]
        let later = try w.session(today: "2026-12-02", actor: .unit("u1"))
        guard case .success = try submit(v, later) else { Issue.record("not sent"); return }
        #expect(try read(w) { try $0.alerts() }.count == 1)
        let figures = try Reporting.presenter(Reporting.month(Month(iso: "2026-11")!), includeSensitive: true,
                                              workspace: ws, session: later).figures
        #expect(figures.issues == 2)
        // a report that does not repeat it still counts it, once
        v.issues = []
        guard case .success(.corrected) = try submit(v, later) else { Issue.record("not corrected"); return }
        let again = try Reporting.presenter(Reporting.month(Month(iso: "2026-11")!), includeSensitive: true,
                                            workspace: ws, session: later).figures
        #expect(again.issues == 1 && again.issueList.first?.topic == "Tin đồn về kinh phí")
        #expect(try read(w) { try $0.alerts() }.count == 1)
    }

    @Test func urgentIssuesRaiseEarlyWarningsOnTheirDayAndOnceWhenTheReportRepeatsThem() throws {
        let w = try FixtureWorkspace()
        let s = try w.session(today: "2026-11-20", actor: .commandLine(user: "test"))
        let ws = try s.loadWorkspace().workspace
        for u in ws.units where u.exists(on: s.today) {
            _ = try UnitReports.reportUrgentIssue(topic: "Tin đồn sáp nhập trường học", detail: "", unit: u,
                                                  session: s.with(actor: .unit(u.code.value)))
        }
        let raised = try read(w) { try $0.raisedTopics(since: Day(iso: "2026-11-01")!, until: Day(iso: "2026-12-31")!) }
        #expect(raised.map(\.reportedOn) == [Day(iso: "2026-11-20")!, Day(iso: "2026-11-20")!, Day(iso: "2026-11-20")!])
        let warnings = try Warnings.current(workspace: ws, session: s)
        #expect(warnings.contains { if case .sharedTopic(_, let units, let since, true) = $0 {
            return units.count == 3 && since == Day(iso: "2026-11-20") } else { return false } })
        // u1's report repeats its urgent issue: still one raised topic for u1, dated by the urgent issue
        var v = novemberValues()
        v.issues = [.init(topic: "Tin đồn sáp nhập trường học", detail: "", sensitive: true)]
        guard case .success = try submit(v, try w.session(today: "2026-12-01", actor: .unit("u1"))) else {
            Issue.record("not sent"); return
        }
        let after = try read(w) { try $0.raisedTopics(since: Day(iso: "2026-11-01")!, until: Day(iso: "2026-12-31")!) }
        #expect(after.filter { $0.unit == "u1" }.map(\.reportedOn) == [Day(iso: "2026-11-20")!])
    }
}
