import CCurl
import Foundation

/// libcurl, initialised once for the process before the first handle (`curl_global_init` is not thread-safe on
/// its own; the lazy global makes it run once).
private let curlReady: Bool = curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK

/// Why a transfer failed, as libcurl and the server said it: the numbers a person can look up, and whether the
/// message may have reached the server all the same.
public struct TransportFailure: Error, Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// The server could not be reached (name, connection refused, network).
        case unreachable
        /// TLS was required and the server offers none, or the TLS handshake or certificate failed.
        case tls
        /// The server refused the user name or password.
        case login
        /// The server refused the sender (`MAIL FROM`).
        case senderRefused
        /// The server refused the recipient (`RCPT TO`).
        case recipientRefused
        /// The server refused the message after reading it.
        case messageRefused
        /// No answer within the time allowed.
        case timeout
        /// An HTTP answer other than 2xx.
        case httpStatus
        /// Anything else libcurl reports.
        case other
    }

    public let kind: Kind
    /// libcurl's result code (`CURLE_…`).
    public let curlCode: Int
    /// The server's last reply code (SMTP or HTTP), 0 when none came.
    public let replyCode: Int
    /// libcurl's own words about it (never a password or a token: libcurl does not print them).
    public let detail: String
    /// The whole message was handed over and no refusal came back: it may have arrived.
    public let mayHaveArrived: Bool

    /// Whether every later transfer over the same settings would fail the same way (a wrong password, an
    /// unreachable server), so the rest need not be tried.
    public var stopsTheRun: Bool { [.unreachable, .tls, .login].contains(kind) }
}

/// One libcurl easy handle, reused for a run of transfers so that a connection stays open between them. A
/// handle belongs to one thread at a time.
final class CurlHandle {
    let handle: UnsafeMutableRawPointer
    /// Where libcurl writes its error message (`CURLOPT_ERRORBUFFER`, at least `CURL_ERROR_SIZE` bytes).
    private let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)

    init?(connectTimeout: Int, timeout: Int) {
        guard curlReady, let h = curl_easy_init() else { return nil }
        handle = h
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        set(CURLOPT_ERRORBUFFER, pointer: UnsafeMutableRawPointer(errorBuffer))
        // no signals: timeouts must not interrupt other threads, and libcurl resolves names in its own thread
        set(CURLOPT_NOSIGNAL, 1)
        set(CURLOPT_CONNECTTIMEOUT, connectTimeout)
        set(CURLOPT_TIMEOUT, timeout)
        set(CURLOPT_FOLLOWLOCATION, 0)
    }

    deinit {
        curl_easy_cleanup(handle)
        errorBuffer.deallocate()
    }

    func set(_ option: CURLoption, _ value: Int) { _ = loa_curl_set_long(handle, option, value) }
    func set(_ option: CURLoption, text: String) { _ = loa_curl_set_text(handle, option, text) }
    func set(_ option: CURLoption, pointer: UnsafeMutableRawPointer?) {
        _ = loa_curl_set_pointer(handle, option, pointer)
    }
    func set(_ option: CURLoption, list: CurlList?) { _ = loa_curl_set_list(handle, option, list?.head) }

    /// The last reply code the server sent (SMTP or HTTP).
    var replyCode: Int {
        var code = 0
        _ = loa_curl_get_long(handle, CURLINFO_RESPONSE_CODE, &code)
        return code
    }

    /// Runs the transfer set up on the handle; the result code and libcurl's message.
    func perform() -> (code: CURLcode, message: String) {
        errorBuffer[0] = 0
        let code = curl_easy_perform(handle)
        var message = String(cString: errorBuffer)
        if message.isEmpty, code != CURLE_OK { message = String(cString: curl_easy_strerror(code)) }
        return (code, message)
    }
}

/// A `curl_slist`, freed with its owner.
final class CurlList {
    private(set) var head: UnsafeMutablePointer<curl_slist>?

    init(_ lines: [String]) {
        for line in lines { head = curl_slist_append(head, line) }
    }

    deinit { curl_slist_free_all(head) }
}

/// Bytes handed to libcurl by its read callback, and how far it got.
final class UploadSource {
    let bytes: [UInt8]
    var offset = 0
    /// The callback has signalled the end of the data (returned 0).
    var finished = false
    init(_ bytes: [UInt8]) { self.bytes = bytes }
}

/// `CURLOPT_READFUNCTION`: copies the next part of an `UploadSource`.
func readUpload(_ buffer: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int,
                _ context: UnsafeMutableRawPointer?) -> Int {
    guard let buffer, let context else { return 0 }
    let source = Unmanaged<UploadSource>.fromOpaque(context).takeUnretainedValue()
    let n = min(size * count, source.bytes.count - source.offset)
    if n <= 0 {
        source.finished = true
        return 0
    }
    source.bytes.withUnsafeBufferPointer { all in
        UnsafeMutableRawPointer(buffer).copyMemory(from: all.baseAddress! + source.offset, byteCount: n)
    }
    source.offset += n
    return n
}

/// What libcurl receives, up to a limit.
final class DownloadSink {
    var bytes: [UInt8] = []
    let limit: Int
    init(limit: Int) { self.limit = limit }
}

/// `CURLOPT_WRITEFUNCTION`: appends to a `DownloadSink`; an answer over its limit stops the transfer.
func writeDownload(_ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int,
                   _ context: UnsafeMutableRawPointer?) -> Int {
    guard let data, let context else { return 0 }
    let sink = Unmanaged<DownloadSink>.fromOpaque(context).takeUnretainedValue()
    let n = size * count
    guard sink.bytes.count + n <= sink.limit else { return 0 }
    sink.bytes.append(contentsOf: UnsafeRawBufferPointer(start: data, count: n))
    return n
}
