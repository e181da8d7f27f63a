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
public struct YAMLParser {
    struct Line {
        var indent: Int          // column of the first content scalar, 0-based
        var scalars: [Unicode.Scalar]  // the whole raw line
        var start: Int           // index in `scalars` where content starts
        var number: Int
    }

    let path: String
    var lines: [Line] = []
    var index = 0

    /// Parses `lines` (already decoded and NFC), numbering them from `firstLine`.
    public static func parse(lines: some Sequence<Substring>, path: String, firstLine: Int = 1) throws(Failure) -> YAMLNode? {
        var parser = YAMLParser(path: path)
        var number = firstLine - 1
        for raw in lines {
            number += 1
            let scalars = Array(raw.unicodeScalars)
            var i = 0
            while i < scalars.count, scalars[i] == " " { i += 1 }
            if i < scalars.count, scalars[i] == "\t" {
                // a tab inside the indentation; allowed only on blank or comment lines
                var j = i
                while j < scalars.count, scalars[j] == " " || scalars[j] == "\t" { j += 1 }
                if j < scalars.count, scalars[j] != "#" {
                    throw Failure(.yamlTab, at: SourceLocation(path: path, line: number, column: i + 1))
                }
                continue
            }
            parser.lines.append(Line(indent: i, scalars: scalars, start: i, number: number))
        }
        return try parser.parseDocument()
    }

    public static func parse(_ file: TextFile) throws(Failure) -> YAMLNode? {
        try parse(lines: file.lines, path: file.path)
    }

    func loc(_ line: Line, _ col: Int) -> SourceLocation { SourceLocation(path: path, line: line.number, column: col + 1) }

    func isBlank(_ line: Line) -> Bool { line.start >= line.scalars.count || line.scalars[line.start] == "#" }

    mutating func skipBlank() {
        while index < lines.count, isBlank(lines[index]) { index += 1 }
    }

    mutating func parseDocument() throws(Failure) -> YAMLNode? {
        skipBlank()
        guard index < lines.count else { return nil }
        let node = try parseBlock(indent: lines[index].indent)
        skipBlank()
        if index < lines.count {
            throw Failure(.yamlBadIndent, at: loc(lines[index], lines[index].start))
        }
        return node
    }

    func isSequenceItem(_ line: Line) -> Bool {
        let s = line.scalars, i = line.start
        return i < s.count && s[i] == "-" && (i + 1 == s.count || s[i + 1] == " ")
    }

    mutating func parseBlock(indent: Int) throws(Failure) -> YAMLNode {
        let line = lines[index]
        if isSequenceItem(line) { return try parseSequence(indent: indent) }
        return try parseMapping(indent: indent)
    }

    mutating func parseSequence(indent: Int) throws(Failure) -> YAMLNode {
        var items: [YAMLNode] = []
        let start = loc(lines[index], lines[index].start)
        while true {
            skipBlank()
            guard index < lines.count else { break }
            let line = lines[index]
            if line.indent < indent { break }
            if line.indent > indent { throw Failure(.yamlBadIndent, at: loc(line, line.start)) }
            guard isSequenceItem(line) else { break }
            var j = line.start + 1
            while j < line.scalars.count, line.scalars[j] == " " { j += 1 }
            if j >= line.scalars.count || line.scalars[j] == "#" {
                index += 1
                skipBlank()
                guard index < lines.count, lines[index].indent > indent else {
                    items.append(.scalar("", loc(line, line.start)))
                    continue
                }
                items.append(try parseBlock(indent: lines[index].indent))
            } else {
                // the rest of the line is a node of its own, indented at its column
                lines[index].indent = j
                lines[index].start = j
                let inner = lines[index]
                if isSequenceItem(inner) || findKeySeparator(inner) != nil {
                    items.append(try parseBlock(indent: j))
                } else {
                    items.append(try parseInlineValue(line: inner, at: j, parentIndent: indent))
                }
            }
        }
        return .sequence(items, start)
    }

    /// The index of the `:` that separates a key from its value, outside quotes, if the line is a mapping entry.
    func findKeySeparator(_ line: Line) -> Int? {
        let s = line.scalars
        var i = line.start
        guard i < s.count else { return nil }
        if s[i] == "\"" || s[i] == "'" {
            let q = s[i]
            i += 1
            while i < s.count {
                if s[i] == "\\", q == "\"" { i += 2; continue }
                if s[i] == q {
                    if q == "'", i + 1 < s.count, s[i + 1] == "'" { i += 2; continue }
                    break
                }
                i += 1
            }
            i += 1
            while i < s.count, s[i] == " " { i += 1 }
            return i < s.count && s[i] == ":" && (i + 1 == s.count || s[i + 1] == " ") ? i : nil
        }
        if s[i] == "[" || s[i] == "{" { return nil }
        while i < s.count {
            if s[i] == ":" && (i + 1 == s.count || s[i + 1] == " ") { return i }
            if s[i] == "#" && i > 0 && s[i - 1] == " " { return nil }
            i += 1
        }
        return nil
    }

