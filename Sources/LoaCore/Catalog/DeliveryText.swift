/// Why a delivery failed: kept with the delivery (`stored`), shown in the reader's language.
public enum DeliveryProblem: Error, Sendable, Hashable, Localizable {
    case noAddress
    case unreachable(String)
    case tls(String)
    case login
    case senderRefused(code: Int)
    case recipientRefused(String, code: Int)
    case messageRefused(code: Int)
    case timeout(seconds: Int)
    case transport(String)
    case zaloRefused(code: Int, message: String)
    case zaloToken(code: Int, message: String)
    case httpStatus(Int)
    case answerUnreadable
    case noCover

    public var phrase: Phrase {
        switch self {
        case .noAddress: Phrase(vi: "không có địa chỉ e-mail", en: "no e-mail address")
        case .unreachable(let d):
            Phrase(vi: "không kết nối được máy chủ (smtp.url, zalo.api_base trong distribution.yml): \(d)",
                   en: "could not reach the server (smtp.url, zalo.api_base in distribution.yml): \(d)")
        case .tls(let d):
            Phrase(vi: "không lập được kết nối mã hóa TLS/STARTTLS với máy chủ: \(d)",
                   en: "no encrypted TLS/STARTTLS connection to the server: \(d)")
        case .login:
            Phrase(vi: "máy chủ thư từ chối tên đăng nhập hoặc mật khẩu (smtp.user, smtp.password_file trong "
                       + "distribution.yml)",
                   en: "the mail server refused the user name or password (smtp.user, smtp.password_file in "
                       + "distribution.yml)")
        case .senderRefused(let c):
            Phrase(vi: "máy chủ thư từ chối địa chỉ người gửi (smtp.from), mã \(c)",
                   en: "the mail server refused the sender address (smtp.from), code \(c)")
        case .recipientRefused(let a, let c):
            Phrase(vi: "máy chủ thư từ chối người nhận \(a), mã \(c)",
                   en: "the mail server refused the recipient \(a), code \(c)")
        case .messageRefused(let c):
            Phrase(vi: "máy chủ thư từ chối nhận thư, mã \(c)", en: "the mail server refused the message, code \(c)")
        case .timeout(let s):
            Phrase(vi: "máy chủ không trả lời trong \(s) giây", en: "the server did not answer within \(s) seconds")
        case .transport(let d): Phrase(vi: "lỗi khi gửi: \(d)", en: "sending failed: \(d)")
        case .zaloRefused(let c, let m):
            Phrase(vi: "Zalo OA báo lỗi \(c): \(m)", en: "Zalo OA answered error \(c): \(m)")
        case .zaloToken(let c, let m):
            Phrase(vi: "Zalo không cấp access token mới từ refresh token (zalo.refresh_token_file), lỗi \(c): \(m)",
                   en: "Zalo gave no new access token for the refresh token (zalo.refresh_token_file), error "
                       + "\(c): \(m)")
        case .httpStatus(let s):
            Phrase(vi: "máy chủ trả mã HTTP \(s)", en: "the server answered HTTP \(s)")
        case .answerUnreadable:
            Phrase(vi: "không đọc được câu trả lời của máy chủ", en: "the server's answer could not be read")
        case .noCover:
            Phrase(vi: "bài trên Zalo OA cần ảnh bìa: thêm cover: cho kênh trong channels.yml, hoặc một ảnh vào bài",
                   en: "a Zalo OA article needs a cover picture: add cover: to the channel in channels.yml, or a "
                       + "picture to an item")
        }
    }

    /// The problem as kept in the database: its kind, then its details, separated by TAB.
    public var stored: String {
        func join(_ parts: [String]) -> String {
            parts.map { $0.replacingTabs }.joined(separator: "\t")
        }
        switch self {
        case .noAddress: return "no-address"
        case .unreachable(let d): return join(["unreachable", d])
        case .tls(let d): return join(["tls", d])
        case .login: return "login"
        case .senderRefused(let c): return join(["sender-refused", String(c)])
        case .recipientRefused(let a, let c): return join(["recipient-refused", a, String(c)])
        case .messageRefused(let c): return join(["message-refused", String(c)])
        case .timeout(let s): return join(["timeout", String(s)])
        case .transport(let d): return join(["transport", d])
        case .zaloRefused(let c, let m): return join(["zalo", String(c), m])
        case .zaloToken(let c, let m): return join(["zalo-token", String(c), m])
        case .httpStatus(let s): return join(["http", String(s)])
        case .answerUnreadable: return "answer-unreadable"
        case .noCover: return "no-cover"
        }
    }

