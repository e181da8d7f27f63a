import Foundation
import LoaCore

extension IssueDocument {
    /// The issue as Word: the masthead (issuer, channel, number and date), then each item with its themes by name,
    /// its summary, its body (CommonMark: headings, lists, quotes, pictures) and its author. `picture` finds an
    /// image the body links to (the link as written); an image it cannot give prints its description.
    public func docx(picture: (String) -> Picture? = { _ in nil }) throws(Failure) -> [UInt8] {
        var w = WordDocument(marginsMM: (20, 15, 20, 20))
        let centered = WordDocument.Layout.centered
        w.paragraph([.init(issuerLine, size: 10)], centered)
        w.paragraph([.init(channel.name.uppercased(), bold: true, size: channel.name.count > 28 ? 20 : 24)],
                    .init(align: .center, before: 120, after: 120))
        w.paragraph([.init(t(DocumentText.issueNumber(number)), bold: true, size: 11),
                     .init(" · " + t(DocumentText.issueDate(t.weekdayDate(date))) + " · "
                           + t(DocumentText.itemCount(items.count)), italic: true, size: 11)],
                    WordDocument.Layout(align: .center, after: 240))
        for (i, item) in items.enumerated() {
            w.paragraph([.init("\(i + 1). " + item.title, bold: true, size: 15)],
                        .init(align: .left, before: 240, after: 80, keepNext: true, style: "Heading1"))
            let themes = themeTitles(item)
            if !themes.isEmpty {
                w.paragraph([.init(themes.joined(separator: "; "), italic: true, size: 10)],
                            .init(align: .left, after: 80, keepNext: true))
            }
            if let summary = item.summary, !summary.isEmpty {
                w.paragraph([.init(summary, bold: true)], .init(after: 120))
            }
            Self.body(MarkdownTree.parse(item.body), into: &w, picture: picture, depth: 0)
            if let author = item.author {
                w.paragraph([.init(author, italic: true)], .init(align: .right, after: 120))
            }
        }
        w.paragraph([.init(t(DocumentText.placeAndDate(place: plan.place, day: date)), italic: true, size: 11)],
                    .init(align: .right, before: 240))
        return try w.package(title: "\(channel.name) — \(t(DocumentText.issueNumber(number)))", language: language,
                             date: date)
    }

    /// An item's body, block by block; lists indent by `depth`.
    static func body(_ blocks: [MarkdownBlock], into w: inout WordDocument, picture: (String) -> Picture?,
                     depth: Int) {
        let indent = 567 * depth
        for b in blocks {
            switch b {
            case .heading(let level, let text):
                w.paragraph([.init(text, bold: true, size: level <= 2 ? 14 : 13)],
                            .init(align: .left, left: indent, before: 120, after: 60, keepNext: true,
                                  style: "Heading2"))
            case .paragraph(let text):
                w.paragraph(.markup(text), .init(firstLine: depth == 0 ? 567 : 0, left: indent))
            case .code(let text):
                var run = WordDocument.Run(text, size: 11)
                run.font = "Liberation Mono"
                w.paragraph([run], .init(align: .left, left: indent + 284))
            case .quote(let inner): body(inner, into: &w, picture: picture, depth: depth + 1)
            case .rule: w.paragraph([], .init(after: 120))
            case .image(let url, let alt):
                let path = url.removingPercentEncoding ?? url
                if let p = picture(path) {
                    let natural = p.width * 15  // pixels at 96 dpi, in twips
                    w.picture(p, width: min(w.textWidth - indent, max(natural, 1)), description: alt,
                              .init(align: .center, after: 60))
                    if !alt.isEmpty { w.paragraph([.init(alt, italic: true, size: 11)], .init(align: .center)) }
                } else {
                    w.paragraph([.init(alt, italic: true)], .init(align: .left, left: indent))
                }
            case .list(let ordered, let start, let items):
                for (i, item) in items.enumerated() {
                    let mark = ordered ? "\(start + i). " : "- "
                    var first = true
                    for part in item {
                        if first, case .paragraph(let text) = part {
                            w.paragraph([.init(mark)] + .markup(text), .init(firstLine: 567, left: indent))
                        } else {
                            body([part], into: &w, picture: picture, depth: depth + 1)
                        }
                        first = false
                    }
                }
            }
        }
    }
}
