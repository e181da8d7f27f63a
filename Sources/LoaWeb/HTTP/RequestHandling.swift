import CMicroHTTPD
import Foundation

extension ServerCore {
    /// One call of the access handler for `state`'s request (see `loaAccessHandler`).
    func access(
        connection: OpaquePointer, state: RequestState, method: String, version: String,
        upload: UnsafePointer<CChar>?, uploadSize: UnsafeMutablePointer<Int>
    ) -> MHD_Result {
        if !state.headersChecked {
            return checkHead(connection: connection, state: state, method: method, version: version)
        }
        let count = uploadSize.pointee
        if count > 0 {
            uploadSize.pointee = 0
            return receive(state: state, upload: upload, count: count)
        }
        if state.tooLarge {
            return answer(connection, state, refusal(413), close: true)
        }
        guard let request = makeRequest(connection, state: state) else {
            return answer(connection, state, refusal(400), close: true)
        }
        return answer(connection, state, handler(request), close: false)
    }

    /// The first call, before any body: refuses an oversized head, an unreadable path or a declared
    /// body over the limit at once, so that none of the body is read.
    private func checkHead(
        connection: OpaquePointer, state: RequestState, method: String, version: String
    ) -> MHD_Result {
        state.headersChecked = true
        state.method = method
        connections?.headersArrived(connection)
        let path = state.decodedPath
        let headers = connectionValues(connection, .HEADER_KIND)
        var headBytes = method.utf8.count + state.rawTarget.count + version.utf8.count + 4
        for header in headers {
            headBytes += header.key.utf8.count + header.value.utf8.count + 4
        }
        if headBytes > configuration.maxHeaderBytes {
            return answer(connection, state, refusal(431), close: true)
        }
        let hasHost = headers.contains { $0.key.lowercased() == "host" }
        guard let path, hasHost || version != "HTTP/1.1" else {
            return answer(connection, state, refusal(400), close: true)
        }
        // a body framed two ways (Content-Length and Transfer-Encoding, or two Content-Lengths) is how requests
        // are smuggled past a proxy: refused, and the connection closed
        let lengths = headers.filter { $0.key.lowercased() == "content-length" }.count
        let encoded = headers.contains { $0.key.lowercased() == "transfer-encoding" }
        if lengths > 1 || (lengths == 1 && encoded) {
            return answer(connection, state, refusal(400), close: true)
        }
        state.bodyLimit = configuration.bodyLimit(forPath: path)
        let declared = headers.first { $0.key.lowercased() == "content-length" }.flatMap { UInt64($0.value) }
        if let declared, declared > UInt64(state.bodyLimit) {
            return answer(connection, state, refusal(413), close: true)
        }
        return .YES
    }

    /// Keeps a piece of body while it fits; past the limit, keeps nothing, reads on (up to the limit
    /// again) to answer 413 at the end, and cuts the connection when even that is passed.
    private func receive(state: RequestState, upload: UnsafePointer<CChar>?, count: Int) -> MHD_Result {
        if !state.tooLarge, state.body.count + count <= state.bodyLimit, let upload {
            upload.withMemoryRebound(to: UInt8.self, capacity: count) {
                state.body.append(contentsOf: UnsafeBufferPointer(start: $0, count: count))
            }
            return .YES
        }
        if !state.tooLarge {
            state.tooLarge = true
            state.discarded = state.body.count
            state.body = []
        }
        state.discarded += count
        if state.discarded > 2 * state.bodyLimit {
            state.answered = (413, 0)
            state.cutOff = true
            return .NO
        }
        return .YES
    }

