import Foundation
import Testing

/// Pages listing units stay small at 100,000 units: 50 units a page, filters by group, name and state, the groups of
/// a level drilling down to their units. Measured over real HTTP on `loa serve`.
@Suite(.serialized) struct ScalePagesTests {
    static let password = "một mật khẩu đủ dài 2027"

    @Test func everyPageListingUnitsStaysUnderAHundredKilobytesAtAHundredThousandUnits() throws {
        let big = try BigWorkspace(units: 100_000)
        let add = try big.run(["user", "add", "binh", "--role", "officer"], stdin: Data((Self.password + "\n").utf8))
        #expect(add.code == 0, "\(add.stderr)")
        let server = try ServeProcess(workspace: big.root, today: "2027-01-10")
        let b = WebSession(port: server.port)
        try b.signIn("binh", Self.password)
        var sizes: [String: Int] = [:]
        func get(_ path: String) throws -> String {
            let r = try b.get(path)
            #expect(r.status == 200, "\(path): \(r.status)")
            sizes[path] = r.text.utf8.count
            #expect(r.text.utf8.count < 100_000, "\(path): \(r.text.utf8.count) bytes")
            return r.text
        }
        let whole = try get("/completeness")
        // 50 units a page, the totals of all 100,000
        #expect(whole.components(separatedBy: "<tr>").count - 1 <= 50 + 1 + 12 + 1, "rows")
        #expect(whole.contains("Trang 1/2.000 · 100.000 đơn vị"))
        #expect(whole.contains("href=\"/completeness?from=2026-10&amp;to=2026-12&amp;month=2026-12&amp;page=2\""))
        // the summary by level: 12 provinces, each a link to its own units
        #expect(whole.contains(">Tỉnh số 3</a>") && !whole.contains(">Cụm số 3</a>"))
        let province = try get("/completeness?group=tinh-3")
        #expect(province.contains(">Cụm số 15</a>") && province.contains("Trang 1/167 · 8.334 đơn vị"))
        #expect(province.contains("↑ Lên một cấp"))
        let cluster = try get("/completeness?group=cum-15&page=3")
        #expect(cluster.contains("Trang 3/34 · 1.667 đơn vị"))
        let found = try get("/completeness?q=so+99999")
        #expect(found.contains("Công đoàn cơ sở số 99999") && found.contains("Trang 1/1 · 1 đơn vị"))
        let late = try get("/completeness?month=2026-11&state=late")
        #expect(late.contains("<td class=\"state late\">± 0"))
        #expect(!late.contains("<td class=\"state ok\">✓ 0") || late.contains("state=late"))
        _ = try get("/completeness?page=2000")
        _ = try get("/completeness?from=2026-01&to=2026-12&page=999")
        let reports = try get("/reports")
        #expect(reports.contains("100.000 đơn vị") && reports.contains("/reports/unit/u100000"))
        let search = try get("/reports?unit-name=c%C3%B4ng+%C4%91o%C3%A0n+c%C6%A1+s%E1%BB%9F+s%E1%BB%91+4242")
        #expect(search.contains("/reports/unit/u104242"))
        _ = try get("/dashboard")
        _ = try get("/reports/phase/digital/2.1?from=2026-10-01&to=2026-12-31")
        _ = try get("/reports/month/2026-11")
        let csv = try b.get("/completeness/reminders.csv?month=2026-12")
        #expect(csv.text.components(separatedBy: "\r\n").count > 5_000, "the CSV lists every unit not sent")
        print("page sizes at 100,000 units: \(sizes.sorted { $0.key < $1.key })")
        print(server.output.split(separator: "\n").filter { $0.contains("GET") }.joined(separator: "\n"))
    }
}
