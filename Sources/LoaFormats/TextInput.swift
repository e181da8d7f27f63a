import Foundation
import LoaCore

/// A text file decoded as Loa reads every input: size checked, UTF-8 checked, control characters refused,
/// BOM dropped, NFC, lines split on LF or CRLF.
public struct TextFile: Sendable {
    public let path: String
    public let text: String
    /// Lines without their terminators; line N of the file is `lines[N-1]`.
    public let lines: [Substring]

    /// The largest text file Loa reads (plan, channels, items, report forms, calendars): 1 MiB.
    /// The shipped plan is 7 KB and a filled report form 1–2 KB, so a megabyte is hundreds of times
    /// what a person writes, while parsing it stays well under a second.
    public static let maxBytes = 1 << 20
    /// The largest file `readBytes` loads into memory by default: 64 MiB. It also reads `units.csv`, which for a
    /// large federation runs to megabytes; activity tables are streamed and have no total limit.
    public static let maxReadBytes = 64 << 20

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

    /// The lines in `range` joined by LF: one slice of the text when it holds no CR (no line then lost one).
    public func joinedLines(_ range: Range<Int>) -> String {
        let chosen = lines[range]
        guard let head = chosen.first, let tail = chosen.last else { return "" }
        if text.utf8.contains(13) { return chosen.joined(separator: "\n") }
        return String(text[head.startIndex..<tail.endIndex])
    }

    /// Decodes bytes: more than `limit` bytes is an error, invalid UTF-8 is
    /// `path:line:col: invalid UTF-8 (byte offset N)` (column in bytes), and a control character other than
    /// TAB, LF and CR (C0, DEL, C1) is `path:line:col: control character U+001B` (column in characters).
    public static func decode(_ bytes: [UInt8], path: String, limit: Int = maxBytes) throws(Failure) -> TextFile {
        if bytes.count > limit {
            throw Failure(.fileTooLarge(size: bytes.count, limit: limit),
                          at: SourceLocation(path: path, line: 1, column: 1))
        }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if let bad = firstInvalidUTF8(body) {
            var line = 1, col = 1
            for b in bytes[..<bad] {
                if b == UInt8(ascii: "\n") { line += 1; col = 1 } else { col += 1 }
            }
            throw Failure(.invalidUTF8(offset: bad), at: SourceLocation(path: path, line: line, column: col))
        }
        if let bad = firstControlCharacter(body) {
            throw Failure(.controlCharacter(bad.scalar), at: position(of: bad.offset, in: body, path: path))
        }
        let raw = String(decoding: body, as: UTF8.self)
        return TextFile(path: path, text: isStableInNFC(body) ? raw : raw.nfc)
    }

    /// Reads and decodes a file; errors name it as `shown` (the path as the user wrote it), when given.
    public static func read(_ path: String, shownAs shown: String? = nil,
                            limit: Int = maxBytes) throws(Failure) -> TextFile {
        try decode(try readBytes(path, shownAs: shown, limit: limit), path: shown ?? path)
    }

    /// The bytes of a regular file of at most `limit` bytes. A folder, device or pipe is refused without
    /// reading from it (exit 66: there is no input file to read), so `/dev/zero` or a FIFO never hangs Loa.
    public static func readBytes(_ path: String, shownAs shown: String? = nil,
                                 limit: Int = maxReadBytes) throws(Failure) -> [UInt8] {
        let file = try RegularFile(path: path)
        if file.size > limit {
            throw Failure(.fileTooLarge(size: file.size, limit: limit),
                          at: SourceLocation(path: shown ?? path, line: 1, column: 1))
        }
        // one buffer of the file's size and a byte more, so that a small file takes one `read` and the next
        // one tells its end; the size can lie (files in /proc say 0, a file can grow): read to the end, never
        // past the limit
        var capacity = file.size + 1
        var bytes = [UInt8](repeating: 0, count: capacity)
        var count = 0
        while true {
            let n = bytes.withUnsafeMutableBytes {
                Glibc.read(file.descriptor, $0.baseAddress! + count, capacity - count)
            }
            if n < 0, errno == EINTR { continue }
            guard n >= 0 else {
                let reason = String(cString: strerror(errno))
                throw Failure(.fileUnreadable(path, reason: reason), exitCode: ExitCode.ioError)
            }
            if n == 0 { break }
            count += n
            if count > limit {
                throw Failure(.fileTooLarge(size: nil, limit: limit),
                              at: SourceLocation(path: shown ?? path, line: 1, column: 1))
            }
            if count == capacity {
                capacity = min(capacity * 2, limit + 1)
                bytes += [UInt8](repeating: 0, count: capacity - bytes.count)
            }
        }
        bytes.removeLast(bytes.count - count)
        return bytes
    }

