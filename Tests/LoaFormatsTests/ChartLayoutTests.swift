import Foundation
import Testing
@testable import LoaFormats

/// A `<text>` of a chart as the box its glyphs take (a rectangle turned by the element's rotation), measured
/// with the same width estimate the layout uses.
private struct LabelBox {
    let text: String
    let corners: [(Double, Double)]

    init?(_ element: String) {
        func attribute(_ name: String) -> String? {
            guard let r = element.range(of: " \(name)=\"") else { return nil }
            return element[r.upperBound...].split(separator: "\"", maxSplits: 1).first.map(String.init)
        }
        guard let x = attribute("x").flatMap(Double.init), let y = attribute("y").flatMap(Double.init),
              let size = attribute("font-size").flatMap(Double.init),
              let start = element.firstIndex(of: ">"), let end = element.range(of: "</text>") else { return nil }
        text = String(element[element.index(after: start)..<end.lowerBound])
        let width = Charts.textWidth(text, size: size)
        let left: Double
        switch attribute("text-anchor") {
        case "end": left = x - width
        case "middle": left = x - width / 2
        default: left = x
        }
        var angle = 0.0
        if let t = attribute("transform"), let open = t.firstIndex(of: "(") {
            angle = Double(t[t.index(after: open)...].split(separator: " ").first ?? "") ?? 0
        }
        let radians = angle * .pi / 180
        let box = [(left, y - 0.8 * size), (left + width, y - 0.8 * size), (left + width, y + 0.2 * size),
                   (left, y + 0.2 * size)]
        corners = box.map { px, py in
            let dx = px - x, dy = py - y
            return (x + dx * cos(radians) - dy * sin(radians), y + dx * sin(radians) + dy * cos(radians))
        }
    }

    /// Whether two convex boxes overlap (separating axis test).
    func overlaps(_ other: LabelBox) -> Bool {
        for shape in [corners, other.corners] {
            for i in 0..<4 {
                let (ax, ay) = shape[i], (bx, by) = shape[(i + 1) % 4]
                let normal = (ay - by, bx - ax)
                let a = corners.map { $0.0 * normal.0 + $0.1 * normal.1 }
                let b = other.corners.map { $0.0 * normal.0 + $0.1 * normal.1 }
                if (a.max() ?? 0) <= (b.min() ?? 0) + 0.01 || (b.max() ?? 0) <= (a.min() ?? 0) + 0.01 { return false }
            }
        }
        return true
    }
}

/// The labels of an SVG drawn by `Charts`, halo copies left out, and the drawing's size.
private func labels(_ svg: String) -> (boxes: [LabelBox], width: Double, height: Double) {
    let view = svg.range(of: "viewBox=\"0 0 ").map { svg[$0.upperBound...].split(separator: "\"").first ?? "" } ?? ""
    let size = view.split(separator: " ").compactMap { Double($0) }
    let elements = svg.components(separatedBy: "<text").dropFirst().map { "<text" + $0 }
        .filter { !$0.contains("stroke=\"#fff\"") }
    return (elements.compactMap(LabelBox.init), size.first ?? 0, size.last ?? 0)
}

private func expectNoOverlapInside(_ svg: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let (boxes, width, height) = labels(svg)
    #expect(!boxes.isEmpty, sourceLocation: sourceLocation)
    for (i, a) in boxes.enumerated() {
        for b in boxes[(i + 1)...] where a.overlaps(b) {
            Issue.record("labels \"\(a.text)\" and \"\(b.text)\" overlap", sourceLocation: sourceLocation)
        }
        let inside = a.corners.allSatisfy {
            $0.0 >= -0.5 && $0.0 <= width + 0.5 && $0.1 >= -0.5 && $0.1 <= height + 0.5
        }
        #expect(inside, "label \"\(a.text)\" is cut at the drawing's edge", sourceLocation: sourceLocation)
    }
}

