import Foundation
import LoaCore

/// One CSV field with where it starts.
public struct CSVField: Sendable {
    public let text: String
    public let line: Int
    public let column: Int
}

/// Where a CSV reader's bytes come from: all at once, or a file read in chunks so memory stays bounded.
public final class ByteChunks {
    let handle: FileHandle?
    var pending: [UInt8]?
    public static let chunkSize = 1 << 20

    public init(bytes: [UInt8]) { handle = nil; pending = bytes }
    public init(path: String) throws(Failure) {
        guard let h = FileHandle(forReadingAtPath: path) else {
            if FileManager.default.fileExists(atPath: path) { throw Failure(.fileUnreadable(path, reason: "permission denied"), exitCode: ExitCode.ioError) }
            throw Failure(.fileMissing(path), exitCode: ExitCode.noInput)
        }
        handle = h
    }
    deinit { try? handle?.close() }

    /// The next chunk, or nil at the end.
    func next() -> [UInt8]? {
        if let p = pending { pending = nil; return p.isEmpty ? nil : p }
        guard let handle, let data = try? handle.read(upToCount: ByteChunks.chunkSize), !data.isEmpty else { return nil }
        return [UInt8](data)
    }
}

/// A streaming RFC 4180 reader over UTF-8 bytes: quoted fields may hold delimiters, quotes and newlines.
/// The delimiter (comma, semicolon or tab) is detected from the header line. Input arrives in chunks;
/// a record cut by a chunk's end is parsed again once the next chunk is in.
public struct CSVReader {
    let source: ByteChunks
    let path: String
    public private(set) var delimiter: UInt8 = 44
    var bytes: [UInt8] = []
    var eof = false
    var dropped = 0          // bytes discarded before `bytes[0]`, for absolute offsets
    var i = 0
    var line = 1
    var lineStart = 0

    public init(bytes: [UInt8], path: String) throws(Failure) {
        try self.init(source: ByteChunks(bytes: bytes), path: path)
    }

    public init(source: ByteChunks, path: String) throws(Failure) {
        self.source = source
        self.path = path
        // enough bytes to see the header line
        while !eof, !bytes.contains(10) { refill() }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3; lineStart = 3 }
        delimiter = CSVReader.detectDelimiter(bytes[i...])
    }

    mutating func refill() {
        if let chunk = source.next() { bytes += chunk } else { eof = true }
    }

    /// Drops the bytes before `keep` (a record start) so memory holds about one chunk.
    mutating func compact(keeping keep: Int) {
        guard keep > ByteChunks.chunkSize / 2 else { return }
        bytes.removeFirst(keep)
        dropped += keep
        i -= keep
        lineStart -= keep
    }

    static func detectDelimiter(_ bytes: ArraySlice<UInt8>) -> UInt8 {
        var counts: [UInt8: Int] = [44: 0, 59: 0, 9: 0]
        var quoted = false
        for b in bytes {
            if b == 34 { quoted.toggle(); continue }
            if quoted { continue }
            if b == 10 { break }
            if counts[b] != nil { counts[b]! += 1 }
        }
        let best = counts.max { a, b in a.value < b.value || (a.value == b.value && a.key < b.key) }!
        return best.value == 0 ? 44 : best.key
    }

    func column(at p: Int) -> Int {
        var col = 1
        var k = lineStart
        while k < p { if bytes[k] & 0xC0 != 0x80 { col += 1 }; k += 1 }
        return col
    }

    enum Step { case record([CSVField]), needMore, end }

    /// The next record, or nil at the end. Blank lines are skipped.
    public mutating func next() throws(Failure) -> [CSVField]? {
        while true {
            let saved = (i, line, lineStart)
            switch try parseRecord() {
            case .record(let r): return r
            case .end: return nil
            case .needMore:
                (i, line, lineStart) = saved
                compact(keeping: i)
                refill()
            }
        }
    }

    mutating func parseRecord() throws(Failure) -> Step {
        while true {
            if i >= bytes.count { return eof ? .end : .needMore }
            guard bytes[i] == 10 || bytes[i] == 13 else { break }
            if bytes[i] == 10 { line += 1; lineStart = i + 1 }
            i += 1
        }
        var fields: [CSVField] = []
        while true {
            let fieldLine = line, fieldCol = column(at: i)
            let text: String
            if i < bytes.count, bytes[i] == 34 {
                let open = i
                i += 1
                var buf: [UInt8] = []
                var closed = false
                while true {
                    if i >= bytes.count {
                        if !eof { return .needMore }
                        break
                    }
                    let b = bytes[i]
                    if b == 34 {
                        if i + 1 >= bytes.count, !eof { return .needMore }
                        if i + 1 < bytes.count, bytes[i + 1] == 34 { buf.append(34); i += 2; continue }
                        i += 1
                        closed = true
                        break
                    }
                    if b == 10 { line += 1; lineStart = i + 1 }
                    if b != 13 || i + 1 >= bytes.count || bytes[i + 1] != 10 { buf.append(b) }
                    i += 1
                }
                if !closed {
                    throw Failure(.csvUnterminatedQuote, at: SourceLocation(path: path, line: fieldLine, column: fieldCol))
                }
                text = try string(buf[...], start: open + 1, line: fieldLine)
                while i < bytes.count, bytes[i] == 32 { i += 1 }
            } else {
                let start = i
                while i < bytes.count, bytes[i] != delimiter, bytes[i] != 10, bytes[i] != 13 { i += 1 }
                if i >= bytes.count, !eof { return .needMore }
                text = try string(bytes[start..<i], start: start, line: fieldLine)
            }
            fields.append(CSVField(text: text, line: fieldLine, column: fieldCol))
            if i >= bytes.count, !eof { return .needMore }
            if i < bytes.count, bytes[i] == delimiter { i += 1; continue }
            if i < bytes.count, bytes[i] == 13 {
                if i + 1 >= bytes.count, !eof { return .needMore }
                i += 1
            }
            if i < bytes.count, bytes[i] == 10 { i += 1; line += 1; lineStart = i }
            return .record(fields)
        }
    }

    /// Decodes a field; invalid UTF-8 is an error at its byte (column in bytes, as SPEC §2.1 says).
    func string(_ field: ArraySlice<UInt8>, start: Int, line: Int) throws(Failure) -> String {
        var ascii = true
        for b in field where b >= 0x80 { ascii = false; break }
        if ascii { return String(decoding: field, as: UTF8.self) }
        if let bad = TextFile.firstInvalidUTF8(field) {
            // offsets inside a quoted field's buffer are approximate only when the field held doubled quotes
            let absolute = start + (bad - field.startIndex)
            var ln = line, col = 1
            for k in lineStart..<min(absolute, bytes.count) where k >= 0 {
                if bytes[k] == 10 { ln += 1; col = 1 } else { col += 1 }
            }
            throw Failure(.invalidUTF8(offset: dropped + absolute), at: SourceLocation(path: path, line: ln, column: col))
        }
        return String(decoding: field, as: UTF8.self).nfc
    }
}

