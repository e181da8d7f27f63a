import LoaCore

/// A document in the Vietnamese administrative format (Nghị định 30/2020/NĐ-CP), as values;
/// `MarkdownRenderer` and `HTMLRenderer` turn it into files.
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
    public var sections: [Section]
    public var recipients: [String]
    public var signer: String
    public var language: Language

    public init(kind: Kind, plan: Plan, date: Day, title: String, subtitle: String, sections: [Section],
                recipients: [String], signer: String, language: Language) {
        self.kind = kind; self.parentIssuer = plan.parentIssuer; self.issuer = plan.issuer; self.issuerCode = plan.issuerCode
        self.place = plan.place; self.date = date; self.title = title; self.subtitle = subtitle; self.sections = sections
        self.recipients = recipients; self.signer = signer; self.language = language
    }

    /// "Số:      /BC-CĐVC": the number itself is given by the office's register when the document is signed.
    public var numberLine: String {
        let code = issuerCode.map { "-\($0)" } ?? ""
        let gap = String(repeating: "\u{00A0}", count: 6)  // left blank for the register's number
        return language == .vi ? "Số:\(gap)/\(kind.rawValue)\(code)" : "No.:\(gap)/\(kind.rawValue)\(code)"
    }

    public var dateLine: String { placeAndDate(place: place, date: date, language: language) }
}

/// "Điện Biên, ngày 05 tháng 01 năm 2027": days below 10 and months 1 and 2 take a leading zero.
public func placeAndDate(place: String, date: Day, language: Language) -> String {
    if language == .en { return "\(place), \(date.iso)" }
    let d = date.day < 10 ? "0\(date.day)" : "\(date.day)"
    let m = date.month <= 2 ? "0\(date.month)" : "\(date.month)"
    return "\(place), ngày \(d) tháng \(m) năm \(date.year)"
}

public struct Section: Sendable {
    public var title: String
    public var blocks: [Block]
    public init(_ title: String, _ blocks: [Block]) { self.title = title; self.blocks = blocks }
}

public enum Block: Sendable {
    case paragraph(String)
    case bullets([String])
    case table(Table)
    case subheading(String)
    /// Inline SVG for HTML; Markdown shows the fallback text.
    case chart(svg: String, fallback: String)
}

public struct Table: Sendable {
    public var header: [String]
    public var rows: [[String]]
    /// Columns aligned right (numbers).
    public var numeric: Set<Int>
    public init(header: [String], rows: [[String]], numeric: Set<Int> = []) {
        self.header = header; self.rows = rows; self.numeric = numeric
    }
}

let romanNumerals = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]

public enum MarkdownRenderer {
    public static func render(_ doc: AdminDocument) -> String {
        var s = ""
        if let p = doc.parentIssuer { s += p.uppercased() + "  \n" }
        s += "**" + doc.issuer.uppercased() + "**  \n"
        s += doc.numberLine + "\n\n"
        s += doc.language == .vi ? "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM  \n**Độc lập - Tự do - Hạnh phúc**\n\n"
                                 : "SOCIALIST REPUBLIC OF VIETNAM  \n**Independence - Freedom - Happiness**\n\n"
        s += "*" + doc.dateLine + "*\n\n"
        s += "# " + doc.title + "\n\n**" + doc.subtitle + "**\n\n"
        for (i, section) in doc.sections.enumerated() {
            s += "## \(romanNumerals[min(i, romanNumerals.count - 1)]). \(section.title)\n\n"
            for block in section.blocks { s += render(block) + "\n" }
        }
        s += "---\n\n**" + (doc.language == .vi ? "Nơi nhận" : "Recipients") + ":**\n\n"
        for r in doc.recipients { s += "- " + r + "\n" }
        s += "\n**" + doc.signer + "**\n"
        return s
    }

    static func render(_ b: Block) -> String {
        switch b {
        case .paragraph(let t): return t + "\n"
        case .subheading(let t): return "### " + t + "\n"
        case .bullets(let items): return items.map { "- " + $0 }.joined(separator: "\n") + "\n"
        case .chart(_, let fallback): return fallback + "\n"
        case .table(let t):
            func cell(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ") }
            var s = "| " + t.header.map(cell).joined(separator: " | ") + " |\n"
            s += "|" + t.header.indices.map { t.numeric.contains($0) ? "---:|" : "---|" }.joined() + "\n"
            for row in t.rows { s += "| " + row.map(cell).joined(separator: " | ") + " |\n" }
            return s
        }
    }
}
