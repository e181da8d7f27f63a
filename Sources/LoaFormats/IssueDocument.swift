import LoaCore

/// One published issue of a channel: its items rendered for print (A4) and as Markdown.
public struct IssueDocument: Sendable {
    public let plan: Plan
    public let channel: Channel
    public let date: Day
    public let items: [Item]
    public let language: Language

    public init(plan: Plan, channel: Channel, date: Day, items: [Item], language: Language) {
        self.plan = plan; self.channel = channel; self.date = date; self.items = items; self.language = language
    }

    var dateLine: String {
        language == .vi ? "Số ra \(PlanDocument.dayLabel(date, .vi))" : "Issue of \(date.iso)"
    }

    func themeTitles(_ item: Item) -> [String] {
        let index = Dictionary(plan.allThemes.map { ($0.ref.description, ($0.project.short, $0.theme.title)) }, uniquingKeysWith: { a, _ in a })
        return item.themes.compactMap { ref in index[ref.value].map { "\($0.0): \($0.1)" } }
    }

    public func markdown() -> String {
        var s = "# \(channel.name)\n\n*\(plan.issuer) — \(dateLine)*\n\n"
        for (i, item) in items.enumerated() {
            s += "## \(i + 1). \(item.title)\n\n"
            let themes = themeTitles(item)
            if !themes.isEmpty { s += "*" + themes.joined(separator: "; ") + "*\n\n" }
            if let summary = item.summary, !summary.isEmpty { s += "**\(summary)**\n\n" }
            s += item.body.trimmingCharacters(in: .whitespacesAndNewlines) + "\n\n"
        }
        return s
    }

    public func html() -> String {
        var body: [HTML] = [
            .el("header", [("class", "mast")], [
                .el("div", [("class", "org")], text: (plan.parentIssuer.map { $0.uppercased() + " · " } ?? "") + plan.issuer.uppercased()),
                .el("h1", text: channel.name),
                .el("div", [("class", "when")], text: dateLine + " · " + (language == .vi ? "\(items.count) bài" : "\(items.count) items")),
            ]),
        ]
        if items.count > 1 {
            body.append(.el("nav", [("class", "toc")], [.el("ol", [], items.map { .el("li", text: $0.title) })]))
        }
        for item in items {
            var parts: [HTML] = [.el("h2", text: item.title)]
            let themes = themeTitles(item)
            if !themes.isEmpty { parts.append(.el("div", [("class", "themes")], themes.map { .el("span", text: $0) })) }
            if let summary = item.summary, !summary.isEmpty { parts.append(.el("p", [("class", "lead")], text: summary)) }
            parts.append(.trusted(Markdown.html(item.body)))
            if let author = item.author { parts.append(.el("p", [("class", "byline")], text: author)) }
            body.append(.el("article", [], parts))
        }
        body.append(.el("footer", text: placeAndDate(place: plan.place, date: date, language: language)))
        return HTMLRenderer.page(title: "\(channel.name) — \(date.iso)", language: language, style: issueStyle, body: body)
    }
}

public let issueStyle = """
@page { size: A4; margin: 15mm; }
body { font-family: "Liberation Serif", "Times New Roman", "DejaVu Serif", serif; font-size: 12.5pt; line-height: 1.5; color: #1a1a1a; max-width: 185mm; margin: 0 auto; padding: 10px; }
.mast { border-top: 6px solid #b71c1c; border-bottom: 2px solid #b71c1c; text-align: center; padding: 8px 0 10px; margin-bottom: 14px; }
.mast .org { font-family: "Liberation Sans", "DejaVu Sans", sans-serif; font-size: 10pt; letter-spacing: 0.04em; color: #444; }
.mast h1 { font-family: "Liberation Sans", "DejaVu Sans", sans-serif; color: #b71c1c; font-size: 24pt; margin: 6px 0 4px; text-transform: uppercase; }
.mast .when { font-style: italic; font-size: 11pt; }
.toc { font-family: "Liberation Sans", "DejaVu Sans", sans-serif; font-size: 10.5pt; background: #fbf3f2; border-left: 4px solid #b71c1c; padding: 4px 12px; margin-bottom: 12px; }
.toc ol { margin: 4px 0; padding-left: 20px; }
article { margin: 0 0 16px; page-break-inside: avoid; }
article + article { border-top: 1px solid #ccc; padding-top: 10px; }
h2 { font-family: "Liberation Sans", "DejaVu Sans", sans-serif; font-size: 15pt; color: #7f1010; margin: 6px 0; }
.themes span { display: inline-block; font-family: "Liberation Sans", "DejaVu Sans", sans-serif; font-size: 9pt; background: #eee; border-radius: 3px; padding: 1px 6px; margin: 0 4px 4px 0; }
.lead { font-weight: bold; }
.byline { text-align: right; font-style: italic; }
table { border-collapse: collapse; margin: 6px 0; }
td, th { border: 1px solid #999; padding: 2px 8px; }
blockquote { border-left: 3px solid #b71c1c; margin: 6px 0; padding: 2px 10px; background: #faf7f7; }
footer { text-align: right; font-style: italic; font-size: 10pt; border-top: 1px solid #b71c1c; padding-top: 4px; }
"""
