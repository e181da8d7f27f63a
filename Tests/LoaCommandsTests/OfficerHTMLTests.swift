import Foundation
import Testing

/// Every officer's and leader's page parses without an error in html5lib and the Nu HTML Checker
/// (Tests/tools/html_check.py), in both languages.
@Suite(.serialized) struct OfficerHTMLTests {
    @Test func everyOfficerPageIsValidHTMLInBothLanguages() throws {
        let ws = try OfficerBrowserTests.preparedWorkspace()
        let server = try ServeProcess(workspace: ws.root, today: OfficerBrowserTests.today)
        let parts = OfficerBrowserTests.officer.split(separator: ":").map(String.init)
        let browser = WebSession(port: server.port)
        try browser.signIn(parts[0], parts[1])
        #expect(try browser.get("/calendar/2026-12").status == 200)
        #expect(try browser.post("/calendar/2026-12/propose", []).status == 303)
        let folder = ws.path("pages")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let pages = ["/dashboard", "/calendar/2026-11", "/calendar/2026-12", "/items", "/items?status=review",
                     "/items/ho-tay-tien-do", "/items/new", "/completeness", "/alerts", "/reports",
                     "/reports/month/2026-11", "/reports/phase/digital/2.1?from=2026-10-01",
                     "/reports/unit/cdcs-so-gddt", "/search?q=chuyen+doi+so", "/issues/ban-tin/2026-11-13",
                     "/issues/ban-tin/2026-12-15",
                     // the pages that ask before anything reaches units
                     "/issues/ban-tin/2026-12-15/publish", "/issues/ban-tin/2026-11-13/unpublish",
                     "/issues/ban-tin/2026-11-13/retry?unit=cdcs-cdc"]
        for language in ["vi", "en"] {
            #expect(try browser.get("/dashboard?lang=\(language)").status == 303)
            for (i, page) in pages.enumerated() {
                let r = try browser.get(page)
                #expect(r.status == 200, "\(page)")
                try r.text.write(toFile: "\(folder)/\(language)-\(i).html", atomically: true, encoding: .utf8)
            }
        }
        server.stop()
        let (code, output) = try runScript(repositoryRoot + "/Tests/tools/html_check.py", ["--nu", folder], env: [:])
        let skipped = output.split(separator: "\n").filter { $0.hasPrefix("SKIPPED:") }
        for line in skipped { toolMissing(String(line.dropFirst(9))) }
        #expect(code == 0, "\(output)")
    }
}
