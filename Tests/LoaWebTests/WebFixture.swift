import Foundation
import Testing
import LoaCore
import LoaFormats
import LoaStore
@testable import LoaWeb
import LoaWorkflows

/// A copy of the shipped workspace with November 2026 planned and published, served by the real app on a free
/// port; removed when the test ends.
final class WebFixture {
    let root = NSTemporaryDirectory() + "loa-web-\(UUID().uuidString)"
    let paths: WorkspacePaths
    let app: WebApp
    let server: Server
    let key: ServerKey
    let today: Day
    var port: UInt16 { server.port }

    init(today: String = "2026-12-03", behindProxy: Bool = false,
         configure: (inout WebConfiguration) -> Void = { _ in }, now: (@Sendable () -> Date)? = nil,
         log: LogLines? = nil,
         before: (WorkspacePaths) throws -> Void = { _ in }) throws {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        let fm = FileManager.default
        try fm.createDirectory(atPath: root, withIntermediateDirectories: true)
        for part in ["content", "calendars"] { try fm.copyItem(atPath: url.path + "/" + part, toPath: root + "/" + part) }
        for f in try fm.contentsOfDirectory(atPath: root + "/calendars") where f != "observances.ics" {
            try fm.removeItem(atPath: root + "/calendars/" + f)
        }
        paths = WorkspacePaths(root: root)
        self.today = try #require(Day(iso: today))
        // plan and publish November as an officer would, so units have issues delivered
        let officer = Session(paths: paths, today: try #require(Day(iso: "2026-10-20")), language: .vi,
                              actor: .commandLine(user: "test"))
        let ws = try officer.loadWorkspace().workspace
        let november = try #require(Month(iso: "2026-11"))
        let plan = try Planning.plan(november, confirm: true, workspace: ws, session: officer)
        for slot in Set(plan.schedule.entries.map(\.slot)).sorted() {
            _ = try Publishing.publish(slot, workspace: ws, session: officer.with(today: slot.date))
        }
        key = try ServerKey.loadOrCreate(at: paths.serverKey).key
        try before(paths)
        var configuration = WebConfiguration(paths: paths, fixedToday: self.today)
        configure(&configuration)
        app = WebApp(configuration: configuration, key: key, now: now ?? { Date() })
        var config = Server.Configuration(address: ListenAddress(host: "127.0.0.1", port: 0))
        config.threads = 2
        config.uploadPaths = WebApp.uploadPaths
        config.behindProxy = behindProxy
        config.log = { line in log?.append(line) }
        let app = self.app
        server = try Server(config) { app.handle($0) }
    }

    deinit {
        server.stop()
        try? FileManager.default.removeItem(atPath: root)
    }

    var session: Session { Session(paths: paths, today: today, language: .vi, actor: .commandLine(user: "test")) }
    var workspace: Workspace { get throws { try session.loadWorkspace().workspace } }

    /// A unit's current link path, `/u/TOKEN`.
    func linkPath(_ unit: UnitCode) throws -> String {
        let versions = try ReadOnlyStore(path: paths.defaultDatabase).read { try $0.linkVersions() }
        return "/u/" + LinkToken.token(key: key, unitCode: unit.rawValue, version: versions[unit] ?? 1)
    }

    /// A browser for one unit, its link already opened.
    func unitBrowser(_ unit: UnitCode) throws -> Browser {
        let b = Browser(port: port)
        let r = try b.get(try linkPath(unit))
        #expect(r.status == 303 && r.header("Location") == "/unit")
        return b
    }

    func figures(_ month: String = "2026-11") throws -> ReportFigures {
        try Reporting.presenter(Reporting.month(try #require(Month(iso: month))), includeSensitive: true,
                                workspace: try workspace, session: session).figures
    }

    func read<T>(_ body: (StoreReader) throws -> T) throws -> T { try ReadOnlyStore(path: paths.defaultDatabase).read(body) }
}

/// A test client that keeps cookies and reads the CSRF token off the last page, as a browser would.
final class Browser {
    let port: UInt16
    var cookies: [String: String] = [:]
    var lastPage = ""

    init(port: UInt16) { self.port = port }

    struct Page {
        let status: Int
        let headers: [String: String]
        let text: String
        let bytes: Int
        func header(_ name: String) -> String? { headers[name.lowercased()] }
    }

