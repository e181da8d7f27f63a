import CCurl

/// Where and how to hand e-mails over: libcurl's SMTP, one connection kept open for a run of messages.
public struct SMTPServer: Sendable {
    public let url: String
    public let user: String?
    public let password: String?
    /// STARTTLS (or SMTPS) is required: the server is not on this machine's loopback. Decided when the settings
    /// are read, from the URL's host, before any connection.
    public let requiresTLS: Bool
    public let connectTimeout: Int
    public let timeout: Int

    public init(url: String, user: String?, password: String?, requiresTLS: Bool, connectTimeout: Int = 15,
                timeout: Int = 60) {
        self.url = url; self.user = user; self.password = password; self.requiresTLS = requiresTLS
        self.connectTimeout = connectTimeout; self.timeout = timeout
    }
}

/// Sends e-mails one after another over one libcurl handle (and so one SMTP connection while the server keeps
/// it). libcurl speaks SMTP (EHLO, STARTTLS, AUTH, MAIL, RCPT, DATA, dot-stuffing); the message's bytes are
/// written by the caller, complete, with CRLF line ends.
public final class SMTPSender {
    private let server: SMTPServer
    private var curl: CurlHandle

    public init?(_ server: SMTPServer) {
        guard let curl = Self.handle(server) else { return nil }
        self.server = server
        self.curl = curl
    }

    /// A handle set up for the server: TLS required off loopback, the user and password, uploads read from an
    /// `UploadSource`.
    static func handle(_ server: SMTPServer) -> CurlHandle? {
        guard let curl = CurlHandle(connectTimeout: server.connectTimeout, timeout: server.timeout) else { return nil }
        curl.set(CURLOPT_URL, text: server.url)
        curl.set(CURLOPT_PROTOCOLS_STR, text: "smtp,smtps")
        if server.requiresTLS { curl.set(CURLOPT_USE_SSL, Int(CURLUSESSL_ALL.rawValue)) }
        if let user = server.user { curl.set(CURLOPT_USERNAME, text: user) }
        if let password = server.password { curl.set(CURLOPT_PASSWORD, text: password) }
        curl.set(CURLOPT_UPLOAD, 1)
        _ = loa_curl_set_read_function(curl.handle, readUpload)
        return curl
    }

    /// Hands one message to the server for one recipient. `from` and `to` are bare addresses.
    public func send(_ message: [UInt8], from: String, to: String) -> TransportFailure? {
        let source = UploadSource(message)
        let recipients = CurlList(["<\(to)>"])
        curl.set(CURLOPT_MAIL_FROM, text: "<\(from)>")
        curl.set(CURLOPT_MAIL_RCPT, list: recipients)
        curl.set(CURLOPT_READDATA, pointer: Unmanaged.passUnretained(source).toOpaque())
        let (code, message) = withExtendedLifetime(source) { curl.perform() }
        curl.set(CURLOPT_READDATA, pointer: nil)
        curl.set(CURLOPT_MAIL_RCPT, list: nil)
        withExtendedLifetime(recipients) {}
        guard code != CURLE_OK else { return nil }
        let failed = failure(code, message, dataSent: source.finished)
        // a transfer that broke off (no answer, a dropped line) may leave its connection in libcurl's cache, still
        // busy on the server's side: the next message gets a new handle and so a new connection
        let refused: [TransportFailure.Kind] = [.recipientRefused, .senderRefused, .messageRefused]
        if !refused.contains(failed.kind), let fresh = Self.handle(server) { curl = fresh }
        return failed
    }

    func failure(_ code: CURLcode, _ message: String, dataSent: Bool) -> TransportFailure {
        let reply = curl.replyCode
        let refused = reply >= 400
        let kind: TransportFailure.Kind
        switch code {
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_PROXY: kind = .unreachable
        case CURLE_USE_SSL_FAILED, CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION,
             CURLE_SSL_CERTPROBLEM, CURLE_SSL_CACERT_BADFILE: kind = .tls
        case CURLE_LOGIN_DENIED: kind = .login
        case CURLE_OPERATION_TIMEDOUT: kind = .timeout
        default:
            if message.hasPrefix("RCPT") { kind = .recipientRefused }
            else if message.hasPrefix("MAIL") { kind = .senderRefused }
            else if dataSent && refused { kind = .messageRefused }
            else { kind = .other }
        }
        // once the end of the data went out, only a refusal proves the message did not arrive
        return TransportFailure(kind: kind, curlCode: Int(code.rawValue), replyCode: reply, detail: message,
                                mayHaveArrived: dataSent && !refused)
    }
}
