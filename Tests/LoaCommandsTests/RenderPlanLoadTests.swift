import Foundation
import Testing

/// `loa render` writes only the pages that changed, and `loa plan` reads items without their bodies yet fails on
/// a bad body exactly as before.
@Suite struct RenderPlanLoadTests {
    private func inode(_ path: String) throws -> UInt64 {
        var info = stat()
        guard stat(path, &info) == 0 else { throw CocoaError(.fileNoSuchFile) }
        return UInt64(info.st_ino)
    }

    @Test func renderingAgainKeepsUnchangedPagesAndRewritesChangedOnes() throws {
        let ws = try TempWorkspace(fixture: "mini")
        #expect(try ws.run(["render"]).code == 0)
        let one = try ws.read("out/items/i1.html"), two = try ws.read("out/items/i2.html")
        let index = try ws.read("out/items/index.html")
        let (i1, i2) = (try inode(ws.path("out/items/i1.html")), try inode(ws.path("out/items/i2.html")))

        try ws.edit("content/items/i2.md", replacing: "title: ", with: "title: Mới ")
        #expect(try ws.run(["render"]).code == 0)
        // the unchanged page is the same file; the changed page and the index are new, whole files
        #expect(try inode(ws.path("out/items/i1.html")) == i1)
        #expect(try ws.read("out/items/i1.html") == one)
        #expect(try inode(ws.path("out/items/i2.html")) != i2)
        #expect(try ws.read("out/items/i2.html") != two)
        #expect(try ws.read("out/items/i2.html").contains("<h1>Mới "))
        #expect(try ws.read("out/items/index.html") != index)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: ws.path("out/items"))
            .filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty)

        // a page edited by hand, even to the same length, is written again
        try ws.write("out/items/i1.html", String(one.reversed()))
        #expect(try ws.run(["render"]).code == 0)
        #expect(try ws.read("out/items/i1.html") == one)
        // a page that is a link is replaced by a file, never written through
        try FileManager.default.removeItem(atPath: ws.path("out/items/i1.html"))
        try ws.write("elsewhere.html", one)
        try FileManager.default.createSymbolicLink(atPath: ws.path("out/items/i1.html"),
                                                   withDestinationPath: ws.path("elsewhere.html"))
        #expect(try ws.run(["render"]).code == 0)
        let kind = try FileManager.default.attributesOfItem(atPath: ws.path("out/items/i1.html"))[.type]
        #expect(kind as? FileAttributeType == .typeRegular)
        #expect(try ws.read("out/items/i1.html") == one)
    }

    @Test func renderedBodiesAreTheSameWithCRLFAndLF() throws {
        let ws = try TempWorkspace(fixture: "mini")
        try ws.edit("content/items/i1.md", replacing: "Một.", with: "Một.\n\n## Phần hai\n\n- ý **một**\n- ý hai\n")
        #expect(try ws.run(["render"]).code == 0)
        let lf = try ws.read("out/items/i1.html")
        let text = try ws.read("content/items/i1.md")
        try ws.write("content/items/i1.md", text.replacingOccurrences(of: "\n", with: "\r\n"))
        #expect(try ws.run(["render"]).code == 0)
        #expect(try ws.read("out/items/i1.html") == lf)
        #expect(lf.contains("<h2>Phần hai</h2>"))
    }

    @Test func itemsInNestedFoldersAreFoundAndOthersIgnored() throws {
        let ws = try TempWorkspace(fixture: "mini")
        let i2 = try ws.read("content/items/i2.md")
        try FileManager.default.removeItem(atPath: ws.path("content/items/i2.md"))
        try ws.write("content/items/2026/thang-11/i2.md", i2)
        try ws.write("content/items/notes.txt", "not an item")
        #expect(try ws.run(["render"]).code == 0)
        #expect(ws.exists("out/items/i1.html"))
        #expect(ws.exists("out/items/i2.html"))
        #expect(!ws.exists("out/items/notes.html"))
        #expect(try ws.run(["plan", "2026-12"]).code == 0)
    }

    @Test func planningStopsOnABadByteInABodyItDoesNotRead() throws {
        let ws = try TempWorkspace(fixture: "mini")
        var bytes = Array(try ws.read("content/items/i1.md").utf8)
        bytes += [0x1B] + Array("\n".utf8)
        try ws.write("content/items/i1.md", bytes: bytes)
        let r = try ws.run(["plan", "2026-12"])
        #expect(r.code != 0)
        #expect(r.stderr.contains("content/items/i1.md:9:1"), "\(r.stderr)")
        #expect(!ws.exists("calendars/2026-12.ics"))
    }
}
