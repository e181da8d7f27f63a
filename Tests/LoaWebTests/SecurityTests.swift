import Foundation
import LoaCore
import LoaStore
import LoaWeb
import Synchronization
import Testing

/// A clock tests move by hand.
final class TestClock: Sendable {
    private let time = Mutex(Date(timeIntervalSince1970: 1_790_000_000))
    var now: Date { time.withLock { $0 } }
    func advance(_ seconds: TimeInterval) { time.withLock { $0 += seconds } }
}

/// A temporary folder removed at the end of the test.
final class TemporaryFolder {
    let path: String
    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("loa-key-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }
}

@Suite("Secrets, keys and link tokens")
struct SecretsTests {
    @Test func base64URLIsURLSafeUnpaddedAndRoundTrips() {
        let bytes: [UInt8] = [0xFB, 0xFF, 0xBF, 0x00, 0x01]
        #expect(Secrets.base64URL(bytes) == "-_-_AAE")
        #expect(Secrets.bytes(base64URL: "-_-_AAE") == bytes)
        #expect(Secrets.bytes(base64URL: "+/+/AAE") == nil)
        #expect(Secrets.bytes(base64URL: "-_-_AAE=") == nil)
        #expect(Secrets.base64URL(Secrets.randomBytes(32)).count == 43)
        #expect(Secrets.randomBytes(32) != Secrets.randomBytes(32))
    }

    @Test func constantTimeComparisonComparesWholeValues() {
        #expect(Secrets.constantTimeEqual("abc", "abc"))
        #expect(!Secrets.constantTimeEqual("abc", "abd"))
        #expect(!Secrets.constantTimeEqual("abc", "abcd"))
        #expect(Secrets.constantTimeEqual([UInt8](), []))
    }

    @Test func aNewKeyFileIsCreatedReadableByItsOwnerOnlyAndReadBackTheSame() throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/loa.key"
        let (created, made) = try ServerKey.loadOrCreate(at: path)
        #expect(made)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect((attributes[.size] as? Int) == 32)
        let (loaded, madeAgain) = try ServerKey.loadOrCreate(at: path)
        #expect(!madeAgain)
        #expect(LinkToken.token(key: created, unitCode: "cdcs-a", version: 1)
            == LinkToken.token(key: loaded, unitCode: "cdcs-a", version: 1))
    }

    @Test func aKeyFileOthersCanReadIsRefusedNamingTheFix() throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/loa.key"
        _ = try ServerKey.loadOrCreate(at: path)
        chmod(path, 0o644)
        #expect(throws: ServerKeyError.readableByOthers(path: path, mode: UInt32(S_IFREG) | 0o644)) {
            try ServerKey.loadOrCreate(at: path)
        }
        do {
            _ = try ServerKey.loadOrCreate(at: path)
        } catch {
            #expect(error.message(.vi).contains("chmod 600 \(path)"))
            #expect(error.message(.en).contains("0644"))
        }
        chmod(path, 0o640)
        #expect(throws: ServerKeyError.self) { try ServerKey.loadOrCreate(at: path) }
    }

    @Test func aKeyFileOfTheWrongSizeOrALinkIsRefused() throws {
        let folder = try TemporaryFolder()
        let short = folder.path + "/short.key"
        FileManager.default.createFile(atPath: short, contents: Data([1, 2, 3]), attributes: [.posixPermissions: 0o600])
        #expect(throws: ServerKeyError.wrongSize(path: short, size: 3)) { try ServerKey.loadOrCreate(at: short) }
        let link = folder.path + "/link.key"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: short)
        #expect(throws: ServerKeyError.notAFile(path: link)) { try ServerKey.loadOrCreate(at: link) }
    }

    @Test func linkTokensAreDeterministicPerKeyCodeAndVersion() throws {
        let key = try #require(ServerKey(bytes: Array(repeating: 7, count: 32)))
        let other = try #require(ServerKey(bytes: Array(repeating: 8, count: 32)))
        let token = LinkToken.token(key: key, unitCode: "cdcs-so-gddt", version: 1)
        #expect(token == LinkToken.token(key: key, unitCode: "cdcs-so-gddt", version: 1))
        #expect(token.count == 43)
        #expect(token.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
        #expect(token != LinkToken.token(key: key, unitCode: "cdcs-so-gddt", version: 2))
        #expect(token != LinkToken.token(key: other, unitCode: "cdcs-so-gddt", version: 1))
        #expect(token != LinkToken.token(key: key, unitCode: "cdcs-so-yte", version: 1))
        #expect(LinkToken.matches(token, key: key, unitCode: "cdcs-so-gddt", version: 1))
        #expect(!LinkToken.matches(token, key: key, unitCode: "cdcs-so-gddt", version: 2))
        #expect(!LinkToken.matches(String(token.dropLast()), key: key, unitCode: "cdcs-so-gddt", version: 1))
        #expect(!LinkToken.matches("", key: key, unitCode: "cdcs-so-gddt", version: 1))
        let units = [(code: "cdcs-so-yte", version: 3), (code: "cdcs-so-gddt", version: 1)]
        #expect(LinkToken.unitCode(for: token, key: key, units: units) == "cdcs-so-gddt")
        #expect(LinkToken.unitCode(for: token, key: key, units: [(code: "cdcs-so-gddt", version: 2)]) == nil)
    }

    @Test func passwordHashesAreArgon2idAndVerifyOnlyTheirPassword() throws {
        let stored = try PasswordHash.hash("Mật khẩu đủ dài 2026")
        #expect(stored.hasPrefix("$argon2id$"))
        #expect(stored != (try PasswordHash.hash("Mật khẩu đủ dài 2026")))
        #expect(PasswordHash.verify("Mật khẩu đủ dài 2026", against: stored))
        #expect(PasswordHash.verify("Ma\u{0302}\u{0323}t khẩu đủ dài 2026", against: stored))
        #expect(!PasswordHash.verify("mật khẩu đủ dài 2026", against: stored))
        #expect(!PasswordHash.verify("", against: stored))
        #expect(!PasswordHash.verify("Mật khẩu đủ dài 2026", against: "not a hash"))
    }
}

