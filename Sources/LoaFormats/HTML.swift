import LoaCore

/// HTML built as values: text and attribute values are escaped by construction.
public struct HTML: Sendable {
    public let raw: String
    init(raw: String) { self.raw = raw }

    public static func text(_ s: String) -> HTML { HTML(raw: escape(s)) }
    /// Markup produced by a trusted renderer (cmark in safe mode, Loa's own SVG).
    public static func trusted(_ s: String) -> HTML { HTML(raw: s) }

    /// Elements that HTML allows no content and no end tag for: `<br>`, never `<br></br>`.
    static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    ]

    /// An element; a void element (`br`, `meta`, `img`, `hr`, `input`, `link` …) gets no end tag and drops children.
    public static func el(_ name: String, _ attributes: [(String, String)] = [], _ children: [HTML] = []) -> HTML {
        var s = "<" + name
        for (k, v) in attributes { s += " " + k + "=\"" + escape(v) + "\"" }
        s += ">"
        if voidElements.contains(name) { return HTML(raw: s) }
        for c in children { s += c.raw }
        s += "</" + name + ">"
        return HTML(raw: s)
    }
    public static func el(_ name: String, _ attributes: [(String, String)] = [], text: String) -> HTML {
        el(name, attributes, [.text(text)])
    }

    /// Escapes `& < > " '`, safe for text and for quoted attribute values; control characters other than tab and
    /// line breaks are shown as `\\u{…}`.
    public static func escape(_ s: String) -> String {
        // most text has nothing to escape
        let s = s.controlsMadeVisible(keepingLayout: true)
        if !s.utf8.contains(where: { $0 == 38 || $0 == 60 || $0 == 62 || $0 == 34 || $0 == 39 }) { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}

/// The A4 print style of administrative documents, after Nghị định 30/2020/NĐ-CP (Phụ lục I): margins 20–25 mm
/// top and bottom, 30–35 mm left, 15–20 mm right; Times New Roman (Liberation Serif has the same metrics), body
/// 13 pt; the header in two columns (issuer and number on the left, national title and place-date on the right);
/// page numbers centred in the top margin from page 2 (CSS margin boxes, which Chromium prints).
public let documentStyle = """
@page { size: A4; margin: 20mm 15mm 20mm 30mm;
  @top-center { content: counter(page); vertical-align: bottom; padding-bottom: 5mm;
    font-family: "Times New Roman", "Liberation Serif", Tinos, serif; font-size: 13pt; } }
@page :first { @top-center { content: none; } }
body { font-family: "Times New Roman", "Liberation Serif", Tinos, "DejaVu Serif", serif; font-size: 13pt;
  line-height: 1.4; color: #000; max-width: 165mm; margin: 0 auto; padding: 12px; }
table.head { width: 100%; border-collapse: collapse; margin: 0 0 16pt; table-layout: fixed; }
table.head td { vertical-align: top; text-align: center; padding: 0; line-height: 1.25; }
table.head td.org { width: 44%; }
table.head td.nation { width: 56%; }
table.head .parent { font-size: 12pt; }
table.head .issuer { font-size: 12pt; font-weight: bold; }
table.head .nation-title { font-size: 12pt; font-weight: bold; white-space: nowrap; }
table.head .motto { font-size: 13pt; font-weight: bold; white-space: nowrap; }
table.head .motto span { display: inline-block; padding-bottom: 1pt; border-bottom: 1px solid #000; }
table.head .rule { width: 36%; margin: 2pt auto 0; border-top: 1px solid #000; height: 0; }
table.head tr.line td { vertical-align: baseline; padding-top: 6pt; font-size: 13pt; }
table.head td.date { font-style: italic; }
h1 { text-align: center; font-size: 14pt; line-height: 1.35; margin: 0; padding-top: 4pt; }
.draft { text-align: right; margin: 0 0 4pt; }
.draft span { display: inline-block; border: 1px solid #000; padding: 1pt 6pt; font-weight: bold; font-size: 12pt; }
.to-whom { text-align: center; margin: 0 0 8pt; }
.subtitle { text-align: center; font-weight: bold; font-size: 14pt; line-height: 1.35; margin: 2pt 12mm 0; }
.subtitle + .rule { width: 30%; margin: 6pt auto 14pt; border-top: 1px solid #000; height: 0; }
h2 { font-size: 13pt; line-height: 1.4; margin: 12pt 0 4pt; padding-top: 2pt; }
h3 { font-size: 13pt; font-style: italic; line-height: 1.4; margin: 8pt 0 3pt; padding-top: 2pt; }
h1, h2, h3, .subtitle { break-after: avoid; page-break-after: avoid; break-inside: avoid; page-break-inside: avoid; }
p { text-align: justify; margin: 0 0 5pt; text-indent: 1cm; orphans: 2; widows: 2; }
ul { margin: 2pt 0 6pt; padding-left: 1cm; }
li { text-align: justify; margin: 0 0 3pt; }
li ul { margin: 2pt 0 0; padding-left: 0.8cm; list-style-type: "- "; }
table.data td.num, table.data th.num { width: 1%; }
table.data { border-collapse: collapse; width: 100%; margin: 4pt 0 8pt; font-size: 12pt; line-height: 1.3; }
table.data thead { display: table-header-group; }
table.data tr { break-inside: avoid; page-break-inside: avoid; }
table.data th, table.data td { border: 1px solid #444; padding: 2pt 4pt; text-align: left; vertical-align: top; }
table.data th { background: #eee; font-weight: bold; }
table.data td.num, table.data th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.data td.nowrap { white-space: nowrap; }
table.foot { width: 100%; margin-top: 14pt; border-collapse: collapse; table-layout: fixed;
  break-inside: avoid; page-break-inside: avoid; }
table.foot td { vertical-align: top; padding: 0; }
table.foot td.to { width: 45%; font-size: 11pt; line-height: 1.3; }
table.foot td.to .label { font-size: 12pt; font-weight: bold; font-style: italic; }
table.foot td.sign { width: 55%; text-align: center; font-weight: bold; font-size: 13pt; line-height: 1.35; }
table.foot td.sign .space { height: 26mm; }
figure { margin: 6pt 0 10pt; text-align: center; break-inside: avoid; page-break-inside: avoid; }
figure .chart-title { font-size: 12pt; font-weight: bold; margin-bottom: 2pt; }
figure svg { display: block; margin: 0 auto; max-width: 100%; height: auto; }
figure figcaption { font-size: 11pt; font-style: italic; text-align: left; }
@media print { body { padding: 0; max-width: none; } }
"""

public enum HTMLRenderer {
    public static func render(_ doc: AdminDocument) -> String {
        var body: [HTML] = [header(doc)]
        if doc.draft { body.append(.el("p", [("class", "draft")], [.el("span", text: doc.t(DocumentText.draftMark))])) }
        body += [.el("h1", text: doc.title),
                 .el("div", [("class", "subtitle")], text: doc.subtitle),
                 .el("div", [("class", "rule")])]
        if !doc.addressees.isEmpty {
            body.append(.el("p", [("class", "to-whom")], doc.addressees.enumerated().flatMap { i, a -> [HTML] in
                (i > 0 ? [.el("br")] : []) + [.text(doc.t(DocumentText.addressee) + " " + a)]
            }))
        }
        if let opening = doc.opening { body.append(.el("p", [], inline(opening))) }
        for (i, section) in doc.sections.enumerated() {
            body.append(.el("h2", text: "\(roman(i)). \(section.title)"))
            body += section.blocks.map(render)
        }
        body.append(footer(doc))
        return page(title: "\(doc.title) — \(doc.subtitle)", language: doc.language, body: body)
    }

    /// The two-column header of Nghị định 30/2020: issuer and number on the left; national title, motto and the
    /// place-date line on the right, the number and the place-date on the same row.
    static func header(_ doc: AdminDocument) -> HTML {
        let t = doc.t
        var org: [HTML] = []
        func name(_ body: String) -> String { keepingPlaceTogether(body, place: doc.place).uppercased() }
        if let p = doc.parentIssuer { org.append(.el("div", [("class", "parent")], text: name(p))) }
        org.append(.el("div", [("class", "issuer")], text: name(doc.issuer)))
        org.append(.el("div", [("class", "rule")]))
        let nation: [HTML] = [
            .el("div", [("class", "nation-title")], text: t(DocumentText.nation)),
            .el("div", [("class", "motto")], [.el("span", text: t(DocumentText.motto))]),
        ]
        return .el("table", [("class", "head")], [.el("tbody", [], [
            .el("tr", [], [.el("td", [("class", "org")], org), .el("td", [("class", "nation")], nation)]),
            .el("tr", [("class", "line")], [.el("td", [("class", "number")], text: doc.numberLine),
                                            .el("td", [("class", "date")], text: doc.dateLine)]),
        ])])
    }

    /// Administrative levels that open the place part of a body's name ("… TỈNH ĐIỆN BIÊN").
    static let placeLevels = ["TỈNH", "THÀNH PHỐ", "HUYỆN", "QUẬN", "THỊ XÃ", "XÃ", "PHƯỜNG", "THỊ TRẤN"]

    /// A name whose place part ("tỉnh Điện Biên", or the place itself at its end) is bound by no-break spaces, so
    /// that a name too long for its line breaks before the place ("CÔNG ĐOÀN VIÊN CHỨC / TỈNH ĐIỆN BIÊN"), never
    /// inside it. Case is kept; the comparisons ignore it.
    public static func keepingPlaceTogether(_ name: String, place: String? = nil) -> String {
        let words = name.split(separator: " ").map(String.init)
        let upper = words.map { $0.uppercased() }
        var start: Int?
        for level in placeLevels {
            let parts = level.split(separator: " ").map(String.init)
            for i in stride(from: upper.count - parts.count, through: 1, by: -1)
            where Array(upper[i..<i + parts.count]) == parts {
                if start.map({ i > $0 }) ?? true { start = i }
                break
            }
        }
        // "THỊ XÃ", "THÀNH PHỐ": a two-word level found by its last word
        if let i = start, i > 1, placeLevels.contains(upper[i - 1] + " " + upper[i]) { start = i - 1 }
        // no level: the place's own words, when the name ends with them
        if start == nil, let place {
            let placeWords = place.uppercased().split(separator: " ").map(String.init)
            if placeWords.count > 1, placeWords.count < upper.count,
               Array(upper.suffix(placeWords.count)) == placeWords {
                start = upper.count - placeWords.count
            }
        }
        guard let start, upper.count - start <= 5 else { return name }
        return words[..<start].joined(separator: " ") + " " + words[start...].joined(separator: "\u{00A0}")
    }

    /// "Nơi nhận" on the left; the authority, position, room for signature and seal, and the name on the right.
    static func footer(_ doc: AdminDocument) -> HTML {
        let t = doc.t
        var to: [HTML] = [.el("div", [("class", "label")], text: t(DocumentText.recipients) + ":")]
        to += doc.recipientLines.map { .el("div", text: "- " + $0) }
        var sign: [HTML] = []
        if let sig = doc.signature {
            sign = [.el("div", text: sig.authority.uppercased()), .el("div", text: sig.position.uppercased()),
                    .el("div", [("class", "space")]), .el("div", text: sig.name)]
        }
        return .el("table", [("class", "foot")], [.el("tbody", [], [
            .el("tr", [], [.el("td", [("class", "to")], to), .el("td", [("class", "sign")], sign)]),
        ])])
    }

    public static func page(title: String, language: Language, style: String = documentStyle, body: [HTML]) -> String {
        "<!DOCTYPE html>\n" + HTML.el("html", [("lang", language.rawValue)], [
            .el("head", [], [.trusted("<meta charset=\"utf-8\">"), .el("title", text: title),
                             .el("style", [], [.trusted(style)])]),
            .el("body", [], body),
        ]).raw + "\n"
    }

    static func render(_ b: Block) -> HTML {
        switch b {
        case .paragraph(let t): return .el("p", [], inline(t))
        case .subheading(let t): return .el("h3", text: t)
        case .bullets(let items): return .el("ul", [], items.map { .el("li", [], inline($0)) })
        case .outline(let bullets):
            return .el("ul", [], bullets.map { b in
                let sublist: [HTML] = b.items.isEmpty ? [] : [.el("ul", [], b.items.map { .el("li", [], inline($0)) })]
                return .el("li", [], inline(b.text) + sublist)
            })
        case .chart(let c):
            return .el("figure", [], [.el("div", [("class", "chart-title")], text: c.title), .trusted(c.svg),
                                      .el("figcaption", text: c.fallback)])
        case .table(let t):
            func attributes(_ i: Int, header: Bool) -> [(String, String)] {
                if t.numeric.contains(i) { return [("class", "num")] }
                return !header && t.unbroken.contains(i) ? [("class", "nowrap")] : []
            }
            let head = HTML.el("tr", [], t.header.enumerated().map { i, h in
                .el("th", attributes(i, header: true), text: h)
            })
            let rows = t.rows.map { row in
                HTML.el("tr", [], row.enumerated().map { i, c in .el("td", attributes(i, header: false), inline(c)) })
            }
            return .el("table", [("class", "data")], [.el("thead", [], [head]), .el("tbody", [], rows)])
        }
    }

    /// Loa's inline markup as HTML: `**strong**`, `*emphasis*` and line breaks (see `InlineMarkup`).
    static func inline(_ s: String) -> [HTML] {
        InlineMarkup.runs(s).map { run in
            if run.lineBreak { return .el("br") }
            var html = HTML.text(run.text)
            if run.emphasis { html = .el("em", [], [html]) }
            if run.strong { html = .el("strong", [], [html]) }
            return html
        }
    }
}
