import Foundation
import Testing
import LoaCore
import LoaFormats
import LoaStore
@testable import LoaWeb
import LoaWorkflows

/// A tiny valid PNG (1×1, one black pixel).
let onePixelPNG: [UInt8] = [
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00,
    0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4, 0x89, 0x00, 0x00, 0x00, 0x0D, 0x49,
    0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x60, 0x60, 0x60, 0xF8, 0x0F, 0x00, 0x01, 0x04, 0x01, 0x00, 0x5F, 0xE5, 0xC3,
    0x4B, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
]

extension Browser {
    /// Posts form fields and files as `multipart/form-data`, with the CSRF token and the form's one-time key.
    @discardableResult
    func multipart(_ target: String, _ fields: [(String, String)],
                   files: [(field: String, name: String, bytes: [UInt8])] = []) throws -> Page {
        let boundary = "loa-test-boundary-e41"
        var body: [UInt8] = []
        let all = fields + [("csrf", csrfToken ?? ""), ("key", formKey(for: target) ?? Browser.newKey())]
        for (name, value) in all {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        for f in files {
            body += Array(("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(f.field)\"; "
                           + "filename=\"\(f.name)\"\r\nContent-Type: application/octet-stream\r\n\r\n").utf8)
            body += f.bytes + Array("\r\n".utf8)
        }
        body += Array("--\(boundary)--\r\n".utf8)
        return try send("POST", target, headers: [("Content-Type", "multipart/form-data; boundary=\(boundary)"),
                                                  ("Sec-Fetch-Site", "same-origin")], body: body)
    }
}

extension WebFixture {
    func addUser(_ name: String, role: Role, approve: Bool) throws {
        let hash = try PasswordHash.hash("mat-khau-dai-12")
        try Store(path: paths.defaultDatabase).write {
            try $0.save(user: UserRecord(name: name, role: role, sensitive: false, approve: approve,
                                         passwordHash: hash), today: today, actor: .commandLine(user: "test"))
        }
    }

    func signIn(_ name: String) throws -> Browser {
        let b = Browser(port: port)
        try b.get("/login")
        let r = try b.post("/login", [("name", name), ("password", "mat-khau-dai-12")])
        #expect(r.status == 303, "\(name) could not sign in")
        return b
    }

    func audit() throws -> [String] {
        try read { try $0.auditHistory() }.filter { $0.subject.hasPrefix("item ") || $0.subject.hasPrefix("media ") }
            .map { "\($0.action.rawValue)|\($0.subject)|\($0.actor)" }
    }
}

@Suite(.serialized) struct ItemEditorPagesTests {
    static let fields: [(String, String)] = [
        ("title", "Bảo tàng Đảng và tuổi trẻ Điện Biên"), ("themes", "museum/1.1/a"), ("channels", "ban-tin"),
        ("audiences", "the-he-tre"), ("summary", "Một câu tóm tắt."),
        ("body", "Đoàn viên trẻ tìm hiểu **lịch sử** Đảng.\r\n\r\n- tham quan\r\n- thảo luận"),
    ]

