import CCmark
import LoaCore

/// CommonMark as the few kinds of block a printed document holds, parsed by cmark: what a Word document is built
/// from (an issue's item bodies) and what the officers' own report text becomes (`Block`s). Inline text is Loa's
/// inline markup (`**strong**`, `*emphasis*`, escaped text); raw HTML is dropped as cmark's safe mode drops it;
/// links keep their text, images within a line their description.
public indirect enum MarkdownBlock: Sendable, Equatable {
    case heading(level: Int, text: String)
    case paragraph(String)
    case list(ordered: Bool, start: Int, items: [[MarkdownBlock]])
    case quote([MarkdownBlock])
    case code(String)
    /// A paragraph that is one image alone: its link as written and its description.
    case image(url: String, alt: String)
    case rule
}

public enum MarkdownTree {
    public static func parse(_ markdown: String) -> [MarkdownBlock] {
        guard let doc = cmark_parse_document(markdown, markdown.utf8.count, CMARK_OPT_DEFAULT) else { return [] }
        defer { cmark_node_free(doc) }
        return blocks(under: doc)
    }

    static func children(_ node: OpaquePointer) -> [OpaquePointer] {
        var out: [OpaquePointer] = []
        var child = cmark_node_first_child(node)
        while let c = child {
            out.append(c)
            child = cmark_node_next(c)
        }
        return out
    }

    static func literal(_ node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    static func blocks(under node: OpaquePointer) -> [MarkdownBlock] {
        children(node).compactMap { c -> MarkdownBlock? in
            switch cmark_node_get_type(c) {
            case CMARK_NODE_PARAGRAPH:
                let inlines = children(c)
                if inlines.count == 1, cmark_node_get_type(inlines[0]) == CMARK_NODE_IMAGE {
                    let url = cmark_node_get_url(inlines[0]).map { String(cString: $0) } ?? ""
                    return .image(url: url, alt: plain(inlines[0]))
                }
                return .paragraph(inline(c).trimmingCharacters(in: .whitespaces))
            case CMARK_NODE_HEADING:
                return .heading(level: Int(cmark_node_get_heading_level(c)), text: plain(c))
            case CMARK_NODE_LIST:
                let ordered = cmark_node_get_list_type(c) == CMARK_ORDERED_LIST
                return .list(ordered: ordered, start: Int(cmark_node_get_list_start(c)),
                             items: children(c).map { blocks(under: $0) })
            case CMARK_NODE_BLOCK_QUOTE: return .quote(blocks(under: c))
            case CMARK_NODE_CODE_BLOCK:
                return .code(literal(c).trimmingCharacters(in: .newlines).controlsMadeVisible(keepingLayout: true))
            case CMARK_NODE_THEMATIC_BREAK: return .rule
            default: return nil  // raw HTML and anything else
            }
        }
    }

    /// A node's inline content as Loa's inline markup.
    static func inline(_ node: OpaquePointer) -> String {
        var out = ""
        for c in children(node) {
            switch cmark_node_get_type(c) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE: out += MarkdownRenderer.escape(literal(c))
            case CMARK_NODE_SOFTBREAK: out += " "
            case CMARK_NODE_LINEBREAK: out += "\n"
            case CMARK_NODE_STRONG: out += "**" + inline(c) + "**"
            case CMARK_NODE_EMPH: out += "*" + inline(c) + "*"
            case CMARK_NODE_LINK: out += inline(c)
            case CMARK_NODE_IMAGE: out += MarkdownRenderer.escape(plain(c))
            default: break
            }
        }
        return out
    }

    /// A node's text without markup.
    static func plain(_ node: OpaquePointer) -> String {
        var out = ""
        for c in children(node) {
            switch cmark_node_get_type(c) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE: out += literal(c)
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: out += " "
            case CMARK_NODE_HTML_INLINE: break
            default: out += plain(c)
            }
        }
        return out.controlsMadeVisible(keepingLayout: false)
    }

    /// Blocks of a document section from Markdown: headings become subheadings, lists bullets (one level of
    /// sub-bullets), ordered lists numbered paragraphs, quotes and code plain paragraphs, an image its description.
    public static func documentBlocks(_ markdown: String) -> [Block] {
        documentBlocks(parse(markdown))
    }

    static func documentBlocks(_ tree: [MarkdownBlock]) -> [Block] {
        var out: [Block] = []
        for b in tree {
            switch b {
            case .heading(_, let text): out.append(.subheading(text))
            case .paragraph(let text): if !text.isEmpty { out.append(.paragraph(text)) }
            case .code(let text): out.append(.paragraph(MarkdownRenderer.escape(text)))
            case .image(_, let alt): if !alt.isEmpty { out.append(.paragraph(MarkdownRenderer.escape(alt))) }
            case .quote(let inner): out += documentBlocks(inner)
            case .rule: break
            case .list(let ordered, let start, let items):
                if ordered {
                    for (i, item) in items.enumerated() {
                        out.append(.paragraph("\(start + i). " + itemText(item)))
                    }
                } else {
                    let bullets = items.map { Bullet(itemText($0), items: subItems($0)) }
                    out.append(bullets.allSatisfy(\.items.isEmpty) ? .bullets(bullets.map(\.text)) : .outline(bullets))
                }
            }
        }
        return out
    }

    /// An item's own text: its paragraphs joined, nested lists left to `subItems`.
    static func itemText(_ item: [MarkdownBlock]) -> String {
        item.compactMap { b -> String? in
            switch b {
            case .paragraph(let t): return t
            case .code(let t): return MarkdownRenderer.escape(t)
            case .heading(_, let t): return MarkdownRenderer.escape(t)
            case .image(_, let alt): return MarkdownRenderer.escape(alt)
            case .quote(let inner): return itemText(inner)
            case .list, .rule: return nil
            }
        }.joined(separator: " ")
    }

    static func subItems(_ item: [MarkdownBlock]) -> [String] {
        item.flatMap { b -> [String] in
            if case .list(_, _, let items) = b { return items.map(itemText) }
            return []
        }
    }
}
