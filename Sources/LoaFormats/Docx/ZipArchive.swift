import CZip
import Foundation
import LoaCore

/// A zip archive built in memory with libzip: what a Word document (Office Open XML) is packed in.
enum ZipArchive {
    /// One file of the archive. `compress` deflates it (XML); pictures are stored as they are.
    struct Entry {
        let name: String
        let bytes: [UInt8]
        let compress: Bool
    }

    /// The archive's bytes, entries in the order given, every entry dated `modified` so the same entries always
    /// give the same bytes. libzip reports its errors at `zip_close`; they come back as an internal error (70).
    static func archive(_ entries: [Entry], modified: time_t) throws(Failure) -> [UInt8] {
        func failure(_ reason: String) -> Failure {
            Failure(.verbatim("libzip: " + reason), exitCode: ExitCode.software)
        }
        var error = zip_error_t()
        zip_error_init(&error)
        defer { zip_error_fini(&error) }
        guard let source = zip_source_buffer_create(nil, 0, 0, &error) else {
            throw failure(String(cString: zip_error_strerror(&error)))
        }
        defer { zip_source_free(source) }
        zip_source_keep(source)  // the source outlives the archive: the bytes are read from it after zip_close
        guard let archive = zip_open_from_source(source, ZIP_TRUNCATE, &error) else {
            throw failure(String(cString: zip_error_strerror(&error)))
        }
        // every part's bytes stay where they are, pinned until zip_close has read them (libzip frees nothing)
        try pinned(entries[...]) { (buffers: [UnsafeRawBufferPointer]) throws(Failure) in
            try add(zip: archive, entries, buffers, modified: modified, failure)
        }
        return try read(source, failure)
    }

    /// Runs `body` with the bytes of every entry pinned in memory, in order.
    static func pinned(_ entries: ArraySlice<Entry>, _ buffers: [UnsafeRawBufferPointer] = [],
                       _ body: ([UnsafeRawBufferPointer]) throws(Failure) -> Void) throws(Failure) {
        guard let first = entries.first else { return try body(buffers) }
        let result: Result<Void, Failure> = first.bytes.withUnsafeBytes { bytes in
            Result { () throws(Failure) in try pinned(entries.dropFirst(), buffers + [bytes], body) }
        }
        try result.get()
    }

    /// Adds the entries to the archive from their pinned bytes and closes it.
    static func add(zip archive: OpaquePointer, _ entries: [Entry], _ buffers: [UnsafeRawBufferPointer],
                    modified: time_t, _ failure: (String) -> Failure) throws(Failure) {
        for (entry, buffer) in zip(entries, buffers) {
            guard let part = zip_source_buffer(archive, buffer.baseAddress, zip_uint64_t(buffer.count), 0) else {
                let reason = String(cString: zip_strerror(archive))
                zip_discard(archive)
                throw failure(reason)
            }
            let index = zip_file_add(archive, entry.name, part, zip_flags_t(ZIP_FL_ENC_UTF_8))
            guard index >= 0 else {
                zip_source_free(part)
                let reason = String(cString: zip_strerror(archive))
                zip_discard(archive)
                throw failure(reason)
            }
            let method = entry.compress ? ZIP_CM_DEFLATE : ZIP_CM_STORE
            guard zip_set_file_compression(archive, zip_uint64_t(index), zip_int32_t(method), 0) == 0,
                  zip_file_set_mtime(archive, zip_uint64_t(index), modified, 0) == 0 else {
                let reason = String(cString: zip_strerror(archive))
                zip_discard(archive)
                throw failure(reason)
            }
        }
        guard zip_close(archive) == 0 else {
            let reason = String(cString: zip_strerror(archive))
            zip_discard(archive)
            throw failure(reason)
        }
    }

    /// Everything a buffer source holds.
    static func read(_ source: OpaquePointer, _ failure: (String) -> Failure) throws(Failure) -> [UInt8] {
        var stat = zip_stat_t()
        zip_stat_init(&stat)
        guard zip_source_stat(source, &stat) == 0, zip_source_open(source) == 0 else {
            throw failure(String(cString: zip_error_strerror(zip_source_error(source))))
        }
        defer { zip_source_close(source) }
        var out = [UInt8](repeating: 0, count: Int(stat.size))
        var done = 0
        while done < out.count {
            let n = out.withUnsafeMutableBytes { buffer -> zip_int64_t in
                guard let base = buffer.baseAddress else { return -1 }
                return zip_source_read(source, base + done, zip_uint64_t(buffer.count - done))
            }
            guard n > 0 else { throw failure(String(cString: zip_error_strerror(zip_source_error(source)))) }
            done += Int(n)
        }
        return out
    }
}
