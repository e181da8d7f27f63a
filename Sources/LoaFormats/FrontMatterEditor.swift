import LoaCore

/// Changes, inserts or removes top-level keys of a Markdown file's front matter and keeps every other byte: the
/// byte-order mark, line endings, comments, key order, other keys' spelling and the body. A file whose front matter
/// does not parse is refused with the parser's own diagnostics, and the result is parsed back and checked before it
/// is returned, so an edit can never leave a file Loa cannot read.
public enum FrontMatterEditor {
    /// The file's bytes with `edit` applied, changes in order. A changed key keeps its place (with the line ending
    /// of its line); a new key goes on a line of its own just before the closing `---`.
    public static func apply(_ edit: ItemEdit, to bytes: [UInt8], path: String) throws(Failure) -> [UInt8] {
        var current = bytes
        for change in edit.changes { current = try apply(change, to: current, path: path) }
        if let body = edit.body { current = try replacingBody(of: current, with: body, path: path) }
        try verify(edit, current, path: path)
        return current
    }

    /// The file with everything after the closing `---` replaced: a blank line, then the body with LF line ends
    /// and one final newline (as `loa new item` writes it).
    static func replacingBody(of bytes: [UInt8], with body: String, path: String) throws(Failure) -> [UInt8] {
        let layout = try Layout(bytes, path: path)
        let head = Array(bytes[..<layout.end(of: layout.closingLine)])
        let text = ItemTemplate.normalized(body)
        let newline: [UInt8] = head.last == UInt8(ascii: "\n") ? [] : layout.ending(of: 1)
        return head + newline + layout.ending(of: 1) + Array(text.utf8) + (text.isEmpty ? [] : [10])
    }

    /// How a value is written in YAML: as it is when YAML reads it back unchanged, else double-quoted.
    public static func scalar(_ value: ItemEdit.Value) -> String {
        switch value {
        case .day(let d): return d.iso
        case .word(let w): return isWord(w) ? w : quoted(w)
        case .text(let t): return isPlainText(t.nfc) ? t.nfc : quoted(t.nfc)
        case .list(let words): return "[" + words.map { isWord($0) ? $0 : quoted($0) }.joined(separator: ", ") + "]"
        }
    }

    static func text(of value: ItemEdit.Value) -> String {
        switch value {
        case .day(let d): return d.iso
        case .word(let w): return w
        case .text(let t): return t.nfc
        case .list(let words): return words.joined(separator: "\u{0}")
        }
    }

    static func apply(_ change: ItemEdit.Change, to bytes: [UInt8], path: String) throws(Failure) -> [UInt8] {
        let layout = try Layout(bytes, path: path)
        var out = bytes
        if let index = layout.entries.firstIndex(where: { $0.key == change.key }) {
            let (first, last) = layout.lines(of: index)
            let range = layout.start(of: first)..<layout.end(of: last)
            if let value = change.value {
                out.replaceSubrange(range, with: line(change.key, value) + layout.ending(of: first))
            } else {
                out.removeSubrange(range)
            }
        } else if let value = change.value {
            let at = layout.start(of: layout.closingLine)
            out.insert(contentsOf: line(change.key, value) + layout.ending(of: 1), at: at)
        }
        return out
    }

    static func line(_ key: String, _ value: ItemEdit.Value) -> [UInt8] { Array("\(key): \(scalar(value))".utf8) }

    /// Parses the result back: every key set reads as the value written, every key removed is gone.
    static func verify(_ edit: ItemEdit, _ bytes: [UInt8], path: String) throws(Failure) {
        let layout = try Layout(bytes, path: path)
        var values: [String: String] = [:]
        for e in layout.entries {
            switch e.value {
            case .scalar(let s, _): values[e.key] = s
            case .sequence(let nodes, _):
                values[e.key] = nodes.map { n in if case .scalar(let s, _) = n { s } else { "" } }
                    .joined(separator: "\u{0}")
            case .mapping: break
            }
        }
        for change in edit.changes where values[change.key] != change.value.map(text(of:)) {
            throw Failure(.officer(.frontMatterNotEditable(change.key)),
                          at: SourceLocation(path: path, line: 1, column: 1))
        }
    }

