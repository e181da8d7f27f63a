import Foundation
import LoaCore
import LoaFormats
import LoaTransport

/// Zalo OA's API as SPEC §10 describes it, over libcurl: the access token from the refresh token (which rotates:
/// the new one is written back to its file, atomically, before anything else), `article/create` and
/// `article/verify`. Answers are JSON with `error` (0 when all went well) and `message`.
final class ZaloClient {
    let settings: DistributionSettings.Zalo
    let http: HTTPClient
    /// Told when the new refresh token could not be written back.
    var warnings: [Diagnostic] = []

    init?(_ settings: DistributionSettings.Zalo) {
        guard let http = HTTPClient(allowPlainHTTP: settings.plainHTTPAllowed,
                                    connectTimeout: min(15, settings.timeout), timeout: settings.timeout) else {
            return nil
        }
        self.settings = settings
        self.http = http
    }

    /// A new access token (`{oauth_base}/v4/oa/access_token`, form fields `app_id`, `grant_type=refresh_token`,
    /// `refresh_token`, header `secret_key`). A refresh token works once: its successor goes to its file at once.
    func accessToken() -> Result<String, DeliveryProblem> {
        let refresh: String
        do {
            let text = try String(contentsOfFile: settings.refreshTokenPath, encoding: .utf8)
            refresh = text.split(whereSeparator: \.isNewline).first.map { $0.trimmingCharacters(in: .whitespaces) }
                ?? ""
        } catch { return .failure(.zaloToken(code: 0, message: "zalo.refresh_token_file")) }
        let form = [("app_id", settings.appID), ("grant_type", "refresh_token"), ("refresh_token", refresh)]
            .map { "\($0.0)=\(formEncoded($0.1))" }.joined(separator: "&")
        let answer = http.post(settings.oauthBase + "/v4/oa/access_token",
                               headers: ["secret_key: \(settings.secret)",
                                         "Content-Type: application/x-www-form-urlencoded"],
                               body: Array(form.utf8))
        switch answer {
        case .failure(let f): return .failure(Self.problem(f, timeout: settings.timeout))
        case .success(let a):
            guard let json = Self.object(a.body) else {
                return .failure(a.status / 100 == 2 ? .answerUnreadable : .httpStatus(a.status))
            }
            guard let access = json["access_token"] as? String, !access.isEmpty,
                  let next = json["refresh_token"] as? String, !next.isEmpty else {
                let code = (json["error"] as? NSNumber)?.intValue ?? a.status
                let message = (json["error_description"] as? String) ?? (json["message"] as? String)
                    ?? (json["error_name"] as? String) ?? ""
                return .failure(.zaloToken(code: code, message: message))
            }
            do throws(Failure) { try writeSecret(settings.refreshTokenPath, next + "\n") } catch {
                warnings += error.diagnostics.map { Diagnostic(.warning, $0.message, at: nil) }
            }
            return .success(access)
        }
    }

    /// `POST {api_base}/v2.0/article/create`: the article's token, or why not (and whether it may have gone).
    func create(_ body: [UInt8], accessToken: String) -> Result<String, ArticleFailure> {
        switch call("/v2.0/article/create", body: body, accessToken: accessToken) {
        case .failure(let f): return .failure(f)
        case .success(let data):
            guard let token = data["token"] as? String, !token.isEmpty else {
                return .failure(ArticleFailure(problem: .answerUnreadable, mayHaveArrived: false))
            }
            return .success(token)
        }
    }

    /// `POST {api_base}/v2.0/article/verify` with the article's token: the article's id once Zalo has it.
    func verify(_ token: String, accessToken: String) -> Result<String, DeliveryProblem> {
        let body = JSON.object([("token", .string(token))]).text
        switch call("/v2.0/article/verify", body: Array(body.utf8), accessToken: accessToken) {
        case .failure(let f): return .failure(f.problem)
        case .success(let data):
            if let id = data["id"] as? String, !id.isEmpty { return .success(id) }
            if let id = data["id"] as? NSNumber { return .success(id.stringValue) }
            return .failure(.answerUnreadable)
        }
    }

    func call(_ path: String, body: [UInt8],
              accessToken: String) -> Result<[String: Any], ArticleFailure> {
        let answer = http.post(settings.apiBase + path,
                               headers: ["access_token: \(accessToken)", "Content-Type: application/json"],
                               body: body)
        switch answer {
        case .failure(let f):
            return .failure(ArticleFailure(problem: Self.problem(f, timeout: settings.timeout),
                                           mayHaveArrived: f.mayHaveArrived))
        case .success(let a):
            guard let json = Self.object(a.body) else {
                return .failure(ArticleFailure(problem: a.status / 100 == 2 ? .answerUnreadable : .httpStatus(a.status),
                                               mayHaveArrived: false))
            }
            let code = (json["error"] as? NSNumber)?.intValue ?? 0
            guard code == 0, a.status / 100 == 2 else {
                let message = (json["message"] as? String) ?? ""
                let problem: DeliveryProblem = code == 0 ? .httpStatus(a.status)
                    : .zaloRefused(code: code, message: message)
                return .failure(ArticleFailure(problem: problem, mayHaveArrived: false))
            }
            return .success((json["data"] as? [String: Any]) ?? [:])
        }
    }

    static func object(_ bytes: [UInt8]) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any]
    }

    /// A failed transfer as the problem a person reads.
    static func problem(_ f: TransportFailure, address: String = "", timeout: Int) -> DeliveryProblem {
        switch f.kind {
        case .unreachable: .unreachable(f.detail)
        case .tls: .tls(f.detail)
        case .login: .login
        case .senderRefused: .senderRefused(code: f.replyCode)
        case .recipientRefused: .recipientRefused(address, code: f.replyCode)
        case .messageRefused: .messageRefused(code: f.replyCode)
        case .timeout: .timeout(seconds: timeout)
        case .httpStatus: .httpStatus(f.replyCode)
        case .other: .transport(f.detail)
        }
    }

    func formEncoded(_ s: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return s.addingPercentEncoding(withAllowedCharacters: allowed) ?? s
    }
}

/// Why an article was not created, and whether it may have been all the same (no answer came).
struct ArticleFailure: Error {
    let problem: DeliveryProblem
    let mayHaveArrived: Bool
}

/// Writes a secret file atomically: a new file readable by its owner only, synced, renamed over the old one.
func writeSecret(_ path: String, _ text: String) throws(Failure) {
    let temporary = path + ".new-\(getpid())"
    func fail(_ code: Int32) -> Failure {
        Failure(.delivery(.refreshTokenUnwritable(path: path, reason: String(cString: strerror(code)))),
                exitCode: ExitCode.ioError)
    }
    unlink(temporary)
    let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
    guard fd >= 0 else { throw fail(errno) }
    let bytes = Array(text.utf8)
    let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    guard written == bytes.count, fchmod(fd, 0o600) == 0, fsync(fd) == 0 else {
        let code = errno
        close(fd)
        unlink(temporary)
        throw fail(code)
    }
    close(fd)
    guard rename(temporary, path) == 0 else {
        let code = errno
        unlink(temporary)
        throw fail(code)
    }
    let folder = open((path as NSString).deletingLastPathComponent, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    if folder >= 0 {
        fsync(folder)
        close(folder)
    }
}
