import Foundation
import LoaCore

/// A text file decoded as Loa reads every input: UTF-8 checked, BOM dropped, NFC, lines split on LF or CRLF.
public struct TextFile: Sendable {
    public let path: String
    public let text: String
    /// Lines without their terminators; line N of the file is `lines[N-1]`.
    public let lines: [Substring]

    public init(path: String, text: String) {
        self.path = path
        self.text = text
        var lines: [Substring] = []
        var start = text.startIndex
        let utf8 = text.utf8
        var i = utf8.startIndex
        while i != utf8.endIndex {
            if utf8[i] == UInt8(ascii: "\n") {
                var end = i
                if end > start, utf8[utf8.index(before: end)] == UInt8(ascii: "\r") { end = utf8.index(before: end) }
                lines.append(text[start..<end])
                start = utf8.index(after: i)
            }
            i = utf8.index(after: i)
        }
        if start != text.endIndex {
            var end = text.endIndex
            if utf8[utf8.index(before: end)] == UInt8(ascii: "\r") { end = utf8.index(before: end) }
            lines.append(text[start..<end])
        }
        self.lines = lines
    }

    /// Decodes bytes, failing with `path:line:col: invalid UTF-8 (byte offset N)` (column in bytes).
    public static func decode(_ bytes: [UInt8], path: String) throws(Failure) -> TextFile {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if let bad = firstInvalidUTF8(body) {
            var line = 1, col = 1
            for b in bytes[..<bad] {
                if b == UInt8(ascii: "\n") { line += 1; col = 1 } else { col += 1 }
            }
            throw Failure(.invalidUTF8(offset: bad), at: SourceLocation(path: path, line: line, column: col))
        }
        let raw = String(decoding: body, as: UTF8.self)
        let ascii = body.allSatisfy { $0 < 0x80 }
        return TextFile(path: path, text: ascii ? raw : raw.nfc)
    }

    public static func read(_ path: String) throws(Failure) -> TextFile {
        try decode(try readBytes(path), path: path)
    }

    public static func readBytes(_ path: String) throws(Failure) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            if FileManager.default.fileExists(atPath: path) {
                throw Failure(.fileUnreadable(path, reason: "permission denied"), exitCode: ExitCode.ioError)
            }
            throw Failure(.fileMissing(path), exitCode: ExitCode.noInput)
        }
        return [UInt8](data)
    }

    /// The absolute byte offset of the first byte that breaks UTF-8, if any.
    static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int? {
        var i = bytes.startIndex
        let end = bytes.endIndex
        while i < end {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let need: Int
            var minCode: UInt32
            var code: UInt32
            switch b {
            case 0xC2...0xDF: need = 1; code = UInt32(b & 0x1F); minCode = 0x80
            case 0xE0...0xEF: need = 2; code = UInt32(b & 0x0F); minCode = 0x800
            case 0xF0...0xF4: need = 3; code = UInt32(b & 0x07); minCode = 0x10000
            default: return i
            }
            var j = i + 1
            for _ in 0..<need {
                guard j < end, bytes[j] & 0xC0 == 0x80 else { return i }
                code = code << 6 | UInt32(bytes[j] & 0x3F)
                j += 1
            }
            if code < minCode || code > 0x10FFFF || (0xD800...0xDFFF).contains(code) { return i }
            i = j
        }
        return nil
    }
}

extension String {
    /// Text as Loa stores and compares it: Unicode NFC.
    /// Foundation's normalisation is slow, so text whose every scalar is known to be NFC as it stands
    /// (ASCII, Latin-1 and Latin Extended letters, precomposed Vietnamese, general punctuation) is returned unchanged.
    public var nfc: String {
        for s in unicodeScalars {
            switch s.value {
            case 0..<0x0300, 0x1EA0...0x1EF9, 0x2000...0x206F, 0x20AB: continue
            default: return precomposedStringWithCanonicalMapping
            }
        }
        return self
    }
}