    mutating func parseMapping(indent: Int) throws(Failure) -> YAMLNode {
        var entries: [YAMLEntry] = []
        var seen: Set<String> = []
        let start = loc(lines[index], lines[index].start)
        while true {
            skipBlank()
            guard index < lines.count else { break }
            let line = lines[index]
            if line.indent < indent { break }
            if line.indent > indent { throw Failure(.yamlBadIndent, at: loc(line, line.start)) }
            if isSequenceItem(line) { throw Failure(.yamlExpectedKey, at: loc(line, line.start)) }
            try rejectSpecial(line, at: line.start)
            guard let colon = findKeySeparator(line) else { throw Failure(.yamlExpectedKey, at: loc(line, line.start)) }
            let keyLoc = loc(line, line.start)
            var keyScalars = Array(line.scalars[line.start..<colon])
            while keyScalars.last == " " { keyScalars.removeLast() }
            var key = String(String.UnicodeScalarView(keyScalars))
            if let first = keyScalars.first, first == "\"" || first == "'" {
                let (value, _) = try parseQuoted(line: line, at: line.start)
                key = value
            }
            if !seen.insert(key).inserted { throw Failure(.yamlDuplicateKey(key), at: keyLoc) }
            var j = colon + 1
            while j < line.scalars.count, line.scalars[j] == " " { j += 1 }
            let value: YAMLNode
            if j >= line.scalars.count || line.scalars[j] == "#" {
                index += 1
                skipBlank()
                if index < lines.count, lines[index].indent > indent {
                    value = try parseBlock(indent: lines[index].indent)
                } else if index < lines.count, lines[index].indent == indent, isSequenceItem(lines[index]) {
                    value = try parseSequence(indent: indent)
                } else {
                    value = .scalar("", loc(line, colon))
                }
            } else {
                value = try parseInlineValue(line: line, at: j, parentIndent: indent)
            }
            entries.append(YAMLEntry(key: key, keyLocation: keyLoc, value: value))
        }
        return .mapping(entries, start)
    }

    func rejectSpecial(_ line: Line, at i: Int) throws(Failure) {
        guard i < line.scalars.count else { return }
        switch line.scalars[i] {
        case "&": throw Failure(.yamlUnsupported("anchors"), at: loc(line, i))
        case "*": throw Failure(.yamlUnsupported("aliases"), at: loc(line, i))
        case "!": throw Failure(.yamlUnsupported("tags"), at: loc(line, i))
        case "{": throw Failure(.yamlUnsupported("flow mappings"), at: loc(line, i))
        case "%", "@", "`": throw Failure(.yamlUnsupported("\"\(line.scalars[i])\""), at: loc(line, i))
        case ">": throw Failure(.yamlUnsupported("folded scalars (>)"), at: loc(line, i))
        default: return
        }
    }

    /// A value that starts on the current line at column `i`; consumes the line (and a literal block's lines).
    mutating func parseInlineValue(line: Line, at i: Int, parentIndent: Int) throws(Failure) -> YAMLNode {
        try rejectSpecial(line, at: i)
        let s = line.scalars
        let location = loc(line, i)
        switch s[i] {
        case "\"", "'":
            let (value, end) = try parseQuoted(line: line, at: i)
            try expectEnd(line, from: end)
            index += 1
            return .scalar(value, location)
        case "[":
            let node = try parseFlowSequence(line: line, at: i)
            index += 1
            return node
        case "|":
            var j = i + 1
            var keep = false, strip = false
            while j < s.count, s[j] == "-" || s[j] == "+" { if s[j] == "-" { strip = true } else { keep = true }; j += 1 }
            try expectEnd(line, from: j)
            index += 1
            return .scalar(literalBlock(parentIndent: parentIndent, keep: keep, strip: strip), location)
        default:
            var end = s.count
            var k = i
            while k < s.count {
                if s[k] == "#", k > i, s[k - 1] == " " { end = k; break }
                k += 1
            }
            while end > i, s[end - 1] == " " { end -= 1 }
            index += 1
            return .scalar(String(String.UnicodeScalarView(s[i..<end])), location)
        }
    }

