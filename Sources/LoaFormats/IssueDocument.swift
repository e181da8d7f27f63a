import Foundation
import LoaCore

/// One published issue of a channel: its items rendered for print (A4) and as Markdown, under a masthead with
/// the channel's name and the issue's number.
public struct IssueDocument: Sendable {
    public let plan: Plan
    public let channel: Channel
    public let date: Day
    /// The issue's number on its channel ("Số 12"), counted from the channel's first publication.
    public let number: Int
    public let items: [Item]
    public let language: Language

    public init(plan: Plan, channel: Channel, date: Day, number: Int, items: [Item], language: Language) {
        self.plan = plan; self.channel = channel; self.date = date; self.number = number; self.items = items
        self.language = language
    }

    var t: Localizer { Localizer(language) }
    /// "Số 12 · Số ra Thứ Ba, 15/12/2026".
    var dateLine: String {
        t(DocumentText.issueNumber(number)) + " · " + t(DocumentText.issueDate(t.weekdayDate(date)))
    }
    /// The issuer above the masthead: "LIÊN ĐOÀN LAO ĐỘNG TỈNH … · CÔNG ĐOÀN VIÊN CHỨC TỈNH …".
    var issuerLine: String { ((plan.parentIssuer.map { [$0] } ?? []) + [plan.issuer]).map { $0.uppercased() }
        .joined(separator: " · ")
    }

    func themeTitles(_ item: Item) -> [String] {
        let index = plan.allThemes.indexed(by: \.ref)
        return item.themeRefs.compactMap { ref in index[ref].map { "\($0.project.short): \($0.theme.title)" } }
    }

    public func markdown() -> String {
        let e = MarkdownRenderer.escape
        var s = "\(e(issuerLine))\n\n# \(e(channel.name))\n\n"
        s += "*\(e(dateLine)) · \(t(DocumentText.itemCount(items.count)))*\n\n"
        for (i, item) in items.enumerated() {
            s += "## \(i + 1). \(e(item.title))\n\n"
            let themes = themeTitles(item)
            if !themes.isEmpty { s += "*" + themes.map(e).joined(separator: "; ") + "*\n\n" }
            if let summary = item.summary, !summary.isEmpty { s += "**\(e(summary))**\n\n" }
            s += item.body.trimmingCharacters(in: .whitespacesAndNewlines) + "\n\n"
            if let author = item.author { s += "*" + e(author) + "*\n\n" }
        }
        s += "---\n\n*" + e(t(DocumentText.placeAndDate(place: plan.place, day: date))) + "*\n"
        return s
    }

    /// The issue as an HTML page. `imageSource` gives each picture another address than the relative path the
    /// item's body links it by (`cid:` in an e-mail, an absolute URL in a feed).
    public func html(imageSource: ((String) -> String?)? = nil) -> String {
        var body: [HTML] = [
            .el("header", [("class", "mast")], [
                .el("div", [("class", "org")], text: issuerLine),
                .el("h1", channel.name.count > 28 ? [("class", "long")] : [],
                    text: HTMLRenderer.keepingPlaceTogether(channel.name, place: plan.place)),
                .el("div", [("class", "when")], [
                    .el("span", [("class", "number")], text: t(DocumentText.issueNumber(number))),
                    .el("span", text: t(DocumentText.issueDate(t.weekdayDate(date)))),
                    .el("span", text: t(DocumentText.itemCount(items.count))),
                ]),
            ]),
        ]
        if items.count > 1 {
            body.append(.el("nav", [("class", "toc"), ("aria-label", t(DocumentText.contents))], [
                .el("div", [("class", "toc-title")], text: t(DocumentText.contents)),
                .el("ol", [("lang", "vi")], items.map { .el("li", text: $0.title) }),
            ]))
        }
        for item in items {
            // content items are written in Vietnamese whatever the interface language
            var parts: [HTML] = [.el("h2", text: item.title)]
            let themes = themeTitles(item)
            if !themes.isEmpty { parts.append(.el("div", [("class", "themes")], themes.map { .el("span", text: $0) })) }
            if let summary = item.summary, !summary.isEmpty {
                parts.append(.el("p", [("class", "lead")], text: summary))
            }
            let html = ItemPage.body(item)
            parts.append(.trusted(imageSource.map { ItemPage.rewritingImageSources(html, $0) } ?? html))
            if let author = item.author { parts.append(.el("p", [("class", "byline")], text: author)) }
            body.append(.el("article", [("lang", "vi")], parts))
        }
        body.append(.el("footer", text: t(DocumentText.placeAndDate(place: plan.place, day: date))))
        return HTMLRenderer.page(title: "\(channel.name) — \(t(DocumentText.issueNumber(number))) — \(t.date(date))",
                                 language: language, style: issueStyle, body: body)
    }
}

