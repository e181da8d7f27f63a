import LoaCore
import LoaFormats

/// Where documents leave Loa: every plan and report as Markdown, HTML (printable A4) and Word side by side.
public enum DocumentFiles {
    /// Writes `base.md`, `base.html` and `base.docx` (`base` is a path without extension); returns their paths.
    public static func write(_ doc: AdminDocument, base: String) throws(Failure) -> [String] {
        let docx = try DocxRenderer.render(doc)
        try writeFile(base + ".md", MarkdownRenderer.render(doc))
        try writeFile(base + ".html", HTMLRenderer.render(doc))
        try writeFile(base + ".docx", docx)
        return [base + ".md", base + ".html", base + ".docx"]
    }
}
