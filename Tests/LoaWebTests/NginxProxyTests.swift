import Dispatch
import Foundation
import LoaWeb
import Synchronization
import Testing

/// The shipped nginx configuration (deploy/nginx/loa.conf), run by Debian's nginx as an ordinary
/// process on free loopback ports, in front of a test server with `behindProxy`.
@Suite("nginx in front of the server")
struct NginxProxyTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func tool(_ name: String) -> String? {
        ["/usr/sbin/", "/usr/bin/", "/usr/local/sbin/", "/usr/local/bin/"].map { $0 + name }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// nginx, openssl and curl, or nil (said, and a failure under `make test`) when one is missing.
    static func tools() -> (nginx: String, openssl: String, curl: String)? {
        guard let nginx = tool("nginx"), let openssl = tool("openssl"), let curl = tool("curl") else {
            toolMissing("nginx, openssl or curl is missing")
            return nil
        }
        return (nginx, openssl, curl)
    }

    /// Runs a tool to its end; its standard output, or nil when it failed.
    @discardableResult
    static func run(_ tool: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// A loopback port nobody listens on right now.
    static func freePort() throws -> UInt16 {
        let (server, _) = try startServer { _ in } handler: { _ in .text("") }
        let port = server.port
        server.stop()
        return port
    }

    /// nginx running the shipped configuration; stopped and cleaned up on deinit.
    final class Proxy {
        let folder: String
        let httpPort: UInt16
        let httpsPort: UInt16
        let process = Process()

        init(nginx: String, openssl: String, upstreamPort: UInt16) throws {
            folder = FileManager.default.temporaryDirectory
                .appendingPathComponent("loa-nginx-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            httpPort = try freePort()
            httpsPort = try freePort()
            let certificate = try NginxProxyTests.run(openssl, [
                "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", folder + "/key.pem", "-out", folder + "/cert.pem", "-days", "1",
                "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
            ])
            try #require(certificate.status == 0)
            let shipped = try String(
                contentsOf: NginxProxyTests.repository.appendingPathComponent("deploy/nginx/loa.conf"), encoding: .utf8)
            // Only ports and paths change; each replacement must hit, so the test follows the file.
            let replacements = [
                ("listen 80;", "listen 127.0.0.1:\(httpPort);"),
                ("listen [::]:80;", ""),
                ("listen 443 ssl http2;", "listen 127.0.0.1:\(httpsPort) ssl http2;"),
                ("listen [::]:443 ssl http2;", ""),
                ("/etc/letsencrypt/live/loa.example.org/fullchain.pem", folder + "/cert.pem"),
                ("/etc/letsencrypt/live/loa.example.org/privkey.pem", folder + "/key.pem"),
                ("server 127.0.0.1:8080;", "server 127.0.0.1:\(upstreamPort);"),
                ("/var/log/nginx/loa-access.log", folder + "/loa-access.log"),
            ]
            var site = shipped
            for (from, to) in replacements {
                #expect(site.contains(from), "deploy/nginx/loa.conf no longer has `\(from)`")
                site = site.replacingOccurrences(of: from, with: to)
            }
            let configuration = """
                worker_processes 1;
                pid \(folder)/nginx.pid;
                error_log \(folder)/error.log;
                events { worker_connections 512; }
                http {
                    access_log \(folder)/access.log;
                    client_body_temp_path \(folder)/client_body;
                    proxy_temp_path \(folder)/proxy;
                    fastcgi_temp_path \(folder)/fastcgi;
                    uwsgi_temp_path \(folder)/uwsgi;
                    scgi_temp_path \(folder)/scgi;
                \(site)
                }
                """
            try configuration.write(toFile: folder + "/nginx.conf", atomically: true, encoding: .utf8)
            var command = [nginx, "-p", folder, "-c", folder + "/nginx.conf", "-e", folder + "/error.log",
                           "-g", "daemon off;"]
            // As root, run nginx as nobody (setpriv), so that it is an unprivileged process here too.
            if geteuid() == 0, let setpriv = NginxProxyTests.tool("setpriv") {
                _ = try NginxProxyTests.run("/usr/bin/chown", ["-R", "65534:65534", folder])
                command = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"] + command
            }
            process.executableURL = URL(fileURLWithPath: command[0])
            process.arguments = Array(command.dropFirst())
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            var listening = false
            for _ in 0..<500 where !listening && process.isRunning {
                listening = (try? RawSocket(port: httpsPort)) != nil
                if !listening { usleep(10_000) }
            }
            let errors = (try? String(contentsOfFile: folder + "/error.log", encoding: .utf8)) ?? ""
            try #require(listening, "nginx did not start: \(errors)")
        }

        deinit {
            if process.isRunning {
                process.terminate()
                process.waitUntilExit()
            }
            try? FileManager.default.removeItem(atPath: folder)
        }

        /// curl through the proxy from 127.0.0.2 (so the client's address differs from nginx's).
        func curl(_ curl: String, _ arguments: [String]) throws -> String {
            try NginxProxyTests.run(curl, [
                "-sS", "--interface", "127.0.0.2", "--cacert", folder + "/cert.pem", "-o", "-",
                "-w", "\nstatus=%{http_code} location=%{redirect_url}",
            ] + arguments).output
        }
    }

    @Test func requestsThroughNginxArriveSecureWithTheClientsAddress() throws {
        guard let (nginx, openssl, curl) = Self.tools() else { return }
        let (server, log) = try startServer {
            $0.behindProxy = true
            $0.uploadPaths = ["/unit/upload"]
        } handler: { request in
            .text("remote=\(request.remoteAddress) secure=\(request.isSecure) "
                + "test=\(request.header("X-Loa-Test") ?? "-") cookie=\(request.cookies["loa_session"] ?? "-") "
                + "body=\(request.body.count)")
        }
        defer { server.stop() }
        let proxy = try Proxy(nginx: nginx, openssl: openssl, upstreamPort: server.port)
        let base = "https://127.0.0.1:\(proxy.httpsPort)"

        let page = try proxy.curl(curl, [
            "-H", "X-Loa-Test: giữ nguyên", "-H", "X-Forwarded-For: 203.0.113.66", "-H", "X-Forwarded-Proto: http",
            "-b", "loa_session=abc123", base + "/unit?x=1",
        ])
        #expect(page.contains("remote=127.0.0.2 secure=true test=giữ nguyên cookie=abc123 body=0"))
        #expect(page.contains("status=200"))
        #expect(log.waitForLine(containing: "GET /unit 200") != nil)

        // Each security header exactly once, on loa's answers and on nginx's own (a 413 here).
        let securityHeaders = [
            "content-security-policy: default-src 'self'", "x-content-type-options: nosniff",
            "x-frame-options: deny", "referrer-policy: no-referrer", "strict-transport-security: max-age=31536000",
        ]
        let bodyFile = proxy.folder + "/body.bin"
        FileManager.default.createFile(atPath: bodyFile, contents: Data(count: (8 << 20) + 1))
        for extra in [[], ["--data-binary", "@" + bodyFile]] {
            let head = try NginxProxyTests.run(curl, [
                "-sS", "-D", "-", "-o", "/dev/null", "--cacert", proxy.folder + "/cert.pem", base + "/unit/upload",
            ] + extra).output.lowercased()
            for header in securityHeaders {
                #expect(head.components(separatedBy: header).count == 2, "\(header) in \(head)")
            }
        }

        FileManager.default.createFile(atPath: bodyFile, contents: Data(count: 8 << 20))
        let upload = try proxy.curl(curl, [
            "-H", "Content-Type: application/octet-stream", "--data-binary", "@" + bodyFile, base + "/unit/upload",
        ])
        #expect(upload.contains("body=\(8 << 20)"))
        FileManager.default.createFile(atPath: bodyFile, contents: Data(count: (8 << 20) + 1))
        let tooLarge = try proxy.curl(curl, [
            "-H", "Content-Type: application/octet-stream", "--data-binary", "@" + bodyFile, base + "/unit/upload",
        ])
        #expect(tooLarge.contains("status=413"))

        let plain = try proxy.curl(curl, ["http://127.0.0.1:\(proxy.httpPort)/unit?x=1"])
        #expect(plain.contains("status=301 location=https://127.0.0.1/unit?x=1"))
    }

    /// What nginx refuses itself, before loa sees it: bodies over 1 MiB (8 MiB on the upload path), bursts of
    /// sign-ins and of posts, and too many requests at once from one address; and what its log never holds.
    @Test func nginxAnswers413And429ItselfAndLogsNoSecretLink() throws {
        guard let (nginx, openssl, curl) = Self.tools() else { return }
        let (server, log) = try startServer {
            $0.behindProxy = true
            $0.uploadPaths = ["/unit/upload"]
        } handler: { request in
            if request.path == "/slow" { usleep(1_500_000) }
            return .text("body=\(request.body.count)")
        }
        defer { server.stop() }
        let proxy = try Proxy(nginx: nginx, openssl: openssl, upstreamPort: server.port)
        let base = "https://127.0.0.1:\(proxy.httpsPort)"
        let bodyFile = proxy.folder + "/body.bin"
        FileManager.default.createFile(atPath: bodyFile, contents: Data(count: 2 << 20))
        for path in ["/unit/report/2026-11", "/unit/activity"] {
            let r = try proxy.curl(curl, ["--data-binary", "@" + bodyFile, base + path])
            #expect(r.contains("status=413"), "\(path): \(r.suffix(80))")
        }
        #expect(try proxy.curl(curl, ["-H", "Content-Type: application/octet-stream", "--data-binary", "@" + bodyFile,
                                      base + "/unit/upload"]).contains("body=\(2 << 20)"))
        #expect(!log.all.contains { $0.contains("/unit/report/2026-11") || $0.contains("/unit/activity") },
                "loa never saw the bodies nginx refused")

        // a burst of sign-ins from one address: the first few pass, then nginx answers 429
        var statuses: [String] = []
        for _ in 0..<12 {
            let r = try proxy.curl(curl, ["--data", "name=x&password=y", base + "/login"])
            statuses.append(String(r.split(separator: "status=").last?.prefix(3) ?? ""))
        }
        #expect(statuses.prefix(5).allSatisfy { $0 == "200" } && statuses.contains("429"), "\(statuses)")
        #expect(try proxy.curl(curl, [base + "/login"]).contains("status=200"), "reading the form is not limited")

        // more than 32 requests at once from one address: the rest get 429
        var running: [(Process, Pipe)] = []
        for _ in 0..<40 {
            let p = Process(), out = Pipe()
            p.executableURL = URL(fileURLWithPath: curl)
            p.arguments = ["-sS", "--interface", "127.0.0.2", "--cacert", proxy.folder + "/cert.pem", "-o", "/dev/null",
                           "-w", "%{http_code}", base + "/slow"]
            p.standardOutput = out
            p.standardError = FileHandle.nullDevice
            try p.run()
            running.append((p, out))
        }
        let results = Mutex<[String]>([])
        for (p, out) in running {
            let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            results.withLock { $0.append(text) }
        }
        let all = results.withLock { $0 }
        #expect(all.contains("200") && all.contains("429"), "\(all.sorted())")

        // secret links are masked in nginx's access log, in any case, and no query string is written
        let token = "Zm9vYmFyLXNlY3JldC10b2tlbi0xMjM0NTY3ODkwAbC"
        for path in ["/u/\(token)", "/U/\(token)?x=1", "/r/\(token)", "/unit?secret=Q7"] {
            _ = try proxy.curl(curl, [base + path])
        }
        var access = ""
        for _ in 0..<50 where !access.contains("/r/...") {
            access = (try? String(contentsOfFile: proxy.folder + "/loa-access.log", encoding: .utf8)) ?? ""
            usleep(50_000)
        }
        #expect(access.contains("\"GET /u/... HTTP/") && access.contains("\"GET /U/... HTTP/")
                && access.contains("\"GET /r/... HTTP/") && access.contains("\"GET /unit HTTP/"), "\(access)")
        #expect(!access.contains(token) && !access.contains("Q7"))
    }
}

