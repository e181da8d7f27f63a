import Foundation
import Testing
import LoaCore
import LoaStore
@testable import LoaWeb

/// The route table as declared in the code, compared with the checked-in table of expected access
/// (`routes.csv`), and every route tried over HTTP by everyone its access leaves out.
@Suite(.serialized) struct RouteTableTests {
    static let csv = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("routes.csv")

    /// `method pattern access records` of every route, in order.
    static func declared() -> [String] {
        Routes.table.router.routes.map { "\($0.method) \($0.pattern) \($0.access) \($0.records ? "yes" : "no")" }
    }

    @Test func theRouterDeclaresExactlyTheCheckedInAccessOfEveryRoute() throws {
        let lines = try String(contentsOf: Self.csv, encoding: .utf8).split(separator: "\n").dropFirst()
        let expected = lines.map { $0.split(separator: ",").joined(separator: " ") }
        // loosening a route (or adding one) changes this list: update routes.csv in the same change, on purpose
        #expect(Self.declared() == expected)
    }

    /// A concrete path for a pattern.
    static func concrete(_ pattern: String, token: String) -> String {
        let values = [":month": pattern.hasPrefix("/unit") ? "2026-11" : "2026-12", ":id": pattern.hasPrefix("/alerts")
                      ? "1" : "ho-tay-tien-do", ":channel": "ban-tin", ":date": "2026-11-13", ":token": token,
                      ":name": "loa.css", ":project": "digital", ":phase": "2.1", ":unit": "cdcs-so-gddt"]
        return pattern.split(separator: "/", omittingEmptySubsequences: false)
            .map { values[String($0)] ?? String($0) }.joined(separator: "/")
    }

    @Test func everyPatternParsesToItsCaseAndPrintsBackTheSamePath() throws {
        for route in Routes.table.router.routes {
            let path = Self.concrete(route.pattern, token: "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCd")
            let parsed = try #require(Route(parsing: path), "\(path)")
            #expect(parsed.path == path)
        }
        #expect(Route(parsing: "/unit/report/2026-13") == nil)
        #expect(Route(parsing: "/alerts/x/resolve") == nil)
        #expect(Route(parsing: "//evil.example") == nil)
        #expect(Route.unitHome.path([("sent", "2026-11"), ("x", nil)]) == "/unit?sent=2026-11")
        #expect(Route.item("a b/c").path == "/items/a%20b%2Fc")
    }

    @Test func everyRouteRefusesWhoItsAccessLeavesOutAndEveryPostNeedsItsToken() throws {
        let f = try WebFixture()
        try f.sendSensitiveReport()
        let nobody = Browser(port: f.port)
        let unit = try f.unitBrowser("cdcs-so-yte")
        let leader = try f.userBrowser("lan", role: .leader, sensitive: true)
        let officer = try f.userBrowser("binh", role: .officer)
        let who: [(String, Browser, Principal)] = [
            ("nobody", nobody, .anonymous), ("unit", unit, .unit("cdcs-so-yte", linkVersion: 1)),
            ("leader", leader, .user(name: "lan", role: .leader, permissions: [.sensitive], stamp: "")),
            // every officer decides on items (`approve`); a leader only when given it
            ("officer", officer, .user(name: "binh", role: .officer, permissions: [.approve], stamp: "")),
        ]
        let token = try #require(f.linkPath("cdcs-so-yte").split(separator: "/").last).description
        let before = try f.snapshot(["content", "calendars", "out"])
        let audit = try f.read { try $0.auditHistory() }.count
        var tried = 0
        for route in Routes.table.router.routes {
            let path = Self.concrete(route.pattern, token: token)
            for (name, browser, principal) in who {
                let passes = principal.passes(route.access)
                if route.method == "GET" {
                    guard !passes else { continue }
                    let r = try browser.get(path)
                    #expect(r.status == 403 || (r.status == 303 && r.header("Location") == "/login"),
                            "\(name) GET \(path): \(r.status)")
                    tried += 1
                    continue
                }
                // a page of this principal first, so the browser holds a token of its own session
                try browser.get(name == "unit" ? "/unit" : name == "nobody" ? "/login" : "/dashboard")
                let fields = [("note", "x"), ("reason", "x"), ("item", "ho-tay-tien-do"), ("date", "2026-12-15"),
                              ("action", "draft"), ("title", "x"), ("themes", "museum/1.1/a"), ("channels", "ban-tin")]
                if passes {
                    #expect(try browser.post(path, fields, csrf: .some(nil)).status == 403, "\(name) \(path) no token")
                    #expect(try browser.post(path, fields, csrf: "forged-token").status == 403, "\(name) \(path) forged")
                    let crossSite = try browser.post(path, fields, headers: [("Sec-Fetch-Site", "cross-site")])
                    #expect(crossSite.status == 403, "\(name) \(path) cross-site")
                } else {
                    let r = try browser.post(path, fields)
                    let expected = route.access.who == .unit && name == "nobody" ? 401 : 403
                    #expect(r.status == expected, "\(name) POST \(path): \(r.status)")
                }
                tried += 1
            }
        }
        #expect(tried > 60)
        #expect(try f.snapshot(["content", "calendars", "out"]) == before)
        #expect(try f.read { try $0.auditHistory() }.count == audit)
    }

    @Test func permissionsAreHeldByUsersOnly() {
        let admin = Principal.user(name: "an", role: .officer, permissions: [.admin], stamp: "")
        let officer = Principal.user(name: "binh", role: .officer, permissions: [.sensitive], stamp: "")
        #expect(admin.passes(.officer.with(.admin)) && !officer.passes(.officer.with(.admin)))
        #expect(officer.passes(.user.with(.sensitive)) && !admin.passes(.user.with(.sensitive)))
        #expect(!Principal.unit("u", linkVersion: 1).passes(.user) && !Principal.anonymous.passes(.unit))
        #expect(Principal.anonymous.passes(.anyone))
    }
}