/// The A4 print style of issues and item pages: a newsletter, not an administrative document. Serif body in
/// Times New Roman (Liberation Serif), headings in Arial (Liberation Sans); nothing is loaded from the network.
public let issueStyle = """
@page { size: A4; margin: 15mm 15mm 18mm; }
body { font-family: "Times New Roman", "Liberation Serif", Tinos, "DejaVu Serif", serif; font-size: 13pt;
  line-height: 1.5; color: #1a1a1a; max-width: 180mm; margin: 0 auto; padding: 10px; }
.mast { border-top: 6px solid #b71c1c; border-bottom: 2px solid #b71c1c; text-align: center; padding: 8px 0 6px;
  margin-bottom: 14px; }
.mast .org { font-family: Arial, "Liberation Sans", "DejaVu Sans", sans-serif; font-size: 9.5pt;
  letter-spacing: 0.03em; color: #444; }
.mast h1 { font-family: Arial, "Liberation Sans", "DejaVu Sans", sans-serif; color: #b71c1c; font-size: 24pt;
  line-height: 1.25; margin: 6px 0 6px; text-transform: uppercase; }
.mast h1.long { font-size: 20pt; }
.mast .when { display: flex; justify-content: space-between; border-top: 1px solid #b71c1c; padding-top: 4px;
  font-style: italic; font-size: 11pt; }
.mast .when .number { font-style: normal; font-weight: bold; }
.toc { font-family: Arial, "Liberation Sans", "DejaVu Sans", sans-serif; font-size: 10.5pt; background: #fbf3f2;
  border-left: 4px solid #b71c1c; padding: 4px 12px; margin-bottom: 12px; break-inside: avoid; }
.toc .toc-title { font-weight: bold; }
.toc ol { margin: 2px 0 4px; padding-left: 20px; }
article { margin: 0 0 16px; }
article + article { border-top: 1px solid #ccc; padding-top: 10px; }
h1, h2, h3, h4 { line-height: 1.3; padding-top: 2pt; break-after: avoid; page-break-after: avoid;
  break-inside: avoid; page-break-inside: avoid; }
h2 { font-family: Arial, "Liberation Sans", "DejaVu Sans", sans-serif; font-size: 15pt; color: #7f1010; margin: 6px 0; }
h3 { font-family: Arial, "Liberation Sans", "DejaVu Sans", sans-serif; font-size: 13pt; color: #7f1010;
  margin: 10px 0 4px; }
p { margin: 0 0 8px; text-align: justify; orphans: 2; widows: 2; }
.themes { break-after: avoid; page-break-after: avoid; }
.themes span { display: inline-block; font-family: Arial, "Liberation Sans", "DejaVu Sans", sans-serif;
  font-size: 9pt; background: #eee; border-radius: 3px; padding: 1px 6px; margin: 0 4px 4px 0; }
.lead { font-weight: bold; }
.byline { text-align: right; font-style: italic; }
.status { font-style: italic; color: #555; }
img { max-width: 100%; height: auto; break-inside: avoid; }
.no-image { font-style: italic; color: #555; }
table { border-collapse: collapse; margin: 6px 0; }
td, th { border: 1px solid #999; padding: 2px 8px; }
blockquote { border-left: 3px solid #b71c1c; margin: 6px 0; padding: 2px 10px; background: #faf7f7; }
footer { text-align: right; font-style: italic; font-size: 10pt; border-top: 1px solid #b71c1c; padding-top: 4px; }
"""
