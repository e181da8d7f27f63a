/// Where in a text file something was found: 1-based line and column.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let path: String
    public let line: Int
    public let column: Int

    public init(path: String, line: Int, column: Int) {
        self.path = path
        self.line = line
        self.column = column
    }

    public var description: String { "\(path):\(line):\(column)" }
    public static func < (a: SourceLocation,
        b: SourceLocation) -> Bool { (a.path, a.line, a.column) < (b.path, b.line, b.column) }
}

public enum Severity: String, Sendable, Comparable {
    case error, warning, note
    private var rank: Int { self == .error ? 0 : self == .warning ? 1 : 2 }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// One thing a user got wrong (or should know), with where and what.
public struct Diagnostic: Sendable, Hashable, Error {
    public let location: SourceLocation?
    public let severity: Severity
    public let message: Message

    public init(_ severity: Severity, _ message: Message, at location: SourceLocation?) {
        self.severity = severity
        self.message = message
        self.location = location
    }

    public static func error(_ m: Message, at l: SourceLocation?) -> Diagnostic { Diagnostic(.error, m, at: l) }
    public static func warning(_ m: Message, at l: SourceLocation?) -> Diagnostic { Diagnostic(.warning, m, at: l) }
    public static func note(_ m: Message, at l: SourceLocation?) -> Diagnostic { Diagnostic(.note, m, at: l) }

    /// `path:line:col: severity: message`, the form compilers use and editors jump to.
    /// Always one line: control characters in the path or message (a quoted value, say) are shown escaped.
    public func rendered(_ language: Language) -> String {
        let sev = severity.rawValue
        let text = message.text(language).escapingControlCharacters
        guard let location else { return "loa: \(sev): \(text)" }
        return "\(location.description.escapingControlCharacters): \(sev): \(text)"
    }
}

extension String {
    /// The text with line breaks, tabs and other control characters written as `\n`, `\r`, `\t` or `\u{1B}`,
    /// so it stays on one line and cannot move a terminal's cursor.
    public var escapingControlCharacters: String {
        guard unicodeScalars.contains(where: \.isControlOrLineBreak) else { return self }
        var out = String.UnicodeScalarView()
        for s in unicodeScalars {
            guard s.isControlOrLineBreak else { out.append(s); continue }
            let escaped: String
            switch s {
            case "\n": escaped = "\\n"
            case "\r": escaped = "\\r"
            case "\t": escaped = "\\t"
            default: escaped = "\\u{" + String(s.value, radix: 16, uppercase: true) + "}"
            }
            out.append(contentsOf: escaped.unicodeScalars)
        }
        return String(out)
    }
}

extension Unicode.Scalar {
    /// C0 and C1 control characters, DEL, and the Unicode line and paragraph separators.
    public var isControlOrLineBreak: Bool {
        value < 0x20 || (0x7F...0x9F).contains(value) || value == 0x2028 || value == 0x2029
    }
}

/// Diagnostics in a stable order: those without a position first, then by file, line and column; equal positions
/// keep the order they came in. A list already in order (a large table's warnings come so) is returned as it is,
/// without a copy.
public func sortedDiagnostics(_ ds: [Diagnostic]) -> [Diagnostic] {
    if !zip(ds, ds.dropFirst()).contains(where: { comesBefore($1.location, $0.location) }) { return ds }
    return ds.enumerated().sorted { a, b in
        let la = a.element.location, lb = b.element.location
        return la != lb ? comesBefore(la, lb) : a.offset < b.offset
    }.map(\.element)
}

/// Whether a diagnostic at `a` goes strictly before one at `b`: no position first, then by file, line, column.
private func comesBefore(_ a: SourceLocation?, _ b: SourceLocation?) -> Bool {
    guard a != b, let b else { return false }
    guard let a else { return true }
    return a < b
}

/// Thrown when a command cannot go on; carries the diagnostics that explain why.
public struct Failure: Error, Sendable {
    public let diagnostics: [Diagnostic]
    public let exitCode: Int32
    public init(_ diagnostics: [Diagnostic], exitCode: Int32 = ExitCode.dataError) {
        self.diagnostics = diagnostics
        self.exitCode = exitCode
    }
    public init(_ message: Message, at location: SourceLocation? = nil, exitCode: Int32 = ExitCode.dataError) {
        self.init([.error(message, at: location)], exitCode: exitCode)
    }
}

/// sysexits(3) codes.
public enum ExitCode {
    public static let ok: Int32 = 0
    public static let usage: Int32 = 64
    public static let dataError: Int32 = 65
    public static let noInput: Int32 = 66
    public static let software: Int32 = 70
    public static let ioError: Int32 = 74
}

/// The closest candidate by edit distance, when it is close enough to be a likely typo; failing that, the one
/// candidate that holds the word whole (`so-gddt` for `cdcs-so-gddt`: a code typed without its prefix).
public func closest(to word: String, in candidates: some Sequence<String>) -> String? {
    let w = Array(word.lowercased().unicodeScalars)
    var best: (String, Int)?
    var holding: [String] = []
    for c in candidates {
        if w.count >= 3, holding.count < 2, c.lowercased().contains(word.lowercased()) { holding.append(c) }
        let cs = Array(c.lowercased().unicodeScalars)
        // the distance is at least the difference in length: skip candidates that cannot be close enough,
        // so that a megabyte-long key costs no more than reading it
        if abs(w.count - cs.count) > max(2, min(w.count, cs.count) / 3) { continue }
        let d = editDistance(w, cs)
        if let (bestName, bestDistance) = best, d > bestDistance || (d == bestDistance && c >= bestName) { continue }
        best = (c, d)
    }
    if let (candidate, distance) = best, distance <= max(2, min(w.count, candidate.unicodeScalars.count) / 3) {
        return candidate
    }
    return holding.count == 1 ? holding[0] : nil
}

/// A byte count as people read it: "900 B", "64 KiB", "1.5 MiB".
func sizeText(_ bytes: Int) -> String {
    if bytes < 1024 { return "\(bytes) B" }
    if bytes < 1 << 20 { return "\(bytes / 1024) KiB" }
    let tenths = bytes * 10 / (1 << 20)
    return tenths % 10 == 0 ? "\(tenths / 10) MiB" : "\(tenths / 10).\(tenths % 10) MiB"
}

func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var prev = Array(0...b.count)
    var cur = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        cur[0] = i
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
        }
        swap(&prev, &cur)
    }
    return prev[b.count]
}
