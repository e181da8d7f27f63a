import CCurl

/// An HTTP answer: its status and body.
public struct HTTPAnswer: Sendable {
    public let status: Int
    public let body: [UInt8]
}

/// POSTs over libcurl (HTTPS, or plain HTTP where the caller allowed it), one handle reused for a run of
/// requests. Answers over 1 MiB are refused.
public final class HTTPClient {
    private let curl: CurlHandle
    static let answerLimit = 1 << 20

    /// `allowPlainHTTP` only for a server on loopback (a local stand-in).
    public init?(allowPlainHTTP: Bool, connectTimeout: Int = 15, timeout: Int = 60) {
        guard let curl = CurlHandle(connectTimeout: connectTimeout, timeout: timeout) else { return nil }
        self.curl = curl
        curl.set(CURLOPT_PROTOCOLS_STR, text: allowPlainHTTP ? "http,https" : "https")
        _ = loa_curl_set_write_function(curl.handle, writeDownload)
    }

    /// POSTs `body` with the given headers (`Name: value`); any status is an answer, only a failed transfer is a
    /// failure.
    public func post(_ url: String, headers: [String], body: [UInt8]) -> Result<HTTPAnswer, TransportFailure> {
        let sink = DownloadSink(limit: Self.answerLimit)
        let list = CurlList(headers + ["Expect:"])
        var payload = body
        let (code, message) = payload.withUnsafeMutableBytes { buffer in
            curl.set(CURLOPT_URL, text: url)
            curl.set(CURLOPT_POST, 1)
            curl.set(CURLOPT_POSTFIELDSIZE, buffer.count)
            curl.set(CURLOPT_POSTFIELDS, pointer: buffer.baseAddress)
            curl.set(CURLOPT_HTTPHEADER, list: list)
            curl.set(CURLOPT_WRITEDATA, pointer: Unmanaged.passUnretained(sink).toOpaque())
            return withExtendedLifetime(sink) { curl.perform() }
        }
        curl.set(CURLOPT_POSTFIELDS, pointer: nil)
        curl.set(CURLOPT_HTTPHEADER, list: nil)
        curl.set(CURLOPT_WRITEDATA, pointer: nil)
        withExtendedLifetime(list) {}
        guard code == CURLE_OK else {
            let kind: TransportFailure.Kind
            switch code {
            case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_CONNECT: kind = .unreachable
            case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_UNSUPPORTED_PROTOCOL: kind = .tls
            case CURLE_OPERATION_TIMEDOUT: kind = .timeout
            default: kind = .other
            }
            return .failure(TransportFailure(kind: kind, curlCode: Int(code.rawValue), replyCode: curl.replyCode,
                                             detail: message, mayHaveArrived: kind == .timeout))
        }
        return .success(HTTPAnswer(status: curl.replyCode, body: sink.bytes))
    }
}