    /// The request value for the last call, or nil when it cannot be read (bad form body).
    private func makeRequest(_ connection: OpaquePointer, state: RequestState) -> HTTPRequest? {
        guard let path = state.decodedPath else { return nil }
        var headers: [String: String] = [:]
        for (name, value) in connectionValues(connection, .HEADER_KIND) {
            let key = name.lowercased()
            headers[key] = headers[key].map { $0 + ", " + value } ?? value
        }
        var cookies: [String: String] = [:]
        for (name, value) in connectionValues(connection, .COOKIE_KIND) where cookies[name] == nil {
            cookies[name] = value
        }
        let query = connectionValues(connection, .GET_ARGUMENT_KIND).map { FormField(name: $0.key, value: $0.value) }
        var request = HTTPRequest(
            method: state.method, path: path, queryItems: query, cookies: cookies, body: state.body)
        request.headers = headers
        let peer = loa_mhd_client_address(connection).map { numericHost($0) } ?? ""
        request.remoteAddress = peer
        if configuration.behindProxy && isLoopback(peer) {
            if let forwarded = headers["x-forwarded-for"]?.split(separator: ",").last {
                let client = forwarded.trimmingCharacters(in: .whitespaces)
                if ListenAddress.family(of: client) != nil { request.remoteAddress = client }
            }
            let scheme = headers["x-forwarded-proto"]?.trimmingCharacters(in: .whitespaces).lowercased()
            request.isSecure = scheme == "https"
        }
        if isFormBody(contentType: headers["content-type"]) {
            guard let form = parseForm(connection, body: state.body) else { return nil }
            request.form = form.fields
            request.files = form.files
        }
        return request
    }

    /// Queues `response` with the security headers (and `Connection: close` when asked or stopping).
    private func answer(
        _ connection: OpaquePointer, _ state: RequestState, _ response: HTTPResponse, close: Bool
    ) -> MHD_Result {
        var response = response.addingSecurityHeaders()
        if close || isStopping { response.setHeader("Connection", "close") }
        // the last word on redirects: never to another site, whatever a handler asked for
        if let location = response.header("Location"), !HTTPResponse.isLocalPath(location) {
            response.setHeader("Location", "/")
        }
        guard let queued = queue(connection, response) else {
            var failure = refusal(500).addingSecurityHeaders()
            failure.setHeader("Connection", "close")
            state.answered = (500, failure.body.count)
            return queue(connection, failure) ?? .NO
        }
        state.answered = (response.status, response.body.count)
        return queued
    }

    /// Hands a response to libmicrohttpd (which copies the body); nil when a header is invalid.
    private func queue(_ connection: OpaquePointer, _ response: HTTPResponse) -> MHD_Result? {
        let created = response.body.withUnsafeBytes { bytes in
            MHD_create_response_from_buffer(
                bytes.count, UnsafeMutableRawPointer(mutating: bytes.baseAddress), .RESPMEM_MUST_COPY)
        }
        guard let created else { return nil }
        defer { MHD_destroy_response(created) }
        for header in response.headers where MHD_add_response_header(created, header.name, header.value) != .YES {
            return nil
        }
        return MHD_queue_response(connection, UInt32(response.status), created)
    }

    /// A short plain-text answer for the refusals the server makes itself.
    func refusal(_ status: Int) -> HTTPResponse {
        let text: String
        switch status {
        case 400: text = "Yêu cầu không hợp lệ. (Bad request.)"
        case 413: text = "Nội dung gửi lên quá lớn. (Content too large.)"
        case 431: text = "Phần đầu yêu cầu quá lớn. (Request header fields too large.)"
        default: text = "Lỗi máy chủ. (Server error.)"
        }
        return .text(text + "\n", status: status)
    }

    /// Logs a finished request and counts it out.
    func completed(state: RequestState, termination: MHD_RequestTerminationCode) {
        let milliseconds = (ContinuousClock.now - state.started).milliseconds
        let note: String?
        if state.cutOff {
            note = "cut off"
        } else if termination == .REQUEST_TERMINATED_COMPLETED_OK {
            note = nil
        } else {
            note = RequestLog.describe(termination)
        }
        configuration.log(RequestLog.line(
            method: state.method.isEmpty ? "-" : state.method, path: state.logPath, status: state.answered?.status,
            bytes: state.answered?.bytes, milliseconds: milliseconds, note: note))
        requestEnded()
    }
}

extension Duration {
    var milliseconds: Int {
        let (seconds, attoseconds) = components
        return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
    }
}
