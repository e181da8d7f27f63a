import Foundation
import Testing
import LoaCore
import LoaStore
@testable import LoaWeb

/// Signing in on the Internet (SPEC §9.6): no state before a sign-in, the same work and answer for every name,
/// failures limited per name (kept with the user) and per address.
@Suite(.serialized) struct LoginHardeningTests {
    @Test func theLoginFormKeepsNothingOnTheServerAndItsTokenIsSigned() throws {
        let f = try WebFixture()
        let before = f.app.sessions.count
        for _ in 0..<50 {
            let r = try #require(try exchange(port: f.port, target: "/login"))
            #expect(r.status == 200)
            #expect(r.header("Set-Cookie")?.hasPrefix("loa_login=") == true)
        }
        _ = try exchange(port: f.port, method: "HEAD", target: "/login")
        #expect(f.app.sessions.count == before)
        // the form's token is the cookie's nonce signed: without the cookie, or with another, it is refused
        let b = Browser(port: f.port)
        try b.get("/login")
        let token = try #require(b.csrfToken)
        try f.addUser("lan", role: .officer)
        let stranger = Browser(port: f.port)
        #expect(try stranger.post("/login", [("name", "lan"), ("password", "mat-khau-dai-12")], csrf: token).status
            == 403)
        stranger.cookies["loa_login"] = LoginForm.newNonce()
        #expect(try stranger.post("/login", [("name", "lan"), ("password", "mat-khau-dai-12")], csrf: token).status
            == 403)
        let crossSite = try b.post("/login", [("name", "lan"), ("password", "mat-khau-dai-12")],
                                   headers: [("Sec-Fetch-Site", "cross-site")])
        #expect(crossSite.status == 403)
        try b.get("/login")
        let signed = try b.post("/login", [("name", "lan"), ("password", "mat-khau-dai-12")])
        #expect(signed.status == 303, "\(signed.status)")
        #expect(b.cookies["loa_login"] == nil && b.cookies["loa_session"] != nil, "\(b.cookies) \(signed.headers)")
    }

    /// Locks a user: ten failed logins a moment ago.
    func lock(_ name: String, _ f: WebFixture) throws {
        try Store(path: f.paths.defaultDatabase).write { w in
            for _ in 0..<10 {
                _ = try w.recordLoginFailure(of: name, at: Date().timeIntervalSince1970, forgetAfter: 900)
            }
        }
    }

    /// The seconds one failed login takes.
    func timed(_ b: Browser, name: String, password: String) throws -> Double {
        let start = ContinuousClock.now
        let r = try b.post("/login", [("name", name), ("password", password)])
        let took = ContinuousClock.now - start
        #expect(r.status == 401)
        return Double(took.components.seconds) + Double(took.components.attoseconds) / 1e18
    }

    func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

    @Test func anUnknownAKnownAndALockedNameCostTheSameAndGetTheSameAnswer() throws {
        let f = try WebFixture()
        try f.addUser("lan", role: .officer)
        try f.addUser("khoa", role: .officer)
        try lock("khoa", f)
        let b = Browser(port: f.port)
        try b.get("/login")
        // measured in turns, so that whatever else the machine does weighs on the three alike
        var times: [[Double]] = [[], [], []]
        for _ in 0..<7 {
            times[0].append(try timed(b, name: "không-có-ai", password: "sai-mat-khau"))
            times[1].append(try timed(b, name: "lan", password: "sai-mat-khau"))
            times[2].append(try timed(b, name: "khoa", password: "mat-khau-dai-12"))
        }
        let (unknown, known, locked) = (median(times[0]), median(times[1]), median(times[2]))
        for (what, ratio) in [("known/unknown", known / unknown), ("locked/unknown", locked / unknown)] {
            #expect(ratio > 0.5 && ratio < 2, "\(what) = \(ratio) (unknown \(unknown) s)")
        }
        var answers = Set<String>()
        for name in ["không-có-ai", "lan", "khoa"] {
            let page = try b.post("/login", [("name", name), ("password", name == "khoa" ? "mat-khau-dai-12" : "x")])
            #expect(page.status == 401)
            answers.insert(page.text.replacingOccurrences(of: "value=\"\(name)\"", with: "")
                .replacingOccurrences(of: #"name="csrf" value="[^"]+""#, with: "", options: .regularExpression))
        }
        #expect(answers.count == 1, "the three answers differ")
    }

    @Test func noFloodOfOtherNamesOrAddressesErasesALockedName() throws {
        let f = try WebFixture(behindProxy: true, configure: { $0.loginPolicy.capacity = 8 })
        try f.addUser("khoa", role: .officer)
        try lock("khoa", f)
        let b = Browser(port: f.port)
        try b.get("/login")
        for n in 0..<40 {
            let r = try b.post("/login", [("name", "bia-\(n)"), ("password", "x")],
                               headers: [("X-Forwarded-For", "198.51.100.\(n)")])
            #expect(r.status == 401)
        }
        #expect(f.app.throttle.addressCount <= 8)
        let still = try b.post("/login", [("name", "khoa"), ("password", "mat-khau-dai-12")],
                               headers: [("X-Forwarded-For", "203.0.113.9")])
        #expect(still.status == 401, "the lock held")
        #expect(try f.read { try $0.loginFailures(of: "khoa") }?.count == 10)
        #expect(try f.read { try $0.loginFailures(of: "bia-1") } == nil)
    }

    @Test func anAddressPastItsLimitWaitsAndAnIPv6ClientCountsBy64() throws {
        let f = try WebFixture(behindProxy: true, configure: { $0.loginPolicy.addressFailures = 3 })
        try f.addUser("lan", role: .officer)
        let b = Browser(port: f.port)
        try b.get("/login")
        for n in 1...3 {
            let r = try b.post("/login", [("name", "x\(n)"), ("password", "x")],
                               headers: [("X-Forwarded-For", "2001:db8:5:6::\(n)")])
            #expect(r.status == 401)
        }
        let refused = try b.post("/login", [("name", "lan"), ("password", "mat-khau-dai-12")],
                                 headers: [("X-Forwarded-For", "2001:db8:5:6::99")])
        #expect(refused.status == 429 && refused.text.contains("quá nhiều lần đăng nhập sai từ mạng của bạn"))
        let elsewhere = try b.post("/login", [("name", "lan"), ("password", "mat-khau-dai-12")],
                                   headers: [("X-Forwarded-For", "2001:db8:5:7::1")])
        #expect(elsewhere.status == 303)
    }
}