@Suite("Sessions, CSRF and login throttling")
struct SessionTests {
    enum Who: Sendable, Equatable {
        case unit(String)
        case user(String)
    }

    @Test func aSessionLivesWhileUsedAndExpiresWhenIdle() {
        let clock = TestClock()
        let store = SessionStore<Who>(idleTimeout: 600, absoluteTimeout: 3600) { clock.now }
        let session = store.create(.unit("cdcs-a"))
        #expect(session.id.count == 43)
        #expect(session.csrfToken.count == 43)
        #expect(session.id != session.csrfToken)
        clock.advance(500)
        #expect(store.lookup(session.id)?.payload == .unit("cdcs-a"))
        clock.advance(500)
        #expect(store.lookup(session.id)?.lastSeen == clock.now)
        clock.advance(600)
        #expect(store.lookup(session.id) == nil)
        #expect(store.count == 0)
    }

    @Test func aSessionExpiresAtItsAbsoluteLimitEvenWhenUsed() {
        let clock = TestClock()
        let store = SessionStore<Who>(idleTimeout: 600, absoluteTimeout: 1500) { clock.now }
        let session = store.create(.user("lan"))
        for _ in 0..<2 {
            clock.advance(500)
            #expect(store.lookup(session.id) != nil)
        }
        clock.advance(500)
        #expect(store.lookup(session.id) == nil)
    }

    @Test func destroyAllSignsOutEveryMatchingSession() {
        let store = SessionStore<Who>()
        let a1 = store.create(.unit("cdcs-a"))
        let a2 = store.create(.unit("cdcs-a"))
        let b = store.create(.unit("cdcs-b"))
        let user = store.create(.user("lan"))
        #expect(store.destroyAll { $0 == .unit("cdcs-a") } == 2)
        #expect(store.lookup(a1.id) == nil)
        #expect(store.lookup(a2.id) == nil)
        #expect(store.lookup(b.id) != nil)
        store.destroy(user.id)
        #expect(store.lookup(user.id) == nil)
        #expect(store.lookup("made-up") == nil)
    }

    func post(_ fields: [String: String] = [:], headers: [String: String] = [:]) -> HTTPRequest {
        HTTPRequest(
            method: "POST", path: "/unit/report/2026-10", headers: headers,
            form: fields.sorted { $0.key < $1.key }.map { FormField(name: $0.key, value: $0.value) })
    }

