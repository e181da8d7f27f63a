import Foundation
@testable import LoaWeb
import Synchronization
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The last request a test server saw.
final class Captured: Sendable {
    private let request = Mutex<HTTPRequest?>(nil)
    func keep(_ value: HTTPRequest) { request.withLock { $0 = value } }
    var value: HTTPRequest? { request.withLock { $0 } }
}

@Suite("Server requests, logging and lifecycle")
struct ServerRequestTests {
    @Test func aUrlencodedFormFromURLSessionArrivesIntactInVietnamese() async throws {
        let captured = Captured()
        let (server, _) = try startServer { _ in } handler: { request in
            captured.keep(request)
            return .text("ok")
        }
        defer { server.stop() }
        var form = URLComponents()
        form.queryItems = [
            URLQueryItem(name: "reporter", value: "Nguyễn Thị Hồng Nhung"),
            URLQueryItem(name: "received", value: "ban-tin.2026-10-15"),
            URLQueryItem(name: "received", value: "zalo.2026-10-20"),
            URLQueryItem(name: "summary", value: "Đoàn viên phấn khởi & tin tưởng; 1+1=2"),
            URLQueryItem(name: "note", value: ""),
        ]
        let encoded = (form.percentEncodedQuery ?? "").replacingOccurrences(of: "+", with: "%2B")
        let url = try #require(URL(string: "http://127.0.0.1:\(server.port)/unit/report/2026-10?x=1"))
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        request.setValue("sid=abc; theme=dark", forHTTPHeaderField: "Cookie")
        request.httpBody = Data(encoded.utf8)
        let (_, response) = try await URLSession.shared.data(for: request)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        let seen = try #require(captured.value)
        #expect(seen.method == "POST")
        #expect(seen.path == "/unit/report/2026-10")
        #expect(seen.queryItems == [FormField(name: "x", value: "1")])
        #expect(seen.formValue("reporter") == "Nguyễn Thị Hồng Nhung")
        #expect(seen.formValues("received") == ["ban-tin.2026-10-15", "zalo.2026-10-20"])
        #expect(seen.formValue("summary") == "Đoàn viên phấn khởi & tin tưởng; 1+1=2")
        #expect(seen.form.map(\.name) == ["reporter", "received", "received", "summary", "note"])
        #expect(seen.formValue("note") == "")
        #expect(seen.cookies == ["sid": "abc", "theme": "dark"])
        #expect(seen.header("content-type") == "application/x-www-form-urlencoded")
        #expect(seen.headers["content-type"] != nil)
        #expect(seen.remoteAddress == "127.0.0.1")
        #expect(seen.isSecure == false)
    }

    @Test func aMultipartFormWithAFileArrivesIntact() throws {
        let captured = Captured()
        let (server, _) = try startServer { $0.uploadPaths = ["/unit/upload"] } handler: { request in
            captured.keep(request)
            return .text("ok")
        }
        defer { server.stop() }
        // Bytes a naive parser would trip on: CRLF, a fake boundary prefix, NUL, invalid UTF-8.
        let file: [UInt8] = Array("báo cáo\r\n--not-the-boundary\r\n".utf8) + [0, 0xFF, 0xFE]
            + Array(repeating: 7, count: 200_000)
        let boundary = "----LoaBoundary7MA4YWxkTrZu0gW"
        var body: [UInt8] = []
        func part(_ headers: String, _ content: [UInt8]) {
            body += Array("--\(boundary)\r\n\(headers)\r\n\r\n".utf8) + content + Array("\r\n".utf8)
        }
        part("Content-Disposition: form-data; name=\"csrf\"", Array("tok-123".utf8))
        part("Content-Disposition: form-data; name=\"mood\"", Array("Phấn khởi, tin tưởng".utf8))
        part(
            "Content-Disposition: form-data; name=\"form\"; filename=\"Báo cáo tháng 10.md\"\r\n"
                + "Content-Type: text/markdown",
            file)
        part("Content-Disposition: form-data; name=\"empty\"", [])
        body += Array("--\(boundary)--\r\n".utf8)
        let response = try exchange(
            port: server.port, method: "POST", target: "/unit/upload",
            headers: [("Content-Type", "multipart/form-data; boundary=\(boundary)")], body: body)
        #expect(response?.status == 200)
        let seen = try #require(captured.value)
        #expect(seen.formValue("csrf") == "tok-123")
        #expect(seen.formValue("mood") == "Phấn khởi, tin tưởng")
        #expect(seen.files.count == 1)
        #expect(seen.files.first?.fieldName == "form")
        #expect(seen.files.first?.fileName == "Báo cáo tháng 10.md")
        #expect(seen.files.first?.contentType == "text/markdown")
        #expect(seen.files.first?.bytes == file)
        #expect(seen.body == body)
    }