    /// The lines of a file as bytes, and where its front matter's top-level keys are.
    struct Layout {
        let bytes: [UInt8]
        /// Where each line starts (1-based line N starts at `starts[N - 1]`), after any byte-order mark.
        let starts: [Int]
        let entries: [YAMLEntry]
        /// The line of the closing `---`.
        let closingLine: Int

        init(_ bytes: [UInt8], path: String) throws(Failure) {
            self.bytes = bytes
            let file = try TextFile.decode(bytes, path: path)
            let (yaml, firstLine, _, bodyLine) = try FrontMatter.split(file)
            closingLine = bodyLine - 1
            let node = try YAMLParser.parse(lines: yaml, path: path, firstLine: firstLine)
            switch node {
            case .none: entries = []
            case .mapping(let e, _)?: entries = e
            case .some(let other):
                throw Failure(.expectedMapping("front matter"), at: other.location)
            }
            // keys at the margin: everything indented below a key belongs to its value
            if let odd = entries.first(where: { $0.keyLocation.column != 1 }) {
                throw Failure(.officer(.frontMatterNotEditable(odd.key)), at: odd.keyLocation)
            }
            var starts = [bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0]
            for (i, b) in bytes.enumerated() where b == UInt8(ascii: "\n") && i + 1 < bytes.count {
                starts.append(i + 1)
            }
            self.starts = starts
        }

        func start(of line: Int) -> Int { starts[line - 1] }
        func end(of line: Int) -> Int { line < starts.count ? starts[line] : bytes.count }

        /// The line's terminator (`\r\n` or `\n`; `\n` for a last line without one).
        func ending(of line: Int) -> [UInt8] {
            let e = end(of: line)
            if e >= 2, bytes[e - 1] == UInt8(ascii: "\n"), bytes[e - 2] == UInt8(ascii: "\r") { return [13, 10] }
            return [10]
        }

        /// The first and last line of an entry: its key's line and the indented (or `- `) lines of its value;
        /// blank lines and comments at the margin before the next key stay where they are.
        func lines(of index: Int) -> (Int, Int) {
            let first = entries[index].keyLocation.line
            let next = index + 1 < entries.count ? entries[index + 1].keyLocation.line : closingLine
            var last = first
            if first + 1 < next {
                for line in (first + 1)..<next {
                    let s = start(of: line)
                    guard s < bytes.count else { break }
                    let b = bytes[s]
                    if b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") || b == UInt8(ascii: "-") {
                        if !isBlank(line) { last = line }
                    }
                }
            }
            return (first, last)
        }

        func isBlank(_ line: Int) -> Bool {
            bytes[start(of: line)..<end(of: line)].allSatisfy { $0 == 32 || $0 == 9 || $0 == 13 || $0 == 10 }
        }
    }

    /// A word of letters, digits, `.`, `-`, `_` and `/`, starting with a letter or digit.
    static func isWord(_ s: String) -> Bool {
        guard let f = s.unicodeScalars.first, f.isASCII, f.properties.isAlphabetic || ("0"..."9").contains(f) else {
            return false
        }
        return s.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || "0123456789.-_/".unicodeScalars.contains($0))
        }
    }

    /// Text YAML reads back as itself when unquoted: letters first, then letters, digits, single spaces, `.`, `,`
    /// and `-`, and not a word YAML 1.1 readers turn into a boolean or null.
    static func isPlainText(_ s: String) -> Bool {
        guard let f = s.unicodeScalars.first, f.properties.isAlphabetic, s.unicodeScalars.last != " ",
              !s.contains("  ") else { return false }
        let keywords: Set<String> = ["y", "n", "yes", "no", "on", "off", "true", "false", "null"]
        if keywords.contains(s.lowercased()) { return false }
        return s.unicodeScalars.allSatisfy { u in
            u.properties.isAlphabetic || (u.isASCII && u.properties.numericType != nil)
                || " .,-".unicodeScalars.contains(u)
        }
    }

    /// A double-quoted YAML scalar, written as the report forms write theirs (carriage returns dropped).
    static func quoted(_ s: String) -> String { FormWriter.quote(s) }
}