    /// A problem read back from the database; text from an unknown kind is shown as it was kept.
    public init(stored: String) {
        let p = stored.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        func arg(_ i: Int) -> String { i < p.count ? p[i] : "" }
        func number(_ i: Int) -> Int { Int(arg(i)) ?? 0 }
        switch p[0] {
        case "no-address": self = .noAddress
        case "unreachable": self = .unreachable(arg(1))
        case "tls": self = .tls(arg(1))
        case "login": self = .login
        case "sender-refused": self = .senderRefused(code: number(1))
        case "recipient-refused": self = .recipientRefused(arg(1), code: number(2))
        case "message-refused": self = .messageRefused(code: number(1))
        case "timeout": self = .timeout(seconds: number(1))
        case "zalo": self = .zaloRefused(code: number(1), message: arg(2))
        case "zalo-token": self = .zaloToken(code: number(1), message: arg(2))
        case "http": self = .httpStatus(number(1))
        case "answer-unreadable": self = .answerUnreadable
        case "no-cover": self = .noCover
        case "transport": self = .transport(arg(1))
        default: self = .transport(stored)
        }
    }
}

extension String {
    fileprivate var replacingTabs: String { replacingOccurrences(of: "\t", with: " ") }
}

extension DeliveryState: Localizable {
    /// The state as officers and units read it.
    public var phrase: Phrase {
        switch self {
        case .pending: Phrase(vi: "chờ gửi", en: "pending")
        case .sending: Phrase(vi: "đang gửi (cần kiểm tra)", en: "sending (to check)")
        case .sent: Phrase(vi: "đã gửi", en: "sent")
        case .failed: Phrase(vi: "gửi lỗi", en: "failed")
        case .confirmed: Phrase(vi: "đơn vị đã xác nhận nhận", en: "confirmed by the unit")
        }
    }
}

extension Medium: Localizable {
    public var phrase: Phrase {
        switch self {
        case .email: Phrase(vi: "thư điện tử", en: "e-mail")
        case .zaloOA: Phrase(vi: "Zalo OA", en: "Zalo OA")
        case .feed: Phrase(vi: "nguồn tin Atom", en: "Atom feed")
        case .print: Phrase(vi: "bản in, phát trực tiếp", en: "print and in person")
        }
    }
}

/// What distribution says on the command line and in e-mails: sending, receipts, publishing on schedule.
public enum DeliveryText: Sendable, Hashable, Localizable {
    // help
    case deliverSummary, deliverDetails, optRetry, optUnit, optArticle, optDryRun, optDue, optSince, optNoDeliver
    case publishUsage
    // results
    case counts(sent: Int, failed: Int, pending: Int)
    case outbox(count: Int, folder: String)
    case zaloBody(String)
    case feedWritten(path: String, entries: Int)
    case printRecorded(Int)
    case articleSent(String)
    case nothingToDeliver
    case notConfigured
    case stuckHeading(Int)
    case stuckLine(issue: String, unit: String, since: String)
    case stuckHint
    case stuckNote(Int)
    case retried(unit: String)
    // publishing on schedule
    case dueNothing(from: String, to: String)
    case dueOlder(Int)
    case dueOlderHint
    // receipts and unpublishing
    case receiptConfirmed(unit: String, issue: String)
    case receiptAlready(unit: String, issue: String)
    case notReceiving(unit: String, issue: String)
    case notPublished(String)
    case cannotUnpublish(issue: String, left: Int)
    case unpublished(String)
    case nothingToRetry(unit: String, issue: String)
    // the e-mail
    case subject(channel: String, number: Int, date: String)
    case receiptAsk
    case receiptButton
    case formOffered
    case reportDelivered(delivered: String, confirmed: String)
    case sentTo(unit: String, issuer: String)
    // distribution.yml
    case settingsOpenToOthers(path: String, mode: String)
    case secretOpenToOthers(key: String, path: String, mode: String)
    case secretUnreadable(key: String, path: String, reason: String)
    case secretEmpty(key: String, path: String)
    case badURL(key: String, value: String, schemes: String)
    case plainOffLoopback(key: String, value: String)
    case badAddress(key: String, value: String)
    case baseURLRequired
    case timeoutRange(key: String, value: String)
    case refreshTokenUnwritable(path: String, reason: String)

