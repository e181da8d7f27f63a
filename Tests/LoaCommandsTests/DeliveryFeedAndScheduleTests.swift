import Foundation
import LoaCore
import Testing

/// The website's Atom feed, read with feedparser; publishing on schedule (`loa publish --due`); the settings in
/// `distribution.yml`, refused before anything changes.
@Suite struct DeliveryFeedAndScheduleTests {
    func feed(_ ws: TempWorkspace) throws -> [String: Any] {
        try #require(try pythonJSON("read_feed.py", [ws.path("out/feeds/website.xml")]) as? [String: Any])
    }

    @Test func theWebsiteFeedIsAtomWithStableIdsAndLinksUnderTheBaseURL() throws {
        guard pythonHas("feedparser", "Python's feedparser") else { return }
        let ws = try TempWorkspace()
        try ws.novemberConfirmed()
        try ws.distribution("base_url: https://loa.example.org\n")
        #expect(try ws.run(["publish", "website", "2026-11-03"], today: "2026-11-03").code == 0)
        let first = try feed(ws)
        #expect(first["version"] as? String == "atom10")
        #expect(first["bozo"] as? Bool == false)
        #expect(first["title"] as? String == "Trang thông tin điện tử Công đoàn Viên chức tỉnh")
        #expect(first["id"] as? String == "https://loa.example.org/feeds/website.xml")
        let firstEntries = try #require(first["entries"] as? [[String: Any]])
        #expect(firstEntries.count == 2)

        let r = try ws.run(["publish", "website", "2026-11-10"], today: "2026-11-10")
        #expect(r.stdout.contains("nguồn tin out/feeds/website.xml: 4 bài"))
        let second = try feed(ws)
        let entries = try #require(second["entries"] as? [[String: Any]])
        #expect(entries.count == 4)
        // newest first; the entries published before keep their ids
        #expect(entries.prefix(2).allSatisfy { ($0["published"] as? String)?.hasPrefix("2026-11-10") == true })
        #expect(entries.suffix(2).compactMap { $0["id"] as? String } == firstEntries.compactMap { $0["id"] as? String })
        #expect(entries.allSatisfy { ($0["id"] as? String)?.hasPrefix("tag:loa.example.org,2026-11-") == true })
        #expect(entries.allSatisfy { ($0["link"] as? String)?.hasPrefix("https://loa.example.org/p/website/") == true })
        #expect(entries.allSatisfy { !(($0["content"] as? [String])?.first ?? "").isEmpty })
        // every unit of the channel counts as reached, and so does the feed's own entry
        let states = try ws.states("website", "2026-11-10")
        #expect(states.values.allSatisfy { $0 == "sent" } && states[""] == "sent")
    }

    @Test func publishDueTakesTheLastSevenDaysAndOnlyListsOlderSlots() throws {
        let ws = try TempWorkspace()
        try ws.novemberConfirmed()
        let r = try ws.run(["publish", "--due", "--no-deliver"], today: "2026-11-13")
        #expect(r.code == 0, "\(r.stdout)\(r.stderr)")
        let published = try sqlite(ws.path("loa.sqlite"), "SELECT channel || ' ' || date FROM publications ORDER BY date, channel")
        // confirmed slots dated 7 to 13 November
        #expect(published == "website 2026-11-10\nzalo-oa 2026-11-12\nban-tin 2026-11-13")
        #expect(published.contains("ban-tin 2026-11-13") && published.contains("website 2026-11-10"))
        #expect(!published.contains("2026-11-03"))
        #expect(r.stdout.contains("số đã xác nhận từ trước 7 ngày qua chưa xuất bản"))
        #expect(r.stdout.contains("  website 03/11/2026\n"))
        // --no-deliver: recorded, nothing delivered, every delivery pending but a unit without an e-mail address
        #expect(try ws.states("website", "2026-11-10").values.allSatisfy { $0 == "pending" })
        let newsletter = try ws.states("ban-tin", "2026-11-13")
        #expect(newsletter["cdcs-cdc"] == "failed|no-address" && newsletter["cdcs-so-gddt"] == "pending")
        #expect(!ws.exists("out/feeds/website.xml"))

        let again = try ws.run(["publish", "--due"], today: "2026-11-13")
        #expect(again.code == 0)
        #expect(again.stdout.contains("Không có số nào đã xác nhận mà chưa xuất bản từ 07/11/2026 đến 13/11/2026."))
        let wider = try ws.run(["publish", "--due", "--since", "2026-11-01"], today: "2026-11-13")
        #expect(wider.code == 0, "\(wider.stdout)\(wider.stderr)")
        #expect(try sqlite(ws.path("loa.sqlite"), "SELECT count(*) FROM publications WHERE date = '2026-11-03'") != "0")
        #expect(!wider.stdout.contains("từ trước 7 ngày"))
        // the deliveries left pending go with the next deliver
        #expect(try ws.run(["deliver"], today: "2026-11-14").code == 0)
        #expect(try ws.states("website", "2026-11-10").values.allSatisfy { $0 == "sent" })
        #expect(try ws.run(["publish", "--due", "ban-tin", "2026-11-13"]).code == 64)
    }