    @Test func formValuesAreNormalisedToNFC() throws {
        let captured = Captured()
        let (server, _) = try startServer { _ in } handler: { request in
            captured.keep(request)
            return .text("ok")
        }
        defer { server.stop() }
        let decomposed = "Vie\u{0302}\u{0323}t"  // "Việt" typed as base letters and combining marks
        let value = try #require(decomposed.addingPercentEncoding(withAllowedCharacters: .alphanumerics))
        _ = try exchange(
            port: server.port, method: "POST", target: "/",
            headers: [("Content-Type", "application/x-www-form-urlencoded")], body: Array("name=\(value)".utf8))
        #expect(captured.value?.formValue("name")?.unicodeScalars.elementsEqual("Việt".unicodeScalars) == true)
    }

    @Test func aMalformedMultipartBodyGets400() throws {
        let (server, _) = try startServer { _ in } handler: { _ in .text("should not run") }
        defer { server.stop() }
        let response = try exchange(
            port: server.port, method: "POST", target: "/",
            headers: [("Content-Type", "multipart/form-data")], body: Array("no boundary given".utf8))
        #expect(response?.status == 400)
    }

    @Test func theLogHasOneLinePerRequestWithoutQueryOrLinkToken() throws {
        let (server, log) = try startServer { _ in } handler: { request in
            request.path.hasPrefix("/u/") ? .redirect(to: "/unit") : .text("hello")
        }
        defer { server.stop() }
        let token = "Zm9vYmFyLXNlY3JldC10b2tlbi0xMjM0NTY3ODkw"
        _ = try exchange(port: server.port, target: "/u/\(token)?utm=1")
        _ = try exchange(port: server.port, target: "/%75/\(token)/more")
        _ = try exchange(port: server.port, target: "/unit/report/2026-10?secret=x")
        _ = try exchange(port: server.port, target: "/line%0Abreak")
        // the link written in capitals, a receipt link, and a token standing anywhere are masked too
        _ = try exchange(port: server.port, target: "/U/\(token)")
        _ = try exchange(port: server.port, target: "/r/\(token)")
        _ = try exchange(port: server.port, target: "/unit/\(token)/x")
        #expect(log.waitForLine(containing: "GET /U/… 200") != nil)
        #expect(log.waitForLine(containing: "GET /r/… 200") != nil)
        #expect(log.waitForLine(containing: "GET /unit/…/x 200") != nil)
        #expect(RequestLog.loggablePath("/items/bao-tang-va-the-he-tre-o-dien-bien") == "/items/bao-tang-va-the-he-tre-o-dien-bien")
        let redirect = try #require(log.waitForLine(containing: "GET /u/… 303"))
        #expect(redirect.wholeMatch(of: /GET \/u\/… 303 0 \d+ms/) != nil)
        #expect(log.waitForLine(containing: "GET /u/…/more 303") != nil)
        let page = try #require(log.waitForLine(containing: "/unit/report/2026-10"))
        #expect(page.wholeMatch(of: /GET \/unit\/report\/2026-10 200 5 \d+ms/) != nil)
        #expect(log.waitForLine(containing: "GET /line%0Abreak 200") != nil)
        #expect(!log.all.contains { $0.contains(token) || $0.contains("secret") || $0.contains("utm") })
        #expect(log.all.allSatisfy { !$0.contains("\n") })
    }

