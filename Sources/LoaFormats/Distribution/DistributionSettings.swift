import Foundation
import LoaCore

/// `distribution.yml`: where e-mails and Zalo articles go, and the secrets to get them there (SPEC §10). It lives
/// beside the server key, git-ignored, and is refused unless only its owner can read it (mode 0600); so is
/// every secret file it names. Secrets are read here and never written to a log line.
public struct DistributionSettings: Sendable {
    public struct SMTP: Sendable {
        public let url: String
        public let user: String?
        public let password: String?
        /// The sender's address, and the name shown with it.
        public let from: String
        public let fromName: String?
        /// STARTTLS or SMTPS is required: the server is not on this machine's loopback (decided here, from the
        /// URL's host, before any connection).
        public let requiresTLS: Bool
        public let timeout: Int
    }

    public struct Zalo: Sendable {
        public let apiBase: String
        public let oauthBase: String
        public let appID: String
        public let secret: String
        /// The refresh token's file: read before each run, rewritten (atomically, 0600) with the new one.
        public let refreshTokenPath: String
        /// Both endpoints are on loopback (a local stand-in), where plain HTTP is allowed.
        public let plainHTTPAllowed: Bool
        public let timeout: Int
    }

    /// The web front's address units open: receipt links and pictures are written under it.
    public let baseURL: String
    public let smtp: SMTP?
    public let zalo: Zalo?

    public static let defaultTimeout = 60
    public static let defaultOAuthBase = "https://oauth.zaloapp.com"

    /// The settings of the workspace, or nil when it has no `distribution.yml` (then nothing leaves the machine).
    /// A file others can read, a secret file others can read or that is missing, and every mistake in the file
    /// are errors naming the file, the line and the setting.
    public static func load(_ paths: WorkspacePaths) throws(Failure) -> DistributionSettings? {
        let path = paths.distribution
        let shown = paths.relative(path)
        guard let bytes = try SecretFile.read(path, shown: shown, key: nil) else { return nil }
        let file = try TextFile.decode(bytes, path: shown)
        guard let node = try YAMLParser.parse(file) else {
            throw Failure(.yamlEmptyDocument, at: SourceLocation(path: shown, line: 1, column: 1))
        }
        let d = Diagnostics()
        let settings = read(node, folder: paths.root, paths: paths, d)
        let problems = d.all.filter { $0.severity == .error }
        guard problems.isEmpty, let settings else { throw Failure(problems) }
        return settings
    }

    static func read(_ node: YAMLNode, folder: String, paths: WorkspacePaths,
                     _ d: Diagnostics) -> DistributionSettings? {
        let r = MappingReader(node, name: "distribution", into: d)
        defer { r.finish() }
        let base = r.string("base_url")
        let smtp = r.mapping("smtp").map { s in
            defer { s.finish() }
            return readSMTP(s, folder: folder, paths: paths, d)
        } ?? nil
        let zalo = r.mapping("zalo").map { z in
            defer { z.finish() }
            return readZalo(z, folder: folder, paths: paths, d)
        } ?? nil
        if let base, url(base, "base_url", schemes: ["http", "https"], d) == nil { return nil }
        guard let baseURL = base?.value else {
            if smtp != nil || zalo != nil || r.has("smtp") || r.has("zalo") {
                d.add(.error(.delivery(.baseURLRequired), at: r.location))
            }
            return DistributionSettings(baseURL: "http://127.0.0.1:8080", smtp: smtp, zalo: zalo)
        }
        return DistributionSettings(baseURL: baseURL, smtp: smtp, zalo: zalo)
    }

