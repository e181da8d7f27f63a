import LoaCore
import LoaFormats
import LoaWorkflows

/// A long list shown 50 at a time: the page shown (the last when one beyond is asked for), the part of the list it
/// holds, and the links to the pages beside it. The items list and the pages listing units share it.
struct Pagination {
    static let size = 50
    let count: Int
    let page: Int

    init(count: Int, asked: Int) {
        self.count = count
        page = min(max(1, asked), max(1, (count + Self.size - 1) / Self.size))
    }

    var pages: Int { max(1, (count + Self.size - 1) / Self.size) }
    /// Where in the list this page's entries are.
    var range: Range<Int> { (page - 1) * Self.size ..< min(count, page * Self.size) }

    /// "← Trang trước", where this page stands (`position`, also the navigation's label), "Trang sau →";
    /// `href` makes the address of another page.
    func links(_ position: String, cssClass: String, t: Localizer, href: (Int) -> String) -> HTML {
        func link(_ n: Int, _ text: String) -> HTML {
            .el("a", [("href", href(n)), ("rel", n < page ? "prev" : "next")], text: text)
        }
        var parts: [HTML] = []
        if page > 1 { parts.append(link(page - 1, t(OfficerText.previousPage))) }
        parts.append(.el("span", [], text: position))
        if page < pages { parts.append(link(page + 1, t(OfficerText.nextPage))) }
        return .el("nav", [("class", cssClass), ("aria-label", position)], parts)
    }
}

/// The pieces the officers' and leaders' pages share: the wide frame, post buttons, notices, downloads.
enum OfficerUI {
    /// A page made for a desk (and still usable on a phone): the frame with a wide content area.
    static func page(_ title: String, _ c: RequestContext, status: Int = 200, _ body: [HTML]) -> HTTPResponse {
        Pages.page(title, context: c, status: status, body: [.el("div", [("class", "desk")], body)])
    }

    /// A one-button form that posts to `route` (with the CSRF token, a one-time key, and hidden fields).
    static func button(_ route: Route, _ label: String, _ c: RequestContext, fields: [(String, String)] = [],
                       secondary: Bool = false, name: String? = nil) -> HTML {
        var parts: [HTML] = fields.map { Pages.hidden($0.0, $0.1) }
        var attributes: [(String, String)] = [("type", "submit")]
        if secondary { attributes.append(("class", "secondary")) }
        if let name { attributes.append(("name", name)) }
        parts.append(.el("button", attributes, text: label))
        return Pages.form(route, c, attributes: [("class", "inline")], parts)
    }

    /// The messages of a failed workflow, in words: rules explained, never a file path, a line or a rule number.
    static func failure(_ f: Failure, _ c: RequestContext) -> HTML {
        .el("div", [("class", "notice error"), ("role", "alert")], [
            .el("p", [], [.el("strong", text: c.t(OfficerText.notDone))]),
            // the message in words, never the file and line it was found at (SPEC §9.7)
            .el("ul", [], f.diagnostics.filter { $0.severity == .error }.map { d in
                .el("li", [], text: d.message.inWords.text(c.language))
            }),
        ])
    }

    /// The notice a redirect asked for (`?done=…`), if any.
    static func doneNotice(_ c: RequestContext) -> [HTML] {
        guard let key = c.request.queryValue("done") else { return [] }
        if let text = ItemText.done(key) { return [Pages.notice(c.t(text))] }
        guard let text = OfficerText.done(key) else { return [] }
        return [Pages.notice(c.t(text))]
    }

    /// A file to save, never shown in the browser (`Content-Disposition: attachment`).
    static func download(_ text: String, name: String, type: String) -> HTTPResponse {
        var r = HTTPResponse(status: 200, headers: [HTTPHeader("Content-Type", type)], body: Array(text.utf8))
        r.setHeader("Content-Disposition", "attachment; filename=\"\(name)\"")
        r.setHeader("Cache-Control", "no-store")
        return r
    }

    /// The content type of a report or issue download.
    static func contentType(_ format: Reporting.Format) -> String {
        switch format {
        case .md: return "text/markdown; charset=utf-8"
        case .html: return "text/html; charset=utf-8"
        case .csv, .annex: return "text/csv; charset=utf-8"
        case .json: return "application/json"
        }
    }

    /// A labelled definition list row.
    static func fact(_ label: String, _ value: [HTML]) -> [HTML] { [.el("dt", text: label), .el("dd", [], value)] }

    /// A small label for a state (`proposed`, `confirmed`, `late` …), coloured by the style sheet.
    static func badge(_ text: String, _ kind: String) -> HTML { .el("span", [("class", "badge \(kind)")], text: text) }

    /// `?name=value&…` for links that keep a page's filters (relative to the page itself).
    static func query(_ pairs: [(String, String?)]) -> String {
        let kept = pairs.compactMap { p in p.1.map { "\(percentEncoded(p.0))=\(percentEncoded($0))" } }
        return kept.isEmpty ? "" : "?" + kept.joined(separator: "&")
    }
}
