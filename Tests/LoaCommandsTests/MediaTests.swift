import Foundation
import Testing

/// A tiny PNG (1 × 1, red), enough to be a real image file.
private let png: [UInt8] = [
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90, 0x77, 0x53,
    0xDE, 0x00, 0x00, 0x00, 0x0C, 0x49, 0x44, 0x41, 0x54, 0x08, 0xD7, 0x63, 0xF8, 0xCF, 0xC0, 0x00,
    0x00, 0x03, 0x01, 0x01, 0x00, 0x18, 0xDD, 0x8D, 0xB0, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E,
    0x44, 0xAE, 0x42, 0x60, 0x82,
]

@Suite struct MediaTests {
    @Test func imagesSavedInTheWorkspaceAreCopiedNextToTheIssueAndTheItemPage() throws {
        let ws = try TempWorkspace(fixture: "mini")
        try ws.write("content/media/bao-tang/phoi-canh.png", bytes: png)
        try ws.write("content/media/so do.png", bytes: png)
        try ws.edit("content/items/i1.md", replacing: "Một.", with: """
            Một.

            ![Phối cảnh Bảo tàng](media/bao-tang/phoi-canh.png)

            ![Sơ đồ](<so do.png>)
            """)
        #expect(try ws.run(["check"]).code == 0)
        #expect(try ws.run(["plan", "2026-10", "--confirm"], today: "2026-09-20").code == 0)
        let r = try ws.run(["publish", "news", "2026-10-15"], today: "2026-10-15")
        #expect(r.code == 0, "\(r.stderr)")
        let html = try ws.read("out/issues/news/2026-10-15.html")
        #expect(html.contains("<img src=\"media/bao-tang/phoi-canh.png\" alt=\"Phối cảnh Bảo tàng\""))
        #expect(try ws.readData("out/issues/news/media/bao-tang/phoi-canh.png") == Data(png))
        // a link relative to content/media/ is copied under the same relative path
        #expect(html.contains("src=\"so%20do.png\""))
        #expect(try ws.readData("out/issues/news/so do.png") == Data(png))
        // the Word issue carries both pictures, read by python-docx
        if let word = try pythonDocx([ws.path("out/issues/news/2026-10-15.docx")]) {
            #expect(word[ws.path("out/issues/news/2026-10-15.docx")]?["pictures"] as? Int == 2)
        }

        #expect(try ws.run(["render"]).code == 0)
        #expect(try ws.read("out/items/i1.html").contains("src=\"media/bao-tang/phoi-canh.png\""))
        #expect(try ws.readData("out/items/media/bao-tang/phoi-canh.png") == Data(png))
        #expect(ws.exists("out/items/so do.png"))
    }

    @Test func aRemoteOrMissingImageStopsThePublicationAndChangesNothing() throws {
        for (body, message) in [("![x](https://example.com/a.png)", "nằm trên mạng"),
                                ("![x](media/khong-co.png)", "không tìm thấy ảnh")] {
            let ws = try TempWorkspace(fixture: "mini")
            #expect(try ws.run(["plan", "2026-10", "--confirm"], today: "2026-09-20").code == 0)
            try ws.edit("content/items/i1.md", replacing: "Một.", with: "Một.\n\n" + body)
            let r = try ws.run(["publish", "news", "2026-10-15"], today: "2026-10-15")
            #expect(r.code == 65, "\(r.stderr)")
            // the position is the image's paragraph in the item's file: line 10, after 7 lines of front matter,
            // "Một." and a blank line
            #expect(r.stderr.contains("content/items/i1.md:10:1: error:") && r.stderr.contains(message), "\(r.stderr)")
            #expect(!ws.exists("out/issues/news/2026-10-15.html") && !ws.exists("out/issues/news/2026-10-15.md"))
            #expect(try sqlite(ws.path("loa.sqlite"), "SELECT count(*) FROM publications") == "0")
        }
    }

    @Test func aPreviewNeverLoadsARemoteImage() throws {
        let ws = try TempWorkspace(fixture: "mini")
        try ws.edit("content/items/i1.md", replacing: "Một.",
                    with: "Một.\n\n![Ảnh trên mạng](http://example.com/a.png)")
        #expect(try ws.run(["render"]).code == 0)
        let page = try ws.read("out/items/i1.html")
        #expect(!page.contains("example.com/a.png\"") && !page.contains("<img"))
        #expect(page.contains("Ảnh trên mạng"))
    }
}