    @Test func stopLetsARequestInFlightFinishAndRefusesNewConnections() throws {
        let entered = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let (server, _) = try startServer { _ in } handler: { request in
            if request.path == "/slow" {
                entered.signal()
                release.wait()
                return .text(String(repeating: "x", count: 100_000))
            }
            return .text("quick")
        }
        let port = server.port
        let slow = try RawSocket(port: port)
        slow.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n")
        entered.wait()
        let stopped = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            server.stop()
            stopped.signal()
        }
        while !server.isStopping { usleep(1_000) }
        // Quiesced: the listening socket is closed before the slow request is let go.
        var refused = false
        for _ in 0..<200 where !refused {
            refused = (try? RawSocket(port: port)) == nil
            if !refused { usleep(5_000) }
        }
        #expect(refused)
        release.signal()
        let response = slow.readResponse()
        #expect(response?.status == 200)
        #expect(response?.body.count == 100_000)
        #expect(response?.header("Connection") == "close")
        stopped.wait()
    }

    @Test func runUntilSignalledStopsOnTheSignalAndReturnsIt() throws {
        let (server, _) = try startServer { _ in } handler: { _ in .text("ok") }
        let port = server.port
        let signalled = server.runUntilSignalled([SIGUSR2]) {
            #expect((try? exchange(port: port, target: "/"))??.status == 200)
            kill(getpid(), SIGUSR2)
        }
        #expect(signalled == SIGUSR2)
        #expect(server.isStopping)
        #expect((try? RawSocket(port: port)) == nil)
    }

    @Test func behindAProxyTheForwardedClientAndSchemeAreTrustedFromLoopbackOnly() throws {
        let captured = Captured()
        let handler: @Sendable (HTTPRequest) -> HTTPResponse = { request in
            captured.keep(request)
            return .text("ok")
        }
        let forwarded = [("X-Forwarded-For", "203.0.113.9, 198.51.100.7"), ("X-Forwarded-Proto", "https")]
        let (proxied, _) = try startServer({ $0.behindProxy = true }, handler: handler)
        defer { proxied.stop() }
        _ = try exchange(port: proxied.port, target: "/", headers: forwarded)
        #expect(captured.value?.remoteAddress == "198.51.100.7")
        #expect(captured.value?.isSecure == true)
        _ = try exchange(port: proxied.port, target: "/", headers: [("X-Forwarded-For", "not an address")])
        #expect(captured.value?.remoteAddress == "127.0.0.1")
        #expect(captured.value?.isSecure == false)

        let (direct, _) = try startServer({ $0.behindProxy = false }, handler: handler)
        defer { direct.stop() }
        _ = try exchange(port: direct.port, target: "/", headers: forwarded)
        #expect(captured.value?.remoteAddress == "127.0.0.1")
        #expect(captured.value?.isSecure == false)
    }

    @Test func headIsAnsweredByTheGetRouteWithoutABody() throws {
        var router = Router<Void>()
        router.get("/page", .anyone) { _, _, _ in .html("<p>hello</p>") }
        router.admit = { _, _, _, _ in nil }
        let (server, _) = try startServer { _ in } handler: { [router] request in
            router.response(to: request, context: ())
        }
        defer { server.stop() }
        let socket = try RawSocket(port: server.port)
        socket.send("HEAD /page HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        let (bytes, closed) = socket.readToEnd()
        let response = try #require(parseResponse(bytes, closed: closed))
        #expect(response.status == 200)
        #expect(response.header("Content-Length") == "12")
        #expect(response.body.isEmpty)
    }

    @Test func listenAddressesParseLikeTheListenFlag() {
        #expect(ListenAddress(parsing: "127.0.0.1:8080") == ListenAddress(host: "127.0.0.1", port: 8080))
        #expect(ListenAddress(parsing: "[::1]:9000") == ListenAddress(host: "::1", port: 9000))
        #expect(ListenAddress(parsing: "localhost:80") == ListenAddress(host: "127.0.0.1", port: 80))
        #expect(ListenAddress(parsing: "example.org:80") == nil)
        #expect(ListenAddress(parsing: "127.0.0.1") == nil)
        #expect(ListenAddress(parsing: "127.0.0.1:99999") == nil)
        #expect(ListenAddress(host: "::1", port: 8080).description == "[::1]:8080")
    }

    @Test func aServerListensOnIPv6LoopbackAndRefusesABadAddress() throws {
        var configuration = Server.Configuration(address: ListenAddress(host: "::1", port: 0))
        configuration.log = { _ in }
        let server = try Server(configuration) { _ in .text("ok") }
        defer { server.stop() }
        #expect(server.port != 0)
        #expect(throws: ServerError.invalidAddress("example.org")) {
            try Server(Server.Configuration(address: ListenAddress(host: "example.org", port: 0))) { _ in .text("") }
        }
    }
}
