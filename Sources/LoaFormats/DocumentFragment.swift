import LoaCore

extension HTMLRenderer {
    /// A document's content for a page that has its own frame and style sheet (the web front, whose
    /// Content-Security-Policy allows no inline style): the same head, title, numbered sections, blocks and charts
    /// as `render`, inside `<div class="document">`, with classes only — no `<style>`, no `style` attribute.
    public static func fragment(_ doc: AdminDocument) -> HTML {
        let t = doc.t
        var head: [HTML] = []
        if let p = doc.parentIssuer { head.append(.el("div", text: p.uppercased())) }
        head.append(.el("div", [("class", "issuer")], text: doc.issuer.uppercased()))
        head.append(.el("span", [("class", "rule")]))
        head.append(.el("div", text: doc.numberLine))
        let motto: [HTML] = [
            .el("div", [("class", "issuer")], text: t(DocumentText.nation)),
            .el("div", [("class", "motto")], text: t(DocumentText.motto)),
            .el("span", [("class", "rule wide")]),
        ]
        var body: [HTML] = [
            .el("div", [("class", "head")], [.el("div", [], head), .el("div", [], motto)]),
            .el("p", [("class", "date")], text: doc.dateLine),
            .el("h2", [("class", "title")], text: doc.title),
            .el("p", [("class", "subtitle")], text: doc.subtitle),
        ]
        if doc.draft { body.insert(.el("p", [("class", "draft")], text: t(DocumentText.draftMark)), at: 2) }
        if !doc.addressees.isEmpty {
            body.append(.el("p", [("class", "subtitle")], text: doc.addressees.map {
                t(DocumentText.addressee) + " " + $0 }.joined(separator: "; ")))
        }
        if let opening = doc.opening { body.append(.el("p", [], HTMLRenderer.inline(opening))) }
        for (i, section) in doc.sections.enumerated() {
            body.append(.el("h3", [("class", "section")], text: "\(roman(i)). \(section.title)"))
            body += section.blocks.map(fragment)
        }
        var foot: [HTML] = [.el("div", [("class", "to")], [.el("b", text: t(DocumentText.recipients) + ":"),
                                                           .el("ul", [], doc.recipients.map { .el("li", text: $0) })])]
        if let sig = doc.signature {
            foot.append(.el("div", [("class", "sign")], [
                .el("div", text: sig.authority), .el("div", text: sig.position), .el("div", [("class", "space")]),
                .el("div", text: sig.name),
            ]))
        }
        body.append(.el("div", [("class", "foot")], foot))
        return .el("div", [("class", "document"), ("lang", doc.language.rawValue)], body)
    }

    /// A block as `render` writes it, one heading level down (the page has its own `h1`), tables scrollable on a
    /// phone.
    static func fragment(_ b: Block) -> HTML {
        switch b {
        case .subheading(let t): return .el("h4", text: t)
        case .table: return .el("div", [("class", "scroll")], [render(b)])
        default: return render(b)
        }
    }
}
