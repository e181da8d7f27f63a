import CMicroHTTPD
import Foundation

/// Receives the key/value pairs libmicrohttpd enumerates for a connection.
final class ValueCollector {
    var pairs: [(key: [UInt8], value: [UInt8]?)] = []
}

/// Receives the pieces of a form body from libmicrohttpd's post processor.
final class FormCollector {
    struct Part {
        var name: String
        var fileName: String?
        var contentType: String?
        var data: [UInt8]
    }

    var parts: [Part] = []

    /// A piece at offset 0 starts a new part; later offsets continue the last one.
    func receive(key: String, fileName: String?, contentType: String?, data: [UInt8], offset: UInt64) {
        if offset > 0, let last = parts.indices.last, parts[last].name == key {
            parts[last].data += data
        } else {
            parts.append(Part(name: key, fileName: fileName, contentType: contentType, data: data))
        }
    }
}

/// Every key/value of one kind (headers, cookies, query items) of a connection, in order.
func connectionValues(_ connection: OpaquePointer, _ kind: MHD_ValueKind) -> [(key: String, value: String)] {
    let collector = ValueCollector()
    _ = MHD_get_connection_values_n(
        connection, kind, loaCollectValue, Unmanaged.passUnretained(collector).toOpaque())
    return collector.pairs.map { pair in
        (String(decoding: pair.key, as: UTF8.self), pair.value.map { String(decoding: $0, as: UTF8.self) } ?? "")
    }
}

/// The form fields and files of a urlencoded or multipart body, parsed by libmicrohttpd's post
/// processor; nil when the body is malformed for its content type.
func parseForm(
    _ connection: OpaquePointer, body: [UInt8]
) -> (fields: [FormField], files: [UploadedFile])? {
    if body.isEmpty { return ([], []) }
    let collector = FormCollector()
    let context = Unmanaged.passUnretained(collector).toOpaque()
    guard let processor = MHD_create_post_processor(connection, 64 * 1024, loaCollectPostData, context) else {
        return nil
    }
    let processed = body.withUnsafeBufferPointer { buffer in
        buffer.withMemoryRebound(to: CChar.self) { MHD_post_process(processor, $0.baseAddress, $0.count) }
    }
    let finished = MHD_destroy_post_processor(processor)
    guard processed == .YES, finished == .YES else { return nil }
    var fields: [FormField] = []
    var files: [UploadedFile] = []
    for part in collector.parts {
        let name = part.name.precomposedStringWithCanonicalMapping
        if let fileName = part.fileName {
            files.append(UploadedFile(
                fieldName: name, fileName: fileName.precomposedStringWithCanonicalMapping,
                contentType: part.contentType, bytes: part.data))
        } else {
            let value = String(decoding: part.data, as: UTF8.self).precomposedStringWithCanonicalMapping
            fields.append(FormField(name: name, value: value))
        }
    }
    return (fields, files)
}

/// True for the two body types browsers send from forms.
func isFormBody(contentType: String?) -> Bool {
    guard let type = contentType?.lowercased() else { return false }
    return type.hasPrefix("application/x-www-form-urlencoded") || type.hasPrefix("multipart/form-data")
}
