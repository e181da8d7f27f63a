import Foundation
import LoaWeb
import Testing

@Suite("Static assets and files")
struct StaticFilesTests {
    /// A temporary folder with `out/` (served) beside a secret file and a link pointing out.
    final class Workspace {
        let root: String
        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("loa-web-\(UUID().uuidString)").path
            let fm = FileManager.default
            try fm.createDirectory(atPath: root + "/out/reports", withIntermediateDirectories: true)
            try Data("<h1>Báo cáo</h1>".utf8).write(to: URL(fileURLWithPath: root + "/out/reports/month.html"))
            try Data("a,b\n".utf8).write(to: URL(fileURLWithPath: root + "/out/reports/month.csv"))
            try Data("hidden".utf8).write(to: URL(fileURLWithPath: root + "/out/.env"))
            try Data("secret key".utf8).write(to: URL(fileURLWithPath: root + "/loa.key"))
            try fm.createSymbolicLink(atPath: root + "/out/escape.html", withDestinationPath: root + "/loa.key")
            try fm.createSymbolicLink(atPath: root + "/out/inside.html", withDestinationPath: "reports/month.html")
        }
        deinit { try? FileManager.default.removeItem(atPath: root) }
    }

    @Test func assetsAreServedByExactNameOnly() {
        let assets = StaticAssets(["loa.css": .css("body { color: #111; }")])
        let css = assets.response(named: "loa.css")
        #expect(css?.status == 200)
        #expect(css?.header("Content-Type") == "text/css; charset=utf-8")
        #expect(css.map { String(decoding: $0.body, as: UTF8.self) } == "body { color: #111; }")
        #expect(assets.response(named: "LOA.css") == nil)
        #expect(assets.response(named: "../loa.css") == nil)
        #expect(assets.response(named: "loa.css/") == nil)
    }

    @Test func aFileInsideTheFolderIsServedWithItsType() throws {
        let workspace = try Workspace()
        let out = try #require(FileFolder(root: workspace.root + "/out"))
        let page = try #require(out.response(for: "reports/month.html"))
        #expect(String(decoding: page.body, as: UTF8.self) == "<h1>Báo cáo</h1>")
        #expect(page.header("Content-Type") == "text/html; charset=utf-8")
        #expect(out.response(for: "reports/month.csv")?.header("Content-Type") == "text/csv; charset=utf-8")
        #expect(out.response(for: "inside.html") != nil)
    }

    @Test func theFolderHelperRefusesEverythingThatLeavesTheFolder() throws {
        let workspace = try Workspace()
        let out = try #require(FileFolder(root: workspace.root + "/out"))
        for attempt in [
            "../loa.key", "reports/../../loa.key", "escape.html", ".env", "reports", "", "/",
            "reports/month.html\0.png", "reports\\month.html", "missing.html", "%2e%2e/loa.key",
        ] {
            #expect(out.response(for: attempt) == nil, "\(attempt.debugDescription)")
        }
        #expect(out.response(for: "/reports/month.html") != nil)
    }

    @Test func aPercentEncodedTraversalThroughTheServerIsRefused() throws {
        let workspace = try Workspace()
        let out = try #require(FileFolder(root: workspace.root + "/out"))
        let (server, _) = try startServer { _ in } handler: { request in
            guard request.path.hasPrefix("/out/") else { return .text("no", status: 404) }
            return out.response(for: String(request.path.dropFirst(5))) ?? .text("no", status: 404)
        }
        defer { server.stop() }
        #expect(try exchange(port: server.port, target: "/out/reports/month.html")?.status == 200)
        for target in ["/out/%2e%2e/loa.key", "/out/%2E%2E%2Floa.key", "/out/..%2floa.key",
                       "/out/reports%2f..%2f..%2floa.key",
                       "/out/reports/month.html%00.png", "/out/escape.html"] {
            let response = try exchange(port: server.port, target: target)
            #expect(response?.status == 404, "\(target)")
            #expect(response?.text.contains("secret") == false, "\(target)")
        }
    }

    @Test func aMissingFolderIsNil() {
        #expect(FileFolder(root: "/nonexistent/loa/out") == nil)
    }
}
