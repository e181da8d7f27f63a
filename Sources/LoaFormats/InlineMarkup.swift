/// Loa's inline markup, the text of paragraphs, bullets and table cells in a document: `**strong**`, `*emphasis*`,
/// "\n" for a line break, and outside text escaped by `MarkdownRenderer.escape` (backslash escapes and `&lt;`
/// `&gt;` `&amp;`). It reads as Markdown; the HTML and Word renderers read it back as runs.
public enum InlineMarkup {
    /// A stretch of text with one style, or a line break.
    public struct Run: Sendable, Equatable {
        public var text: String
        public var strong = false
        public var emphasis = false
        public var lineBreak = false
    }

    public static func runs(_ s: String) -> [Run] {
        var out: [Run] = []
        var text = ""
        var strong = false, emphasis = false
        var i = s.startIndex
        func flush() {
            guard !text.isEmpty else { return }
            out.append(Run(text: text, strong: strong, emphasis: emphasis))
            text = ""
        }
        while i < s.endIndex {
            let c = s[i]
            let next = s.index(after: i)
            if c == "\\", next < s.endIndex {
                text.append(s[next])
                i = s.index(after: next)
            } else if c == "\n" {
                flush()
                out.append(Run(text: "", lineBreak: true))
                i = next
            } else if c == "*", next < s.endIndex, s[next] == "*" {
                flush()
                strong.toggle()
                i = s.index(after: next)
            } else if c == "*" {
                flush()
                emphasis.toggle()
                i = next
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

    /// The text without its markup.
    public static func plain(_ s: String) -> String {
        runs(s).map { $0.lineBreak ? " " : $0.text }.joined()
    }

    static func entity(in s: String, at i: String.Index) -> (Character, String.Index)? {
        for (name, c) in [("&lt;", Character("<")), ("&gt;", ">"), ("&amp;", "&")] where s[i...].hasPrefix(name) {
            return (c, s.index(i, offsetBy: name.count))
        }
        return nil
    }
}