    static func readSMTP(_ s: MappingReader, folder: String, paths: WorkspacePaths, _ d: Diagnostics) -> SMTP? {
        let url = s.string("url", required: true)
        let user = s.string("user")
        let passwordFile = s.string("password_file", required: user != nil)
        let from = s.string("from", required: true)
        let timeout = timeoutSetting(s, "smtp.timeout", d)
        var password: String?
        if let passwordFile {
            password = secret(passwordFile, key: "smtp.password_file", folder: folder, paths: paths, d)
        }
        var address: (String, String?)?
        if let from {
            address = mailbox(from.value)
            if address == nil { d.add(.error(.delivery(.badAddress(key: "smtp.from", value: from.value)),
                                             at: from.location)) }
        }
        guard let url, let host = self.url(url, "smtp.url", schemes: ["smtp", "smtps"], d)?.host,
              let address else { return nil }
        if passwordFile != nil && password == nil { return nil }
        return SMTP(url: url.value, user: user?.value, password: password, from: address.0, fromName: address.1,
                    requiresTLS: !isLoopback(host: host), timeout: timeout)
    }

    static func readZalo(_ z: MappingReader, folder: String, paths: WorkspacePaths, _ d: Diagnostics) -> Zalo? {
        let api = z.string("api_base", required: true)
        let oauth = z.string("oauth_base")
        let app = z.string("app_id", required: true)
        let secretFile = z.string("secret_file", required: true)
        let refreshFile = z.string("refresh_token_file", required: true)
        let timeout = timeoutSetting(z, "zalo.timeout", d)
        let secret = secretFile.flatMap { self.secret($0, key: "zalo.secret_file", folder: folder, paths: paths, d) }
        // the refresh token is read when a run needs it (it changes after each); here only its file is checked
        let refresh = refreshFile.flatMap { f -> String? in
            let value = self.secret(f, key: "zalo.refresh_token_file", folder: folder, paths: paths, d)
            return value == nil ? nil : absolute(f.value, folder)
        }
        let apiHost = api.flatMap { plainOnlyOnLoopback($0, "zalo.api_base", d) }
        let oauthText = oauth ?? Located(defaultOAuthBase, at: z.location)
        let oauthHost = plainOnlyOnLoopback(oauthText, "zalo.oauth_base", d)
        guard let api, let apiHost, let oauthHost, let app, let secret, let refresh else { return nil }
        return Zalo(apiBase: trimmed(api.value), oauthBase: trimmed(oauthText.value), appID: app.value,
                    secret: secret, refreshTokenPath: refresh,
                    plainHTTPAllowed: isLoopback(host: apiHost) && isLoopback(host: oauthHost), timeout: timeout)
    }

    /// The URL's host when its scheme is one of `schemes`; an error naming the setting otherwise.
    static func url(_ value: Located<String>, _ key: String, schemes: [String],
                    _ d: Diagnostics) -> (scheme: String, host: String)? {
        guard let c = URLComponents(string: value.value), let scheme = c.scheme?.lowercased(),
              schemes.contains(scheme), let host = c.host, !host.isEmpty,
              !value.value.contains(where: { $0 == " " || $0 == "\r" || $0 == "\n" }) else {
            let names = schemes.map { $0 + "://" }.joined(separator: ", ")
            d.add(.error(.delivery(.badURL(key: key, value: value.value, schemes: names)), at: value.location))
            return nil
        }
        return (scheme, host)
    }

    /// An https:// URL, or http:// to a server on loopback; its host.
    static func plainOnlyOnLoopback(_ value: Located<String>, _ key: String, _ d: Diagnostics) -> String? {
        guard let (scheme, host) = url(value, key, schemes: ["http", "https"], d) else { return nil }
        if scheme == "http" && !isLoopback(host: host) {
            d.add(.error(.delivery(.plainOffLoopback(key: key, value: value.value)), at: value.location))
            return nil
        }
        return host
    }

    static func timeoutSetting(_ r: MappingReader, _ key: String, _ d: Diagnostics) -> Int {
        guard let t = r.string("timeout") else { return defaultTimeout }
        guard let n = Int(t.value), (1...600).contains(n) else {
            d.add(.error(.delivery(.timeoutRange(key: key, value: t.value)), at: t.location))
            return defaultTimeout
        }
        return n
    }

