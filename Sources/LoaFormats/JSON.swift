/// JSON as values with ordered keys, so output is byte-for-byte deterministic.
public indirect enum JSON: Sendable {
    case string(String)
    case int(Int)
    case number(Double)
    case bool(Bool)
    case null
    case array([JSON])
    case object([(String, JSON)])

    /// A share rounded to 4 decimals, as SPEC §8 asks.
    public static func share(_ x: Double) -> JSON { .number((x * 10000).rounded() / 10000) }

    public var text: String {
        var s = ""
        write(&s)
        return s
    }

    func write(_ s: inout String) {
        switch self {
        case .string(let v): JSON.quote(v, &s)
        case .int(let v): s += String(v)
        case .number(let v):
            if v == v.rounded(), abs(v) < 1e15 { s += String(Int(v)) } else { s += String(v) }
        case .bool(let v): s += v ? "true" : "false"
        case .null: s += "null"
        case .array(let items):
            s += "["
            for (i, v) in items.enumerated() { if i > 0 { s += ", " }; v.write(&s) }
            s += "]"
        case .object(let pairs):
            s += "{"
            for (i, (k, v)) in pairs.enumerated() {
                if i > 0 { s += ", " }
                JSON.quote(k, &s)
                s += ": "
                v.write(&s)
            }
            s += "}"
        }
    }

    static func quote(_ v: String, _ s: inout String) {
        s += "\""
        // most strings need no escaping: copy them whole
        // (DEL and the C1 controls, lead byte 0xC2, are escaped too: some terminals act on them)
        if !v.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F || $0 == 0xC2 }) {
            s += v
            s += "\""
            return
        }
        for c in v.unicodeScalars {
            switch c {
            case "\"": s += "\\\""
            case "\\": s += "\\\\"
            case "\n": s += "\\n"
            case "\r": s += "\\r"
            case "\t": s += "\\t"
            default:
                if c.value < 0x20 || (0x7F...0x9F).contains(c.value) {
                    let hex = String(c.value, radix: 16)
                    s += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    s.unicodeScalars.append(c)
                }
            }
        }
        s += "\""
    }

    /// An object from a dictionary of counts, keys sorted as written.
    public static func counts<Key: CustomStringConvertible>(_ d: [Key: Int]) -> JSON {
        .object(d.map { ($0.key.description, JSON.int($0.value)) }.sorted { $0.0 < $1.0 })
    }
}

/// JSON written as it is produced, byte for byte as `JSON.text` would write the same tree: large parts (a report
/// over 100,000 units) never exist as a tree. Text goes to `sink` in chunks of about 64 KiB.
public final class JSONWriter {
    var out = ""
    let sink: (String) -> Void
    /// Elements written so far in each open object or array.
    var counts: [Int] = []
    var afterKey = false
    static let chunk = 1 << 16

    public init(sink: @escaping (String) -> Void) {
        self.sink = sink
        out.reserveCapacity(JSONWriter.chunk + 1024)
    }

    func separate() {
        if afterKey { afterKey = false; return }
        guard let n = counts.last else { return }
        if n > 0 { out += ", " }
        counts[counts.count - 1] = n + 1
    }

    public func beginObject() { separate(); out += "{"; counts.append(0) }
    public func endObject() { counts.removeLast(); out += "}"; flushIfFull() }
    public func beginArray() { separate(); out += "["; counts.append(0) }
    public func endArray() { counts.removeLast(); out += "]"; flushIfFull() }

    /// The key of the next value in the open object.
    public func key(_ k: String) {
        separate()
        JSON.quote(k, &out)
        out += ": "
        afterKey = true
    }

    /// A whole value: small parts are simplest written as trees.
    public func value(_ v: JSON) {
        separate()
        v.write(&out)
        flushIfFull()
    }

    public func field(_ k: String, _ v: JSON) { key(k); value(v) }

    /// An object of counts, keys sorted as `JSON.counts` sorts them.
    public func counts<Key: CustomStringConvertible>(_ d: [Key: Int]) {
        beginObject()
        for (k, n) in d.map({ ($0.key.description, $0.value) }).sorted(by: { $0.0 < $1.0 }) { field(k, .int(n)) }
        endObject()
    }

    func flushIfFull() {
        guard out.utf8.count >= JSONWriter.chunk else { return }
        flush()
    }

    /// Hands what is buffered to the sink.
    public func flush() {
        guard !out.isEmpty else { return }
        sink(out)
        out.removeAll(keepingCapacity: true)
    }
}