    @Test func theEditorSpeaksOfThemesByTitleAndSummaryAsTomTat() throws {
        let f = try WebFixture()
        let b = try f.userBrowser("binh", role: .officer)
        let page = try b.get("/items/new")
        #expect(page.status == 200)
        #expect(page.text.contains(">Tóm tắt</label>") && !page.text.contains("Tóm tắt ý kiến"))
        #expect(page.text.contains("<span>Kết luận, chỉ đạo của Bộ Chính trị, Ban Bí thư về Đề án; biến chủ trương "
                                   + "thành quyết tâm chính trị chung</span>"))
        #expect(!page.text.contains("museum/1.1/a —") && !page.text.contains(">museum/1.1/a"))
        #expect(page.text.contains("enctype=\"multipart/form-data\""))
        #expect(page.text.contains("value=\"preview\"") && page.text.contains(">Xem trước</button>"))
    }

    @Test func invalidInputIs422BesideTheFieldsLabelAndWritesNothing() throws {
        let f = try WebFixture()
        let b = try f.userBrowser("binh", role: .officer)
        try b.get("/items/new")
        let before = try f.snapshot()
        let r = try b.multipart("/items/new", [("title", ""), ("body", "x"), ("action", "save")])
        #expect(r.status == 422)
        #expect(r.text.contains("<label for=\"title\">Tiêu đề</label><input type=\"text\" id=\"title\""))
        #expect(r.text.contains("Hãy nhập tiêu đề.") && r.text.contains("Hãy chọn ít nhất một nội dung.")
                && r.text.contains("Hãy chọn ít nhất một kênh."))
        #expect(r.text.contains("href=\"#title\"") && r.text.contains("id=\"themes-group\""))
        #expect(!r.text.contains("content/") && !r.text.contains(">museum/"))
        // a file that is not a picture, with the rest right: refused beside "Thêm ảnh", nothing stored
        try b.get("/items/new")
        let text = try b.multipart("/items/new", Self.fields + [("action", "save")],
                                   files: [("image", "anh.png", Array("không phải ảnh".utf8))])
        #expect(text.status == 422 && text.text.contains("Tệp này không phải ảnh PNG, JPEG, WebP hay GIF."))
        try b.get("/items/new")
        let big = try b.multipart("/items/new", Self.fields + [("action", "save")],
                                  files: [("image", "anh.png", onePixelPNG + [UInt8](repeating: 0, count: 5 << 20))])
        #expect(big.status == 422 && big.text.contains("Ảnh lớn quá 5 MB"))
        #expect(try f.snapshot() == before)
        #expect(try f.audit().isEmpty)
    }

    @Test func previewRendersTheMarkdownWithoutWritingAndSaveWritesTheFileLoaNewItemWrites() throws {
        let f = try WebFixture()
        let b = try f.userBrowser("binh", role: .officer)
        try b.get("/items/new")
        let before = try f.snapshot()
        let preview = try b.multipart("/items/new", Self.fields + [("action", "preview")])
        #expect(preview.status == 200)
        #expect(preview.text.contains("<strong>lịch sử</strong>") && preview.text.contains("<li>tham quan</li>"))
        #expect(preview.text.contains("Bài sẽ hiện ra như sau"))
        #expect(try f.snapshot() == before)
        // the picture: stored under a name Loa makes, referenced at the end of the body, shown in the preview
        let withImage = try b.multipart("/items/new", Self.fields + [("action", "preview"), ("image-alt", "Ảnh")],
                                        files: [("image", "../../Ảnh hội nghị.PNG", onePixelPNG)])
        #expect(withImage.status == 200)
        let media = try FileManager.default.contentsOfDirectory(atPath: f.paths.media).filter { $0.hasPrefix("anh-") }
        #expect(media.count == 1 && media[0].hasPrefix("anh-hoi-nghi-") && media[0].hasSuffix(".png"))
        #expect(try f.file("content/media/" + media[0]) == onePixelPNG)
        #expect(withImage.text.contains("![Ảnh](media/\(media[0]))"))
        #expect(withImage.text.contains("<img src=\"/media/\(media[0])\""))
        let served = try b.get("/media/" + media[0])
        #expect(served.status == 200 && served.header("Content-Type") == "image/png")
        #expect(try b.get("/media/..%2Floa.sqlite").status == 404)
        try b.get("/items/new")
        // save: the body the preview showed, in the file `loa new item` would write
        let body = try #require(withImage.text.firstMatch(of: /<textarea id="body" name="body" rows="14">([^<]*)</)?
            .output.1)
        let unescaped = String(body).replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;",
                                                                                                       with: "&")
        let save = try b.multipart("/items/new", Self.fields.filter { $0.0 != "body" }
                                   + [("body", unescaped), ("action", "save")])
        let id = "bao-tang-dang-va-tuoi-tre-dien-bien"
        #expect(save.status == 303 && save.header("Location") == "/items/\(id)?done=created")
        let expected = ItemTemplate.render(id: id, new: ("Bảo tàng Đảng và tuổi trẻ Điện Biên", ["museum/1.1/a"],
                                                         ["ban-tin"], "binh", "Một câu tóm tắt."),
                                           today: f.today, language: .vi, audiences: ["the-he-tre"],
                                           body: "Đoàn viên trẻ tìm hiểu **lịch sử** Đảng.\n\n- tham quan\n- thảo luận"
                                            + "\n\n![Ảnh](media/\(media[0]))")
        #expect(try f.text("content/items/\(id).md") == expected)
        #expect(try f.audit() == ["image uploaded|media \(media[0])|user:binh", "item created|item \(id)|user:binh"])
        #expect(try f.workspace.items.first { $0.id.value.rawValue == id }?.author == "binh")
    }

    @Test func editingKeepsEveryOtherByteAndAnApprovedItemGoesBackToReview() throws {
        let f = try WebFixture()
        let b = try f.userBrowser("binh", role: .officer)
        let path = "content/items/ho-tay/ho-tay-tien-do.md"
        let item = try #require(try f.workspace.items.first { $0.id.value.rawValue == "ho-tay-tien-do" })
        let form = try b.get("/items/ho-tay-tien-do/edit")
        #expect(form.status == 200 && form.text.contains("value=\"\(item.title)\""))
        let before = try f.text(path)
        var fields: [(String, String)] = [("title", item.title)]
        fields += item.themeRefs.map { ("themes", $0.description) }
        fields += item.channels.map { ("channels", $0.value.rawValue) }
        fields += item.audiences.map { ("audiences", $0.value.rawValue) }
        fields += [("summary", item.summary ?? ""), ("body", item.body + "\n\nThêm một đoạn."), ("action", "save")]
        let r = try b.multipart("/items/ho-tay-tien-do/edit", fields)
        #expect(r.status == 303 && r.header("Location") == "/items/ho-tay-tien-do?done=saved")
        let after = try f.text(path)
        let head = before.components(separatedBy: "\n---\n")[0]
        #expect(after.hasPrefix(head + "\n---\n") && after.hasSuffix("\n\nThêm một đoạn.\n"))
        #expect(try f.audit() == ["item edited|item ho-tay-tien-do|user:binh"])
        // approved by someone else, then edited: the approval goes
        let hoa = try f.userBrowser("hoa", role: .officer)
        try hoa.get("/items/ho-tay-tien-do")
        #expect(try hoa.post("/items/ho-tay-tien-do/approve", []).status == 303)
        #expect(try f.text(path).contains("status: approved\n"))
        try b.get("/items/ho-tay-tien-do/edit")
        let again = try b.multipart("/items/ho-tay-tien-do/edit", fields.map {
            $0.0 == "title" ? ("title", item.title + " (cập nhật)") : $0
        })
        #expect(again.status == 303 && again.header("Location") == "/items/ho-tay-tien-do?done=savedWithdrawn")
        let edited = try f.text(path)
        #expect(edited.contains("status: review\n") && !edited.contains("approved:") && !edited.contains("approved_by"))
        #expect(try b.get("/items/ho-tay-tien-do?done=savedWithdrawn").text.contains("bài chờ duyệt lại"))
    }

    @Test func fourEyesTheWriterCannotApproveAnotherOfficerOrALeaderGivenApprovalCan() throws {
        let f = try WebFixture()
        let binh = try f.userBrowser("binh", role: .officer)
        try binh.get("/items/new")
        let created = try binh.multipart("/items/new", Self.fields + [("action", "save")])
        let id = "bao-tang-dang-va-tuoi-tre-dien-bien"
        #expect(created.status == 303)
        try binh.get("/items/\(id)")
        let own = try binh.post("/items/\(id)/approve", [])
        #expect(own.status == 422 && own.text.contains("do chính người duyệt viết hoặc sửa; cần một người khác duyệt"))
        #expect(!own.text.contains("content/items/") && !own.text.contains(".md:"))
        #expect(try f.text("content/items/\(id).md").contains("status: draft\n"))
        // a leader without approval is kept out by the route; one given approval decides
        try f.addUser("lan", role: .leader, approve: false)
        try f.addUser("tuan", role: .leader, approve: true)
        let lan = try f.signIn("lan")
        try lan.get("/items/\(id)")
        #expect(!lan.lastPage.contains("/approve\""))
        #expect(try lan.post("/items/\(id)/approve", []).status == 403)
        let tuan = try f.signIn("tuan")
        let page = try tuan.get("/items/\(id)")
        #expect(page.text.contains("action=\"/items/\(id)/approve\"") && !page.text.contains("/edit\""))
        #expect(try tuan.get("/items/\(id)/edit").status == 403)
        let approved = try tuan.post("/items/\(id)/approve", [])
        #expect(approved.status == 303, "\(approved.text.prefix(400))")
        #expect(try f.text("content/items/\(id).md").contains("approved_by: tuan\n"))
    }

    @Test func aPlaceholderBodyCannotBeApprovedOnTheWeb() throws {
        let f = try WebFixture()
        let binh = try f.userBrowser("binh", role: .officer)
        try binh.get("/items/new")
        let fields = Self.fields.filter { $0.0 != "body" } + [("action", "save")]
        #expect(try binh.multipart("/items/new", fields).status == 303)
        let id = "bao-tang-dang-va-tuoi-tre-dien-bien"
        #expect(try f.text("content/items/\(id).md").hasSuffix("\n\nViết nội dung bài ở đây (Markdown).\n"))
        let hoa = try f.userBrowser("hoa", role: .officer)
        try hoa.get("/items/\(id)")
        let r = try hoa.post("/items/\(id)/approve", [])
        #expect(r.status == 422 && r.text.contains("vẫn là đoạn mẫu") && !r.text.contains(".md:"))
        #expect(try f.text("content/items/\(id).md").contains("status: draft\n"))
    }

    @Test func theListSearchesFiltersAndDecidesOnSeveralItemsEachByTheSameRules() throws {
        let f = try WebFixture()
        let binh = try f.userBrowser("binh", role: .officer)
        try binh.get("/items/new")
        #expect(try binh.multipart("/items/new", Self.fields + [("action", "save")]).status == 303)
        try binh.get("/items/new")
        let placeholder = [("title", "Bài còn mẫu"), ("themes", "museum/1.1/a"), ("channels", "ban-tin"),
                           ("action", "save")]
        let hoa = try f.userBrowser("hoa", role: .officer)
        try hoa.get("/items/new")
        #expect(try hoa.multipart("/items/new", placeholder).status == 303)
        // search without diacritics, filters in the query string
        let found = try binh.get("/items?q=tuoi+tre+dien+bien")
        #expect(found.text.contains("Bảo tàng Đảng và tuổi trẻ Điện Biên") && !found.text.contains("Bài còn mẫu"))
        #expect(found.text.contains("1 trên "))
        let review = try binh.get("/items?status=review&channel=ban-tin")
        #expect(!review.text.contains("Bài còn mẫu") && review.text.contains("Tiến độ thi công Nhà khách Hồ Tây"))
        #expect(try binh.get("/items?theme=museum/1.1/a").text.contains("Bài còn mẫu"))
        // binh chooses three: his own, a placeholder, and one he did not write
        try binh.get("/items")
        let r = try binh.post("/items/bulk", [("items", "bao-tang-dang-va-tuoi-tre-dien-bien"),
                                              ("items", "bai-con-mau"), ("items", "ho-tay-tien-do"),
                                              ("action", "approve")])
        #expect(r.status == 200)
        #expect(r.text.contains("Đã duyệt 1 bài.") && r.text.contains("Không thực hiện được với 2 bài:"))
        #expect(r.text.contains("Bảo tàng Đảng và tuổi trẻ Điện Biên</strong> — bài bao-tang-dang-va-tuoi-tre-dien-bien"
                                + " do chính người duyệt viết"))
        #expect(r.text.contains("Bài còn mẫu</strong> — nội dung bài bai-con-mau vẫn là đoạn mẫu"))
        #expect(try f.text("content/items/ho-tay/ho-tay-tien-do.md").contains("approved_by: binh\n"))
        #expect(try f.text("content/items/bai-con-mau.md").contains("status: draft\n"))
        // send back needs a reason; with one, each chosen item goes back
        try binh.get("/items")
        let noReason = try binh.post("/items/bulk", [("items", "ho-tay-tien-do"), ("action", "sendBack")])
        #expect(noReason.status == 422 && noReason.text.contains("Hãy ghi lý do trả lại"))
        try binh.get("/items")
        let back = try binh.post("/items/bulk", [("items", "ho-tay-tien-do"), ("items", "bai-con-mau"),
                                                 ("action", "sendBack"), ("reason", "Cần ảnh")])
        #expect(back.status == 200 && back.text.contains("Đã trả lại 2 bài."))
        #expect(try f.text("content/items/bai-con-mau.md").contains("review_note: Cần ảnh\n"))
        // a leader without approval cannot use it
        try f.addUser("lan", role: .leader, approve: false)
        let lan = try f.signIn("lan")
        #expect(!(try lan.get("/items").text.contains("/items/bulk")))
        #expect(try lan.post("/items/bulk", [("items", "ho-tay-tien-do"), ("action", "approve")]).status == 403)
    }

    @Test func aLongListComesInPages() throws {
        let f = try WebFixture(before: { paths in
            for n in 1...60 {
                let text = "---\ntitle: Bài số \(n)\nthemes: [museum/1.1/a]\nchannels: [ban-tin]\nstatus: draft\n---\n\nx\n"
                try text.write(toFile: paths.items + "/so-\(n).md", atomically: true, encoding: .utf8)
            }
        })
        let b = try f.userBrowser("binh", role: .officer)
        let first = try b.get("/items?status=draft")
        #expect(first.text.contains("Trang 1/2") && first.text.contains("href=\"/items?status=draft&amp;page=2\""))
        let second = try b.get("/items?status=draft&page=2")
        #expect(second.text.contains("Trang 2/2") && second.text.contains("rel=\"prev\""))
    }
}