    /// The first line of a secret file, which must be readable by its owner only.
    static func secret(_ file: Located<String>, key: String, folder: String, paths: WorkspacePaths,
                       _ d: Diagnostics) -> String? {
        let path = absolute(file.value, folder)
        do throws(Failure) {
            guard let bytes = try SecretFile.read(path, shown: paths.relative(path), key: key) else {
                d.add(.error(.delivery(.secretUnreadable(key: key, path: paths.relative(path),
                                                          reason: "no such file")), at: file.location))
                return nil
            }
            let text = String(decoding: bytes, as: UTF8.self)
            let line = text.split(whereSeparator: \.isNewline).first.map {
                $0.trimmingCharacters(in: .whitespaces)
            } ?? ""
            if line.isEmpty {
                d.add(.error(.delivery(.secretEmpty(key: key, path: paths.relative(path))), at: file.location))
                return nil
            }
            return line
        } catch {
            // the file's own problem, placed at the setting that names it
            for problem in error.diagnostics { d.add(.error(problem.message, at: file.location)) }
            return nil
        }
    }

    /// `Name <address>` or a bare address: the address and the name.
    static func mailbox(_ text: String) -> (String, String?)? {
        var address = text.trimmingCharacters(in: .whitespaces), name: String?
        if address.hasSuffix(">"), let open = address.lastIndex(of: "<") {
            let n = address[..<open].trimmingCharacters(in: .whitespaces)
            name = n.isEmpty ? nil : n.trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            address = String(address[address.index(after: open)..<address.index(before: address.endIndex)])
        }
        guard isMailAddress(address) else { return nil }
        return (address, name)
    }

    static func absolute(_ path: String, _ folder: String) -> String {
        path.hasPrefix("/") ? path : folder + "/" + path
    }

    static func trimmed(_ url: String) -> String {
        var u = url
        while u.hasSuffix("/") { u.removeLast() }
        return u
    }
}

/// An address SMTP accepts as it is: one `@`, something on each side, printable ASCII without spaces or brackets.
public func isMailAddress(_ s: String) -> Bool {
    let parts = s.split(separator: "@", omittingEmptySubsequences: false)
    return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !parts[1].hasPrefix(".")
        && s.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "<") && $0 != UInt8(ascii: ">")
            && $0 != UInt8(ascii: ",") && $0 != UInt8(ascii: ";") && $0 != UInt8(ascii: "\"") }
}

/// A file of secrets: a regular file (a symbolic link is refused) only its owner may read.
enum SecretFile {
    /// Its bytes, or nil when it does not exist. `key` names the setting that points to it, for messages.
    static func read(_ path: String, shown: String, key: String?) throws(Failure) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else {
            if errno == ENOENT { return nil }
            let reason = errno == ELOOP ? "a symbolic link" : String(cString: strerror(errno))
            throw failure(.secretUnreadable(key: key ?? shown, path: shown, reason: reason), shown, ExitCode.ioError)
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            throw Failure(.notRegularFile(shown), exitCode: ExitCode.noInput)
        }
        if info.st_mode & 0o077 != 0 {
            let mode = "0" + String(info.st_mode & 0o777, radix: 8)
            let problem: DeliveryText = key.map { .secretOpenToOthers(key: $0, path: shown, mode: mode) }
                ?? .settingsOpenToOthers(path: shown, mode: mode)
            throw failure(problem, shown, ExitCode.dataError)
        }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while bytes.count <= TextFile.maxBytes {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            guard n >= 0 else {
                let reason = String(cString: strerror(errno))
                throw failure(.secretUnreadable(key: key ?? shown, path: shown, reason: reason), shown,
                              ExitCode.ioError)
            }
            if n == 0 { break }
            bytes += buffer[0..<n]
        }
        return bytes
    }

    static func failure(_ text: DeliveryText, _ shown: String, _ code: Int32) -> Failure {
        Failure(.delivery(text), at: SourceLocation(path: shown, line: 1, column: 1), exitCode: code)
    }
}
