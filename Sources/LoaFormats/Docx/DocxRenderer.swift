import LoaCore

/// An administrative document as Word (Nghị định 30/2020/NĐ-CP): the two-column header as a borderless table
/// (issuer and number on the left, national title, motto and place-date on the right), the title, the opening, the
/// numbered sections with Word tables and charts as pictures (PNG drawn by librsvg from the same SVG as the HTML),
/// and the signature block beside "Nơi nhận".
public enum DocxRenderer {
    public static func render(_ doc: AdminDocument) throws(Failure) -> [UInt8] {
        var w = WordDocument()
        header(doc, &w)
        for (i, section) in doc.sections.enumerated() {
            w.paragraph([.init("\(roman(i)). \(section.title)", bold: true)],
                        .init(align: .both, before: 120, after: 60, keepNext: true, style: "Heading1"))
            for block in section.blocks { render(block, &w) }
        }
        footer(doc, &w)
        return try w.package(title: "\(doc.title) — \(doc.subtitle)", language: doc.language, date: doc.date)
    }

    /// A rule `width` twips long, centred in `column`.
    static func rule(_ width: Int, in column: Int) -> String {
        var layout = WordDocument.Layout(align: .center, left: (column - width) / 2, right: (column - width) / 2,
                                         after: 0)
        layout.ruleBelow = true
        layout.line = 120
        return WordDocument.paragraph([.init("", size: 2)], layout)
    }

    static func header(_ doc: AdminDocument, _ w: inout WordDocument) {
        let t = doc.t
        let left = w.textWidth * 44 / 100, right = w.textWidth - left
        func line(_ text: String, bold: Bool = false, size: Double = 12, italic: Bool = false) -> String {
            WordDocument.paragraph([.init(text, bold: bold, italic: italic, size: size)], .centered)
        }
        func name(_ s: String) -> String { HTMLRenderer.keepingPlaceTogether(s, place: doc.place).uppercased() }
        var org: [String] = []
        if let p = doc.parentIssuer { org.append(line(name(p))) }
        org.append(line(name(doc.issuer), bold: true))
        org.append(rule(left * 36 / 100, in: left))
        let nation = [line(t(DocumentText.nation), bold: true), line(t(DocumentText.motto), bold: true, size: 13),
                      rule(right * 62 / 100, in: right)]
        var spaced = WordDocument.Layout.centered
        spaced.before = 120
        let number = WordDocument.paragraph([.init(doc.numberLine, size: 13)], spaced)
        let date = WordDocument.paragraph([.init(doc.dateLine, italic: true, size: 13)], spaced)
        w.append(WordDocument.table([[.init(org), .init(nation)], [.init([number]), .init([date])]],
                                    widths: [left, right], borders: false))
        if doc.draft {
            var mark = WordDocument.Run(t(DocumentText.draftMark), bold: true, size: 12)
            mark.boxed = true
            w.paragraph([mark], .init(align: .right, before: 120, after: 0))
        }
        w.paragraph([.init(doc.title, bold: true, size: 14)], .init(align: .center, before: 240, after: 0,
                                                                      keepNext: true))
        w.paragraph([.init(doc.subtitle, bold: true, size: 14)], .init(align: .center, left: 680, right: 680,
                                                                         after: 0, keepNext: true))
        w.append(rule(w.textWidth * 30 / 100, in: w.textWidth))
        w.paragraph([], .init(after: 120))
        for a in doc.addressees {
            w.paragraph([.init(t(DocumentText.addressee) + " " + a)], .init(align: .center, after: 120))
        }
        if let opening = doc.opening { w.paragraph(.markup(opening), .body) }
    }

