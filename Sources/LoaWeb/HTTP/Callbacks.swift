import CMicroHTTPD
import Foundation

// The C callbacks libmicrohttpd calls on its own threads. They are free functions (never in
// main.swift, whose top-level code is main-actor isolated), reach Swift objects only through the
// `cls`/`con_cls` pointers, and hand the work to `ServerCore` at once.

/// Called when the request line has been read: starts the request's state, which libmicrohttpd
/// then keeps in `con_cls` until `loaRequestCompleted` releases it.
func loaURILog(
    _ cls: UnsafeMutableRawPointer?, _ uri: UnsafePointer<CChar>?, _ connection: OpaquePointer?
) -> UnsafeMutableRawPointer? {
    guard let cls else { return nil }
    let core = Unmanaged<ServerCore>.fromOpaque(cls).takeUnretainedValue()
    var target: [UInt8] = []
    if let uri {
        target = Array(UnsafeBufferPointer(start: uri, count: strlen(uri)).map { UInt8(bitPattern: $0) })
    }
    core.requestStarted()
    return Unmanaged.passRetained(RequestState(rawTarget: target)).toOpaque()
}

/// The access handler: called once when the headers are in, once per piece of body, and a last
/// time with no data, when the answer is due.
func loaAccessHandler(
    _ cls: UnsafeMutableRawPointer?, _ connection: OpaquePointer?, _ url: UnsafePointer<CChar>?,
    _ method: UnsafePointer<CChar>?, _ version: UnsafePointer<CChar>?, _ uploadData: UnsafePointer<CChar>?,
    _ uploadDataSize: UnsafeMutablePointer<Int>?, _ requestContext: UnsafeMutablePointer<UnsafeMutableRawPointer?>?
) -> MHD_Result {
    guard let cls, let connection, let uploadDataSize, let requestContext else { return .NO }
    let core = Unmanaged<ServerCore>.fromOpaque(cls).takeUnretainedValue()
    let state: RequestState
    if let existing = requestContext.pointee {
        state = Unmanaged<RequestState>.fromOpaque(existing).takeUnretainedValue()
    } else {
        // libmicrohttpd always logs the URI first; this only guards against a future change.
        let target = url.map { Array(String(cString: $0).utf8) } ?? []
        state = RequestState(rawTarget: target)
        core.requestStarted()
        requestContext.pointee = Unmanaged.passRetained(state).toOpaque()
    }
    return core.access(
        connection: connection, state: state,
        method: method.map { String(cString: $0) } ?? "", version: version.map { String(cString: $0) } ?? "",
        upload: uploadData, uploadSize: uploadDataSize)
}

/// Called when a request is over (answered, failed, timed out or cut by shutdown): logs it and
/// releases its state.
func loaRequestCompleted(
    _ cls: UnsafeMutableRawPointer?, _ connection: OpaquePointer?,
    _ requestContext: UnsafeMutablePointer<UnsafeMutableRawPointer?>?, _ termination: MHD_RequestTerminationCode
) {
    guard let cls, let requestContext, let pointer = requestContext.pointee else { return }
    requestContext.pointee = nil
    let core = Unmanaged<ServerCore>.fromOpaque(cls).takeUnretainedValue()
    let state = Unmanaged<RequestState>.fromOpaque(pointer).takeRetainedValue()
    core.completed(state: state, termination: termination)
    if let connection { core.connections?.requestEnded(connection) }
}

/// Called when a connection opens or closes: the connection guard counts it and watches its deadline.
func loaConnectionNotified(
    _ cls: UnsafeMutableRawPointer?, _ connection: OpaquePointer?, _ socketContext: UnsafeMutablePointer<
        UnsafeMutableRawPointer?>?, _ code: MHD_ConnectionNotificationCode
) {
    guard let cls, let connection else { return }
    let core = Unmanaged<ServerCore>.fromOpaque(cls).takeUnretainedValue()
    guard let connections = core.connections else { return }
    if code == .CONNECTION_NOTIFY_STARTED {
        connections.started(connection)
    } else {
        connections.closed(connection)
    }
}

/// Decides whether to accept a connection, before anything is read from it: not when its address already holds
/// its share of connections.
func loaAcceptPolicy(
    _ cls: UnsafeMutableRawPointer?, _ address: UnsafePointer<sockaddr>?, _ length: socklen_t
) -> MHD_Result {
    guard let cls, let address else { return .NO }
    let core = Unmanaged<ServerCore>.fromOpaque(cls).takeUnretainedValue()
    guard let connections = core.connections else { return .YES }
    return connections.accepts(numericHost(address)) ? .YES : .NO
}

/// Collects one key/value of a connection (header, cookie or query item) into a `ValueCollector`.
func loaCollectValue(
    _ cls: UnsafeMutableRawPointer?, _ kind: MHD_ValueKind, _ key: UnsafePointer<CChar>?, _ keySize: Int,
    _ value: UnsafePointer<CChar>?, _ valueSize: Int
) -> MHD_Result {
    guard let cls, let key else { return .YES }
    let collector = Unmanaged<ValueCollector>.fromOpaque(cls).takeUnretainedValue()
    collector.pairs.append((bytes(key, keySize), value.map { bytes($0, valueSize) }))
    return .YES
}

/// Collects one piece of a form body from libmicrohttpd's post processor into a `FormCollector`.
func loaCollectPostData(
    _ cls: UnsafeMutableRawPointer?, _ kind: MHD_ValueKind, _ key: UnsafePointer<CChar>?,
    _ fileName: UnsafePointer<CChar>?, _ contentType: UnsafePointer<CChar>?,
    _ transferEncoding: UnsafePointer<CChar>?, _ data: UnsafePointer<CChar>?, _ offset: UInt64, _ size: Int
) -> MHD_Result {
    guard let cls else { return .NO }
    let collector = Unmanaged<FormCollector>.fromOpaque(cls).takeUnretainedValue()
    collector.receive(
        key: key.map { String(cString: $0) } ?? "", fileName: fileName.map { String(cString: $0) },
        contentType: contentType.map { String(cString: $0) },
        data: data.map { bytes($0, size) } ?? [], offset: offset)
    return .YES
}

private func bytes(_ pointer: UnsafePointer<CChar>, _ count: Int) -> [UInt8] {
    pointer.withMemoryRebound(to: UInt8.self, capacity: count) { Array(UnsafeBufferPointer(start: $0, count: count)) }
}