/// A CSV table read by header name: checks required and known columns, one row at a time.
public struct CSVTable {
    public var reader: CSVReader
    public let columns: [String: Int]
    public let headerCount: Int
    let path: String

    public init(bytes: [UInt8], path: String, required: [String], known: [String]) throws(Failure) {
        try self.init(reader: CSVReader(bytes: bytes, path: path), path: path, required: required, known: known)
    }

    public init(reader: CSVReader, path: String, required: [String], known: [String]) throws(Failure) {
        self.reader = reader
        self.path = path
        guard let header = try self.reader.next() else { throw Failure(.csvEmpty, at: SourceLocation(path: path, line: 1, column: 1)) }
        var columns: [String: Int] = [:]
        var problems: [Diagnostic] = []
        for (n, f) in header.enumerated() {
            let name = f.text.trimmingSpaces.lowercased()
            let at = SourceLocation(path: path, line: f.line, column: f.column)
            if !known.contains(name) {
                problems.append(.error(.csvUnknownColumn(name, suggestion: closest(to: name, in: known)), at: at))
            } else if columns[name] != nil {
                problems.append(.error(.csvDuplicateColumn(name), at: at))
            } else {
                columns[name] = n
            }
        }
        for r in required where columns[r] == nil {
            problems.append(.error(.csvMissingColumn(r), at: SourceLocation(path: path, line: 1, column: 1)))
        }
        if !problems.isEmpty { throw Failure(problems) }
        self.columns = columns
        self.headerCount = header.count
    }

    /// The next row as fields by column name, or nil at the end; a row with a wrong field count is an error.
    public mutating func next() throws(Failure) -> CSVRow? {
        while true {
            guard let fields = try reader.next() else { return nil }
            if fields.count == headerCount { return CSVRow(fields: fields, columns: columns, path: path) }
            if fields.count == 1, fields[0].text.isEmpty { continue }  // a blank line
            throw Failure(.csvFieldCount(expected: headerCount, got: fields.count),
                          at: SourceLocation(path: path, line: fields[0].line, column: 1))
        }
    }
}

public struct CSVRow {
    let fields: [CSVField]
    let columns: [String: Int]
    let path: String
    public var line: Int { fields[0].line }
    public func text(_ column: String) -> String? { text(at: columns[column]) }
    public func location(_ column: String) -> SourceLocation { location(at: columns[column]) }
    /// By column index (resolve names once with `CSVTable.columns` in hot loops).
    public func text(at n: Int?) -> String? {
        guard let n else { return nil }
        let t = fields[n].text.trimmingSpaces
        return t.isEmpty ? nil : t
    }
    public func location(at n: Int?) -> SourceLocation {
        guard let n else { return SourceLocation(path: path, line: line, column: 1) }
        return SourceLocation(path: path, line: fields[n].line, column: fields[n].column)
    }
}

extension String {
    var trimmingSpaces: String {
        guard let f = utf8.first, let l = utf8.last, f == 32 || f == 9 || l == 32 || l == 9 else { return self }
        var s = Substring(self)
        while let c = s.first, c == " " || c == "\t" { s = s.dropFirst() }
        while let c = s.last, c == " " || c == "\t" { s = s.dropLast() }
        return String(s)
    }
}
