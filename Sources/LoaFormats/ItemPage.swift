import Foundation
import LoaCore

/// A content item as a page (`loa render`, the web's preview), and the text of a new item's file.
public enum ItemPage {
    public static func html(_ item: Item, plan: Plan, language: Language) -> String {
        html(item, themes: plan.allThemes.indexed(by: \.ref), language: language)
    }

    /// The same with the plan's themes indexed once by the caller, for many pages (`loa render`).
    public static func html(_ item: Item, themes: [ThemeRef: PlannedTheme], language: Language) -> String {
        let t = Localizer(language)
        var parts: [HTML] = [.el("h1", text: item.title)]
        parts.append(.el("div", [("class", "themes")], item.themeRefs.map { r in
            .el("span", text: themes[r].map { "\($0.project.short): \($0.theme.title)" } ?? r.description)
        }))
        if let s = item.summary, !s.isEmpty { parts.append(.el("p", [("class", "lead")], text: s)) }
        parts.append(.trusted(body(item)))
        var meta = [t(DocumentText.itemStatus(t(item.status)))]
        if let a = item.author { meta.append(t(DocumentText.itemAuthor(a))) }
        if let d = item.approved {
            meta.append(t(DocumentText.itemApproved(date: t.date(d.value), by: item.approvedBy)))
        }
        parts.append(.el("p", [("class", "byline"), ("lang", language.rawValue)], text: meta.joined(separator: " · ")))
        // content items are written in Vietnamese whatever the interface language; only Loa's own words follow it
        return HTMLRenderer.page(title: item.title, language: .vi, style: issueStyle, body: [.el("article", [], parts)])
    }

    /// Every item with its status, linked to its page.
    public static func index(_ items: [Item], plan: Plan, language: Language) -> String {
        let t = Localizer(language)
        let list = HTML.el("ul", [], items.map {
            .el("li", [], [.el("a", [("href", "\($0.id.value).html")], text: $0.title), .text(" · "),
                           .el("span", [("class", "status"), ("lang", language.rawValue)], text: t($0.status))])
        })
        return HTMLRenderer.page(title: plan.title, language: .vi, style: issueStyle,
                                 body: [.el("h1", text: plan.title), list])
    }

    /// An item's body as HTML: cmark in safe mode, and no image that would load from the network (a remote
    /// image, which `loa check` refuses, shows its description instead).
    public static func body(_ item: Item) -> String { withoutRemoteImages(Markdown.html(item.body)) }

    /// Replaces every `<img>` whose source is on the network by its alternative text.
    static func withoutRemoteImages(_ html: String) -> String {
        replacingImages(html) { tag in
            guard ItemMedia.isRemote(attribute("src", in: tag) ?? "") else { return String(tag) }
            return "<span class=\"no-image\">" + (attribute("alt", in: tag) ?? "") + "</span>"
        }
    }

    /// Gives every `<img>` the address `source` returns for its own (the path as the body wrote it, entities and
    /// percent-escapes decoded); an image `source` gives nil for keeps its address.
    public static func rewritingImageSources(_ html: String, _ source: (String) -> String?) -> String {
        replacingImages(html) { tag in
            guard let src = attribute("src", in: tag), let start = tag.range(of: " src=\"" + src + "\""),
                  let replaced = source(decodedAttribute(src)) else { return String(tag) }
            return tag[..<start.lowerBound] + " src=\"" + HTML.escape(replaced) + "\"" + tag[start.upperBound...]
        }
    }

    /// cmark's HTML with each `<img …>` tag replaced by what `replace` makes of it.
    static func replacingImages(_ html: String, _ replace: (Substring) -> String) -> String {
        guard mayHoldImage(html) else { return html }
        var out = ""
        var rest = html[...]
        while let open = rest.range(of: "<img ") {
            out += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: ">") else { rest = rest[open.lowerBound...]; break }
            out += replace(rest[open.lowerBound..<close.upperBound])
            rest = rest[close.upperBound...]
        }
        return out + rest
    }

    /// An attribute as cmark wrote it, back to the link the Markdown held: entities, then percent-escapes, undone.
    static func decodedAttribute(_ value: String) -> String {
        let text = value.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
        return text.removingPercentEncoding ?? text
    }

    /// Whether the text holds `<img `, found on its bytes (most bodies show no image).
    static func mayHoldImage(_ html: String) -> Bool {
        var html = html
        return html.withUTF8 { bytes in
            let tag: [UInt8] = Array("<img ".utf8)
            var i = 0
            while i + 5 <= bytes.count {
                if bytes[i] == 60, bytes[i + 1] == tag[1], bytes[i + 2] == tag[2], bytes[i + 3] == tag[3],
                   bytes[i + 4] == tag[4] { return true }
                i += 1
            }
            return false
        }
    }

    /// An attribute's value as cmark writes it (double quotes, already escaped).
    static func attribute(_ name: String, in tag: Substring) -> String? {
        guard let start = tag.range(of: " " + name + "=\"") else { return nil }
        let value = tag[start.upperBound...]
        return value.firstIndex(of: "\"").map { String(value[..<$0]) }
    }
}

