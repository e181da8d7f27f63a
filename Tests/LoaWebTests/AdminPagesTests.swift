import Foundation
import Testing
import LoaCore
import LoaStore
@testable import LoaWeb

/// Administration on the web (SPEC §9.7, issue 23 part 6): users and units' links, for officers with the admin
/// permission only, through the same audited workflow as `loa user` and `loa links --rotate`.
@Suite struct AdminPagesTests {
    static let password = "mat-khau-dai-12"

    /// A signed-in officer with the admin permission.
    static func admin(_ f: WebFixture, name: String = "quan") throws -> Browser {
        let hash = try PasswordHash.hash(password)
        try Store(path: f.paths.defaultDatabase).write {
            try $0.save(user: UserRecord(name: name, role: .officer, sensitive: false, admin: true, passwordHash: hash),
                        today: f.today, actor: .commandLine(user: "test"))
        }
        let b = Browser(port: f.port)
        try b.get("/login")
        #expect(try b.post("/login", [("name", name), ("password", password)]).status == 303)
        return b
    }

    static func signIn(_ f: WebFixture, _ name: String, _ password: String) throws -> Int {
        let b = Browser(port: f.port)
        try b.get("/login")
        return try b.post("/login", [("name", name), ("password", password)]).status
    }

    @Test func onlyAnOfficerWithTheAdminPermissionReachesTheAdministration() throws {
        let f = try WebFixture()
        let officer = try f.userBrowser("binh", role: .officer, sensitive: true)
        let leader = try f.userBrowser("lan", role: .leader, sensitive: true)
        let unit = try f.unitBrowser("cdcs-so-yte")
        for b in [officer, leader, unit] {
            for path in ["/admin/users", "/admin/links", "/admin/links/cdcs-so-yte"] {
                let status = try b.get(path).status
                // a unit is sent to sign in as a user; a user without the permission is refused
                #expect(status == (b === unit ? 303 : 403), "\(path): \(status)")
            }
            try b.get("/unit")
            #expect(try b.post("/admin/users", [("name", "x"), ("role", "officer"), ("password", "mot-mat-khau-rat-dai"),
                                                ("password-again", "mot-mat-khau-rat-dai")]).status == 403)
            #expect(try b.post("/admin/links/cdcs-so-yte", []).status == 403)
        }
        #expect(!(try officer.get("/dashboard").text.contains("/admin/users")), "no link for a non-admin")
        #expect(try f.read { try $0.user(named: "x") } == nil)
        let admin = try Self.admin(f)
        let home = try admin.get("/dashboard")
        #expect(home.text.contains("href=\"/admin/users\">Quản trị</a>"))
        #expect(try admin.get("/admin/users").status == 200)
    }

    @Test func anAdminAddsAUserWhoCanSignInAndTheChangeIsAuditedOnce() throws {
        let f = try WebFixture()
        let admin = try Self.admin(f)
        let page = try admin.get("/admin/users")
        #expect(page.text.contains("Thêm người dùng"))
        let fields = [("name", "hoa"), ("role", "leader"), ("sensitive", "yes"), ("approve", "yes"),
                      ("password", "Hoa-doc-bao-cao-2026"), ("password-again", "Hoa-doc-bao-cao-2026")]
        let key = try #require(admin.formKey(for: "/admin/users"))
        // without the form's token nothing runs
        #expect(try admin.post("/admin/users", fields, csrf: .some(nil)).status == 403)
        try admin.get("/admin/users")
        let r = try admin.post("/admin/users", fields, key: key)
        #expect(r.status == 303 && r.header("Location") == "/admin/users?added=hoa")
        // sent again (a double tap): the same answer, recorded once
        try admin.get("/admin/users")
        #expect(try admin.post("/admin/users", fields, key: key).header("Location") == "/admin/users?added=hoa")
        let user = try #require(try f.read { try $0.user(named: "hoa") })
        #expect(user.role == .leader && user.sensitive && !user.admin && user.approve, "a leader given approval")
        let added = try f.read { try $0.auditHistory(subject: "hoa") }
        #expect(added.map(\.action) == [.userAdded] && added.first?.actor == .user("quan"))
        #expect(try Self.signIn(f, "hoa", "Hoa-doc-bao-cao-2026") == 303)
        #expect(try admin.get("/admin/users?added=hoa").text.contains("Đã thêm người dùng hoa."))
    }

    @Test func aWeakPasswordOrATakenNameIsRefusedBesideItsFieldAndNeverEchoed() throws {
        let f = try WebFixture()
        let admin = try Self.admin(f)
        try admin.get("/admin/users")
        let weak = try admin.post("/admin/users", [("name", "hoa"), ("role", "officer"), ("password", "password1234"),
                                                    ("password-again", "password1234")])
        #expect(weak.status == 422)
        #expect(weak.text.contains("mật khẩu này quá phổ biến"))
        #expect(!weak.text.contains("password1234"), "a typed password never comes back")
        #expect(weak.text.contains("value=\"hoa\""), "the name typed stays")
        try admin.get("/admin/users")
        let taken = try admin.post("/admin/users", [("name", "quan"), ("role", "officer"),
                                                     ("password", "Mot-mat-khau-moi-2026"),
                                                     ("password-again", "Mot-mat-khau-moi-2026")])
        #expect(taken.status == 422 && taken.text.contains("Đã có người dùng tên quan."))
        try admin.get("/admin/users")
        let differ = try admin.post("/admin/users", [("name", "hoa"), ("role", "officer"),
                                                      ("password", "Mot-mat-khau-moi-2026"),
                                                      ("password-again", "Mot-mat-khau-moi-2027")])
        #expect(differ.status == 422 && differ.text.contains("Hai lần nhập mật khẩu không khớp."))
        #expect(try f.read { try $0.user(named: "hoa") } == nil)
    }

    @Test func theOneTimeKeysDigestLeavesPasswordsOut() {
        // a form's digest is kept with its key: two forms that differ only in their passwords have the same one,
        // so nothing kept can be tried against guessed passwords
        func form(_ password: String) -> HTTPRequest {
            HTTPRequest(method: "POST", path: "/admin/users", form: [
                .init(name: "name", value: "hoa"), .init(name: "password", value: password),
                .init(name: "password-again", value: password)])
        }
        #expect(OnceOnly.digest(of: form("Mot-mat-khau-moi-2026")) == OnceOnly.digest(of: form("Khac-hoan-toan-99")))
        let other = HTTPRequest(method: "POST", path: "/admin/users", form: [.init(name: "name", value: "lan")])
        #expect(OnceOnly.digest(of: form("x")) != OnceOnly.digest(of: other))
    }

    @Test func aResetPasswordReplacesTheOldOneAndARemovedUserCannotSignIn() throws {
        let f = try WebFixture()
        try f.addUser("binh", role: .officer)
        let admin = try Self.admin(f)
        try admin.get("/admin/users")
        let r = try admin.post("/admin/users/password", [("name", "binh"), ("password", "Binh-mat-khau-moi-77"),
                                                          ("password-again", "Binh-mat-khau-moi-77")])
        #expect(r.status == 303 && r.header("Location") == "/admin/users?password=binh")
        #expect(try Self.signIn(f, "binh", "mat-khau-dai-12") != 303)
        #expect(try Self.signIn(f, "binh", "Binh-mat-khau-moi-77") == 303)
        #expect(try f.read { try $0.auditHistory(subject: "binh") }.last?.action == .userChanged)
        // removal asks for the box to be ticked, and nobody removes themself
        try admin.get("/admin/users")
        #expect(try admin.post("/admin/users/remove", [("name", "binh")]).status == 422)
        try admin.get("/admin/users")
        #expect(try admin.post("/admin/users/remove", [("name", "quan"), ("confirm", "yes")]).status == 422)
        try admin.get("/admin/users")
        #expect(try admin.post("/admin/users/remove", [("name", "binh"), ("confirm", "yes")]).status == 303)
        #expect(try f.read { try $0.user(named: "binh") } == nil)
        #expect(try f.read { try $0.user(named: "quan") } != nil)
        #expect(try f.read { try $0.auditHistory(subject: "binh") }.last?.action == .userRemoved)
        #expect(try Self.signIn(f, "binh", "Binh-mat-khau-moi-77") != 303)
    }

    @Test func rotatingALinkAsksFirstThenShowsTheNewCardOnceAndTheOldLinkDiesAtOnce() throws {
        let log = LogLines()
        let f = try WebFixture(log: log)
        let unit = try f.unitBrowser("cdcs-so-gddt")
        let old = try f.linkPath("cdcs-so-gddt")
        let admin = try Self.admin(f)
        let list = try admin.get("/admin/links")
        #expect(list.text.contains("href=\"/admin/links/cdcs-so-gddt\""))
        let ask = try admin.get("/admin/links/cdcs-so-gddt")
        #expect(ask.status == 200 && ask.text.contains("ngừng hoạt động ngay lập tức"))
        #expect(!ask.text.contains("/u/"), "the confirmation shows no link")
        #expect(try f.read { try $0.linkVersion(of: "cdcs-so-gddt") } == 1, "asking changes nothing")
        let key = try #require(admin.formKey(for: "/admin/links/cdcs-so-gddt"))
        let card = try admin.post("/admin/links/cdcs-so-gddt", [], key: key)
        #expect(card.status == 200)
        let new = try f.linkPath("cdcs-so-gddt")
        #expect(new != old)
        #expect(card.text.contains(new) && card.text.contains("<svg") && card.text.contains("Thẻ mới của"))
        #expect(try f.read { try $0.linkVersion(of: "cdcs-so-gddt") } == 2)
        let audit = try f.read { try $0.auditHistory(subject: "cdcs-so-gddt") }.filter { $0.action == .linkRotated }
        #expect(audit.count == 1 && audit.first?.actor == .user("quan"))
        // the old link and the unit's session die at once; the new one opens
        #expect(try Browser(port: f.port).get(old).status == 404)
        #expect(try unit.get("/unit").status == 403)
        #expect(try f.unitBrowser("cdcs-so-gddt").get("/unit").status == 200)
        // the same form again: nothing more rotated, and the link is not shown again
        try admin.get("/admin/links/cdcs-so-gddt")
        let again = try admin.post("/admin/links/cdcs-so-gddt", [], key: key)
        #expect(!again.text.contains(new))
        #expect(try f.read { try $0.linkVersion(of: "cdcs-so-gddt") } == 2)
        // no token in any log line
        let token = String(new.dropFirst(3))
        #expect(log.waitForLine(containing: "/admin/links/cdcs-so-gddt") != nil)
        #expect(!log.all.contains { $0.contains(token) })
    }
}
