import LoaCore

/// Reads one YAML mapping against a schema: typed getters record what was asked for,
/// so that every key nobody asked for is reported as unknown, with a suggestion.
public final class MappingReader {
    let entries: [YAMLEntry]
    public let location: SourceLocation
    var diagnostics: Diagnostics
    var known: [String] = []
    var missing: [(key: String, diagnostic: Diagnostic)] = []

    public init(_ node: YAMLNode, name: String, into diagnostics: Diagnostics) {
        self.diagnostics = diagnostics
        self.location = node.location
        if case .mapping(let entries, _) = node {
            self.entries = entries
        } else {
            self.entries = []
            diagnostics.add(.error(.expectedMapping(name), at: node.location))
        }
    }

    func node(_ key: String) -> YAMLEntry? {
        known.append(key)
        return entries.first { $0.key == key }
    }

    /// Reports keys that no getter asked for. Call after reading everything.
    /// A misspelt required key is one mistake, so its "missing" error gives way to the "did you mean".
    public func finish() {
        var suggested: Set<String> = []
        for e in entries where !known.contains(e.key) {
            let suggestion = closest(to: e.key, in: known)
            if let suggestion { suggested.insert(suggestion) }
            diagnostics.add(.error(.unknownKey(e.key, suggestion: suggestion), at: e.keyLocation))
        }
        for m in missing where !suggested.contains(m.key) { diagnostics.add(m.diagnostic) }
        missing = []
    }

    func reportMissing(_ key: String) {
        missing.append((key, .error(.missingKey(key), at: location)))
    }

    public func string(_ key: String, required: Bool = false) -> Located<String>? {
        guard let e = node(key) else {
            if required { reportMissing(key) }
            return nil
        }
        guard case .scalar(let text, let l) = e.value else {
            diagnostics.add(.error(.expectedScalar(key), at: e.value.location))
            return nil
        }
        if text.isEmpty {
            if required { diagnostics.add(.error(.emptyValue(key), at: l)) }
            return nil
        }
        return Located(text, at: l)
    }

    public func id(_ key: String, required: Bool = false) -> Located<String>? {
        guard let s = string(key, required: required) else { return nil }
        if !isValidId(s.value) { diagnostics.add(.error(.invalidId(s.value), at: s.location)) }
        return s
    }

    public func day(_ key: String, required: Bool = false) -> Located<Day>? {
        guard let s = string(key, required: required) else { return nil }
        guard let d = Day(iso: s.value) else {
            diagnostics.add(.error(.badDate(s.value), at: s.location))
            return nil
        }
        return Located(d, at: s.location)
    }

    public func integer(_ key: String, required: Bool = false) -> Located<Int>? {
        guard let s = string(key, required: required) else { return nil }
        guard let v = Int(s.value), v >= 0 else {
            diagnostics.add(.error(.invalidInteger(s.value), at: s.location))
            return nil
        }
        return Located(v, at: s.location)
    }

    public func number(_ key: String) -> Located<Double>? {
        guard let s = string(key) else { return nil }
        guard let v = Double(s.value), v.isFinite else {
            diagnostics.add(.error(.invalidNumber(s.value), at: s.location))
            return nil
        }
        return Located(v, at: s.location)
    }

    public func bool(_ key: String) -> Bool? { locatedBool(key)?.value }

    /// A `true`/`false` value with where it was written.
    public func locatedBool(_ key: String) -> Located<Bool>? {
        guard let s = string(key) else { return nil }
        switch s.value {
        case "true": return Located(true, at: s.location)
        case "false": return Located(false, at: s.location)
        default:
            diagnostics.add(.error(.invalidBool(s.value), at: s.location))
            return nil
        }
    }

    public func choice<E: RawRepresentable & CaseIterable>(_ key: String, _: E.Type,
        required: Bool = false) -> E? where E.RawValue == String {
        guard let s = string(key, required: required) else { return nil }
        if let v = E(rawValue: s.value) { return v }
        let all = E.allCases.map(\.rawValue)
        diagnostics.add(.error(.invalidChoice(s.value, allowed: all, suggestion: closest(to: s.value, in: all)),
            at: s.location))
        return nil
    }

    /// A list of scalars, written either `[a, b]` or as a block sequence; a single scalar is a list of one.
    public func list(_ key: String, required: Bool = false) -> [Located<String>]? {
        guard let e = node(key) else {
            if required { reportMissing(key) }
            return nil
        }
        switch e.value {
        case .scalar(let t, let l):
            if t.isEmpty {
                if required { diagnostics.add(.error(.emptyValue(key), at: l)) }
                return []
            }
            return [Located(t, at: l)]
        case .sequence(let items, _):
            var out: [Located<String>] = []
            for item in items {
                guard case .scalar(let t, let l) = item else {
                    diagnostics.add(.error(MappingReader.entryProblem(key, item), at: item.location))
                    continue
                }
                out.append(Located(t, at: l))
            }
            // a list whose entries were all wrong is not empty: its entries were already reported
            if required && items.isEmpty { diagnostics.add(.error(.emptyValue(key), at: e.value.location)) }
            return out
        case .mapping(_, let l):
            diagnostics.add(.error(.expectedList(key), at: l))
            return nil
        }
    }

