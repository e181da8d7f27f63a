import LoaCore

/// Small inline SVG charts for HTML reports; every label goes through `HTML.escape`.
public enum Charts {
    static func fmt(_ x: Double) -> String {
        let r = (x * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(r)
    }

    /// Vertical bars with labels; an optional horizontal target line (values and target share one scale).
    public static func bars(title: String, labels: [String], values: [Double], maxValue: Double? = nil,
                            target: Double? = nil, valueLabel: (Double) -> String) -> String {
        let w = 640.0, h = 220.0, left = 40.0, bottom = 40.0, top = 24.0
        let top0 = max(maxValue ?? 0, values.max() ?? 0, target ?? 0, 1)
        let n = max(values.count, 1)
        let slot = (w - left - 10) / Double(n)
        let bar = min(46, slot * 0.7)
        func y(_ v: Double) -> Double { h - bottom - (h - bottom - top) * v / top0 }
        var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(fmt(w)) \(fmt(h))\" width=\"\(fmt(w))\" height=\"\(fmt(h))\" role=\"img\" aria-label=\"\(HTML.escape(title))\">"
        s += "<text x=\"\(fmt(w / 2))\" y=\"15\" text-anchor=\"middle\" font-size=\"13\" font-family=\"sans-serif\">\(HTML.escape(title))</text>"
        s += "<line x1=\"\(fmt(left))\" y1=\"\(fmt(h - bottom))\" x2=\"\(fmt(w - 5))\" y2=\"\(fmt(h - bottom))\" stroke=\"#333\"/>"
        for (i, v) in values.enumerated() {
            let x = left + Double(i) * slot + (slot - bar) / 2
            s += "<rect x=\"\(fmt(x))\" y=\"\(fmt(y(v)))\" width=\"\(fmt(bar))\" height=\"\(fmt(h - bottom - y(v)))\" fill=\"#b71c1c\"/>"
            s += "<text x=\"\(fmt(x + bar / 2))\" y=\"\(fmt(y(v) - 4))\" text-anchor=\"middle\" font-size=\"11\" font-family=\"sans-serif\">\(HTML.escape(valueLabel(v)))</text>"
            s += "<text x=\"\(fmt(x + bar / 2))\" y=\"\(fmt(h - bottom + 16))\" text-anchor=\"middle\" font-size=\"11\" font-family=\"sans-serif\">\(HTML.escape(labels[i]))</text>"
        }
        if let target {
            s += "<line x1=\"\(fmt(left))\" y1=\"\(fmt(y(target)))\" x2=\"\(fmt(w - 5))\" y2=\"\(fmt(y(target)))\" stroke=\"#1565c0\" stroke-dasharray=\"6 4\" stroke-width=\"2\"/>"
            s += "<text x=\"\(fmt(w - 8))\" y=\"\(fmt(y(target) - 5))\" text-anchor=\"end\" font-size=\"11\" fill=\"#1565c0\" font-family=\"sans-serif\">\(HTML.escape(valueLabel(target)))</text>"
        }
        return s + "</svg>"
    }

    /// A grid of rows × columns, filled where `filled(row, column)`.
    public static func grid(title: String, rows: [String], columns: [String], filled: (Int, Int) -> Bool) -> String {
        let cell = 22.0, left = 120.0, top = 40.0
        let w = left + cell * Double(max(columns.count, 1)) + 10, h = top + cell * Double(rows.count) + 10
        var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(fmt(w)) \(fmt(h))\" width=\"\(fmt(w))\" height=\"\(fmt(h))\" role=\"img\" aria-label=\"\(HTML.escape(title))\">"
        s += "<text x=\"4\" y=\"14\" font-size=\"13\" font-family=\"sans-serif\">\(HTML.escape(title))</text>"
        for (j, c) in columns.enumerated() {
            s += "<text x=\"\(fmt(left + cell * Double(j) + cell / 2))\" y=\"\(fmt(top - 6))\" text-anchor=\"middle\" font-size=\"10\" font-family=\"sans-serif\">\(HTML.escape(c))</text>"
        }
        for (i, r) in rows.enumerated() {
            let y = top + cell * Double(i)
            s += "<text x=\"\(fmt(left - 6))\" y=\"\(fmt(y + cell * 0.7))\" text-anchor=\"end\" font-size=\"11\" font-family=\"sans-serif\">\(HTML.escape(r))</text>"
            for j in columns.indices {
                let fill = filled(i, j) ? "#2e7d32" : "#eeeeee"
                s += "<rect x=\"\(fmt(left + cell * Double(j) + 1))\" y=\"\(fmt(y + 1))\" width=\"\(fmt(cell - 2))\" height=\"\(fmt(cell - 2))\" fill=\"\(fill)\"/>"
            }
        }
        return s + "</svg>"
    }
}
