import LoaCore

/// One content line of an iCalendar file: `NAME;PARAM=V:VALUE`.
public struct ICSProperty: Sendable {
    public let name: String
    public let parameters: [String: String]
    public let value: String
    public let line: Int
}

/// A BEGIN … END block with its properties and nested blocks.
public struct ICSComponent: Sendable {
    public let name: String
    public var properties: [ICSProperty] = []
    public var children: [ICSComponent] = []
    public let line: Int

    public func first(_ name: String) -> ICSProperty? { properties.first { $0.name == name } }
    public func all(_ name: String) -> [ICSProperty] { properties.filter { $0.name == name } }
}

/// RFC 5545 reading: unfolds lines (LF or CRLF), splits parameters, unescapes TEXT on request,
/// keeps unknown properties.
public enum ICSReader {
    public static func parse(_ file: TextFile) throws(Failure) -> [ICSComponent] {
        // unfold: a line starting with a space or tab continues the previous one
        var logical: [(String, Int)] = []
        for (n, raw) in file.lines.enumerated() {
            if let f = raw.first, f == " " || f == "\t", !logical.isEmpty {
                logical[logical.count - 1].0 += raw.dropFirst()
            } else if !raw.isEmpty {
                logical.append((String(raw), n + 1))
            }
        }
        var stack: [ICSComponent] = []
        var roots: [ICSComponent] = []
        for (text, line) in logical {
            let at = SourceLocation(path: file.path, line: line, column: 1)
            guard let prop = property(text, line: line) else { throw Failure(.icsBadLine, at: at) }
            switch prop.name {
            case "BEGIN":
                stack.append(ICSComponent(name: prop.value.uppercased(), line: line))
            case "END":
                guard let top = stack.popLast(), top.name == prop.value.uppercased() else {
                    throw Failure(.icsUnbalanced(prop.value), at: at)
                }
                if stack.isEmpty { roots.append(top) } else { stack[stack.count - 1].children.append(top) }
            default:
                guard !stack.isEmpty else { throw Failure(.icsUnbalanced(prop.name), at: at) }
                stack[stack.count - 1].properties.append(prop)
            }
        }
        if let open = stack.last {
            throw Failure(.icsUnbalanced(open.name), at: SourceLocation(path: file.path, line: open.line, column: 1))
        }
        return roots
    }

    static func property(_ text: String, line: Int) -> ICSProperty? {
        // the value starts at the first ':' outside a quoted parameter value
        var quoted = false
        var colon: String.Index?
        for i in text.indices {
            let c = text[i]
            if c == "\"" { quoted.toggle() } else if c == ":" && !quoted { colon = i; break }
        }
        guard let colon else { return nil }
        let head = text[..<colon]
        let value = String(text[text.index(after: colon)...])
        var parts = head.split(separator: ";", omittingEmptySubsequences: false)
        let name = parts.removeFirst().uppercased()
        guard !name.isEmpty else { return nil }
        var params: [String: String] = [:]
        for p in parts {
            let kv = p.split(separator: "=", maxSplits: 1)
            if kv.count == 2 { params[kv[0].uppercased()] = kv[1].replacingOccurrences(of: "\"", with: "") }
        }
        return ICSProperty(name: name, parameters: params, value: value, line: line)
    }

    /// Reverses TEXT escaping: `\\`, `\;`, `\,`, `\n`/`\N`.
    public static func unescape(_ s: String) -> String {
        guard s.contains("\\") else { return s }
        var out = ""
        var escaping = false
        for c in s {
            if escaping {
                switch c {
                case "n", "N": out.append("\n")
                default: out.append(c)
                }
                escaping = false
            } else if c == "\\" {
                escaping = true
            } else {
                out.append(c)
            }
        }
        return out
    }

    /// Splits a multi-valued TEXT property (CATEGORIES) on unescaped commas.
    public static func splitList(_ s: String) -> [String] {
        var out: [String] = []
        var cur = ""
        var escaping = false
        for c in s {
            if escaping { cur.append("\\"); cur.append(c); escaping = false } else if c == "\\" { escaping = true }
                else if c == "," {
                out.append(unescape(cur)); cur = ""
            } else { cur.append(c) }
        }
        out.append(unescape(cur))
        return out.filter { !$0.isEmpty }
    }
}

/// RFC 5545 writing: CRLF, folding at 75 octets on UTF-8 boundaries, TEXT escaping.
public struct ICSWriter {
    private var out: [UInt8] = []
    public init() {}

    public mutating func line(_ name: String, _ value: String) {
        fold(Array("\(name):\(value)".utf8))
    }

    /// A TEXT property, escaped.
    public mutating func text(_ name: String, _ value: String) {
        line(name, ICSWriter.escape(value))
    }

    public static func escape(_ s: String) -> String {
        var r = ""
        r.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "\\": r += "\\\\"
            case ";": r += "\\;"
            case ",": r += "\\,"
            case "\n": r += "\\n"
            case "\r": break
            default: r.unicodeScalars.append(c)
            }
        }
        return r
    }

    mutating func fold(_ bytes: [UInt8]) {
        var start = 0
        var limit = 75
        while bytes.count - start > limit {
            var cut = start + limit
            while cut > start, bytes[cut] & 0xC0 == 0x80 { cut -= 1 }  // never split a UTF-8 sequence
            out.append(contentsOf: bytes[start..<cut])
            out.append(contentsOf: [13, 10, 32])
            start = cut
            limit = 74  // the leading space counts
        }
        out.append(contentsOf: bytes[start...])
        out.append(contentsOf: [13, 10])
    }

    public var bytes: [UInt8] { out }
}