    func expectEnd(_ line: Line, from j0: Int) throws(Failure) {
        var j = j0
        while j < line.scalars.count, line.scalars[j] == " " { j += 1 }
        if j < line.scalars.count, line.scalars[j] != "#" {
            throw Failure(.yamlTrailing(String(String.UnicodeScalarView(line.scalars[j...]))), at: loc(line, j))
        }
    }

    mutating func literalBlock(parentIndent: Int, keep: Bool, strip: Bool) -> String {
        var collected: [String] = []
        var blockIndent: Int?
        while index < lines.count {
            let l = lines[index]
            let blank = l.start >= l.scalars.count
            if !blank {
                if l.indent <= parentIndent { break }
                if blockIndent == nil { blockIndent = l.indent }
                if l.indent < blockIndent! { break }
                collected.append(String(String.UnicodeScalarView(l.scalars[blockIndent!...])))
            } else {
                collected.append("")
            }
            index += 1
        }
        // Lines dropped by the tab/blank filter are not in `lines`; comment-looking lines inside a block are content.
        var trailing = 0
        while let last = collected.last, last.isEmpty { collected.removeLast(); trailing += 1 }
        var text = collected.joined(separator: "\n")
        if strip { return text }
        if !collected.isEmpty { text += "\n" }
        if keep { text += String(repeating: "\n", count: trailing) }
        return text
    }

    func parseQuoted(line: Line, at i: Int) throws(Failure) -> (String, Int) {
        let s = line.scalars
        let q = s[i]
        var out = String.UnicodeScalarView()
        var j = i + 1
        while j < s.count {
            let c = s[j]
            if c == q {
                if q == "'", j + 1 < s.count, s[j + 1] == "'" { out.append("'"); j += 2; continue }
                return (String(out), j + 1)
            }
            if c == "\\", q == "\"" {
                guard j + 1 < s.count else { break }
                let e = s[j + 1]
                switch e {
                case "\"": out.append("\"")
                case "\\": out.append("\\")
                case "/": out.append("/")
                case "n": out.append("\n")
                case "t": out.append("\t")
                case "r": out.append("\r")
                case "0": out.append("\0")
                case "u", "U", "x":
                    let width = e == "u" ? 4 : e == "U" ? 8 : 2
                    guard j + 2 + width <= s.count,
                          let v = UInt32(String(String.UnicodeScalarView(s[(j + 2)..<(j + 2 + width)])), radix: 16),
                          let scalar = Unicode.Scalar(v)
                    else { throw Failure(.yamlBadEscape(String(e)), at: loc(line, j)) }
                    out.append(scalar)
                    j += 2 + width
                    continue
                default: throw Failure(.yamlBadEscape(String(e)), at: loc(line, j))
                }
                j += 2
                continue
            }
            out.append(c)
            j += 1
        }
        throw Failure(.yamlUnterminatedQuote, at: loc(line, i))
    }

    func parseFlowSequence(line: Line, at i: Int) throws(Failure) -> YAMLNode {
        let s = line.scalars
        var items: [YAMLNode] = []
        var j = i + 1
        while true {
            while j < s.count, s[j] == " " { j += 1 }
            guard j < s.count else { throw Failure(.yamlUnterminatedFlow, at: loc(line, i)) }
            if s[j] == "]" { j += 1; break }
            try rejectSpecial(line, at: j)
            if s[j] == "[" { throw Failure(.yamlUnsupported("nested flow sequences"), at: loc(line, j)) }
            let start = j
            let value: String
            if s[j] == "\"" || s[j] == "'" {
                (value, j) = try parseQuoted(line: line, at: j)
            } else {
                while j < s.count, s[j] != ",", s[j] != "]" { j += 1 }
                var end = j
                while end > start, s[end - 1] == " " { end -= 1 }
                value = String(String.UnicodeScalarView(s[start..<end]))
            }
            items.append(.scalar(value, loc(line, start)))
            while j < s.count, s[j] == " " { j += 1 }
            guard j < s.count else { throw Failure(.yamlUnterminatedFlow, at: loc(line, i)) }
            if s[j] == "," { j += 1; continue }
            if s[j] == "]" { j += 1; break }
            throw Failure(.yamlTrailing(String(s[j])), at: loc(line, j))
        }
        try expectEnd(line, from: j)
        return .sequence(items, loc(line, i))
    }
}
