import Foundation
import LoaCore

/// Splits `---` front matter from a Markdown body.
public enum FrontMatter {
    public static func split(_ file: TextFile) throws(Failure) -> (yaml: ArraySlice<Substring>, firstLine: Int,
                                                                     body: String, bodyLine: Int) {
        try split(file, body: true)
    }

    /// The same; with `body` false the body is left out (an empty string), for readers of the front matter only.
    public static func split(_ file: TextFile, body keepBody: Bool) throws(Failure)
        -> (yaml: ArraySlice<Substring>, firstLine: Int, body: String, bodyLine: Int) {
        guard let first = file.lines.first, isMarker(first) else {
            throw Failure(.frontMatterMissing, at: SourceLocation(path: file.path, line: 1, column: 1))
        }
        guard let close = file.lines.dropFirst().firstIndex(where: isMarker) else {
            throw Failure(.frontMatterUnterminated, at: SourceLocation(path: file.path, line: 1, column: 1))
        }
        return (file.lines[1..<close], 2, keepBody ? file.joinedLines((close + 1)..<file.lines.count) : "",
                close + 2)
    }

    /// A `---` line, trailing spaces allowed.
    static func isMarker(_ line: Substring) -> Bool {
        var bytes = line.utf8[...]
        while let last = bytes.last, last == 32 || last == 9 { bytes = bytes.dropLast() }
        return bytes.elementsEqual("---".utf8)
    }

    /// The front matter parsed as YAML, and the body; problems go to `diagnostics` and give nil.
    /// An empty front matter is reported as a missing `firstKey`.
    public static func parse(_ file: TextFile, firstKey: String, diagnostics d: Diagnostics, body keepBody: Bool = true)
        -> (node: YAMLNode, body: String, bodyLine: Int)? {
        do throws(Failure) {
            let (yaml, firstLine, body, bodyLine) = try split(file, body: keepBody)
            guard let node = try YAMLParser.parse(lines: yaml, path: file.path, firstLine: firstLine) else {
                d.add(.error(.missingKey(firstKey), at: SourceLocation(path: file.path, line: 1, column: 1)))
                return nil
            }
            return (node, body, bodyLine)
        } catch {
            d.add(contentsOf: error.diagnostics)
            return nil
        }
    }
}

/// Reads content items, `content/items/**/*.md` (SPEC §2.6).
public enum ItemReader {
    /// The item of a file; with `body` false, without its Markdown body (an empty string).
    public static func item(_ file: TextFile, diagnostics d: Diagnostics, body keepBody: Bool = true) -> Item? {
        guard let (node, body, bodyLine) = FrontMatter.parse(file, firstKey: "title", diagnostics: d, body: keepBody)
            else { return nil }
        let r = MappingReader(node, name: "front matter", into: d)
        defer { r.finish() }
        let fileId = ((file.path as NSString).lastPathComponent as NSString).deletingPathExtension
        let id = r.id("id", as: ItemID.self)
            ?? Located(ItemID(fileId), at: SourceLocation(path: file.path, line: 1, column: 1))
        if !r.has("id"), !isValidId(fileId) { d.add(.error(.invalidId(fileId), at: id.location)) }
        let title = r.string("title", required: true)
        let themes = r.themeRefs("themes", required: true) ?? []
        let channels = r.references("channels", required: true, as: ChannelID.self) ?? []
        let audiences = r.references("audiences", as: AudienceID.self) ?? []
        let status = r.choice("status", ItemStatus.self, required: true)
        let approved = r.day("approved")
        let author = r.string("author")
        let approvedBy = r.string("approved_by")
        let notBefore = r.day("not_before")
        let notAfter = r.day("not_after")
        let observance = r.reference("observance", as: ObservanceID.self)
        let pin = r.day("pin")
        let summary = r.string("summary")
        let reviewNote = r.string(ItemReview.noteKey)
        if status == .approved, approved == nil, !r.has("approved") {
            d.add(.error(.approvedDateMissing, at: r.location))
        }
        guard let title, let status else { return nil }
        var item = Item(id: id, path: file.path, title: title.value, themes: themes, channels: channels,
            audiences: audiences,
                    status: status, approved: approved, author: author?.value, approvedBy: approvedBy?.value,
                    notBefore: notBefore, notAfter: notAfter, observance: observance, pin: pin, summary: summary?.value,
                    body: body)
        item.bodyLine = bodyLine
        item.reviewNote = reviewNote?.value
        return item
    }
}