/// The shipped nginx configuration in front of the Loa app itself: a unit opens its link and sends its report
/// over TLS, and the session cookie is marked Secure because nginx says the request came over https.
@Suite("nginx in front of Loa")
struct NginxInFrontOfLoaTests {
    @Test func aUnitReportsThroughNginxWithASecureCookie() throws {
        guard let (nginx, openssl, curl) = NginxProxyTests.tools() else { return }
        let f = try WebFixture(behindProxy: true)
        let proxy = try NginxProxyTests.Proxy(nginx: nginx, openssl: openssl, upstreamPort: f.port)
        let base = "https://127.0.0.1:\(proxy.httpsPort)"
        let jar = proxy.folder + "/cookies.txt"

        let opened = try proxy.curl(curl, ["-D", "-", "-c", jar, base + (try f.linkPath("cdcs-so-gddt"))])
        #expect(opened.contains("status=303 location=\(base)/unit"))
        let cookie = opened.split(separator: "\r\n").first { $0.lowercased().hasPrefix("set-cookie:") } ?? ""
        #expect(cookie.contains("Secure") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"))

        let form = try proxy.curl(curl, ["-b", jar, base + "/unit/report/2026-11"])
        #expect(form.contains("status=200"))
        let token = try #require(form.range(of: #"name="csrf" value="[^"]+""#, options: .regularExpression)
            .map { String(form[$0]).components(separatedBy: "value=\"").last?.dropLast() }).map(String.init)
        let key = try #require(form.range(of: #"name="key" value="[^"]+""#, options: .regularExpression)
            .map { String(form[$0]).components(separatedBy: "value=\"").last?.dropLast() }).map(String.init)
        var fields = novemberReport()
        fields.append(("csrf", try #require(token)))
        fields.append(("key", try #require(key)))
        let body = fields.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }
            .joined(separator: "&")
        let sent = try proxy.curl(curl, ["-b", jar, "-H", "Origin: \(base)", "--data", body, base + "/unit/report/2026-11"])
        #expect(sent.contains("status=303 location=\(base)/unit/report/2026-11/sent"), "\(sent)")
        #expect(try f.figures().activitiesByUnit["cdcs-so-gddt"] == 2)
        // a form posted from another origin is refused by the app behind nginx
        let forged = try proxy.curl(curl, ["-b", jar, "-H", "Origin: https://evil.example", "--data", body,
                                           base + "/unit/report/2026-11"])
        #expect(forged.contains("status=403"))
    }
}
