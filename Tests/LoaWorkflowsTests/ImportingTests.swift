import Foundation
import Testing
import LoaCore
import LoaFormats
import LoaStore
@testable import LoaWorkflows

/// A copy of a fixture workspace in a temporary folder, removed when the test ends.
final class FixtureWorkspace {
    let root = NSTemporaryDirectory() + "loa-wf-\(UUID().uuidString)"
    var paths: WorkspacePaths { WorkspacePaths(root: root) }

    init(_ fixture: String = "mini") throws {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<2 { url.deleteLastPathComponent() }
        let source = url.path + "/Fixtures/" + fixture
        let fm = FileManager.default
        try fm.createDirectory(atPath: root, withIntermediateDirectories: true)
        for part in ["content", "calendars", "forms"] where fm.fileExists(atPath: source + "/" + part) {
            try fm.copyItem(atPath: source + "/" + part, toPath: root + "/" + part)
        }
    }
    deinit { try? FileManager.default.removeItem(atPath: root) }

    func session(today: String, actor: Actor = .commandLine(user: "test")) throws -> Session {
        Session(paths: paths, today: try #require(Day(iso: today)), language: .vi, actor: actor)
    }
    func text(_ rel: String) throws -> String { try String(contentsOfFile: root + "/" + rel, encoding: .utf8) }
}

@Suite struct ImportingTests {
    @Test func aFormSentAsTextIsRecordedExactlyAsTheSameFileWouldBe() throws {
        let byFile = try FixtureWorkspace(), byText = try FixtureWorkspace()
        let form = "forms/1-u1-2026-10.md"
        let s1 = try byFile.session(today: "2026-11-05"), s2 = try byText.session(today: "2026-11-05")
        let ws1 = try s1.loadWorkspace().workspace, ws2 = try s2.loadWorkspace().workspace
        let r1 = try Importing.importFiles([.init(path: byFile.root + "/" + form, shown: "u1-2026-10.md")],
                                           options: .init(), workspace: ws1, session: s1)
        let r2 = try Importing.importText(try byText.text(form), name: "u1-2026-10.md", options: .init(), workspace: ws2,
                                          session: s2)
        #expect(r1.map(\.outcome) == [.imported])
        #expect(r2.outcome == .imported)
        let facts1 = try figures(s1, ws1), facts2 = try figures(s2, ws2)
        #expect(facts1 == facts2)
        #expect(facts1.contains("activities=1 participants=12"))
        // the same text again is unchanged, whichever door it comes through
        #expect(try Importing.importText(try byFile.text(form), name: "again.md", options: .init(), workspace: ws1,
                                         session: s1).outcome == .unchanged)
    }

    @Test func aUnitCanOnlySendItsOwnReport() throws {
        let w = try FixtureWorkspace()
        let s = try w.session(today: "2026-11-05", actor: .unit("u2"))
        let ws = try s.loadWorkspace().workspace
        let r = try Importing.importText(try w.text("forms/1-u1-2026-10.md"), name: "upload.md",
                                         options: .init(onlyUnit: "u2"), workspace: ws, session: s)
        #expect(r.outcome == .rejected)
        let expected: [Message] = [.unitNotYours("u1", yours: "u2")]
        #expect(r.errors.map(\.message) == expected)
        let after = try figures(s, ws)
        #expect(after.contains("activities=0"))
    }

    @Test func importedInboxFilesMoveToTheirMonthAndRejectedOnesStay() throws {
        let w = try FixtureWorkspace()
        let s = try w.session(today: "2026-11-05")
        let ws = try s.loadWorkspace().workspace
        let fm = FileManager.default
        try fm.createDirectory(atPath: w.paths.inbox, withIntermediateDirectories: true)
        try fm.copyItem(atPath: w.root + "/forms/1-u1-2026-10.md", toPath: w.paths.inbox + "/u1.md")
        try "---\nform: loa-report/1\nunit: nobody\nperiod: 2026-10\n---\n".write(toFile: w.paths.inbox + "/bad.md",
                                                                                atomically: true, encoding: .utf8)
        let sources = try Importing.expand([w.paths.inbox], relativeTo: w.root, paths: w.paths)
        let results = try Importing.importFiles(sources, options: .init(), workspace: ws, session: s)
        #expect(results.map(\.outcome) == [.rejected, .imported])
        #expect(results[1].movedTo == "reports/imported/2026-10/u1.md")
        #expect(fm.fileExists(atPath: w.root + "/reports/imported/2026-10/u1.md"))
        #expect(try fm.contentsOfDirectory(atPath: w.paths.inbox) == ["bad.md"])

        // the same name sent again (already imported: unchanged) goes beside the first, which is kept as it was
        try fm.copyItem(atPath: w.root + "/forms/1-u1-2026-10.md", toPath: w.paths.inbox + "/u1.md")
        try fm.createDirectory(atPath: w.root + "/reports/imported/2026-10/u1-2.md", withIntermediateDirectories: true)
        let first = try Data(contentsOf: URL(fileURLWithPath: w.root + "/reports/imported/2026-10/u1.md"))
        let again = try Importing.importFiles(try Importing.expand([w.paths.inbox + "/u1.md"], relativeTo: w.root,
                                                                   paths: w.paths),
                                              options: .init(), workspace: ws, session: s)
        #expect(again.map(\.outcome) == [.unchanged])
        #expect(again[0].movedTo == "reports/imported/2026-10/u1-3.md")  // u1-2.md is taken (a folder)
        #expect(try Data(contentsOf: URL(fileURLWithPath: w.root + "/reports/imported/2026-10/u1.md")) == first)
        #expect(fm.fileExists(atPath: w.root + "/reports/imported/2026-10/u1-3.md"))
        #expect(try fm.contentsOfDirectory(atPath: w.paths.inbox) == ["bad.md"])
    }

    @Test func aTableRecordsTheFirstOfEqualRowsIndexesItOnceAndTheSameTableAgainIsUnchanged() throws {
        let w = try FixtureWorkspace()
        let s = try w.session(today: "2026-11-05")
        let ws = try s.loadWorkspace().workspace
        let csv = w.root + "/t.csv"
        try """
            unit,date,type,title,themes,participants,items
            u2,2026-10-03,khac,Đọc báo,p/1/b,7,
            u1,2026-10-02,hoi-nghi,Hội nghị chuyển đổi số,p/1/a p/1/b,12,
            u1,2026-10-02,hoi-nghi,Hội nghị chuyển đổi số,p/1/a,9,
            u1,2026-10-01,hoi-nghi,Hội nghị chuyển đổi số,,5,

            """.write(toFile: csv, atomically: true, encoding: .utf8)
        let source = Importing.Source(path: csv, shown: "t.csv")
        let r1 = try Importing.importFiles([source], options: .init(), workspace: ws, session: s)
        #expect(r1.map(\.outcome) == [.imported])
        #expect(try figures(s, ws).contains("activities=3 participants=24"))
        let hits = try Searching.search("hoi nghi chuyen doi", includeSensitive: false, workspace: ws, session: s)
        #expect(hits.filter { $0.kind == .activity }.map { "\($0.ref) \($0.body)" }.sorted()
            == ["u1 2026-10-01 Hội nghị ·  · 5", "u1 2026-10-02 Hội nghị · p/1/a, p/1/b · 12"])
        let r2 = try Importing.importFiles([source], options: .init(), workspace: ws, session: s)
        #expect(r2.map(\.outcome) == [.unchanged])
        #expect(try figures(s, ws).contains("activities=3 participants=24"))
        #expect(try Searching.search("doc bao", includeSensitive: false, workspace: ws, session: s)
            .filter { $0.kind == .activity }.count == 1)
    }

    @Test func aTableWithABadRowRecordsNothing() throws {
        let w = try FixtureWorkspace()
        let s = try w.session(today: "2026-11-05")
        let ws = try s.loadWorkspace().workspace
        let csv = w.root + "/t.csv"
        var text = "unit,date,type,title,themes,participants,items\n"
        for n in 0..<5_000 { text += "u1,2026-10-0\(1 + n % 9),khac,Việc \(n),,1,\n" }
        text += "u1,2026-10-01,khac,Việc cuối,,-1,\n"
        try text.write(toFile: csv, atomically: true, encoding: .utf8)
        let r = try Importing.importFiles([.init(path: csv, shown: "t.csv")], options: .init(), workspace: ws,
                                          session: s)
        #expect(r.map(\.outcome) == [.rejected])
        #expect(r[0].errors.map { $0.location?.line } == [5_002])
        #expect(try figures(s, ws).contains("activities=0"))
        #expect(try Searching.search("viec", includeSensitive: false, workspace: ws, session: s).isEmpty)
    }

    /// A few report figures as text, to compare two databases.
    func figures(_ s: Session, _ ws: Workspace) throws -> String {
        let p = try Reporting.presenter(Reporting.month(try #require(Month(iso: "2026-10"))), includeSensitive: true,
                                        workspace: ws, session: s)
        let f = p.figures
        return "activities=\(f.activityCount) participants=\(f.participants) received=\(f.reporting.received) "
            + "on_time=\(f.reporting.onTime) moods=\(f.moods.map { "\($0.key.rawValue):\($0.value)" }.sorted())"
    }
}