    public var phrase: Phrase {
        switch self {
        case .deliverSummary:
            Phrase(vi: "Gửi các số đã xuất bản còn chờ gửi hoặc gửi lỗi (thư điện tử, Zalo OA, nguồn tin, bản in).",
                   en: "Send what published issues still have pending or failed (e-mail, Zalo OA, feed, print).")
        case .deliverDetails:
            Phrase(vi: "Không gửi lại thứ đã gửi. Không có distribution.yml thì không gửi gì ra ngoài: thư ghi vào "
                       + "out/outbox/, bài Zalo vào out/zalo/, và vẫn ở trạng thái chờ gửi. Thư đang gửi dở (máy "
                       + "chủ chưa trả lời khi Loa dừng) không bao giờ tự gửi lại: --retry liệt kê để người kiểm tra.",
                   en: "Nothing sent is sent again. Without distribution.yml nothing leaves the machine: e-mails go "
                       + "to out/outbox/, Zalo articles to out/zalo/, and stay pending. A message left sending "
                       + "(Loa stopped before the server answered) is never sent again by itself: --retry lists "
                       + "them for a person to check.")
        case .optRetry:
            Phrase(vi: "liệt kê thư đang gửi dở để kiểm tra; với --unit, gửi lại thư của đơn vị đó sau khi đã kiểm tra",
                   en: "list messages left sending, to check; with --unit, send that unit's again once checked")
        case .optUnit: Phrase(vi: "đơn vị cần gửi lại (cùng --retry)", en: "the unit to send again (with --retry)")
        case .optArticle:
            Phrase(vi: "gửi lại bài Zalo OA của số này (cùng --retry), sau khi đã xem trên trang OA là chưa có",
                   en: "send the issue's Zalo OA article again (with --retry), once the OA's page shows it is not "
                       + "there")
        case .optDryRun:
            Phrase(vi: "không gửi gì ra ngoài: ghi thư vào out/outbox/ và bài Zalo vào out/zalo/",
                   en: "send nothing: write e-mails to out/outbox/ and Zalo articles to out/zalo/")
        case .optDue:
            Phrase(vi: "xuất bản mọi số đã xác nhận trong 7 ngày qua chưa xuất bản",
                   en: "publish every confirmed slot of the last 7 days not yet published")
        case .optSince:
            Phrase(vi: "cùng --due: xuất bản từ ngày này thay vì 7 ngày qua",
                   en: "with --due: publish from this day instead of the last 7 days")
        case .optNoDeliver:
            Phrase(vi: "chỉ ghi tệp số báo và ghi nhận, chưa gửi (loa deliver gửi sau)",
                   en: "render and record only, send nothing yet (loa deliver sends later)")
        case .publishUsage:
            Phrase(vi: "cần KÊNH NGÀY, hoặc --due", en: "give CHANNEL DATE, or --due")
        case .counts(let s, let f, let p):
            Phrase(vi: "\(s) đã gửi, \(f) lỗi, \(p) chờ gửi", en: "\(s) sent, \(f) failed, \(p) pending")
        case .outbox(let n, let f):
            Phrase(vi: "  \(n) thư ghi vào \(f), chưa gửi đi", en: "  \(n) e-mails written to \(f), not sent")
        case .zaloBody(let p):
            Phrase(vi: "  bài Zalo OA ghi vào \(p), chưa gửi đi", en: "  the Zalo OA article written to \(p), not sent")
        case .feedWritten(let p, let n):
            Phrase(vi: "  nguồn tin \(p): \(n) bài", en: "  feed \(p): \(n) entries")
        case .printRecorded(let n):
            Phrase(vi: "  ghi nhận đã phát tới \(n) đơn vị", en: "  recorded as handed out to \(n) units")
        case .articleSent(let t):
            Phrase(vi: "  Zalo OA đã nhận bài (mã \(t))", en: "  Zalo OA took the article (token \(t))")
        case .nothingToDeliver: Phrase(vi: "Không còn gì chờ gửi.", en: "Nothing is waiting to be sent.")
        case .notConfigured:
            Phrase(vi: "Chưa có distribution.yml: không gửi gì ra ngoài máy này.",
                   en: "No distribution.yml: nothing leaves this machine.")
        case .stuckHeading(let n):
            Phrase(vi: "\(n) thư đang gửi dở: Loa đã giao cho máy chủ nhưng chưa ghi được kết quả, nên có thể đã "
                       + "đến hoặc chưa. Hãy kiểm tra nhật ký của máy chủ thư hoặc hỏi đơn vị:",
                   en: "\(n) messages left sending: Loa handed them to the server but recorded no answer, so they "
                       + "may or may not have arrived. Check the mail server's log or ask the unit:")
        case .stuckLine(let i, let u, let s):
            Phrase(vi: "  \(i) → \(u) (từ \(s))", en: "  \(i) → \(u) (since \(s))")
        case .stuckHint:
            Phrase(vi: "Thư chưa đến: loa deliver KÊNH NGÀY --retry --unit ĐƠN-VỊ gửi lại (bài Zalo OA: --article).",
                   en: "One that did not arrive: loa deliver CHANNEL DATE --retry --unit UNIT sends it again (a Zalo "
                       + "OA article: --article).")
        case .stuckNote(let n):
            Phrase(vi: "\(n) thư đang gửi dở, không tự gửi lại: xem loa deliver --retry.",
                   en: "\(n) messages left sending are not sent again by themselves: see loa deliver --retry.")
        case .retried(let u):
            Phrase(vi: "Đã cho gửi lại tới \(u).", en: "Sent again to \(u).")
        case .dueNothing(let f, let t):
            Phrase(vi: "Không có số nào đã xác nhận mà chưa xuất bản từ \(f) đến \(t).",
                   en: "No confirmed slot from \(f) to \(t) is waiting to be published.")
        case .dueOlder(let n):
            Phrase(vi: "\(n) số đã xác nhận từ trước 7 ngày qua chưa xuất bản (không tự xuất bản):",
                   en: "\(n) confirmed slots older than the last 7 days are not published (not published now):")
        case .dueOlderHint:
            Phrase(vi: "Xuất bản cả những số này: loa publish --due --since NGÀY, hoặc loa publish KÊNH NGÀY.",
                   en: "To publish them too: loa publish --due --since DATE, or loa publish CHANNEL DATE.")
        case .receiptConfirmed(let u, let i):
            Phrase(vi: "\(u) đã xác nhận nhận \(i).", en: "\(u) confirmed receiving \(i).")
        case .receiptAlready(let u, let i):
            Phrase(vi: "\(u) đã xác nhận nhận \(i) từ trước; không thay đổi gì.",
                   en: "\(u) had already confirmed receiving \(i); nothing changed.")
        case .notReceiving(let u, let i):
            Phrase(vi: "\(i) không gửi tới \(u)", en: "\(i) was not delivered to \(u)")
        case .notPublished(let i): Phrase(vi: "\(i) chưa xuất bản", en: "\(i) is not published")
        case .cannotUnpublish(let i, let n):
            Phrase(vi: "không thể thu hồi \(i): \(n) lượt gửi đã đi hoặc đã được xác nhận",
                   en: "\(i) cannot be unpublished: \(n) of its deliveries were sent or confirmed")
        case .unpublished(let i):
            Phrase(vi: "Đã thu hồi \(i): số báo và các lượt gửi chưa đi đã được xóa.",
                   en: "Unpublished \(i): the issue and its unsent deliveries are removed.")
        case .nothingToRetry(let u, let i):
            Phrase(vi: "\(i) tới \(u) không có gì để gửi lại (đã gửi, đã xác nhận hoặc chưa từng gửi)",
                   en: "nothing to send again to \(u) for \(i) (sent, confirmed, or never tried)")
        case .subject(let c, let n, let d):
            Phrase(vi: "\(c) — số \(n), \(d)", en: "\(c) — no. \(n), \(d)")
        case .receiptAsk:
            Phrase(vi: "Đơn vị đã nhận được số này? Xin bấm vào đường dẫn dưới đây để xác nhận:",
                   en: "Has your union received this issue? Please open the link below to confirm:")
        case .receiptButton: Phrase(vi: "Xác nhận đã nhận", en: "Confirm receipt")
        case .reportDelivered(let d, let c):
            Phrase(vi: "Trong đó **\(d)** lượt đã gửi đến nơi, **\(c)** lượt được CĐCS xác nhận đã nhận.",
                   en: "Of these, **\(d)** were delivered and **\(c)** confirmed received by the units.")
        case .formOffered:
            Phrase(vi: "Các số sau đã gửi tới đơn vị nhưng đơn vị chưa xác nhận; số nào đã nhận, thêm vào received:",
                   en: "These issues were sent to the unit, which has not confirmed them; add those received to "
                       + "received:")
        case .sentTo(let u, let i):
            Phrase(vi: "Thư này do \(i) gửi tới \(u).", en: "This message was sent by \(i) to \(u).")
        case .settingsOpenToOthers(let p, let m):
            Phrase(vi: "\(p) có quyền \(m): người khác đọc được các bí mật trong đó; hãy chạy chmod 600 \(p)",
                   en: "\(p) has mode \(m): others can read the secrets in it; run chmod 600 \(p)")
        case .secretOpenToOthers(let k, let p, let m):
            Phrase(vi: "\(k): tệp \(p) có quyền \(m), người khác đọc được; hãy chạy chmod 600 \(p)",
                   en: "\(k): the file \(p) has mode \(m) and others can read it; run chmod 600 \(p)")
        case .secretUnreadable(let k, let p, let r):
            Phrase(vi: "\(k): không đọc được tệp \(p) (\(r))", en: "\(k): cannot read the file \(p) (\(r))")
        case .secretEmpty(let k, let p): Phrase(vi: "\(k): tệp \(p) trống", en: "\(k): the file \(p) is empty")
        case .badURL(let k, let v, let s):
            Phrase(vi: "\(k): \"\(v)\" không phải địa chỉ \(s)", en: "\(k): \"\(v)\" is not a \(s) address")
        case .plainOffLoopback(let k, let v):
            Phrase(vi: "\(k): \"\(v)\" không mã hóa; http:// chỉ dùng cho máy chủ thử trên chính máy này "
                       + "(127.0.0.1), hãy dùng https://",
                   en: "\(k): \"\(v)\" is not encrypted; http:// is only for a stand-in on this machine "
                       + "(127.0.0.1): use https://")
        case .badAddress(let k, let v):
            Phrase(vi: "\(k): \"\(v)\" không phải địa chỉ e-mail", en: "\(k): \"\(v)\" is not an e-mail address")
        case .baseURLRequired:
            Phrase(vi: "base_url: cần địa chỉ trang web của Loa mà các đơn vị mở (như loa serve --base-url), để "
                       + "viết đường dẫn xác nhận và địa chỉ ảnh",
                   en: "base_url: the address units open Loa's web front at (as loa serve --base-url) is needed "
                       + "for receipt links and picture addresses")
        case .timeoutRange(let k, let v):
            Phrase(vi: "\(k): \"\(v)\" phải là số giây từ 1 đến 600", en: "\(k): \"\(v)\" must be 1 to 600 seconds")
        case .refreshTokenUnwritable(let p, let r):
            Phrase(vi: "không ghi được refresh token mới vào \(p) (\(r)); lần gửi sau cần refresh token mới từ Zalo",
                   en: "could not write the new refresh token to \(p) (\(r)); the next run needs a new one from Zalo")
        }
    }
}
