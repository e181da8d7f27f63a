import Foundation
import LoaCore

/// One CSV field with where it starts, and whether it was quoted (a quoted field's text is kept exactly as
/// written, spaces included, as RFC 4180 says; an unquoted field may be trimmed by its reader).
public struct CSVField: Sendable {
    public let text: String
    public let line: Int
    public let column: Int
    public let quoted: Bool
}

/// Where a CSV reader's bytes come from: all at once, or a file read in chunks so memory stays bounded.
public final class ByteChunks {
    let file: RegularFile?
    var pending: [UInt8]?
    public static let chunkSize = 1 << 20
    /// How many bytes were handed out so far, and how many there are in all (for a progress bar).
    public private(set) var consumed = 0
    public var total: Int { file?.size ?? pending?.count ?? consumed }

    public init(bytes: [UInt8]) { file = nil; pending = bytes }
    /// Opens a regular file; a folder, device or pipe is refused before anything is read.
    public init(path: String) throws(Failure) { file = try RegularFile(path: path) }

    /// The next chunk, or nil at the end.
    func next() throws(Failure) -> [UInt8]? {
        if let p = pending { pending = nil; consumed += p.count; return p.isEmpty ? nil : p }
        let chunk = try file?.read(upTo: ByteChunks.chunkSize)
        consumed += chunk?.count ?? 0
        return chunk
    }
}

/// A streaming RFC 4180 reader over UTF-8 bytes: quoted fields may hold delimiters, quotes and newlines.
/// The delimiter (comma, semicolon or tab) is detected from the header line. Input arrives in chunks;
/// a record cut by a chunk's end is parsed again once the next chunk is in. Work is linear in the input:
/// columns are counted incrementally, and fields, rows and field counts have limits.
public struct CSVReader {
    /// The longest field: 64 KiB, thirty times the longest activity title anyone writes.
    public static let maxFieldBytes = 64 << 10
    /// The most fields in a row: activity tables have 7 columns and unit lists 7.
    public static let maxFields = 1_000
    /// The longest row (record), quoted line breaks included: 1 MiB, as for a whole text file.
    public static let maxRowBytes = 1 << 20

    let source: ByteChunks
    let path: String
    public private(set) var delimiter: UInt8 = 44
    var bytes: [UInt8] = []
    var eof = false
    var dropped = 0          // bytes discarded before `bytes[0]`, for absolute offsets
    var i = 0
    var line = 1
    var lineStart = 0
    var columnMark = (offset: 0, column: 1)   // a known column on the current line, so counting resumes there

    public init(bytes: [UInt8], path: String) throws(Failure) {
        try self.init(source: ByteChunks(bytes: bytes), path: path)
    }

    public init(source: ByteChunks, path: String) throws(Failure) {
        self.source = source
        self.path = path
        // enough bytes to see the header line (or as much of it as a row may hold)
        var scanned = 0
        while !eof, !bytes[scanned...].contains(10), bytes.count <= CSVReader.maxRowBytes {
            scanned = bytes.count
            try refill()
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3; lineStart = 3 }
        delimiter = CSVReader.detectDelimiter(bytes[i...])
    }

    mutating func refill() throws(Failure) {
        if let chunk = try source.next() { bytes += chunk } else { eof = true }
    }

    /// Drops the bytes before `keep` (a record start) so memory holds about one chunk.
    mutating func compact(keeping keep: Int) {
        guard keep > ByteChunks.chunkSize / 2 else { return }
        bytes.removeFirst(keep)
        dropped += keep
        i -= keep
        lineStart -= keep
        columnMark = (lineStart, 1)
    }

    static func detectDelimiter(_ bytes: ArraySlice<UInt8>) -> UInt8 {
        var comma = 0, semicolon = 0, tab = 0
        var quoted = false
        for b in bytes {
            if b == 34 { quoted.toggle(); continue }
            if quoted { continue }
            if b == 10 { break }
            if b == 44 { comma += 1 } else if b == 59 { semicolon += 1 } else if b == 9 { tab += 1 }
        }
        // the most frequent wins; a tie goes to semicolon, then comma, then tab
        if semicolon > 0, semicolon >= comma, semicolon >= tab { return 59 }
        if tab > comma, tab > semicolon { return 9 }
        return 44
    }