    @Test func settingsOthersCanReadAreRefusedBeforeAnythingChanges() throws {
        let ws = try TempWorkspace()
        try ws.novemberConfirmed()
        try ws.mailSettings(port: 2525)
        chmod(ws.path("distribution.yml"), 0o644)
        // planning the month left its audit line; the refused publish must add nothing to the database
        let before = try sqlite(ws.path("loa.sqlite"), "SELECT (SELECT count(*) FROM audit) || '/' || "
                                + "(SELECT count(*) FROM publications)")
        let r = try ws.run(["publish", "ban-tin", "2026-11-13"], today: "2026-11-13")
        #expect(r.code == 65)
        #expect(r.stderr.contains("distribution.yml:1:1: error: distribution.yml có quyền 0644"))
        #expect(r.stderr.contains("chmod 600 distribution.yml"))
        #expect(!ws.exists("out/issues/ban-tin/2026-11-13.html"))
        // the settings are read before the database is changed
        #expect(try sqlite(ws.path("loa.sqlite"), "SELECT (SELECT count(*) FROM audit) || '/' || "
                           + "(SELECT count(*) FROM publications)") == before)

        chmod(ws.path("distribution.yml"), 0o600)
        try ws.secret("smtp.password", "s3cret-password")
        chmod(ws.path("secrets/smtp.password"), 0o640)
        try ws.mailSettings(port: 2525, extra: "  user: loa\n  password_file: secrets/smtp.password")
        let secret = try ws.run(["deliver"], today: "2026-11-13")
        #expect(secret.code == 65)
        #expect(secret.stderr.contains("distribution.yml:7:18: error: smtp.password_file: tệp secrets/smtp.password "
                                       + "có quyền 0640"))
        #expect(!(secret.stdout + secret.stderr).contains("s3cret-password"))
    }

    @Test func mistakesInTheSettingsNameTheLineAndTheSetting() throws {
        let ws = try TempWorkspace()
        try ws.secret("zalo.secret", "x")
        try ws.secret("zalo.refresh", "y")
        try ws.distribution("""
            smtp:
              url: http://mail.example.org
              from: not an address
              tiemout: 5
            zalo:
              api_base: http://openapi.example.org
              app_id: "1"
              secret_file: secrets/zalo.secret
              refresh_token_file: secrets/missing
            """)
        let r = try ws.run(["deliver", "--lang", "en"], today: "2026-11-13")
        #expect(r.code == 65)
        for line in [
            "distribution.yml:1:1: error: base_url: the address units open Loa's web front at",
            "distribution.yml:2:8: error: smtp.url: \"http://mail.example.org\" is not a smtp://, smtps:// address",
            "distribution.yml:3:9: error: smtp.from: \"not an address\" is not an e-mail address",
            "distribution.yml:4:3: error: unknown key \"tiemout\"; did you mean \"timeout\"?",
            "distribution.yml:6:13: error: zalo.api_base: \"http://openapi.example.org\" is not encrypted",
            "distribution.yml:9:23: error: zalo.refresh_token_file: cannot read the file secrets/missing",
        ] {
            #expect(r.stderr.contains(line), "\(line)\n\(r.stderr)")
        }
    }
}