    @Test func csrfAcceptsTheSessionsTokenFromOurOwnPages() {
        let session = SessionStore<Who>().create(.unit("cdcs-a"))
        let origin = "https://loa.example.org"
        let token = ["csrf": session.csrfToken]
        #expect(CSRF.check(post(token), session: session, expectedOrigin: origin) == nil)
        #expect(CSRF.check(post(token, headers: ["Sec-Fetch-Site": "same-origin", "Origin": "null"]),
                           session: session, expectedOrigin: origin) == nil)
        #expect(CSRF.check(post(token, headers: ["Origin": "https://loa.example.org"]),
                           session: session, expectedOrigin: origin + "/base/") == nil)
        #expect(CSRF.check(post(token, headers: ["Origin": "https://LOA.example.org:443"]),
                           session: session, expectedOrigin: origin) == nil)
        #expect(CSRF.check(post(token, headers: ["Referer": "https://loa.example.org/unit"]),
                           session: session, expectedOrigin: origin) == nil)
    }

    @Test func csrfRefusesAMissingOrWrongToken() {
        let session = SessionStore<Who>().create(.unit("cdcs-a"))
        let origin = "https://loa.example.org"
        #expect(CSRF.check(post(), session: session, expectedOrigin: origin) == .missingToken)
        #expect(CSRF.check(post(["csrf": ""]), session: session, expectedOrigin: origin) == .missingToken)
        // one character changed (never to itself: a token may start with "x")
        let changed = (session.csrfToken.hasPrefix("x") ? "y" : "x") + session.csrfToken.dropFirst()
        #expect(CSRF.check(post(["csrf": changed]), session: session,
                           expectedOrigin: origin) == .wrongToken)
        let other = SessionStore<Who>().create(.unit("cdcs-a"))
        #expect(CSRF.check(post(["csrf": other.csrfToken]), session: session, expectedOrigin: origin) == .wrongToken)
    }

    @Test func csrfRefusesCrossSiteRequestsEvenWithTheToken() {
        let session = SessionStore<Who>().create(.unit("cdcs-a"))
        let origin = "https://loa.example.org"
        let token = ["csrf": session.csrfToken]
        #expect(CSRF.check(post(token, headers: ["Sec-Fetch-Site": "cross-site"]), session: session,
                           expectedOrigin: origin) == .crossSite(header: "Sec-Fetch-Site", value: "cross-site"))
        #expect(CSRF.check(post(token, headers: ["Sec-Fetch-Site": "same-site"]), session: session,
                           expectedOrigin: origin) != nil)
        #expect(CSRF.check(post(token, headers: ["Origin": "https://evil.example"]), session: session,
                           expectedOrigin: origin) == .crossSite(header: "Origin", value: "https://evil.example"))
        #expect(CSRF.check(post(token, headers: ["Origin": "http://loa.example.org"]), session: session,
                           expectedOrigin: origin) != nil)
        #expect(CSRF.check(post(token, headers: ["Referer": "https://evil.example/loa.example.org"]),
                           session: session, expectedOrigin: origin) != nil)
    }

    @Test func aNamesFailuresSlowDownThenLockAndAreForgottenAfterQuiet() {
        let clock = TestClock()
        var policy = LoginThrottle.Policy()
        policy.freeFailures = 3
        policy.lockAfter = 6
        policy.lockSeconds = 900
        let throttle = LoginThrottle(policy: policy) { clock.now }
        func failures(_ n: Int, secondsAgo: Double) -> LoginFailures {
            LoginFailures(count: n, last: throttle.time - secondsAgo)
        }
        #expect(throttle.nameAllows(nil))
        #expect(throttle.nameAllows(failures(2, secondsAgo: 0)))
        // from the third failure on, each attempt waits 1, 2, 4 … seconds
        #expect(!throttle.nameAllows(failures(3, secondsAgo: 0.5)))
        #expect(throttle.nameAllows(failures(3, secondsAgo: 1)))
        #expect(!throttle.nameAllows(failures(5, secondsAgo: 3)))
        #expect(throttle.nameAllows(failures(5, secondsAgo: 4)))
        // locked, then forgotten after a quarter of an hour of quiet
        #expect(!throttle.nameAllows(failures(6, secondsAgo: 899)))
        #expect(throttle.nameAllows(failures(6, secondsAgo: 900)))
    }

    @Test func anAddressIsLimitedPerWindowAndIPv6CountsBy64() {
        let clock = TestClock()
        var policy = LoginThrottle.Policy()
        policy.addressFailures = 3
        policy.addressWindowSeconds = 600
        let throttle = LoginThrottle(policy: policy) { clock.now }
        for _ in 0..<3 { throttle.recordAddressFailure("2001:db8:1:2::1") }
        // another address of the same /64 is the same client; another /64 is not
        #expect(!throttle.addressAllows("2001:db8:1:2:ffff::9"))
        #expect(throttle.addressAllows("2001:db8:1:3::1"))
        #expect(throttle.addressAllows("10.0.0.1"))
        #expect(LoginThrottle.addressKey("2001:db8:1:2:ffff::9") == "2001:0db8:0001:0002::/64")
        #expect(LoginThrottle.addressKey("10.0.0.1") == "10.0.0.1")
        clock.advance(600)
        #expect(throttle.addressAllows("2001:db8:1:2::1"))
    }

    @Test func theAddressTableStaysBoundedWhateverTheFlood() {
        let clock = TestClock()
        var policy = LoginThrottle.Policy()
        policy.capacity = 1000
        let throttle = LoginThrottle(policy: policy) { clock.now }
        for n in 0..<5000 { throttle.recordAddressFailure("10.\(n >> 16).\((n >> 8) & 255).\(n & 255)") }
        #expect(throttle.addressCount <= 1000)
    }
}
