import LoaCore

/// One CSV field with where it starts.
public struct CSVField: Sendable {
    public let text: String
    public let line: Int
    public let column: Int
}

/// A streaming RFC 4180 reader over UTF-8 bytes: quoted fields may hold delimiters, quotes and newlines.
/// The delimiter (comma, semicolon or tab) is detected from the header line.
public struct CSVReader {
    let bytes: [UInt8]
    let path: String
    public let delimiter: UInt8
    var i: Int
    var line = 1
    var lineStart: Int

    public init(bytes: [UInt8], path: String) throws(Failure) {
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        if let bad = TextFile.firstInvalidUTF8(bytes[start...]) {
            var line = 1, col = 1
            for b in bytes[..<bad] { if b == 10 { line += 1; col = 1 } else { col += 1 } }
            throw Failure(.invalidUTF8(offset: bad), at: SourceLocation(path: path, line: line, column: col))
        }
        self.bytes = bytes
        self.path = path
        self.i = start
        self.lineStart = start
        self.delimiter = CSVReader.detectDelimiter(bytes[start...])
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

    /// The next record, or nil at the end. Blank lines are skipped.
    public mutating func next() throws(Failure) -> [CSVField]? {
        while i < bytes.count, bytes[i] == 10 || bytes[i] == 13 {
            if bytes[i] == 10 { line += 1; lineStart = i + 1 }
            i += 1
        }
        guard i < bytes.count else { return nil }
        var fields: [CSVField] = []
        while true {
            let fieldLine = line, fieldCol = column(at: i)
            var text: String
            if i < bytes.count, bytes[i] == 34 {
                let open = i
                i += 1
                var buf: [UInt8] = []
                var closed = false
                while i < bytes.count {
                    let b = bytes[i]
                    if b == 34 {
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
                _ = open
                text = CSVReader.string(buf[...])
                // tolerate spaces between the closing quote and the delimiter
                while i < bytes.count, bytes[i] == 32 { i += 1 }
            } else {
                let start = i
                while i < bytes.count, bytes[i] != delimiter, bytes[i] != 10, bytes[i] != 13 { i += 1 }
                text = CSVReader.string(bytes[start..<i])
            }
            fields.append(CSVField(text: text, line: fieldLine, column: fieldCol))
            if i < bytes.count, bytes[i] == delimiter { i += 1; continue }
            if i < bytes.count, bytes[i] == 13 { i += 1 }
            if i < bytes.count, bytes[i] == 10 { i += 1; line += 1; lineStart = i }
            return fields
        }
    }

    static func string(_ bytes: ArraySlice<UInt8>) -> String {
        let s = String(decoding: bytes, as: UTF8.self)
        return bytes.allSatisfy({ $0 < 0x80 }) ? s : s.nfc
    }
}

/// A CSV table read by header name: checks required and known columns, one row at a time.
public struct CSVTable {
    public var reader: CSVReader
    public let columns: [String: Int]
    public let headerCount: Int
    let path: String

    public init(bytes: [UInt8], path: String, required: [String], known: [String]) throws(Failure) {
        reader = try CSVReader(bytes: bytes, path: path)
        self.path = path
        guard let header = try reader.next() else { throw Failure(.csvEmpty, at: SourceLocation(path: path, line: 1, column: 1)) }
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
        guard let fields = try reader.next() else { return nil }
        if fields.count != headerCount {
            // a single empty field is a blank line
            if fields.count == 1, fields[0].text.isEmpty { return try next() }
            throw Failure(.csvFieldCount(expected: headerCount, got: fields.count),
                          at: SourceLocation(path: path, line: fields[0].line, column: 1))
        }
        return CSVRow(fields: fields, columns: columns, path: path)
    }
}

public struct CSVRow {
    let fields: [CSVField]
    let columns: [String: Int]
    let path: String
    public var line: Int { fields[0].line }
    public func text(_ column: String) -> String? {
        guard let n = columns[column] else { return nil }
        let t = fields[n].text.trimmingSpaces
        return t.isEmpty ? nil : t
    }
    public func location(_ column: String) -> SourceLocation {
        guard let n = columns[column] else { return SourceLocation(path: path, line: line, column: 1) }
        return SourceLocation(path: path, line: fields[n].line, column: fields[n].column)
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
}
