import Foundation
import Testing
import LoaCore
import LoaFormats
import LoaStore
@testable import LoaWorkflows

/// JSON is streamed (`ReportPresenter.writeJSON`); the tree (`json()`) stays as the reference it must equal.
@Suite struct ReportExportTests {
    @Test func streamedJSONIsTheTreeByteForByteOnTheMiniFixture() throws {
        let w = try FixtureWorkspace()
        let ws = try w.session(today: "2026-09-20").loadWorkspace().workspace
        _ = try Planning.plan(try month("2026-10"), confirm: true, workspace: ws, session: try w.session(today: "2026-09-20"))
        let slot = Slot(channel: "news", date: try #require(Day(iso: "2026-10-15")))
        _ = try Publishing.publish(slot, workspace: ws, session: try w.session(today: "2026-10-15"))
        let s = try w.session(today: "2026-12-07")
        let sources = try Importing.expand([w.root + "/forms"], relativeTo: w.root, paths: w.paths)
        #expect(try Importing.importFiles(sources, options: .init(), workspace: ws, session: s).allSatisfy { $0.outcome != .rejected })
        let project = try #require(ws.plan.projects.first), phase = try #require(project.phases.first)
        let unit = try #require(ws.units.first { $0.code.value == "u2" })
        try expectStreamEqualsTree([
            Reporting.month(try month("2026-11")), Reporting.month(try month("2026-10")),
            Reporting.phase(project, phase, from: Day(iso: "2026-10-01"), to: Day(iso: "2026-11-30"), today: s.today),
            Reporting.unit(unit, from: nil, to: nil, today: s.today),
        ], ws, try w.session(today: "2026-12-08"))
    }

    @Test func streamedJSONIsTheTreeByteForByteOnTheShippedDemo() throws {
        let w = try ShippedWorkspace()
        let ws = try w.session(today: "2026-10-20").loadWorkspace().workspace
        let november = try month("2026-11")
        let plan = try Planning.plan(november, confirm: true, workspace: ws, session: try w.session(today: "2026-10-20"))
        for slot in Set(plan.schedule.entries.map(\.slot)).sorted() {
            _ = try Publishing.publish(slot, workspace: ws, session: try w.session(today: slot.date.iso))
        }
        let s = try w.session(today: "2026-12-06")
        let sources = try Importing.expand([w.root + "/reports/samples"], relativeTo: w.root, paths: w.paths)
        #expect(!sources.isEmpty)
        _ = try Importing.importFiles(sources, options: .init(archiveInbox: false), workspace: ws, session: s)
        let digital = try #require(ws.plan.projects.first { $0.id.value == "digital" })
        let phase = try #require(digital.phases.first { $0.id.value == "2.1" })
        let unit = try #require(ws.units.first { $0.code.value == "cdcs-bv-da-khoa" })
        let today = try w.session(today: "2026-12-08")
        let figures = try Reporting.presenter(Reporting.month(november), includeSensitive: false, workspace: ws,
                                              session: today).figures
        #expect(figures.publishedItems > 0 && figures.activityCount > 0 && figures.reporting.received > 0)
        try expectStreamEqualsTree([
            Reporting.month(november),
            Reporting.phase(digital, phase, from: Day(iso: "2026-10-01"), to: nil, today: today.today),
            Reporting.unit(unit, from: Day(iso: "2026-10-01"), to: nil, today: today.today),
        ], ws, today)
    }

    func expectStreamEqualsTree(_ requests: [Reporting.Request], _ ws: Workspace, _ s: Session) throws {
        for request in requests {
            for sensitive in [false, true] {
                let p = try Reporting.presenter(request, includeSensitive: sensitive, workspace: ws, session: s)
                let tree = p.json().text + "\n"
                #expect(tree.contains("\"reporting\": {\"expected\": "))
                #expect(Reporting.render(p, as: .json) == tree, "\(request.name)")
                var chunks: [String] = []
                Reporting.emit(p, as: .json) { chunks.append($0) }
                #expect(chunks.joined() == tree, "\(request.name)")
            }
        }
    }

    func month(_ iso: String) throws -> Month { try #require(Month(iso: iso)) }
}

/// A copy of the shipped workspace (content, calendars, sample reports) in a temporary folder.
final class ShippedWorkspace {
    let root = NSTemporaryDirectory() + "loa-shipped-\(UUID().uuidString)"
    var paths: WorkspacePaths { WorkspacePaths(root: root) }

    init() throws {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        try WorkspaceCopy.copy(from: url.path, to: root)
    }
    deinit { try? FileManager.default.removeItem(atPath: root) }

    func session(today: String) throws -> Session {
        Session(paths: paths, today: try #require(Day(iso: today)), language: .vi, actor: .commandLine(user: "test"))
    }
}
