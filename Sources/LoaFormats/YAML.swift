import LoaCore

/// A node of Loa's YAML subset: scalars stay text until the schema of their key gives them a type.
public indirect enum YAMLNode: Sendable {
    case scalar(String, SourceLocation)
    case sequence([YAMLNode], SourceLocation)
    case mapping([YAMLEntry], SourceLocation)

    public var location: SourceLocation {
        switch self {
        case .scalar(_, let l), .sequence(_, let l), .mapping(_, let l): return l
        }
    }
}

public struct YAMLEntry: Sendable {
    public let key: String
    public let keyLocation: SourceLocation
    public let value: YAMLNode
}

/// Parses the strict YAML subset of SPEC §2.2: block mappings and sequences, flow sequences of scalars,
/// plain, quoted and literal scalars, comments. Anchors, aliases, tags, flow mappings and tab indentation
/// are errors with their position.
///
/// Strict means that whatever it accepts, other YAML readers (PyYAML's `safe_load`) read as the same strings:
/// a plain scalar holding `": "` or starting with an indicator, a tab outside quotes, a lone CR and other
/// control characters are refused with a hint to quote. Plain and quoted scalars may continue on more
/// indented lines (a line break folds to a space, an empty line to `\n`), and `[ … ]` lists may span lines.
/// Work is linear in the input; nesting deeper than `maxDepth` is an error rather than a deep recursion.
public struct YAMLParser {
    /// The deepest nesting of block mappings and sequences. Loa's own files nest 8 levels at most.
    public static let maxDepth = 32
    /// The largest YAML text, in UTF-8 bytes: the same as any text file.
    public static let maxBytes = TextFile.maxBytes
    /// The longest key, in characters: PyYAML finds no key in a longer one, and Loa's keys are a few letters.
    public static let maxKeyLength = 1024

    struct Line {
        let start: Int     // offset of the line's first scalar in `text`
        let end: Int       // offset just past its last scalar
        let number: Int    // line number in the file
        var indent: Int    // leading spaces; moved past "- " when a sequence entry holds a node on the same line
    }

    enum Context { case block, key, flow }

    let path: String
    var text: [Unicode.Scalar] = []
    var lines: [Line] = []
    var index = 0

    /// Parses `lines` (already decoded and NFC), numbering them from `firstLine`.
    public static func parse(lines: some Sequence<Substring>, path: String,
                             firstLine: Int = 1) throws(Failure) -> YAMLNode? {
        var parser = YAMLParser(path: path)
        try parser.load(lines, firstLine: firstLine)
        return try parser.parseDocument()
    }

    public static func parse(_ file: TextFile) throws(Failure) -> YAMLNode? {
        try parse(lines: file.lines, path: file.path)
    }

    // MARK: - Lines and positions

    mutating func load(_ raw: some Sequence<Substring>, firstLine: Int) throws(Failure) {
        var number = firstLine - 1
        var size = 0
        for line in raw {
            number += 1
            size += line.utf8.count + 1
            if size > YAMLParser.maxBytes + 1 {
                throw Failure(.fileTooLarge(size: nil, limit: YAMLParser.maxBytes),
                              at: SourceLocation(path: path, line: number, column: 1))
            }
            let start = text.count
            var indent = 0, leading = true
            for s in line.unicodeScalars {
                // printable ASCII, most of a file, is never refused
                if s.value < 0x20 || s.value >= 0x7F, YAMLParser.isRefused(s) {
                    throw Failure(.controlCharacter(s.value),
                                  at: SourceLocation(path: path, line: number, column: text.count - start + 1))
                }
                if leading { if s == " " { indent += 1 } else { leading = false } }
                text.append(s)
            }
            lines.append(Line(start: start, end: text.count, number: number, indent: indent))
            if isDocumentMarker(lines.count - 1) {
                throw Failure(.yamlUnsupported("document markers (--- …)"),
                              at: SourceLocation(path: path, line: number, column: 1))
            }
        }
    }

    /// `---` or `...` at the start of a line: other readers end or start a document there, even inside quotes.
    func isDocumentMarker(_ l: Int) -> Bool {
        let line = lines[l]
        guard line.end - line.start >= 3 else { return false }
        let a = text[line.start]
        return (a == "-" || a == ".") && text[line.start + 1] == a && text[line.start + 2] == a
            && endsToken(l, line.start + 3)
    }

