import Foundation
import LoaCore
import Testing

/// Zalo OA articles. These tests run Loa against a local stand-in (Tests/tools/zalo_standin.py, on loopback) that
/// implements the contract SPEC §10 documents — token refresh with a rotating refresh token, `article/create`
/// with its limits, `article/verify` — and check that Loa keeps that contract. They never reach Zalo itself, so
/// they say nothing of what Zalo's servers do beyond it.
@Suite struct DeliveryZaloTests {
    func settings(_ ws: TempWorkspace, port: Int) throws {
        try ws.secret("zalo.secret", "zalo-app-secret")
        try ws.distribution("""
            base_url: https://loa.example.org/
            zalo:
              api_base: http://127.0.0.1:\(port)
              oauth_base: http://127.0.0.1:\(port)
              app_id: "1234567890"
              secret_file: secrets/zalo.secret
              refresh_token_file: secrets/zalo.refresh
              timeout: 10
            """)
    }

    func requests(_ server: LoopbackServer) throws -> [[String: Any]] {
        let text = (try? String(contentsOfFile: server.folder + "/requests.jsonl", encoding: .utf8)) ?? ""
        return try text.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    @Test func anIssueBecomesOneArticleAndTheRefreshTokenIsRotatedAndKept() throws {
        let ws = try TempWorkspace()
        try ws.secret("zalo.refresh", "first-refresh-token")
        guard let zalo = try LoopbackServer.zalo(ws.path("zalo"), refreshToken: "first-refresh-token") else { return }
        try ws.novemberConfirmed()
        try settings(ws, port: zalo.port)
        let r = try ws.run(["publish", "zalo-oa", "2026-11-12"], today: "2026-11-12")
        #expect(r.code == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("zalo-oa 12/11/2026 (Zalo OA): 1 đã gửi, 0 lỗi, 0 chờ gửi"))
        let calls = try requests(zalo)
        #expect(calls.map { $0["path"] as? String } == ["/v4/oa/access_token", "/v2.0/article/create",
                                                        "/v2.0/article/verify"])
        #expect(calls.first?["secret_ok"] as? Bool == true)
        #expect(calls.first?["form_keys"] as? [String] == ["app_id", "grant_type", "refresh_token"])
        let article = try #require(calls[1]["body"] as? [String: Any])
        #expect(article["type"] as? String == "normal")
        #expect(article["title"] as? String == "Chung tay hiến tặng tài liệu, hiện vật về Đảng")
        #expect(article["author"] as? String == "Công đoàn Viên chức tỉnh Điện Biên")
        #expect((article["cover"] as? [String: Any])?["photo_url"] as? String
                == "https://loa.example.org/p/zalo-oa/media/zalo-oa-bia.png")
        #expect(article["status"] as? String == "show" && article["comment"] as? String == "show")
        // the cover Zalo fetches is next to the issue, where loa serve answers /p/zalo-oa/…
        #expect(ws.exists("out/issues/zalo-oa/media/zalo-oa-bia.png"))
        // the refresh token works once: its successor is in the file, readable by its owner only
        #expect(try ws.read("secrets/zalo.refresh") == "refresh-1\n")
        let attributes = try FileManager.default.attributesOfItem(atPath: ws.path("secrets/zalo.refresh"))
        let mode = try #require(attributes[.posixPermissions] as? Int)
        #expect(mode & 0o077 == 0)
        #expect(try sqlite(ws.path("loa.sqlite"), """
            SELECT state || ' ' || remote_token || ' ' || remote_id FROM issue_deliveries WHERE unit = ''
            """) == "sent article-token-2 article-id-2")
        // units reached through the OA have no delivery of their own until they confirm
        #expect(try ws.states("zalo-oa", "2026-11-12").keys.sorted() == [""])

        // the next week's article uses the new refresh token
        let next = try ws.run(["publish", "zalo-oa", "2026-11-19"], today: "2026-11-19")
        #expect(next.code == 0, "\(next.stdout)\(next.stderr)")
        #expect(try ws.read("secrets/zalo.refresh") == "refresh-3\n")
    }

    @Test func aZaloErrorCodeFailsTheArticleWithItsCodeAndNothingIsLost() throws {
        let ws = try TempWorkspace()
        try ws.secret("zalo.refresh", "rt-a")
        guard let zalo = try LoopbackServer.zalo(ws.path("zalo"), refreshToken: "rt-a",
                                                 ["--fail-create", "-224:OA has reached the article limit"])
        else { return }
        try ws.novemberConfirmed()
        try settings(ws, port: zalo.port)
        let r = try ws.run(["publish", "zalo-oa", "2026-11-12"], today: "2026-11-12")
        #expect(r.code == 74)
        #expect(r.stdout.contains("Zalo OA: Zalo OA báo lỗi -224: OA has reached the article limit"))
        #expect(try ws.states("zalo-oa", "2026-11-12")[""] == "failed|zalo\t-224\tOA has reached the article limit")
        zalo.stop()

        // the next day Zalo takes it (the stand-in knows the refresh token Loa kept)
        let kept = try ws.read("secrets/zalo.refresh").trimmingCharacters(in: .whitespacesAndNewlines)
        guard let again = try LoopbackServer.zalo(ws.path("zalo2"), refreshToken: kept) else { return }
        try settings(ws, port: again.port)
        let retry = try ws.run(["deliver", "zalo-oa", "2026-11-12", "--retry", "--article"], today: "2026-11-13")
        #expect(retry.code == 0, "\(retry.stdout)\(retry.stderr)")
        #expect(retry.stdout.contains("Đã cho gửi lại tới Zalo OA."))
        #expect(try ws.states("zalo-oa", "2026-11-12")[""] == "sent")
        // sent: never again
        let twice = try ws.run(["deliver", "zalo-oa", "2026-11-12", "--retry", "--article"], today: "2026-11-13")
        #expect(twice.code == 65)
        #expect(try requests(again).filter { $0["path"] as? String == "/v2.0/article/create" }.count == 1)
    }

    @Test func anArticleLeftSendingGoesAgainOnlyWithAPersonsWord() throws {
        let ws = try TempWorkspace()
        try ws.secret("zalo.refresh", "rt-slow")
        guard let zalo = try LoopbackServer.zalo(ws.path("zalo"), refreshToken: "rt-slow", ["--slow-create", "4"])
        else { return }
        try ws.novemberConfirmed()
        try settings(ws, port: zalo.port)
        try ws.edit("distribution.yml", replacing: "timeout: 10", with: "timeout: 1")
        chmod(ws.path("distribution.yml"), 0o600)
        let r = try ws.run(["publish", "zalo-oa", "2026-11-12"], today: "2026-11-12")
        #expect(r.stdout.contains("1 thư đang gửi dở"))
        #expect(try ws.states("zalo-oa", "2026-11-12")[""] == "sending")
        #expect(try ws.run(["deliver"], today: "2026-11-13").code == 0)
        #expect(try ws.states("zalo-oa", "2026-11-12")[""] == "sending")
        zalo.stop()

        let kept = try ws.read("secrets/zalo.refresh").trimmingCharacters(in: .whitespacesAndNewlines)
        guard let again = try LoopbackServer.zalo(ws.path("zalo2"), refreshToken: kept) else { return }
        try settings(ws, port: again.port)
        let retry = try ws.run(["deliver", "zalo-oa", "2026-11-12", "--retry", "--article"], today: "2026-11-13")
        #expect(retry.code == 0, "\(retry.stdout)\(retry.stderr)")
        #expect(retry.stdout.contains("Đã cho gửi lại tới Zalo OA."))
        #expect(try ws.states("zalo-oa", "2026-11-12")[""] == "sent")
        let twice = try ws.run(["deliver", "zalo-oa", "2026-11-12", "--retry", "--article"], today: "2026-11-13")
        #expect(twice.code == 65)
        #expect(try requests(again).filter { $0["path"] as? String == "/v2.0/article/create" }.count == 1)
    }

    @Test func aRefusedRefreshTokenIsAFailedArticleNamingTheSetting() throws {
        let ws = try TempWorkspace()
        try ws.secret("zalo.refresh", "a-token-zalo-never-gave")
        guard let zalo = try LoopbackServer.zalo(ws.path("zalo"), refreshToken: "the-real-one") else { return }
        try ws.novemberConfirmed()
        try settings(ws, port: zalo.port)
        let r = try ws.run(["publish", "zalo-oa", "2026-11-12"], today: "2026-11-12")
        #expect(r.code == 74)
        #expect(r.stdout.contains("(zalo.refresh_token_file), lỗi -14014"))
        #expect(!(r.stdout + r.stderr).contains("a-token-zalo-never-gave"))
        #expect(try ws.read("secrets/zalo.refresh") == "a-token-zalo-never-gave\n")
        #expect(try requests(zalo).map { $0["path"] as? String } == ["/v4/oa/access_token"])
    }

    @Test func longTitlesAndSummariesAreCutToZalosLimits() throws {
        let ws = try TempWorkspace()
        try ws.secret("zalo.refresh", "rt")
        guard let zalo = try LoopbackServer.zalo(ws.path("zalo"), refreshToken: "rt") else { return }
        let long = String(repeating: "Tuyên truyền chuyển đổi số ", count: 12)
        try ws.edit("content/items/bao-tang/bao-tang-hien-tang-hien-vat.md", replacing: "title: ",
                    with: "title: \"\(long)\"\n# title: ")
        try ws.edit("content/items/bao-tang/bao-tang-hien-tang-hien-vat.md", replacing: "summary: ",
                    with: "summary: \"\(long + long)\"\n# summary: ")
        try ws.novemberConfirmed()
        try settings(ws, port: zalo.port)
        let r = try ws.run(["publish", "zalo-oa", "2026-11-12"], today: "2026-11-12")
        #expect(r.code == 0, "\(r.stdout)\(r.stderr)")
        let body = try #require(try requests(zalo).first { $0["path"] as? String == "/v2.0/article/create" }?["body"]
                                    as? [String: Any])
        let title = try #require(body["title"] as? String), description = try #require(body["description"] as? String)
        #expect(title.unicodeScalars.count <= 150 && title.hasSuffix("…"))
        #expect(description.unicodeScalars.count <= 300 && description.hasSuffix("…"))
    }

    @Test func dryRunWritesTheRequestBodyUnderOutZaloAndSendsNothing() throws {
        let ws = try TempWorkspace()
        try ws.secret("zalo.refresh", "rt-dry")
        guard let zalo = try LoopbackServer.zalo(ws.path("zalo"), refreshToken: "rt-dry") else { return }
        try ws.novemberConfirmed()
        try settings(ws, port: zalo.port)
        let r = try ws.run(["publish", "zalo-oa", "2026-11-12", "--dry-run"], today: "2026-11-12")
        #expect(r.code == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("bài Zalo OA ghi vào out/zalo/zalo-oa/2026-11-12.json, chưa gửi đi"))
        let body = try #require(try JSONSerialization.jsonObject(with: ws.readData("out/zalo/zalo-oa/2026-11-12.json"))
                                    as? [String: Any])
        #expect(body["type"] as? String == "normal")
        #expect(try requests(zalo).isEmpty)
        #expect(try ws.read("secrets/zalo.refresh") == "rt-dry\n")
        #expect(try ws.states("zalo-oa", "2026-11-12")[""] == "pending")
    }
}
