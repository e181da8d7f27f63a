import Foundation
import LoaCore

/// A document in the Vietnamese administrative format (Nghị định 30/2020/NĐ-CP), as values;
/// `MarkdownRenderer`, `HTMLRenderer` and `DocxRenderer` turn it into files (`DocumentFiles.write` writes all three).
public struct AdminDocument: Sendable {
    public enum Kind: String, Sendable { case plan = "KH", report = "BC" }
    public var kind: Kind
    public var parentIssuer: String?
    public var issuer: String
    public var issuerCode: String?
    public var place: String
    public var date: Day
    public var title: String        // "KẾ HOẠCH", "BÁO CÁO"
    public var subtitle: String     // what it is about
    /// The document's number once the office's register gives it ("12"); nil leaves the number line blank.
    public var number: String?
    /// "Kính gửi:" lines, for a document addressed to a body (a report to the competent authority).
    public var addressees: [String] = []
    /// The opening paragraph before the numbered sections ("Thực hiện Kế hoạch số …"), in inline markup.
    public var opening: String?
    /// A draft ("DỰ THẢO"): some part is still to be written or confirmed.
    public var draft = false
    public var sections: [Section]
    public var recipients: [String]
    public var signature: Signature?
    public var language: Language

    /// A document of `plan`'s issuer, with its signature and the recipients `plan.yml` gives for the kind.
    public init(kind: Kind, plan: Plan, date: Day, title: String, subtitle: String, sections: [Section],
                language: Language) {
        self.kind = kind; self.parentIssuer = plan.parentIssuer; self.issuer = plan.issuer
        self.issuerCode = plan.issuerCode; self.place = plan.place; self.date = date; self.title = title
        self.subtitle = subtitle; self.sections = sections; self.signature = plan.signature; self.language = language
        let listed = kind == .plan ? plan.recipients.plan : plan.recipients.report
        recipients = listed.isEmpty ? [Localizer(language)(DocumentText.archiveCopy)] : listed
    }

    var t: Localizer { Localizer(language) }
    /// "Số:      /BC-CĐVC": the number itself is given by the office's register when the document is signed
    /// ("Số: 12/BC-CĐVC" once `number` holds it).
    public var numberLine: String {
        let line = t(DocumentText.numberLine(kind: kind.rawValue, code: issuerCode.map { "-\($0)" } ?? ""))
        guard let number, let slash = line.firstIndex(of: "/"), let colon = line.firstIndex(of: ":") else {
            return line
        }
        return line[...colon] + " " + number + line[slash...]
    }
    public var dateLine: String { t(DocumentText.placeAndDate(place: place, day: date)) }

    /// "Nơi nhận" as the decree writes it: one recipient a line, ended by ";" and the last by ".", whatever
    /// punctuation `plan.yml` gave (the renderers lead each line with "- ").
    public var recipientLines: [String] {
        let names = recipients.map { $0.trimmingTrailing(";.,") }.filter { !$0.isEmpty }
        return names.enumerated().map { i, name in name + (i == names.count - 1 ? "." : ";") }
    }
}

extension String {
    func trimmingTrailing(_ characters: String) -> String {
        var s = self
        while let last = s.last, characters.contains(last) || last == " " { s.removeLast() }
        return s
    }
}

public struct Section: Sendable {
    public var title: String
    public var blocks: [Block]
    public init(_ title: String, _ blocks: [Block]) { self.title = title; self.blocks = blocks }
}

/// A block of a document. Paragraph, bullet and table-cell texts are Loa's inline markup: `**strong**`, with
/// outside text escaped by `MarkdownRenderer.escape`; titles and captions are plain text.
public enum Block: Sendable {
    case paragraph(String)
    case bullets([String])
    /// Bullets that may carry a list of their own.
    case outline([Bullet])
    case table(Table)
    case subheading(String)
    /// Inline SVG for HTML under its title; Markdown shows the title and the fallback text.
    case chart(Chart)
}

/// A bullet point, and the list under it.
public struct Bullet: Sendable {
    public var text: String
    public var items: [String]
    public init(_ text: String, items: [String] = []) { self.text = text; self.items = items }
}