@Suite struct ChartLayoutTests {
    @Test(arguments: [1, 2, 3, 12, 25, 40])
    func monthAndValueLabelsNeverOverlapNorLeaveTheDrawing(months: Int) {
        let labels = (0..<months).map { "\(($0 % 12) + 1)/\(2025 + $0 / 12)" }
        let rates = (0..<months).map { Double(($0 * 37) % 100) / 100 + 0.003 }
        expectNoOverlapInside(Charts.bars(title: "Tỷ lệ", labels: labels, values: rates, maxValue: 1, target: 0.9) {
            String(format: "%.1f%%", $0 * 100).replacingOccurrences(of: ".", with: ",")
        })
        let counts = (0..<months).map { Double(($0 * 7919) % 1300) }
        expectNoOverlapInside(Charts.bars(title: "Hoạt động", labels: labels, values: counts) { String(Int($0)) })
    }

    @Test func twentyFiveMonthsStayLegibleOnA4() {
        let labels = (0..<25).map { "\(($0 % 12) + 1)/\(2025 + $0 / 12)" }
        let svg = Charts.bars(title: "t", labels: labels, values: Array(repeating: 0.938, count: 25), maxValue: 1) {
            String(format: "%.1f%%", $0 * 100)
        }
        // printed 165 mm wide, a bar is at least 3 mm and every month keeps its label
        let bars = svg.components(separatedBy: "<rect").dropFirst().compactMap { rect -> Double? in
            guard let r = rect.range(of: "width=\"") else { return nil }
            return Double(rect[r.upperBound...].prefix { $0 != "\"" })
        }
        #expect(bars.count == 25)
        #expect(bars.allSatisfy { $0 * 165 / Charts.width >= 3 })
        for label in labels { #expect(svg.contains(">\(label)</text>")) }
        expectNoOverlapInside(svg)
    }

    @Test func longCategoryLabelsWrapOrSlantWithoutOverlap() {
        let clusters = ["cum-quan-ly-nha-nuoc", "cum-giao-duc", "cum-y-te", "cum-van-hoa", "cum-khac-nhau-rat-dai"]
        expectNoOverlapInside(Charts.bars(title: "Cụm", labels: clusters, values: [12, 8, 4, 3, 0]) { String(Int($0)) })
        let types = ["Hội nghị", "Sinh hoạt chuyên đề", "Tuyên truyền miệng", "Bảng tin", "Mạng xã hội",
                     "Thi tìm hiểu", "Tham quan", "Khác"]
        let svg = Charts.bars(title: "Hình thức", labels: types, values: [15, 10, 5, 0, 8, 9, 1, 0]) { String(Int($0)) }
        expectNoOverlapInside(svg)
        // eight types fit across the page when their words wrap: no label is turned
        #expect(!svg.contains("rotate(-45"))
        #expect(svg.contains(">Sinh hoạt</text>") && svg.contains(">chuyên đề</text>"))
    }

    @Test func theThemeGridWrapsItsRowsAndTurnsNarrowColumns() {
        let rows = (0..<11).map {
            "museum/1.1/\($0) — Kết luận, chỉ đạo của Bộ Chính trị, Ban Bí thư về Đề án; biến chủ trương thành quyết "
                + "tâm chính trị chung"
        }
        for months in [2, 3, 25] {
            let columns = (0..<months).map { "\(($0 % 12) + 1)/2026" }
            let svg = Charts.grid(title: "g", rows: rows, columns: columns) { ($0 + $1) % 3 == 0 }
            expectNoOverlapInside(svg)
            #expect(svg.contains("rotate(-90") == (months == 25), "\(months) months")
            // every row label is drawn to its last word: nothing is cut
            let lines = labels(svg).boxes.map(\.text)
            #expect(lines.filter { $0.hasSuffix("chung") }.count == 11)
            #expect(lines.joined(separator: " ").components(separatedBy: "Ban Bí thư").count - 1 == 11)
        }
    }

    @Test func everyLabelAndTheTitleAreEscaped() {
        let svg = Charts.bars(title: "A & <b>", labels: ["<script>", "x\"y"], values: [1, 2]) { _ in "'" }
        #expect(!svg.contains("<script>") && !svg.contains("<b>"))
        #expect(svg.contains("&lt;script&gt;") && svg.contains("x&quot;y") && svg.contains("&#39;"))
        #expect(svg.contains("<title>A &amp; &lt;b&gt;</title>"))
        let grid = Charts.grid(title: "t", rows: ["<i>"], columns: ["&"]) { _, _ in true }
        #expect(grid.contains("&lt;i&gt;") && grid.contains(">&amp;</text>"))
    }
}
