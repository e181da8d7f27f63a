import LoaCore

/// Small inline SVG charts for HTML reports, laid out so that no two labels overlap: category labels stay on one
/// line when they fit, wrap at spaces, or turn 45° (and thin out when even that is too dense); value labels stand
/// upright above their bars, or turn 90° when the bars are narrow. Titles are the caller's (HTML text beside the
/// SVG, so they wrap and are never cut). Every label goes through `HTML.escape`.
public enum Charts {
    /// The drawing's width in SVG units; on A4 it is printed 165 mm wide (1 unit ≈ 0.258 mm ≈ 0.73 pt), in HTML
    /// and in Word alike.
    static let width = 640.0
    static let printedWidthMM = 165.0
    static let font = "Liberation Sans, Arial, Helvetica, sans-serif"
    /// Every text of a chart prints at 9 pt at least: 12.5 units × 0.73 pt.
    static let labelSize = 12.5, valueSize = 12.5

    static func fmt(_ x: Double) -> String {
        let r = (x * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(r)
    }

    /// An estimate of the width of `s` in a sans-serif face with Arial's metrics, on the generous side.
    static func textWidth(_ s: String, size: Double) -> Double {
        var em = 0.0
        for c in s {
            switch c {
            case " ", ".", ",", ":", ";", "/", "'", "|", "!", "i", "j", "l", "I": em += 0.3
            case "(", ")", "-", "[", "]", "f", "t", "r": em += 0.36
            case "%", "m", "M", "W", "w": em += 0.9
            case "0"..."9": em += 0.56
            default: em += c.isUppercase ? 0.7 : 0.56
            }
        }
        return em * size * 1.04
    }

    /// `s` wrapped at spaces into lines no wider than `limit`; a word wider than the limit stays whole.
    static func wrap(_ s: String, limit: Double, size: Double) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in s.split(separator: " ") {
            let candidate = line.isEmpty ? String(word) : line + " " + word
            if line.isEmpty || textWidth(candidate, size: size) <= limit {
                line = candidate
            } else {
                lines.append(line)
                line = String(word)
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    static func open(width w: Double, height h: Double, title: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(fmt(w)) \(fmt(h))\" width=\"\(fmt(w))\" "
            + "height=\"\(fmt(h))\" role=\"img\" aria-label=\"\(HTML.escape(title))\" font-family=\"\(font)\">"
            + "<title>\(HTML.escape(title))</title>"
    }

    static func text(_ s: String, x: Double, y: Double, size: Double, anchor: String = "middle",
                     rotate: Double = 0, fill: String? = nil, halo: Bool = false) -> String {
        var a = "<text x=\"\(fmt(x))\" y=\"\(fmt(y))\" font-size=\"\(fmt(size))\" text-anchor=\"\(anchor)\""
        if rotate != 0 { a += " transform=\"rotate(\(fmt(rotate)) \(fmt(x)) \(fmt(y)))\"" }
        if let fill { a += " fill=\"\(fill)\"" }
        let label = ">" + HTML.escape(s) + "</text>"
        // a halo keeps a value readable where the target line crosses it: the same text in a white outline below
        return (halo ? a + " fill=\"#fff\" stroke=\"#fff\" stroke-width=\"3\"" + label : "") + a + label
    }

    /// How category labels are set under their bars.
    enum LabelLayout: Equatable {
        case lines([[String]])          // each label as one or more horizontal lines
        case slanted(every: Int)        // turned 45°, every n-th label shown
    }

    static func layout(_ labels: [String], slot: Double) -> LabelLayout {
        let room = slot - 6
        if labels.allSatisfy({ textWidth($0, size: labelSize) <= room }) { return .lines(labels.map { [$0] }) }
        let wrapped = labels.map { wrap($0, limit: room, size: labelSize) }
        if wrapped.allSatisfy({ $0.count <= 3 && $0.allSatisfy { textWidth($0, size: labelSize) <= room } }) {
            return .lines(wrapped)
        }
        // slanted labels need about 1.5 font sizes of room across each slot
        let every = max(1, Int((labelSize * 1.5 / slot).rounded(.up)))
        return .slanted(every: every)
    }

    /// Vertical bars with labels, and an optional dashed target line (values and target share one scale).
    public static func bars(title: String, labels: [String], values: [Double], maxValue: Double? = nil,
                            target: Double? = nil, valueLabel: (Double) -> String) -> String {
        let n = max(values.count, 1)
        let top0 = max(maxValue ?? 0, values.max() ?? 0, target ?? 0, 1)
        let valueTexts = values.map(valueLabel)
        let widest = labels.map { textWidth($0, size: labelSize) }.max() ?? 0
        // a first pass with small margins tells whether labels slant; slanted labels need room on the left
        var left = 8.0, right = 8.0
        var slot = (width - left - right) / Double(n)
        var labelLayout = layout(labels, slot: slot)
        if case .slanted = labelLayout {
            left = max(left, widest * 0.71 - slot / 2 + 6)
            slot = (width - left - right) / Double(n)
            labelLayout = layout(labels, slot: slot)
        }
        let bar = min(48, slot * 0.62)
        let uprightValues = valueTexts.allSatisfy { textWidth($0, size: valueSize) <= slot - 3 }
        let valueRoom = uprightValues ? valueSize + 6
            : (valueTexts.map { textWidth($0, size: valueSize) }.max() ?? 0) + 8
        let plot = 150.0
        let bottomRoom: Double
        switch labelLayout {
        case .lines(let lines): bottomRoom = Double(lines.map(\.count).max() ?? 1) * (labelSize + 2) + 8
        case .slanted: bottomRoom = widest * 0.71 + labelSize + 8
        }
        let base = valueRoom + plot
        let h = base + bottomRoom
        func y(_ v: Double) -> Double { base - plot * max(0, v) / top0 }

        var s = open(width: width, height: h, title: title)
        s += "<line x1=\"\(fmt(left))\" y1=\"\(fmt(base))\" x2=\"\(fmt(width - right))\" y2=\"\(fmt(base))\" "
            + "stroke=\"#333\"/>"
        if let target {
            s += "<line x1=\"\(fmt(left))\" y1=\"\(fmt(y(target)))\" x2=\"\(fmt(width - right))\" "
                + "y2=\"\(fmt(y(target)))\" stroke=\"#1565c0\" stroke-dasharray=\"6 4\" stroke-width=\"1.5\"/>"
        }
        for (i, v) in values.enumerated() {
            let center = left + (Double(i) + 0.5) * slot
            let height = base - y(v)
            if height > 0 {
                s += "<rect x=\"\(fmt(center - bar / 2))\" y=\"\(fmt(y(v)))\" width=\"\(fmt(bar))\" "
                    + "height=\"\(fmt(height))\" fill=\"#b71c1c\"/>"
            }
            s += uprightValues
                ? text(valueTexts[i], x: center, y: y(v) - 4, size: valueSize, halo: true)
                : text(valueTexts[i], x: center + valueSize * 0.35, y: y(v) - 4, size: valueSize, anchor: "start",
                       rotate: -90, halo: true)
            switch labelLayout {
            case .lines(let lines):
                for (k, line) in lines[i].enumerated() {
                    s += text(line, x: center, y: base + labelSize + 4 + Double(k) * (labelSize + 2), size: labelSize)
                }
            case .slanted(let every):
                if i % every == 0 {
                    s += text(labels[i], x: center + 3, y: base + labelSize + 2, size: labelSize, anchor: "end",
                              rotate: -45)
                }
            }
        }
        return s + "</svg>"
    }

    /// A grid of rows × columns, filled where `filled(row, column)`. Row labels wrap in a column of their own;
    /// column labels turn 90° when the columns are narrow.
    public static func grid(title: String, rows: [String], columns: [String], filled: (Int, Int) -> Bool) -> String {
        let rowSize = labelSize, columnSize = labelSize
        let labelWidth = 300.0
        // columns as wide as their labels when there is room (a few months), narrower when there is not
        let widestColumn = columns.map { textWidth($0, size: columnSize) }.max() ?? 0
        let cellWidth = min((width - labelWidth - 14) / Double(max(columns.count, 1)), max(24, widestColumn + 10))
        let uprightColumns = columns.allSatisfy { textWidth($0, size: columnSize) <= cellWidth - 2 }
        let header = uprightColumns ? columnSize + 8
            : (columns.map { textWidth($0, size: columnSize) }.max() ?? 0) + 8
        let rowLines = rows.map { wrap($0, limit: labelWidth - 8, size: rowSize) }
        let heights = rowLines.map { max(18, Double($0.count) * (rowSize + 2) + 6) }
        let h = header + heights.reduce(0, +) + 4
        let x0 = labelWidth + 4
        var s = open(width: width, height: h, title: title)
        for (j, c) in columns.enumerated() {
            let x = x0 + cellWidth * (Double(j) + 0.5)
            s += uprightColumns ? text(c, x: x, y: header - 6, size: columnSize)
                : text(c, x: x + columnSize * 0.35, y: header - 4, size: columnSize, anchor: "start", rotate: -90)
        }
        var top = header
        for (i, lines) in rowLines.enumerated() {
            let rowHeight = heights[i]
            let textTop = top + (rowHeight - Double(lines.count) * (rowSize + 2)) / 2 + rowSize
            for (k, line) in lines.enumerated() {
                s += text(line, x: labelWidth - 4, y: textTop + Double(k) * (rowSize + 2), size: rowSize, anchor: "end")
            }
            let side = min(cellWidth - 2, 16)
            for j in columns.indices {
                let fill = filled(i, j) ? "#2e7d32" : "#e6e6e6"
                let x = x0 + cellWidth * (Double(j) + 0.5) - side / 2
                s += "<rect x=\"\(fmt(x))\" y=\"\(fmt(top + (rowHeight - side) / 2))\" width=\"\(fmt(side))\" "
                    + "height=\"\(fmt(side))\" fill=\"\(fill)\"/>"
            }
            if i > 0 {
                s += "<line x1=\"4\" y1=\"\(fmt(top))\" x2=\"\(fmt(width - 4))\" y2=\"\(fmt(top))\" stroke=\"#ddd\"/>"
            }
            top += rowHeight
        }
        return s + "</svg>"
    }
}
