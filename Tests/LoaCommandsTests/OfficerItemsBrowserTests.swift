import Foundation
import Testing

/// Writing an item and four eyes in real Chromium at 1280×800 (SPEC §9.7), against the real `loa serve`: one officer
/// writes, previews, adds a picture and saves, and is refused the approval of what they wrote; another officer finds
/// it by searching and approves it. The README's screenshot of the editor comes from
/// `LOA_SCREENSHOTS=$PWD/docs/images swift test --filter OfficerItemsBrowserTests`.
@Suite(.serialized) struct OfficerItemsBrowserTests {
    static let writer = "binh:mat-khau-can-bo-2026", approver = "hoa:mat-khau-can-bo-hoa-2026"
    static let today = "2026-12-07"

    @Test func anOfficerWritesAnItemWithAPictureAndAnotherApprovesIt() throws {
        let tools = ["/usr/bin/chromium", "/usr/bin/chromedriver"].filter {
            !FileManager.default.isExecutableFile(atPath: $0)
        }
        if !tools.isEmpty { toolMissing("Chromium is missing (\(tools.joined(separator: ", ")))"); return }
        let ws = try TempWorkspace()
        for who in [Self.writer, Self.approver] {
            let parts = who.split(separator: ":").map(String.init)
            let r = try ws.run(["user", "add", parts[0], "--role", "officer"], today: Self.today, env: [:],
                               stdin: Data((parts[1] + "\n").utf8))
            #expect(r.code == 0, "\(r.stderr)")
        }
        let picture = ws.path("anh-sinh-hoat.png")
        try FileManager.default.copyItem(atPath: ws.path("content/media/zalo-oa-bia.png"), toPath: picture)
        let server = try ServeProcess(workspace: ws.root, today: Self.today)
        let shots = ProcessInfo.processInfo.environment["LOA_SCREENSHOTS"] ?? ws.path("shots")
        try FileManager.default.createDirectory(atPath: shots, withIntermediateDirectories: true)
        let (code, output) = try runScript(repositoryRoot + "/Tests/browser/officer_items_flow.py",
                                           [server.base, shots, picture],
                                           env: ["LOA_WRITER": Self.writer, "LOA_APPROVER": Self.approver])
        server.stop()
        if code == 2 { toolMissing(output.trimmingCharacters(in: .whitespacesAndNewlines)); return }
        #expect(code == 0, "officer_items_flow.py failed; server log:\n\(server.output.suffix(3000))")
        let line = output.split(separator: "\n").last.map(String.init) ?? "{}"
        let seen = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])

        #expect(seen["editor_heading"] as? String == "Viết bài mới")
        #expect(seen["theme_label"] as? String == "Tham quan, học tập lịch sử truyền thống tại Bảo tàng, nhất là với "
                + "thế hệ trẻ")
        // the preview: the Markdown rendered, the picture shown from content/media, nothing saved yet
        #expect((seen["preview_status_notice"] as? String)?.hasPrefix("Đã thêm ảnh anh-sinh-hoat-") == true)
        #expect(seen["preview_strong"] as? [String] == ["đoàn viên trẻ"])
        #expect((seen["preview_heading"] as? [String])?.contains("Những điều đọng lại") == true)
        let images = seen["preview_images"] as? [String] ?? []
        #expect(images.count == 1 && images.first?.contains("/media/anh-sinh-hoat-") == true)
        #expect(seen["preview_image_loaded"] as? Bool == true)
        #expect((seen["body_after_preview"] as? String)?.contains("![Đoàn viên trẻ tại buổi sinh hoạt](media/anh-sinh-hoat-")
                == true)
        #expect(seen["theme_still_ticked"] as? Bool == true)
        #expect(seen["shot_viewport"] as? [Int] == [1280, 800])
        #expect(FileManager.default.fileExists(atPath: shots + "/item-editor.png"))
        // saved as loa new item would write it, with its author; the writer is refused, the other officer approves
        let id = "thanh-nien-cong-doan-tim-hieu-bao-tang-dang"
        #expect((seen["saved_url"] as? String)?.hasSuffix("/items/\(id)?done=created") == true)
        #expect(seen["saved_notice"] as? String == "Đã tạo bài nháp mới.")
        #expect((seen["writer_refusal"] as? String)?.contains("cần một người khác duyệt") == true)
        #expect(seen["status_after_refusal"] as? String == "bản nháp")
        #expect((seen["search_found"] as? [String])?.first == "Thanh niên công đoàn tìm hiểu Bảo tàng Đảng")
        #expect(seen["approve_notice"] as? String == "Đã duyệt bài; tệp bài đã được cập nhật.")
        #expect(seen["approved_badge"] as? String == "đã duyệt")
        let file = try ws.read("content/items/\(id).md")
        #expect(file.contains("themes: [museum/1.2/d]\nchannels: [ban-tin]\naudiences: [the-he-tre]\nstatus: approved\n"))
        #expect(file.contains("author: \"binh\"\n") && file.contains("approved_by: hoa\n"))
        #expect(file.contains("\n\nChiều 5/12, **đoàn viên trẻ** các CĐCS"))
        let media = try FileManager.default.contentsOfDirectory(atPath: ws.path("content/media"))
            .filter { $0.hasPrefix("anh-sinh-hoat-") }
        #expect(media.count == 1)
        #expect(try ws.run(["check"], today: Self.today).code == 0)
        let audit = try sqlite(ws.path("loa.sqlite"), "SELECT action || '|' || actor FROM audit WHERE command <> 'user' "
                               + "ORDER BY id")
        #expect(audit == "image uploaded|user:binh\nitem created|user:binh\nitem approved|user:hoa")
    }
}
