import CCmark
import Foundation

/// CommonMark to HTML through cmark in its default safe mode: raw HTML and `javascript:` links are dropped.
public enum Markdown {
    public static func html(_ markdown: String) -> String {
        let length = markdown.utf8.count
        guard let out = cmark_markdown_to_html(markdown, length, CMARK_OPT_DEFAULT) else { return "" }
        defer { free(out) }
        return String(cString: out)
    }
}
