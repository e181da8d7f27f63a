import CCmark
import Foundation
import LoaCore

/// What `loa check` looks for in item bodies beyond the front matter: constructs CommonMark renders wrongly
/// and anything that would make a document load from the network.
public enum ContentChecks {
    public static func check(_ ws: Workspace, paths: WorkspacePaths) -> [Diagnostic] {
        ws.items.flatMap { check($0, paths: paths) }
    }

    static func check(_ item: Item, paths: WorkspacePaths) -> [Diagnostic] {
        var out: [Diagnostic] = []
        func at(_ bodyLine: Int, _ column: Int = 1) -> SourceLocation {
            SourceLocation(path: item.path, line: item.bodyLine + bodyLine - 1, column: column)
        }
        // pipe tables: a row of cells followed by a delimiter row; CommonMark prints them as raw text
        let lines = item.body.split(separator: "\n", omittingEmptySubsequences: false)
        for (i, line) in lines.enumerated() where i + 1 < lines.count && isTableRow(line)
            && isDelimiterRow(lines[i + 1]) {
            out.append(.warning(.pipeTable, at: at(i + 1)))
        }
        for image in images(in: item.body) {
            let url = image.url
            if url.contains("://") || url.hasPrefix("//") {
                out.append(.error(.remoteImage(url), at: at(image.line, image.column)))
            } else if url.hasPrefix("/") || url.split(separator: "/").contains("..") {
                out.append(.error(.imageOutsideMedia(url), at: at(image.line, image.column)))
            } else if !FileManager.default.fileExists(atPath: paths.root + "/content/" + url)
                        && !FileManager.default.fileExists(atPath: paths.media + "/" + url) {
                out.append(.error(.imageMissing(url), at: at(image.line, image.column)))
            }
        }
        return out
    }

    static func isTableRow(_ line: Substring) -> Bool {
        let t = line.trimmingCharacters(in: .whitespaces)
        return t.hasPrefix("|") && t.dropFirst().contains("|")
    }

    static func isDelimiterRow(_ line: Substring) -> Bool {
        let t = line.trimmingCharacters(in: .whitespaces)
        return t.contains("-") && t.contains("|") && t.allSatisfy { "|-: ".contains($0) }
    }

    /// Every image of a Markdown text, with its position (line and column within the text).
    public static func images(in markdown: String) -> [(url: String, line: Int, column: Int)] {
        guard let doc = cmark_parse_document(markdown, markdown.utf8.count, CMARK_OPT_DEFAULT) else { return [] }
        defer { cmark_node_free(doc) }
        guard let iter = cmark_iter_new(doc) else { return [] }
        defer { cmark_iter_free(iter) }
        var out: [(String, Int, Int)] = []
        while cmark_iter_next(iter) != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iter), cmark_node_get_type(node) == CMARK_NODE_IMAGE,
                  cmark_iter_get_event_type(iter) == CMARK_EVENT_ENTER else { continue }
            let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
            // images are inline: their own position is not kept, their paragraph's is
            var block = cmark_node_parent(node)
            while let b = block, cmark_node_get_start_line(b) == 0 { block = cmark_node_parent(b) }
            out.append((url, Int(block.map(cmark_node_get_start_line) ?? 1),
                Int(block.map(cmark_node_get_start_column) ?? 1)))
        }
        return out
    }
}