    /// Whether every scalar of valid UTF-8 is `isStableInNFC`, so that `nfc` leaves the text as it is: read from
    /// the bytes, without decoding scalars.
    static func isStableInNFC(_ bytes: ArraySlice<UInt8>) -> Bool {
        var i = bytes.startIndex
        let end = bytes.endIndex
        while i < end {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            if b >= 0xC2, b <= 0xCB { i += 2; continue }  // U+0080–U+02FF
            guard i + 2 < end else { return false }
            let b1 = bytes[i + 1], b2 = bytes[i + 2]
            switch (b, b1) {
            case (0xE1, 0xBA): guard b2 >= 0xA0 else { return false }  // U+1EA0–U+1EBF
            case (0xE1, 0xBB): guard b2 <= 0xB9 else { return false }  // U+1EC0–U+1EF9
            case (0xE2, 0x80): guard b2 >= 0x82 else { return false }  // U+2002–U+203F
            case (0xE2, 0x81): guard b2 <= 0xAF else { return false }  // U+2040–U+206F
            case (0xE2, 0x82): guard b2 == 0xAB else { return false }  // U+20AB
            default: return false
            }
            i += 3
        }
        return true
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

    /// The first control character in valid UTF-8 other than TAB, LF and CR: C0, DEL, or C1 (U+0080–U+009F,
    /// encoded C2 80–C2 9F). NUL and ESC are among them. Returns its absolute offset and its code point.
    static func firstControlCharacter(_ bytes: ArraySlice<UInt8>) -> (offset: Int, scalar: UInt32)? {
        var i = bytes.startIndex
        let end = bytes.endIndex
        while i < end {
            let b = bytes[i]
            if b < 0x20, b != 9, b != 10, b != 13 { return (i, UInt32(b)) }
            if b == 0x7F { return (i, 0x7F) }
            if b == 0xC2, i + 1 < end, (0x80...0x9F).contains(bytes[i + 1]) { return (i, UInt32(bytes[i + 1])) }
            i += 1
        }
        return nil
    }

    /// The line and column (in characters) of byte `offset` of valid UTF-8 text starting at `bytes.startIndex`.
    static func position(of offset: Int, in bytes: ArraySlice<UInt8>, path: String) -> SourceLocation {
        var line = 1, col = 1
        var k = bytes.startIndex
        while k < offset, k < bytes.endIndex {
            let b = bytes[k]
            if b == 10 { line += 1; col = 1 } else if b & 0xC0 != 0x80 { col += 1 }
            k += 1
        }
        return SourceLocation(path: path, line: line, column: col)
    }
}

/// An open regular file, read with plain system calls. Opening never blocks (a FIFO without a writer
/// would), and anything but a regular file is refused before a byte is read.
final class RegularFile {
    let descriptor: Int32
    let size: Int
    let path: String

    init(path: String) throws(Failure) {
        self.path = path
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            switch code {
            case ENOENT, ENOTDIR: throw Failure(.fileMissing(path), exitCode: ExitCode.noInput)
            case EACCES, EPERM:
                throw Failure(.fileUnreadable(path, reason: "permission denied"), exitCode: ExitCode.ioError)
            default:
                let reason = String(cString: strerror(code))
                throw Failure(.fileUnreadable(path, reason: reason), exitCode: ExitCode.ioError)
            }
        }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            close(fd)
            throw Failure(.notRegularFile(path), exitCode: ExitCode.noInput)
        }
        // a regular file ignores O_NONBLOCK: reads behave as usual with it set, and two system calls are saved
        descriptor = fd
        size = Int(info.st_size)
    }

    deinit { close(descriptor) }

    /// Up to `count` bytes, or nil at the end of the file.
    func read(upTo count: Int) throws(Failure) -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: count)
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, count) }
            if n < 0, errno == EINTR { continue }
            guard n >= 0 else {
                let reason = String(cString: strerror(errno))
                throw Failure(.fileUnreadable(path, reason: reason), exitCode: ExitCode.ioError)
            }
            if n == 0 { return nil }
            buffer.removeLast(count - n)
            return buffer
        }
    }
}

extension String {
    /// Text as Loa stores and compares it: Unicode NFC.
    /// Text whose every scalar is known to be NFC as it stands (ASCII, Latin-1 and Latin Extended letters,
    /// precomposed Vietnamese, general punctuation) is returned unchanged. Other text is normalised in pieces
    /// of about a kilobyte, cut before such a scalar (where composition cannot reach across the cut),
    /// because Foundation's normalisation is quadratic on long strings.
    public var nfc: String {
        guard unicodeScalars.contains(where: { !$0.isStableInNFC }) else { return self }
        var out = ""
        var piece = String.UnicodeScalarView()
        var size = 0
        for s in unicodeScalars {
            if size >= 1024, s.isStableInNFC {
                out += String(piece).precomposedStringWithCanonicalMapping
                piece = String.UnicodeScalarView()
                size = 0
            }
            piece.append(s)
            size += 1
        }
        out += String(piece).precomposedStringWithCanonicalMapping
        return out
    }
}

extension Unicode.Scalar {
    /// Scalars that NFC leaves alone and that never combine with what precedes them
    /// (U+2000 and U+2001 are not among them: NFC maps them to U+2002 and U+2003).
    var isStableInNFC: Bool {
        switch value {
        case 0..<0x0300, 0x1EA0...0x1EF9, 0x2002...0x206F, 0x20AB: return true
        default: return false
        }
    }
}

extension String {
    /// The text with its control characters made visible as `\u{1B}`: C0 controls, DEL and the C1 range, which a
    /// terminal, a spreadsheet or a browser may act on. Tab and line breaks stay when `keepingLayout` is true.
    /// Recorded text is checked at input; this guards output from databases written before those checks.
    public func controlsMadeVisible(keepingLayout: Bool) -> String {
        func hidden(_ u: Unicode.Scalar) -> Bool {
            (u.value < 0x20 && !(keepingLayout && (u == "\t" || u == "\n" || u == "\r")))
                || (0x7F...0x9F).contains(u.value)
        }
        // C1 controls are the only scalars encoded with a 0xC2 lead byte followed by 0x80–0x9F
        guard utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 }), unicodeScalars.contains(where: hidden)
        else { return self }
        var out = String.UnicodeScalarView()
        for u in unicodeScalars {
            guard hidden(u) else { out.append(u); continue }
            out.append(contentsOf: "\\u{\(String(u.value, radix: 16, uppercase: true))}".unicodeScalars)
        }
        return String(out)
    }
}