/// A chart: its title, its SVG (for HTML) and a text fallback giving the same figures in words.
public struct Chart: Sendable {
    public var title: String
    public var svg: String
    public var fallback: String
    public init(title: String, svg: String, fallback: String) {
        self.title = title; self.svg = svg; self.fallback = fallback
    }
}

public struct Table: Sendable {
    public var header: [String]
    public var rows: [[String]]
    /// Columns aligned right (numbers).
    public var numeric: Set<Int>
    /// Columns whose cells never wrap (short dates).
    public var unbroken: Set<Int>
    public init(header: [String], rows: [[String]], numeric: Set<Int> = [], unbroken: Set<Int> = []) {
        self.header = header; self.rows = rows; self.numeric = numeric; self.unbroken = unbroken
    }
}

let romanNumerals = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]

func roman(_ i: Int) -> String { romanNumerals[min(i, romanNumerals.count - 1)] }

public enum MarkdownRenderer {
    public static func render(_ doc: AdminDocument) -> String {
        let t = doc.t
        var s = ""
        if let p = doc.parentIssuer { s += escape(p.uppercased()) + "  \n" }
        s += "**" + escape(doc.issuer.uppercased()) + "**  \n"
        s += doc.numberLine + "\n\n"
        s += t(DocumentText.nation) + "  \n**" + t(DocumentText.motto) + "**\n\n"
        s += "*" + escape(doc.dateLine) + "*\n\n"
        if doc.draft { s += "**[" + t(DocumentText.draftMark) + "]**\n\n" }
        if !doc.addressees.isEmpty {
            s += doc.addressees.map { escape(t(DocumentText.addressee)) + " " + escape($0) }.joined(separator: "  \n")
                + "\n\n"
        }
        s += "# " + doc.title + "\n\n**" + escape(doc.subtitle) + "**\n\n"
        if let opening = doc.opening { s += opening + "\n\n" }
        for (i, section) in doc.sections.enumerated() {
            s += "## \(roman(i)). \(section.title)\n\n"
            for block in section.blocks { s += render(block) + "\n" }
        }
        s += "---\n\n"
        if let sig = doc.signature {
            s += "**" + escape(sig.authority.uppercased()) + "**  \n**" + escape(sig.position.uppercased()) + "**\n\n"
            s += "**" + escape(sig.name) + "**\n\n"
        }
        s += "***" + t(DocumentText.recipients) + ":***\n\n"
        for line in doc.recipientLines { s += "- " + escape(line) + "\n" }
        return s
    }

    static func render(_ b: Block) -> String {
        switch b {
        case .paragraph(let t): return t + "\n"
        case .subheading(let t): return "### " + escape(t) + "\n"
        case .bullets(let items): return items.map { "- " + $0 }.joined(separator: "\n") + "\n"
        case .outline(let bullets):
            return bullets.map { b in (["- " + b.text] + b.items.map { "  - " + $0 }).joined(separator: "\n") }
                .joined(separator: "\n") + "\n"
        case .chart(let c): return "*" + escape(c.title) + ".* " + escape(c.fallback) + "\n"
        case .table(let t):
            func cell(_ s: String) -> String {
                s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
            }
            var s = "| " + t.header.map(cell).joined(separator: " | ") + " |\n"
            s += "|" + t.header.indices.map { t.numeric.contains($0) ? "---:|" : "---|" }.joined() + "\n"
            for row in t.rows { s += "| " + row.map(cell).joined(separator: " | ") + " |\n" }
            return s
        }
    }

    /// Text from outside Loa's own sentences (names, topics from forms) made inert in Markdown: raw HTML and
    /// emphasis markers are escaped, so a form can never inject markup into a report. Block texts hold such
    /// escaped text; `HTMLRenderer` reads the same escapes back.
    public static func escape(_ s: String) -> String {
        let s = s.controlsMadeVisible(keepingLayout: true)
        guard s.contains(where: { "\\`*_<>&[]#".contains($0) }) else { return s }
        var out = ""
        for c in s {
            switch c {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\\", "`", "*", "_", "[", "]", "#": out += "\\" + String(c)
            default: out.append(c)
            }
        }
        return out
    }
}
