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

    /// Escapes `& < > " '`, safe for text and for quoted attribute values.
    public static func escape(_ s: String) -> String {
        // most text has nothing to escape
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

/// The A4 print style shared by every document Loa writes.
public let documentStyle = """
@page { size: A4; margin: 20mm 15mm 20mm 30mm; }
body { font-family: "Times New Roman", "Liberation Serif", "DejaVu Serif", serif; font-size: 13pt; line-height: 1.45; color: #111; max-width: 180mm; margin: 0 auto; padding: 12px; }
.head { width: 100%; border-collapse: collapse; margin-bottom: 10px; }
.head td { vertical-align: top; text-align: center; padding: 0; font-size: 12.5pt; line-height: 1.3; }
.head td:first-child { width: 42%; }
.head td:last-child { width: 58%; white-space: nowrap; }
.head .issuer { font-weight: bold; }
.head .rule { display: block; width: 35%; margin: 2px auto 4px; border-top: 1px solid #111; }
.head .motto { font-weight: bold; }
.date { text-align: right; font-style: italic; margin: 6px 0 18px; }
h1 { text-align: center; font-size: 14pt; margin: 18px 0 2px; }
.subtitle { text-align: center; font-weight: bold; margin: 0 0 18px; }
h2 { font-size: 13pt; margin: 16px 0 6px; }
h3 { font-size: 13pt; font-style: italic; margin: 12px 0 4px; }
p { text-align: justify; margin: 4px 0; text-indent: 1cm; }
table.data { border-collapse: collapse; width: 100%; margin: 6px 0 10px; font-size: 11.5pt; page-break-inside: auto; }
table.data th, table.data td { border: 1px solid #555; padding: 3px 6px; text-align: left; vertical-align: top; }
table.data th { background: #eee; }
table.data td.num { text-align: right; font-variant-numeric: tabular-nums; }
.foot { width: 100%; margin-top: 24px; border-collapse: collapse; }
.foot td { vertical-align: top; width: 50%; padding: 0; }
.foot .to { font-size: 11pt; }
.foot .to b { font-style: italic; font-size: 12pt; }
.foot .sign { text-align: center; font-weight: bold; }
.foot .sign .space { height: 22mm; }
figure { margin: 8px 0 12px; text-align: center; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-size: 11pt; font-style: italic; }
@media print { body { padding: 0; } h2 { page-break-after: avoid; } }
"""

public enum HTMLRenderer {
    public static func render(_ doc: AdminDocument) -> String {
        let t = doc.t
        var head: [HTML] = []
        if let p = doc.parentIssuer { head.append(.el("div", text: p.uppercased())) }
        head.append(.el("div", [("class", "issuer")], text: doc.issuer.uppercased()))
        head.append(.el("span", [("class", "rule")]))
        head.append(.el("div", text: doc.numberLine))
        let motto: [HTML] = [
            .el("div", [("class", "issuer")], text: t(DocumentText.nation)),
            .el("div", [("class", "motto")], text: t(DocumentText.motto)),
            .el("span", [("class", "rule"), ("style", "width:55%")]),
        ]
        var body: [HTML] = [
            .el("table", [("class", "head")], [.el("tr", [], [.el("td", [], head), .el("td", [], motto)])]),
            .el("div", [("class", "date")], text: doc.dateLine),
            .el("h1", text: doc.title),
            .el("div", [("class", "subtitle")], text: doc.subtitle),
        ]
        for (i, section) in doc.sections.enumerated() {
            body.append(.el("h2", text: "\(roman(i)). \(section.title)"))
            body += section.blocks.map(render)
        }
        let to = HTML.el("td", [("class", "to")], [.el("b", text: t(DocumentText.recipients) + ":"), .el("br")] +
                         doc.recipients.flatMap { [HTML.text("- " + $0), .el("br")] })
        var sign: [HTML] = []
        if let sig = doc.signature {
            sign = [.el("div", text: sig.authority), .el("div", text: sig.position), .el("div", [("class", "space")]),
                    .el("div", text: sig.name)]
        }
        body.append(.el("table", [("class", "foot")], [.el("tr", [], [to, .el("td", [("class", "sign")], sign)])]))
        return page(title: "\(doc.title) — \(doc.subtitle)", language: doc.language, body: body)
    }

    public static func page(title: String, language: Language, style: String = documentStyle, body: [HTML]) -> String {
        "<!DOCTYPE html>\n" + HTML.el("html", [("lang", language.rawValue)], [
            .el("head", [], [.trusted("<meta charset=\"utf-8\">"), .el("title", text: title), .el("style", [], [.trusted(style)])]),
            .el("body", [], body),
        ]).raw + "\n"
    }

    static func render(_ b: Block) -> HTML {
        switch b {
        case .paragraph(let t): return .el("p", [], inline(t))
        case .subheading(let t): return .el("h3", text: t)
        case .bullets(let items): return .el("ul", [], items.map { .el("li", [], inline($0)) })
        case .chart(let svg, let fallback): return .el("figure", [], [.trusted(svg), .el("figcaption", text: fallback)])
        case .table(let t):
            let head = HTML.el("tr", [], t.header.map { .el("th", text: $0) })
            let rows = t.rows.map { row in
                HTML.el("tr", [], row.enumerated().map { i, c in
                    t.numeric.contains(i) ? .el("td", [("class", "num")], inline(c)) : .el("td", [], inline(c))
                })
            }
            return .el("table", [("class", "data")], [.el("thead", [], [head]), .el("tbody", [], rows)])
        }
    }

    /// Loa's inline markup as HTML: `**strong**`, backslash escapes and `&lt;` `&gt;` `&amp;` (what
    /// `MarkdownRenderer.escape` writes); everything else is escaped text.
    static func inline(_ s: String) -> [HTML] {
        var out: [HTML] = []
        var text = ""
        var strong = false
        var i = s.startIndex
        func flush() {
            guard !text.isEmpty else { return }
            out.append(strong ? .el("strong", text: text) : .text(text))
            text = ""
        }
        while i < s.endIndex {
            let c = s[i]
            let next = s.index(after: i)
            if c == "\\", next < s.endIndex {
                text.append(s[next])
                i = s.index(after: next)
            } else if c == "*", next < s.endIndex, s[next] == "*" {
                flush()
                strong.toggle()
                i = s.index(after: next)
            } else if c == "&", let (entity, end) = entity(in: s, at: i) {
                text.append(entity)
                i = end
            } else {
                text.append(c)
                i = next
            }
        }
        flush()
        return out
    }

    static func entity(in s: String, at i: String.Index) -> (Character, String.Index)? {
        for (name, c) in [("&lt;", Character("<")), ("&gt;", ">"), ("&amp;", "&")] where s[i...].hasPrefix(name) {
            return (c, s.index(i, offsetBy: name.count))
        }
        return nil
    }
}
