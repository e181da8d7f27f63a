import Foundation
import Testing
import LoaCore
import LoaStore
@testable import LoaWeb

@Suite(.serialized) struct LoginTests {
    func addUser(_ f: WebFixture, _ name: String, role: Role = .officer, password: String = "đúng-mật-khẩu") throws {
        let hash = try PasswordHash.hash(password)
        try Store(path: f.paths.defaultDatabase).write {
            try $0.save(user: UserRecord(name: name, role: role, sensitive: false, passwordHash: hash), today: f.today,
                        actor: .commandLine(user: "test"))
        }
    }

    @Test func aUserSignsInWithTheRightPasswordOnly() throws {
        let f = try WebFixture()
        try addUser(f, "lan")
        let b = Browser(port: f.port)
        #expect(try b.get("/dashboard").status == 303)   // not signed in: to the login page
        #expect(try b.get("/login").status == 200)
        let wrong = try b.post("/login", [("name", "lan"), ("password", "sai")])
        #expect(wrong.status == 401 && wrong.text.contains("không đúng"))
        #expect(try b.post("/login", [("name", "lan"), ("password", "đúng-mật-khẩu")], csrf: .some(nil)).status == 403)
        try b.get("/login")
        let right = try b.post("/login", [("name", "lan"), ("password", "đúng-mật-khẩu")])
        #expect(right.status == 303 && right.header("Location") == "/dashboard")
        #expect(try b.get("/dashboard").status == 200)
        // removing the user ends the session at its next request
        _ = try Store(path: f.paths.defaultDatabase).write { try $0.removeUser(named: "lan", today: f.today, actor: .commandLine(user: "t")) }
        let after = try b.get("/dashboard")
        #expect(after.status == 303 && after.header("Location") == "/login")
    }

    @Test func repeatedFailuresPauseTheNameWithTheSameAnswerAsAWrongPassword() throws {
        let f = try WebFixture()
        try addUser(f, "minh")
        let b = Browser(port: f.port)
        try b.get("/login")
        var answers: [String] = []
        for _ in 0..<4 {
            let r = try b.post("/login", [("name", "minh"), ("password", "sai")])
            #expect(r.status == 401)
            answers.append(notice(r.text))
        }
        // the name now waits before it may try again: even the right password gets the very same answer
        let waiting = try b.post("/login", [("name", "minh"), ("password", "đúng-mật-khẩu")])
        #expect(waiting.status == 401, "a right password during the wait is still refused")
        #expect(Set(answers + [notice(waiting.text)]).count == 1)
        // the failures are kept with the user in the database
        #expect((try f.read { try $0.loginFailures(of: "minh") }?.count ?? 0) >= 3)
        #expect(try f.read { try $0.loginFailures(of: "không-có") } == nil)
    }

    /// The error notice of a login page.
    func notice(_ page: String) -> String {
        guard let r = page.range(of: #"<p class="notice error"[^>]*>[^<]*</p>"#, options: .regularExpression) else {
            return ""
        }
        return String(page[r])
    }

    @Test func aPasswordChangeEndsTheOldSessions() throws {
        let f = try WebFixture()
        try addUser(f, "hoa")
        let b = Browser(port: f.port)
        try b.get("/login")
        #expect(try b.post("/login", [("name", "hoa"), ("password", "đúng-mật-khẩu")]).status == 303)
        try addUser(f, "hoa", password: "mật-khẩu-mới-dài")
        #expect(try b.get("/dashboard").status == 303)
    }
}