    /// Characters other YAML readers take for line breaks or refuse outright: C0 controls but TAB
    /// (a CR not followed by LF breaks a line there), DEL, C1, U+2028, U+2029, U+FFFE and U+FFFF.
    static func isRefused(_ s: Unicode.Scalar) -> Bool {
        (s.isControlOrLineBreak && s != "\t") || s.value == 0xFFFE || s.value == 0xFFFF
    }

    static func isWhite(_ s: Unicode.Scalar) -> Bool { s == " " || s == "\t" }

    func loc(_ l: Int, _ p: Int) -> SourceLocation {
        SourceLocation(path: path, line: lines[l].number, column: p - lines[l].start + 1)
    }

    /// Where the structure on line `l` starts.
    func content(_ l: Int) -> Int { lines[l].start + lines[l].indent }

    /// The text between offsets `a` and `b`, encoded as UTF-8 at once rather than scalar by scalar.
    func string(_ a: Int, _ b: Int) -> String {
        guard a < b else { return "" }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(b - a)
        appendUTF8(a, b, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the text between offsets `a` and `b` as UTF-8.
    func appendUTF8(_ a: Int, _ b: Int, to bytes: inout [UInt8]) {
        guard a < b else { return }
        for k in a..<b {
            let v = text[k].value
            if v < 0x80 {
                bytes.append(UInt8(truncatingIfNeeded: v))
            } else {
                UTF8.encode(text[k]) { bytes.append($0) }
            }
        }
    }

    /// Whether offset `p` on line `l` is the end of the line or white space: what must follow `:` or `-`
    /// for them to be YAML syntax.
    func endsToken(_ l: Int, _ p: Int) -> Bool { p >= lines[l].end || YAMLParser.isWhite(text[p]) }

    /// A short piece of line `l` from `p`, for messages.
    func excerpt(_ l: Int, _ p: Int) -> String {
        let end = lines[l].end
        return end - p > 40 ? string(p, p + 40) + "…" : string(p, end)
    }

    /// Moves past lines that hold only spaces or a comment. A tab before the content of a line (blank,
    /// comment or not) is indentation, which other YAML readers refuse.
    mutating func skipBlank() throws(Failure) {
        while index < lines.count {
            let line = lines[index]
            let c = content(index)
            var p = c
            while p < line.end, YAMLParser.isWhite(text[p]) { p += 1 }
            if p < line.end, text[p] != "#" {
                if text[c] == "\t" { throw Failure(.yamlTab, at: loc(index, c)) }
                return
            }
            if let tab = (c..<p).first(where: { text[$0] == "\t" }) { throw Failure(.yamlTab, at: loc(index, tab)) }
            index += 1
        }
    }

    // MARK: - Block structure

    mutating func parseDocument() throws(Failure) -> YAMLNode? {
        try skipBlank()
        guard index < lines.count else { return nil }
        guard isSequenceItem(index) || findKeySeparator(index) != nil else {
            throw Failure(.yamlExpectedKey, at: loc(index, content(index)))
        }
        let node = try parseBlock(indent: lines[index].indent, depth: 1)
        try skipBlank()
        if index < lines.count {
            throw Failure(.yamlBadIndent, at: loc(index, content(index)))
        }
        return node
    }

    func isSequenceItem(_ l: Int) -> Bool {
        let c = content(l)
        return c < lines[l].end && text[c] == "-" && endsToken(l, c + 1)
    }

    mutating func parseBlock(indent: Int, depth: Int) throws(Failure) -> YAMLNode {
        if isSequenceItem(index) { return try parseSequence(indent: indent, depth: depth) }
        return try parseMapping(indent: indent, depth: depth)
    }

    func checkDepth(_ depth: Int) throws(Failure) {
        if depth > YAMLParser.maxDepth {
            throw Failure(.yamlTooDeep(limit: YAMLParser.maxDepth), at: loc(index, content(index)))
        }
    }

    /// A value on the lines below its key or `-`, indented more than `parentIndent`.
    mutating func parseNested(parentIndent: Int, depth: Int) throws(Failure) -> YAMLNode {
        let l = index
        if isSequenceItem(l) || findKeySeparator(l) != nil {
            return try parseBlock(indent: lines[l].indent, depth: depth)
        }
        return try parseInlineValue(line: l, at: content(l), parentIndent: parentIndent)
    }

    mutating func parseSequence(indent: Int, depth: Int) throws(Failure) -> YAMLNode {
        try checkDepth(depth)
        var items: [YAMLNode] = []
        let start = loc(index, content(index))
        while true {
            try skipBlank()
            guard index < lines.count else { break }
            let l = index, line = lines[l]
            if line.indent < indent { break }
            if line.indent > indent { throw Failure(.yamlBadIndent, at: loc(l, content(l))) }
            guard isSequenceItem(l) else { break }
            let dash = content(l)
            let j = try skipSpaces(l, from: dash + 1)
            if j >= line.end || text[j] == "#" {
                index += 1
                try skipBlank()
                if index < lines.count, lines[index].indent > indent {
                    items.append(try parseNested(parentIndent: indent, depth: depth + 1))
                } else {
                    items.append(.scalar("", loc(l, dash)))
                }
            } else {
                // the rest of the line is a node of its own, indented at its column
                lines[l].indent = j - line.start
                if isSequenceItem(l) || findKeySeparator(l) != nil {
                    items.append(try parseBlock(indent: j - line.start, depth: depth + 1))
                } else {
                    items.append(try parseInlineValue(line: l, at: j, parentIndent: indent))
                }
            }
        }
        return .sequence(items, start)
    }

    /// The offset of the `:` that separates a key from its value, outside quotes, if line `l` is a mapping entry.
    func findKeySeparator(_ l: Int) -> Int? {
        let line = lines[l]
        let c = content(l)
        guard c < line.end else { return nil }
        if text[c] == "\"" || text[c] == "'" {
            guard let close = closingQuote(l, c) else { return nil }
            var p = close + 1
            while p < line.end, text[p] == " " { p += 1 }
            return p < line.end && text[p] == ":" && endsToken(l, p + 1) ? p : nil
        }
        if text[c] == "[" || text[c] == "{" { return nil }
        var p = c
        while p < line.end {
            if text[p] == ":", endsToken(l, p + 1) { return p }
            if text[p] == "#", p > c, YAMLParser.isWhite(text[p - 1]) { return nil }
            p += 1
        }
        return nil
    }

    /// The offset of the quote that closes the one at `p`, on the same line.
    func closingQuote(_ l: Int, _ p: Int) -> Int? {
        let q = text[p], end = lines[l].end
        var i = p + 1
        while i < end {
            if text[i] == "\\", q == "\"" { i += 2; continue }
            if text[i] == q {
                if q == "'", i + 1 < end, text[i + 1] == "'" { i += 2; continue }
                return i
            }
            i += 1
        }
        return nil
    }

    mutating func parseMapping(indent: Int, depth: Int) throws(Failure) -> YAMLNode {
        try checkDepth(depth)
        var entries: [YAMLEntry] = []
        var seen: Set<String> = []
        let start = loc(index, content(index))
        while true {
            try skipBlank()
            guard index < lines.count else { break }
            let l = index, line = lines[l]
            if line.indent < indent { break }
            let c = content(l)
            if line.indent > indent { throw Failure(.yamlBadIndent, at: loc(l, c)) }
            if isSequenceItem(l) { throw Failure(.yamlExpectedKey, at: loc(l, c)) }
            guard let colon = findKeySeparator(l) else { throw Failure(.yamlExpectedKey, at: loc(l, c)) }
            let keyLoc = loc(l, c)
            let key: String
            if text[c] == "\"" || text[c] == "'" {
                key = try parseQuoted(line: l, at: c, parentIndent: nil).value
            } else {
                try checkPlainStart(l, c, context: .key)
                var e = colon
                while e > c, text[e - 1] == " " { e -= 1 }
                if let tab = (c..<e).first(where: { text[$0] == "\t" }) {
                    throw Failure(.yamlTabOutsideQuotes, at: loc(l, tab))
                }
                key = string(c, e)
            }
            if key.unicodeScalars.count > YAMLParser.maxKeyLength {
                throw Failure(.yamlKeyTooLong(limit: YAMLParser.maxKeyLength), at: keyLoc)
            }
            // a few keys are compared one by one, more through a set
            let duplicate: Bool
            if entries.count < 16 {
                duplicate = entries.contains { $0.key == key }
            } else {
                if seen.isEmpty { seen = Set(entries.map(\.key)) }
                duplicate = !seen.insert(key).inserted
            }
            if duplicate { throw Failure(.yamlDuplicateKey(key), at: keyLoc) }
            let j = try skipSpaces(l, from: colon + 1)
            let value: YAMLNode
            if j >= line.end || text[j] == "#" {
                index += 1
                try skipBlank()
                if index < lines.count, lines[index].indent > indent {
                    value = try parseNested(parentIndent: indent, depth: depth + 1)
                } else if index < lines.count, lines[index].indent == indent, isSequenceItem(index) {
                    value = try parseSequence(indent: indent, depth: depth + 1)
                } else {
                    value = .scalar("", loc(l, colon))
                }
            } else {
                value = try parseInlineValue(line: l, at: j, parentIndent: indent)
            }
            entries.append(YAMLEntry(key: key, keyLocation: keyLoc, value: value))
        }
        return .mapping(entries, start)
    }

    /// Skips spaces on line `l`; a tab there is outside any scalar.
    func skipSpaces(_ l: Int, from p0: Int) throws(Failure) -> Int {
        var p = p0
        while p < lines[l].end {
            if text[p] == "\t" { throw Failure(.yamlTabOutsideQuotes, at: loc(l, p)) }
            guard text[p] == " " else { break }
            p += 1
        }
        return p
    }

    /// After a value: only spaces and a comment may follow on its last line.
    func expectEnd(_ l: Int, from j0: Int) throws(Failure) {
        let j = try skipSpaces(l, from: j0)
        guard j < lines[l].end else { return }
        if text[j] == "#", j > j0 { return }
        throw Failure(.yamlTrailing(excerpt(l, j)), at: loc(l, j))
    }

    // MARK: - Scalars

    /// A value that starts on line `l` at offset `p`; consumes its lines.
    mutating func parseInlineValue(line l: Int, at p: Int, parentIndent: Int) throws(Failure) -> YAMLNode {
        let location = loc(l, p)
        switch text[p] {
        case "\"", "'":
            let quoted = try parseQuoted(line: l, at: p, parentIndent: parentIndent)
            try expectEnd(quoted.line, from: quoted.end)
            index = quoted.line + 1
            return .scalar(quoted.value, location)
        case "[":
            let flow = try parseFlowSequence(line: l, at: p, parentIndent: parentIndent)
            try expectEnd(flow.line, from: flow.end)
            index = flow.line + 1
            return flow.node
        case "|":
            var j = p + 1
            var keep = false, strip = false
            if j < lines[l].end, text[j] == "-" {
                strip = true
                j += 1
            } else if j < lines[l].end, text[j] == "+" {
                keep = true
                j += 1
            }
            try expectEnd(l, from: j)
            index = l + 1
            return .scalar(try literalBlock(parentIndent: parentIndent, keep: keep, strip: strip), location)
        default:
            try checkPlainStart(l, p, context: .block)
            return .scalar(try parsePlain(line: l, at: p, parentIndent: parentIndent), location)
        }
    }

    /// Refuses a plain scalar (a key, a value or an item of a `[ … ]` list) that starts with a character
    /// YAML reads as syntax.
    func checkPlainStart(_ l: Int, _ p: Int, context: Context) throws(Failure) {
        let c = text[p]
        let at = loc(l, p)
        switch c {
        case "&": throw Failure(.yamlUnsupported("anchors"), at: at)
        case "*": throw Failure(.yamlUnsupported("aliases"), at: at)
        case "!": throw Failure(.yamlUnsupported("tags"), at: at)
        case "{": throw Failure(.yamlUnsupported("flow mappings"), at: at)
        case ">": throw Failure(.yamlUnsupported("folded scalars (>)"), at: at)
        case "-", "?", ":":
            // "-x", "?x" and ":x" are text; followed by a space (or, in a list, by , [ ] { }) they are syntax
            var syntax = endsToken(l, p + 1)
            if context == .flow {
                if c != "-" { syntax = true }
                if p + 1 < lines[l].end, ",[]{}".unicodeScalars.contains(text[p + 1]) { syntax = true }
            }
            if syntax { throw Failure(.yamlPlainIndicator(String(c), suggestion: suggestion(l, p, context)), at: at) }
        case ",", "]", "}", "#", "|", "[", "%", "@", "`", "\"", "'":
            throw Failure(.yamlPlainIndicator(String(c), suggestion: suggestion(l, p, context)), at: at)
        default: return
        }
    }

    /// The plain text from `p` to the end of its token on the line, in double quotes, as a hint.
    func suggestion(_ l: Int, _ p: Int, _ context: Context) -> String {
        let end = lines[l].end
        var e = p, q = p
        while q < end {
            let c = text[q]
            if context == .flow, c == "," || c == "]" { break }
            if c == "#", q > p, YAMLParser.isWhite(text[q - 1]) { break }
            q += 1
            if !YAMLParser.isWhite(c) { e = q }
        }
        var body = String.UnicodeScalarView()
        for s in text[p..<min(e, p + 60)] {
            if s == "\"" || s == "\\" { body.append("\\") }
            body.append(s)
        }
        return "\"" + String(body) + (e > p + 60 ? "…" : "") + "\""
    }

    /// A plain scalar from line `l`, continued on following lines indented more than `parentIndent`.
    mutating func parsePlain(line l: Int, at p: Int, parentIndent: Int) throws(Failure) -> String {
        let first = try scanPlain(l, from: p)
        var out: [UInt8] = []
        out.reserveCapacity(first.end - p)
        appendUTF8(p, first.end, to: &out)
        var last = l
        if !first.comment {
            var k = l + 1, empty = 0
            while k < lines.count {
                let line = lines[k]
                let c = line.start + line.indent
                if c == line.end { empty += 1; k += 1; continue }
                if text[c] == "\t" || line.indent <= parentIndent || text[c] == "#" { break }
                // a more indented line that reads as structure is a mistake, not more text
                let indicator = (text[c] == "?" || text[c] == ":") && endsToken(k, c + 1)
                if isSequenceItem(k) || findKeySeparator(k) != nil || indicator {
                    throw Failure(.yamlBadIndent, at: loc(k, c))
                }
                let more = try scanPlain(k, from: c)
                if empty == 0 { out.append(UInt8(ascii: " ")) } else {
                    for _ in 0..<empty { out.append(UInt8(ascii: "\n")) }
                }
                appendUTF8(c, more.end, to: &out)
                last = k
                empty = 0
                k += 1
                if more.comment { break }
            }
        }
        index = last + 1
        return String(decoding: out, as: UTF8.self)
    }

    /// The end of plain text on line `l` from `p` (trailing spaces dropped), and whether a comment ends it.
    func scanPlain(_ l: Int, from p: Int) throws(Failure) -> (end: Int, comment: Bool) {
        let lineEnd = lines[l].end
        var q = p, end = p
        while q < lineEnd {
            let c = text[q]
            if c == "\t" { throw Failure(.yamlTabOutsideQuotes, at: loc(l, q)) }
            if c == " " { q += 1; continue }
            if c == "#", q > p, text[q - 1] == " " { return (end, true) }
            if c == ":", endsToken(l, q + 1) {
                throw Failure(.yamlPlainColon(suggestion: suggestion(l, p, .block)), at: loc(l, q))
            }
            q += 1
            end = q
        }
        return (end, false)
    }

    /// A quoted scalar starting at `p` on line `l`. With a `parentIndent` it may continue on following lines
    /// indented more than that (YAML line folding: a line break is a space, each empty line a `\n`, white space
    /// around the break dropped, `\` at the end of a double-quoted line joins without a space); without one
    /// (a key) it must close on its line. Returns the value and where the closing quote ends.
    func parseQuoted(line l0: Int, at p: Int,
                     parentIndent: Int?) throws(Failure) -> (value: String, line: Int, end: Int) {
        let q = text[p]
        var out = String.UnicodeScalarView()
        var white = String.UnicodeScalarView()   // spaces and tabs as written: kept only if more text follows
        var normalise = false
        var l = l0, i = p + 1
        while true {
            let end = lines[l].end
            var escapedBreak = false
            while i < end {
                let c = text[i]
                if c == q {
                    out.append(contentsOf: white)
                    white = String.UnicodeScalarView()
                    if q == "'", i + 1 < end, text[i + 1] == "'" { out.append("'"); i += 2; continue }
                    let value = String(out)
                    return (normalise ? value.nfc : value, l, i + 1)
                }
                if YAMLParser.isWhite(c) { white.append(c); i += 1; continue }
                out.append(contentsOf: white)
                white = String.UnicodeScalarView()
                if c == "\\", q == "\"" {
                    if i + 1 == end { escapedBreak = true; i += 1; break }
                    let e = try escape(l, i)
                    out.append(e.scalar)
                    if e.numeric { normalise = true }
                    i += e.width
                    continue
                }
                out.append(c)
                i += 1
            }
            white = String.UnicodeScalarView()
            guard let parentIndent else { throw Failure(.yamlUnterminatedQuote, at: loc(l0, p)) }
            var empty = 0, k = l + 1
            while true {
                guard k < lines.count else { throw Failure(.yamlUnterminatedQuote, at: loc(l0, p)) }
                let line = lines[k]
                var f = line.start + line.indent
                while f < line.end, YAMLParser.isWhite(text[f]) { f += 1 }
                if f == line.end { empty += 1; k += 1; continue }
                if line.indent <= parentIndent {
                    let c = line.start + line.indent
                    if text[c] == "\t" { throw Failure(.yamlTab, at: loc(k, c)) }
                    // the next entry (a key or "-") means the quote was left open; other text closing the quote
                    // is a continuation that is not indented enough
                    if !isSequenceItem(k), findKeySeparator(k) == nil, hasQuote(k, q) {
                        throw Failure(.yamlQuotedIndent, at: loc(k, c))
                    }
                    throw Failure(.yamlUnterminatedQuote, at: loc(l0, p))
                }
                l = k
                i = f
                break
            }
            if escapedBreak || empty > 0 {
                for _ in 0..<empty { out.append("\n") }
            } else {
                out.append(" ")
            }
        }
    }

    func hasQuote(_ l: Int, _ q: Unicode.Scalar) -> Bool {
        var i = lines[l].start
        while i < lines[l].end {
            if text[i] == "\\", q == "\"" { i += 2; continue }
            if text[i] == q { return true }
            i += 1
        }
        return false
    }

    /// The escape sequence at `i` in a double-quoted scalar. Escapes that make control characters
    /// (`\0`, `\e`, `\r`, `\u001B` …) are refused like the characters themselves.
    func escape(_ l: Int, _ i: Int) throws(Failure) -> (scalar: Unicode.Scalar, width: Int, numeric: Bool) {
        let at = loc(l, i)
        let e = text[i + 1]
        switch e {
        case "\"", "\\", "/", " ": return (e, 2, false)
        case "n": return ("\n", 2, false)
        case "t", "\t": return ("\t", 2, false)
        case "_": return ("\u{A0}", 2, false)
        case "0": throw Failure(.controlCharacter(0), at: at)
        case "a": throw Failure(.controlCharacter(7), at: at)
        case "b": throw Failure(.controlCharacter(8), at: at)
        case "v": throw Failure(.controlCharacter(0x0B), at: at)
        case "f": throw Failure(.controlCharacter(0x0C), at: at)
        case "r": throw Failure(.controlCharacter(0x0D), at: at)
        case "e": throw Failure(.controlCharacter(0x1B), at: at)
        case "N": throw Failure(.controlCharacter(0x85), at: at)
        case "x", "u", "U":
            let width = e == "x" ? 2 : e == "u" ? 4 : 8
            guard i + 2 + width <= lines[l].end else { throw Failure(.yamlBadEscape(String(e)), at: at) }
            var v: UInt32 = 0
            for s in text[(i + 2)..<(i + 2 + width)] {
                guard let d = hexDigit(s) else {
                    throw Failure(.yamlBadEscape(String(e)), at: at)
                }
                v = v << 4 | d
            }
            guard let scalar = Unicode.Scalar(v) else { throw Failure(.yamlBadEscape(String(e)), at: at) }
            if YAMLParser.isRefused(scalar) && scalar != "\t" && scalar != "\n" {
                throw Failure(.controlCharacter(v), at: at)
            }
            return (scalar, 2 + width, true)
        default:
            throw Failure(.yamlBadEscape(String(e)), at: at)
        }
    }

    func hexDigit(_ s: Unicode.Scalar) -> UInt32? {
        switch s {
        case "0"..."9": return s.value - 48
        case "a"..."f": return s.value - 87
        case "A"..."F": return s.value - 55
        default: return nil
        }
    }

    /// The lines of a literal block (`|`) after its header, indented more than `parentIndent`.
    mutating func literalBlock(parentIndent: Int, keep: Bool, strip: Bool) throws(Failure) -> String {
        var collected: [String] = []
        var blockIndent: Int?
        var deepestLeadingBlank: (line: Int, spaces: Int)?
        while index < lines.count {
            let line = lines[index]
            if line.start + line.indent == line.end {
                // spaces only: an empty line, or spaces beyond the block's indentation, which are content
                if let b = blockIndent {
                    collected.append(line.indent > b ? String(repeating: " ", count: line.indent - b) : "")
                } else {
                    if line.indent > (deepestLeadingBlank?.spaces ?? 0) { deepestLeadingBlank = (index, line.indent) }
                    collected.append("")
                }
                index += 1
                continue
            }
            if blockIndent == nil {
                if line.indent <= parentIndent { break }
                if let d = deepestLeadingBlank, d.spaces > line.indent {
                    throw Failure(.yamlBadIndent, at: loc(d.line, lines[d.line].start + d.spaces))
                }
                blockIndent = line.indent
            }
            guard let b = blockIndent, line.indent >= b else { break }
            collected.append(string(line.start + b, line.end))
            index += 1
        }
        var trailing = 0
        while let last = collected.last, last.isEmpty { collected.removeLast(); trailing += 1 }
        var text = collected.joined(separator: "\n")
        if strip { return text }
        if !collected.isEmpty { text += "\n" }
        if keep { text += String(repeating: "\n", count: trailing) }
        return text
    }

    // MARK: - Flow sequences

    /// A `[ … ]` list of scalars starting at `p` on line `l0`; it may span lines indented more than
    /// `parentIndent`, with comments after its items. Returns it and where its `]` ends.
    func parseFlowSequence(line l0: Int, at p: Int,
                           parentIndent: Int) throws(Failure) -> (node: YAMLNode, line: Int, end: Int) {
        var items: [YAMLNode] = []
        var l = l0, i = p + 1

        // moves past spaces, comments and line breaks to the next token
        func skipSpace() throws(Failure) {
            while true {
                let line = lines[l]
                while i < line.end, text[i] == " " { i += 1 }
                if i < line.end {
                    if text[i] == "\t" { throw Failure(.yamlTabOutsideQuotes, at: loc(l, i)) }
                    if text[i] != "#" || (i > line.start && text[i - 1] != " ") { return }
                }
                l += 1
                guard l < lines.count else { throw Failure(.yamlUnterminatedFlow, at: loc(l0, p)) }
                let next = lines[l]
                let c = next.start + next.indent
                if c < next.end, text[c] == "\t" { throw Failure(.yamlTab, at: loc(l, c)) }
                if c < next.end, text[c] != "#", next.indent <= parentIndent {
                    // the next entry means the list was left open; a closing "]" means it is not indented enough
                    if !isSequenceItem(l), findKeySeparator(l) == nil, text[next.start..<next.end].contains("]") {
                        throw Failure(.yamlBadIndent, at: loc(l, c))
                    }
                    throw Failure(.yamlUnterminatedFlow, at: loc(l0, p))
                }
                i = c
            }
        }

        while true {
            try skipSpace()
            if text[i] == "]" { i += 1; break }
            let itemLine = l, start = i
            let value: String
            if text[i] == "[" { throw Failure(.yamlUnsupported("nested flow sequences"), at: loc(l, i)) }
            if text[i] == "\"" || text[i] == "'" {
                let quoted = try parseQuoted(line: l, at: i, parentIndent: parentIndent)
                value = quoted.value
                l = quoted.line
                i = quoted.end
            } else {
                try checkPlainStart(l, i, context: .flow)
                let end = lines[l].end
                var e = i
                scan: while i < end {
                    switch text[i] {
                    case ",", "]": break scan
                    case " ": i += 1; continue scan
                    case "\t": throw Failure(.yamlTabOutsideQuotes, at: loc(l, i))
                    case "#" where text[i - 1] == " ": break scan
                    case ":", "?", "[", "{", "}":
                        let hint = suggestion(l, start, .flow)
                        throw Failure(.yamlFlowCharacter(String(text[i]), suggestion: hint), at: loc(l, i))
                    default: i += 1; e = i
                    }
                }
                value = string(start, e)
            }
            items.append(.scalar(value, loc(itemLine, start)))
            try skipSpace()
            if text[i] == "," { i += 1; continue }
            if text[i] == "]" { i += 1; break }
            throw Failure(.yamlTrailing(excerpt(l, i)), at: loc(l, i))
        }
        return (.sequence(items, loc(l0, p)), l, i)
    }
}