/// The images an item's body shows: files of the workspace, copied next to every page that shows them so that
/// the body's relative links work there (`out/issues/CHANNEL/`, `out/items/`).
public enum ItemMedia {
    /// A file to copy: where it is, and its path relative to the page (the link as the body writes it).
    public struct File: Sendable, Hashable {
        public let source: String
        public let relative: String
    }

    /// A link that would load from the network: a scheme (`http://`, `https://` …) or a protocol-relative `//`.
    public static func isRemote(_ url: String) -> Bool {
        url.contains("://") || url.hasPrefix("//")
    }

    /// The files an item's images need, and what is wrong with the others (remote, outside `content/`, missing),
    /// with the position of the image in the item's file. A link resolves against `content/`, then
    /// `content/media/`, as `loa check` resolves it.
    public static func files(of item: Item, paths: WorkspacePaths) -> (files: [File], problems: [Diagnostic]) {
        var files: [File] = [], problems: [Diagnostic] = []
        for image in ContentChecks.images(in: item.body) {
            let at = SourceLocation(path: item.path, line: item.bodyLine + image.line - 1, column: image.column)
            let url = image.url
            if url.hasPrefix("data:") || url.hasPrefix("#") { continue }
            if isRemote(url) { problems.append(.error(.remoteImage(url), at: at)); continue }
            let (file, problem) = self.file(url.removingPercentEncoding ?? url, shown: url, at: at, paths: paths)
            if let file { files.append(file) }
            if let problem { problems.append(problem) }
        }
        return (Array(Set(files)).sorted { $0.relative < $1.relative }, problems)
    }

    /// A picture named by a path relative to `content/` or `content/media/` (an item's image, a channel's
    /// `cover:`), or what is wrong with it (outside `content/`, missing).
    public static func file(_ path: String, shown: String? = nil, at: SourceLocation,
                            paths: WorkspacePaths) -> (File?, Diagnostic?) {
        if path.hasPrefix("/") || path.split(separator: "/").contains("..") {
            return (nil, .error(.imageOutsideMedia(shown ?? path), at: at))
        }
        let candidates = [paths.root + "/content/" + path, paths.media + "/" + path]
        guard let source = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) else {
            return (nil, .error(.imageMissing(shown ?? path), at: at))
        }
        return (File(source: source, relative: path), nil)
    }
}

/// The file of a new draft item (`loa new item`, the web's item editor).
public enum ItemTemplate {
    /// The file's text: a draft's front matter, then the body (the placeholder when none is given). Audiences are
    /// written only when chosen.
    public static func render(id: String, new: (title: String, themes: [String], channels: [ChannelID], author: String?,
                                              summary: String?), today: Day, language: Language,
                              audiences: [String] = [], body: String? = nil) -> String {
        func q(_ s: String) -> String {
            "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
        let t = Localizer(language)
        var text = "---\nid: \(id)\ntitle: \(q(new.title))\nthemes: [\(new.themes.joined(separator: ", "))]\n"
        text += "channels: [\(new.channels.map(\.rawValue).joined(separator: ", "))]\n"
        if !audiences.isEmpty { text += "audiences: [\(audiences.joined(separator: ", "))]\n" }
        text += "status: draft\n"
        if let a = new.author { text += "author: \(q(a))\n" }
        text += "summary: \(q(new.summary ?? ""))\n"
        text += "# approved: \(today.iso)   # \(t(CommandText.approveHint))\n---\n\n"
        if let body = body.map(Self.normalized), !body.isEmpty {
            text += body + "\n"
        } else {
            text += t(CommandText.newItemBody) + "\n"
        }
        return text
    }

    /// A body as it is written to the file: LF line ends, NFC, no blank lines or spaces at either end.
    public static func normalized(_ body: String) -> String {
        var text = body.replacingCRLF.nfc
        while let last = text.unicodeScalars.last, last == "\n" || last == " " || last == "\t" { text.removeLast() }
        while text.hasPrefix("\n") { text.removeFirst() }
        return text
    }
}