    /// What is wrong with a list entry that is not a value. `- museum: 1.1` is a one-entry mapping to YAML:
    /// show it as written, to be quoted if it is text, and suggest `museum/1.1` when it reads as a theme path.
    static func entryProblem(_ key: String, _ item: YAMLNode) -> Message {
        guard case .mapping(let entries, _) = item, entries.count == 1, case .scalar(let v, _) = entries[0].value else {
            return .expectedScalar(key)
        }
        let k = entries[0].key
        let shown = v.isEmpty ? k + ":" : k + ": " + v
        let path = isValidId(k) && v.first?.isNumber == true && isValidId(v, phase: true) ? k + "/" + v : nil
        var escaped = ""
        for c in shown {
            if c == "\"" || c == "\\" { escaped.append("\\") }
            escaped.append(c)
        }
        return .listEntryIsMapping(key, entry: escaped, suggestion: path)
    }

    /// A block sequence of mappings, each handed to `read`.
    public func records<T>(_ key: String, required: Bool = false, _ read: (MappingReader) -> T?) -> [T] {
        guard let e = node(key) else {
            if required { reportMissing(key) }
            return []
        }
        guard case .sequence(let items, _) = e.value else {
            if case .scalar("", _) = e.value { return [] }
            diagnostics.add(.error(.expectedList(key), at: e.value.location))
            return []
        }
        return items.compactMap { item in
            let r = MappingReader(item, name: key, into: diagnostics)
            defer { r.finish() }
            return read(r)
        }
    }

    /// A nested mapping.
    public func mapping(_ key: String) -> MappingReader? {
        guard let e = node(key) else { return nil }
        if case .scalar("", _) = e.value { return nil }
        return MappingReader(e.value, name: key, into: diagnostics)
    }

    /// Whether the key is present at all.
    public func has(_ key: String) -> Bool { entries.contains { $0.key == key } }
}

/// A growing list of diagnostics, shared by the readers of one load.
public final class Diagnostics {
    public private(set) var all: [Diagnostic] = []
    public private(set) var hasErrors = false
    public init() {}
    public func add(_ d: Diagnostic) {
        all.append(d)
        if d.severity == .error { hasErrors = true }
    }
    public func add(contentsOf ds: [Diagnostic]) { for d in ds { add(d) } }
}

/// Ids are slugs, `[a-z0-9][a-z0-9-]*`, so they are safe as file names and in URLs (`.`, `..`, `-x`, `a_b`
/// are not ids). With `phase: true`, dot-separated slugs such as `1.1` or `2.2.1` are ids too.
public func isValidId(_ s: String, phase: Bool = false) -> Bool {
    var atStart = true
    for b in s.utf8 {
        switch b {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): atStart = false
        case UInt8(ascii: "-") where !atStart: continue
        case UInt8(ascii: ".") where phase && !atStart: atStart = true
        default: return false
        }
    }
    return !atStart
}

extension MappingReader {
    /// A typed id; ids are checked as slugs where they are declared.
    public func id<Tag>(_ key: String, required: Bool = false,
        as _: Identifier<Tag>.Type) -> Located<Identifier<Tag>>? {
        id(key, required: required).map { Located(Identifier($0.value), at: $0.location) }
    }

    /// A reference to an id declared elsewhere (checked by the validator, which can suggest the right one).
    public func reference<Tag>(_ key: String, as _: Identifier<Tag>.Type) -> Located<Identifier<Tag>>? {
        string(key).map { Located(Identifier($0.value), at: $0.location) }
    }

    /// A list of references to ids declared elsewhere.
    public func references<Tag>(_ key: String, required: Bool = false,
                                as _: Identifier<Tag>.Type) -> [Located<Identifier<Tag>>]? {
        list(key, required: required)?.map { Located(Identifier($0.value), at: $0.location) }
    }

    /// A list of `PROJECT/PHASE/THEME` references; a malformed one is an error here, an unknown one the validator's.
    public func themeRefs(_ key: String, required: Bool = false) -> [Located<ThemeRef>]? {
        list(key, required: required)?.compactMap { s in
            guard let ref = ThemeRef(parsing: s.value) else {
                diagnostics.add(.error(.malformedThemeRef(s.value), at: s.location))
                return nil
            }
            return Located(ref, at: s.location)
        }
    }
}
/// A phase id: dot-separated slugs, `1.1`, `2.2.1`.
public func isValidPhaseId(_ s: String) -> Bool { isValidId(s, phase: true) }
