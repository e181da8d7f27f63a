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
    public static func < (a: SourceLocation, b: SourceLocation) -> Bool { (a.path, a.line, a.column) < (b.path, b.line, b.column) }
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
    public func rendered(_ language: Language) -> String {
        let sev = severity.rawValue
        let text = message.text(language)
        guard let location else { return "loa: \(sev): \(text)" }
        return "\(location): \(sev): \(text)"
    }
}

/// Diagnostics in a stable order: by file, line, column, then severity.
public func sortedDiagnostics(_ ds: [Diagnostic]) -> [Diagnostic] {
    ds.enumerated().sorted { a, b in
        let la = a.element.location, lb = b.element.location
        if la != lb {
            guard let la else { return true }
            guard let lb else { return false }
            return la < lb
        }
        return a.offset < b.offset
    }.map(\.element)
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

/// The closest candidate by edit distance, when it is close enough to be a likely typo.
public func closest(to word: String, in candidates: some Sequence<String>) -> String? {
    let w = Array(word.lowercased().unicodeScalars)
    var best: (String, Int)?
    for c in candidates {
        let d = editDistance(w, Array(c.lowercased().unicodeScalars))
        if best == nil || d < best!.1 || (d == best!.1 && c < best!.0) { best = (c, d) }
    }
    guard let (candidate, distance) = best else { return nil }
    let limit = max(2, min(w.count, candidate.unicodeScalars.count) / 3)
    return distance <= limit ? candidate : nil
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