    @discardableResult
    func get(_ target: String, headers: [(String, String)] = []) throws -> Page {
        try send("GET", target, headers: headers, body: [])
    }

    /// Posts form fields (urlencoded), with the page's CSRF token unless `csrf` says otherwise, and the one-time
    /// key of the page's form for `target` (a new one when the page has no such form) unless `key` says otherwise.
    @discardableResult
    func post(_ target: String, _ fields: [(String, String)], csrf: String?? = .none, key: String?? = .none,
              headers: [(String, String)] = []) throws -> Page {
        var all = fields
        switch csrf {
        case .none: if let token = csrfToken { all.append(("csrf", token)) }
        case .some(.some(let token)): all.append(("csrf", token))
        case .some(.none): break
        }
        switch key {
        case .none: all.append(("key", formKey(for: target) ?? Browser.newKey()))
        case .some(.some(let value)): all.append(("key", value))
        case .some(.none): break
        }
        let body = all.map { "\(encode($0.0))=\(encode($0.1))" }.joined(separator: "&")
        return try send("POST", target, headers: [("Content-Type", "application/x-www-form-urlencoded"),
                                                  ("Sec-Fetch-Site", "same-origin")] + headers, body: Array(body.utf8))
    }

    /// Posts a file as `multipart/form-data`, with the CSRF token and the form's one-time key.
    @discardableResult
    func upload(_ target: String, fileName: String, bytes: [UInt8], key: String? = nil) throws -> Page {
        let boundary = "loa-test-boundary-7d3"
        var body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(csrfToken ?? "")\r\n"
        let key = key ?? formKey(for: target) ?? Browser.newKey()
        body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"key\"\r\n\r\n\(key)\r\n"
        body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(fileName)\"\r\n"
        body += "Content-Type: application/octet-stream\r\n\r\n"
        let bytes = Array(body.utf8) + bytes + Array("\r\n--\(boundary)--\r\n".utf8)
        return try send("POST", target, headers: [("Content-Type", "multipart/form-data; boundary=\(boundary)"),
                                                  ("Sec-Fetch-Site", "same-origin")], body: bytes)
    }

    /// The one-time key of the last page's form that posts to `target`, as a browser would send it.
    func formKey(for target: String) -> String? {
        let path = target.split(separator: "?").first.map(String.init) ?? target
        // the form that posts there, or the one whose button does (`formaction`)
        let start = lastPage.range(of: " action=\"\(path)\"")?.lowerBound
            ?? lastPage.range(of: "formaction=\"\(path)\"").flatMap {
                lastPage.range(of: "<form", options: .backwards, range: lastPage.startIndex..<$0.lowerBound)?.lowerBound
            }
        guard let start, let end = lastPage.range(of: "</form>", range: start..<lastPage.endIndex) else { return nil }
        let form = lastPage[start..<end.lowerBound]
        guard let r = form.range(of: #"name="key" value="([^"]+)""#, options: .regularExpression) else { return nil }
        return String(form[r]).components(separatedBy: "value=\"").last?.dropLast().description
    }

    static func newKey() -> String { "test-" + UUID().uuidString }

    var csrfToken: String? {
        guard let r = lastPage.range(of: #"name="csrf" value="([^"]+)""#, options: .regularExpression) else { return nil }
        return String(lastPage[r]).components(separatedBy: "value=\"").last?.dropLast().description
    }

    func send(_ method: String, _ target: String, headers: [(String, String)], body: [UInt8]) throws -> Page {
        var all = headers
        if !cookies.isEmpty { all.append(("Cookie", cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; "))) }
        let response = try #require(try exchange(port: port, method: method, target: target, headers: all, body: body))
        for (name, value) in response.headers where name == "set-cookie" {
            for cookie in value.components(separatedBy: "\n") {
                let pair = cookie.split(separator: ";")[0].split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                    .map(String.init)
                guard pair.count == 2 else { continue }
                if cookie.contains("Max-Age=0") { cookies[pair[0]] = nil } else { cookies[pair[0]] = pair[1] }
            }
        }
        let text = response.text
        if response.headers["content-type"]?.hasPrefix("text/html") == true { lastPage = text }
        return Page(status: response.status, headers: response.headers, text: text, bytes: response.body.count)
    }

    func encode(_ s: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return s.addingPercentEncoding(withAllowedCharacters: allowed) ?? s
    }
}
