import Foundation
import Testing

/// Returning a unit's report and administering users and links, in real Chromium at 1280×800 against the real
/// `loa serve` (issue 23 parts 5 and 6): `Tests/browser/officer_admin_flow.py` clicks as the officer and the unit do.
@Suite(.serialized) struct OfficerAdminBrowserTests {
    static let admin = "quan:mat-khau-quan-tri-2026"
    static let unit = "cdcs-so-gddt"

    @Test func anOfficerReturnsAReportTheUnitCorrectsItAndAnAdministratorManagesUsersAndALink() throws {
        let tools = ["/usr/bin/chromium", "/usr/bin/chromedriver"].filter {
            !FileManager.default.isExecutableFile(atPath: $0)
        }
        if !tools.isEmpty { toolMissing("Chromium is missing (\(tools.joined(separator: ", ")))"); return }
        let ws = try OfficerBrowserTests.preparedWorkspace()
        let parts = Self.admin.split(separator: ":").map(String.init)
        let added = try ws.run(["user", "add", parts[0], "--role", "officer", "--admin"], today: OfficerBrowserTests.today,
                               env: [:], stdin: Data((parts[1] + "\n").utf8))
        #expect(added.code == 0, "\(added.stderr)")
        let server = try ServeProcess(workspace: ws.root, today: OfficerBrowserTests.today)
        let links = try ws.run(["links", "--base-url", server.base], today: OfficerBrowserTests.today)
        let link = try #require(links.stdout.split(whereSeparator: \.isNewline).first { $0.hasPrefix(Self.unit + ",") }?
            .split(separator: ",").last.map(String.init))
        let shots = ProcessInfo.processInfo.environment["LOA_SCREENSHOTS"] ?? ws.path("shots")
        try FileManager.default.createDirectory(atPath: shots, withIntermediateDirectories: true)
        let (code, output) = try runScript(repositoryRoot + "/Tests/browser/officer_admin_flow.py", [server.base, shots],
                                           env: ["LOA_ADMIN": Self.admin, "LOA_UNIT": Self.unit, "LOA_UNIT_LINK": link,
                                                 "LOA_LEADER_NAME": "lan"])
        let log = server.output
        server.stop()
        if code == 2 { toolMissing(output.trimmingCharacters(in: .whitespacesAndNewlines)); return }
        #expect(code == 0, "officer_admin_flow.py failed; server log:\n\(log.suffix(3000))")
        let line = output.split(separator: "\n").last.map(String.init) ?? "{}"
        let seen = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        let comment = "Hoạt động thứ hai thiếu số người tham dự; đề nghị đơn vị kiểm tra và gửi lại."

        // the return, as the officer sees it
        #expect(seen["unit_month_heading"] as? String == "CĐCS Sở Giáo dục và Đào tạo — báo cáo tháng 11/2026")
        #expect(seen["return_notice"] as? String
                == "Đã trả lại báo cáo; đơn vị sẽ thấy nhận xét trên trang của mình.")
        #expect(seen["returned_badge"] as? String == "đã trả lại")
        #expect(seen["reopen_buttons"] as? Int == 1)
        #expect((seen["completeness_row"] as? String)?.contains("đã trả lại") == true)
        // the unit reads the comment on its home page and on the form, and corrects
        #expect(seen["unit_landing"] as? String == server.base + "/unit")
        #expect((seen["unit_home_notice"] as? String)?.contains(comment) == true)
        #expect((seen["unit_form_notice"] as? String)?.contains(comment) == true)
        #expect(seen["unit_home_notices_after"] as? Int == 0, "the correction ends the return")
        // the history keeps both
        let history = seen["history"] as? [String] ?? []
        #expect(history.count == 3, "\(history)")
        #expect(history.first?.hasSuffix("đơn vị gửi báo cáo") == true)
        #expect(history.count > 1 && history[1].contains("quan trả lại để sửa") && history[1].contains(comment))
        #expect(history.last?.hasSuffix("đơn vị gửi bản sửa") == true)
        #expect(seen["badges_after_correction"] as? Int == 0)

        // administration
        #expect(seen["admin_heading"] as? String == "Người dùng")
        #expect(seen["add_notice"] as? String == "Đã thêm người dùng hoa.")
        #expect((seen["users_listed"] as? [String])?.contains("hoa") == true)
        #expect((seen["password_notice"] as? String)?.hasPrefix("Đã đặt mật khẩu mới cho lan") == true)
        #expect(seen["rotate_heading"] as? String == "Đổi đường dẫn báo cáo của CĐCS Sở Giáo dục và Đào tạo")
        #expect((seen["rotate_warning"] as? String)?.contains("ngừng hoạt động ngay lập tức") == true)
        #expect(seen["links_before_confirming"] as? Int == 0)
        #expect(seen["card_unit"] as? String == "CĐCS Sở Giáo dục và Đào tạo")
        #expect(seen["card_qr"] as? Int == 1)
        let newLink = seen["new_link"] as? String ?? ""
        #expect(newLink.hasPrefix(server.base + "/u/") && newLink != link)
        #expect(seen["old_link_heading"] as? String == "404")
        #expect(seen["new_link_landing"] as? String == server.base + "/unit")
        #expect(seen["new_user_landing"] as? String == server.base + "/dashboard")
        #expect(seen["leader_landing"] as? String == server.base + "/dashboard")
        // no token in the server's log; the changes are the administrator's in the audit history
        let token = String(newLink.split(separator: "/").last ?? "")
        #expect(!token.isEmpty && !log.contains(token))
        let actions = try sqlite(ws.path("loa.sqlite"), "SELECT action FROM audit WHERE actor = 'user:quan' ORDER BY id")
        #expect(actions.split(separator: "\n") == ["report returned", "user added", "user changed", "link rotated"])
        for name in ["officer-returned", "unit-returned", "admin-users", "admin-new-card"] {
            #expect(FileManager.default.fileExists(atPath: "\(shots)/\(name).png"), "\(name).png")
        }
    }
}