    /// The column (in characters) of byte `p` on the current line, counted on from the last column asked for.
    mutating func column(at p: Int) -> Int {
        if columnMark.offset < lineStart || columnMark.offset > p { columnMark = (lineStart, 1) }
        var col = columnMark.column
        var k = columnMark.offset
        while k < p { if bytes[k] & 0xC0 != 0x80 { col += 1 }; k += 1 }
        columnMark = (p, col)
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
                columnMark = (lineStart, 1)
                compact(keeping: i)
                try refill()
            }
        }
    }

    func location(_ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(path: path, line: line, column: column)
    }

    mutating func parseRecord() throws(Failure) -> Step {
        while true {
            if i >= bytes.count { return eof ? .end : .needMore }
            guard bytes[i] == 10 || bytes[i] == 13 else { break }
            if bytes[i] == 10 { line += 1; lineStart = i + 1 }
            i += 1
        }
        let recordStart = i, recordLine = line
        var fields: [CSVField] = []
        // both limits are checked at every byte, so the first error is the same however the input was cut
        func checkLengths(_ fieldStart: Int, _ at: SourceLocation) throws(Failure) {
            if i - fieldStart > CSVReader.maxFieldBytes {
                throw Failure(.csvFieldTooLong(limit: CSVReader.maxFieldBytes), at: at)
            }
            if i - recordStart > CSVReader.maxRowBytes {
                throw Failure(.csvRowTooLong(limit: CSVReader.maxRowBytes), at: location(recordLine, 1))
            }
        }
        while true {
            if fields.count == CSVReader.maxFields {
                throw Failure(.csvTooManyFields(limit: CSVReader.maxFields), at: location(line, column(at: i)))
            }
            let fieldLine = line, fieldLineStart = lineStart
            let at = location(fieldLine, column(at: i))
            let text: String
            let quoted = i < bytes.count && bytes[i] == 34
            if quoted {
                let open = i
                i += 1
                var buffer: [UInt8] = []
                var close: Int?
                while true {
                    if i >= bytes.count {
                        if !eof { return .needMore }
                        break
                    }
                    let b = bytes[i]
                    if b == 34 {
                        if i + 1 >= bytes.count, !eof { return .needMore }
                        if i + 1 < bytes.count, bytes[i + 1] == 34 {
                            buffer.append(34)
                            i += 2
                            try checkLengths(open, at)
                            continue
                        }
                        close = i
                        break
                    }
                    if b == 13, i + 1 >= bytes.count, !eof { return .needMore }
                    if b == 10 { line += 1; lineStart = i + 1 }
                    if b != 13 || i + 1 >= bytes.count || bytes[i + 1] != 10 { buffer.append(b) }
                    i += 1
                    try checkLengths(open, at)
                }
                guard let close else { throw Failure(.csvUnterminatedQuote, at: at) }
                i = close + 1
                text = try decode(bytes[(open + 1)..<close], as: buffer, line: fieldLine, lineStart: fieldLineStart)
                while i < bytes.count, bytes[i] == 32 { i += 1 }
                if i >= bytes.count, !eof { return .needMore }
                if i < bytes.count, bytes[i] != delimiter, bytes[i] != 10, bytes[i] != 13 {
                    throw Failure(.csvTextAfterQuote, at: location(line, column(at: i)))
                }
            } else {
                let start = i
                while i < bytes.count, bytes[i] != delimiter, bytes[i] != 10, bytes[i] != 13 {
                    i += 1
                    try checkLengths(start, at)
                }
                if i >= bytes.count, !eof { return .needMore }
                text = try decode(bytes[start..<i], as: nil, line: fieldLine, lineStart: fieldLineStart)
            }
            fields.append(CSVField(text: text, line: fieldLine, column: at.column, quoted: quoted))
            if i < bytes.count, bytes[i] == delimiter { i += 1; continue }
            if i < bytes.count, bytes[i] == 13 {
                if i + 1 >= bytes.count, !eof { return .needMore }
                i += 1
            }
            if i < bytes.count, bytes[i] == 10 { i += 1; line += 1; lineStart = i }
            return .record(fields)
        }
    }

    /// Decodes a field from its raw bytes (between the quotes, for a quoted field, whose unescaped text is
    /// `buffer`). Invalid UTF-8 is an error at its byte (column in bytes, as SPEC §2.1 says); a control character
    /// other than TAB, LF and CR is an error at its character. Doubled quotes and CRLF in the raw bytes are ASCII,
    /// so they change neither verdict, and positions are counted in the raw bytes.
    func decode(_ raw: ArraySlice<UInt8>, as buffer: [UInt8]?, line: Int, lineStart: Int) throws(Failure) -> String {
        var plain = true
        for b in raw where b >= 0x80 || b < 0x20 || b == 0x7F { plain = false; break }
        if plain { return buffer.map { String(decoding: $0, as: UTF8.self) } ?? String(decoding: raw, as: UTF8.self) }
        if let bad = TextFile.firstInvalidUTF8(raw) {
            throw Failure(.invalidUTF8(offset: dropped + bad),
                          at: position(of: bad, line: line, lineStart: lineStart, bytes: true))
        }
        if let bad = TextFile.firstControlCharacter(raw) {
            throw Failure(.controlCharacter(bad.scalar),
                          at: position(of: bad.offset, line: line, lineStart: lineStart, bytes: false))
        }
        let text = buffer.map { String(decoding: $0, as: UTF8.self) } ?? String(decoding: raw, as: UTF8.self)
        return text.nfc
    }

    /// The line and column of byte `offset`, counted from the start of the field's first line.
    func position(of offset: Int, line: Int, lineStart: Int, bytes inBytes: Bool) -> SourceLocation {
        var ln = line, col = 1
        var k = max(0, lineStart)
        while k < offset, k < bytes.count {
            if bytes[k] == 10 { ln += 1; col = 1 } else if inBytes || bytes[k] & 0xC0 != 0x80 { col += 1 }
            k += 1
        }
        return location(ln, col)
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
        guard let header = try self.reader.next()
            else { throw Failure(.csvEmpty, at: SourceLocation(path: path, line: 1, column: 1)) }
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

    /// Calls `body` with each row in turn; a row that cannot be read ends the table, and its problems are
    /// returned (what a reader of a whole small table, `units.csv` or `clusters.csv`, does).
    public mutating func forEachRow(_ body: (CSVRow) -> Void) -> [Diagnostic] {
        while true {
            do throws(Failure) {
                guard let row = try next() else { return [] }
                body(row)
            } catch {
                return error.diagnostics
            }
        }
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
    /// An unquoted field is trimmed of surrounding spaces; a quoted one is kept as written. Empty is nil.
    public func text(at n: Int?) -> String? {
        guard let n else { return nil }
        let t = fields[n].quoted ? fields[n].text : fields[n].text.trimmingSpaces
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