    static func render(_ block: Block, _ w: inout WordDocument) {
        switch block {
        case .paragraph(let text): w.paragraph(.markup(text), .body)
        case .subheading(let text):
            w.paragraph([.init(text, bold: true, italic: true)], .init(before: 60, after: 60, keepNext: true,
                                                                        style: "Heading2"))
        case .bullets(let items):
            for item in items { w.paragraph([.init("- ")] + .markup(item), .body) }
        case .outline(let bullets):
            for b in bullets {
                w.paragraph([.init("- ")] + .markup(b.text), .body)
                for item in b.items {
                    w.paragraph([.init("+ ")] + .markup(item), WordDocument.Layout(firstLine: 567, left: 567))
                }
            }
        case .table(let table): w.append(self.table(table, width: w.textWidth))
        case .chart(let chart):
            w.paragraph([.init(chart.title, bold: true, size: 12)], .init(align: .center, before: 60, after: 40,
                                                                            keepNext: true))
            if let picture = Pictures.png(svg: chart.svg) {
                w.picture(picture, width: w.textWidth, description: chart.fallback,
                          .init(align: .center, after: 40, keepNext: true))
            }
            w.paragraph([.init(chart.fallback, italic: true, size: 11)], .init(after: 160))
        }
    }

    /// A Word table: a shaded header row repeated on each page, numbers right-aligned in narrow columns, the other
    /// columns sharing the rest by how much they hold.
    static func table(_ t: Table, width: Int) -> String {
        let columns = max(t.header.count, t.rows.map(\.count).max() ?? 0)
        func cellText(_ i: Int, _ row: [String]) -> String { i < row.count ? row[i] : "" }
        let longest = (0..<columns).map { i in
            ([t.header] + t.rows).map { InlineMarkup.plain(cellText(i, $0)).count }.max() ?? 0
        }
        var widths = (0..<columns).map { i -> Int in
            guard t.numeric.contains(i) || t.unbroken.contains(i) else { return 0 }
            // a header takes two lines at most, a word never breaks
            let words = t.header.indices.contains(i) ? t.header[i].split(separator: " ").map(\.count) : []
            let header = max(words.max() ?? 0, (words.reduce(0, +) + words.count) / 2 + 1)
            let body = t.rows.map { InlineMarkup.plain(cellText(i, $0)).count }.max() ?? 0
            return min(width / 3, max(header, body) * 125 + 220)
        }
        let fixed = widths.reduce(0, +)
        let free = (0..<columns).filter { widths[$0] == 0 }
        let weights = free.map { Double(min(max(longest[$0], 8), 60)) }
        let total = weights.reduce(0, +)
        for (k, i) in free.enumerated() {
            widths[i] = total > 0 ? Int(Double(max(width - fixed, 0)) * weights[k] / total) : 0
        }
        func cell(_ text: String, _ i: Int, header: Bool) -> WordDocument.Cell {
            let align: WordDocument.Alignment = t.numeric.contains(i) ? .right : .left
            return .init([WordDocument.paragraph(WordDocument.Run.markup(text, bold: header, size: 12),
                                                 .init(align: align, after: 0))])
        }
        let rows = [t.header.enumerated().map { cell($1, $0, header: true) }]
            + t.rows.map { row in (0..<columns).map { cell(cellText($0, row), $0, header: false) } }
        var xml = WordDocument.table(rows, widths: widths, header: 1)
        xml += WordDocument.paragraph([], .init(after: 80))
        return xml
    }

    /// "Nơi nhận" on the left; the authority, position, room to sign and seal, and the name on the right.
    static func footer(_ doc: AdminDocument, _ w: inout WordDocument) {
        let t = doc.t
        let left = w.textWidth * 45 / 100, right = w.textWidth - left
        var to = [WordDocument.paragraph([.init(t(DocumentText.recipients) + ":", bold: true, italic: true, size: 12)],
                                         .init(align: .left, after: 0))]
        to += doc.recipientLines.map {
            WordDocument.paragraph([.init("- " + $0, size: 11)], .init(align: .left, after: 0))
        }
        var sign: [String] = []
        if let sig = doc.signature {
            let centered = WordDocument.Layout.centered
            sign = [WordDocument.paragraph([.init(sig.authority.uppercased(), bold: true)], centered),
                    WordDocument.paragraph([.init(sig.position.uppercased(), bold: true)], centered)]
            sign += Array(repeating: WordDocument.paragraph([], centered), count: 5)
            sign.append(WordDocument.paragraph([.init(sig.name, bold: true)], centered))
        }
        w.paragraph([], .init(after: 120))
        w.append(WordDocument.table([[.init(to), .init(sign)]], widths: [left, right], borders: false))
    }
}

extension Array where Element == WordDocument.Run {
    static func markup(_ s: String) -> [WordDocument.Run] { WordDocument.Run.markup(s) }
}
