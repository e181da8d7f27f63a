import Foundation
import LoaCore

/// A Word document (Office Open XML, WordprocessingML) built paragraph by paragraph and packed with libzip: A4 in
/// the margins of Nghị định 30/2020/NĐ-CP, Times New Roman, page numbers as a PAGE field centred in the top margin
/// from page 2 (a first page of its own). Word, LibreOffice and python-docx read it. Sizes are in twips (1/20 pt)
/// unless said otherwise.
public struct WordDocument: Sendable {
    /// A run of text with its style; a line break when `lineBreak`.
    public struct Run: Sendable {
        public var text: String
        public var bold = false, italic = false, underline = false, caps = false, boxed = false
        /// Font size in points; nil keeps the paragraph's (13 pt).
        public var size: Double?
        public var font: String?
        public var lineBreak = false
        public init(_ text: String, bold: Bool = false, italic: Bool = false, size: Double? = nil) {
            self.text = text; self.bold = bold; self.italic = italic; self.size = size
        }
        public static let newLine: Run = { var r = Run(""); r.lineBreak = true; return r }()

        /// Runs of Loa's inline markup (`**strong**`, `*emphasis*`, line breaks), in a base style.
        public static func markup(_ s: String, bold: Bool = false, italic: Bool = false, size: Double? = nil) -> [Run] {
            InlineMarkup.runs(s).map { m in
                if m.lineBreak { return .newLine }
                return Run(m.text, bold: bold || m.strong, italic: italic != m.emphasis, size: size)
            }
        }
    }

    public enum Alignment: String, Sendable { case left, center, right, both }

    /// How a paragraph sits on the page.
    public struct Layout: Sendable {
        public var align: Alignment = .both
        public var firstLine = 0, left = 0, right = 0
        public var before = 0, after = 120
        /// Line spacing in 240ths of a line (240 single).
        public var line = 288
        public var keepNext = false
        /// A rule under the paragraph (the short lines of the administrative header).
        public var ruleBelow = false
        /// "Heading1", "Heading2": Word's outline and python-docx see the structure.
        public var style: String?
        public init(align: Alignment = .both, firstLine: Int = 0, left: Int = 0, right: Int = 0, before: Int = 0,
                    after: Int = 120, keepNext: Bool = false, style: String? = nil) {
            self.align = align; self.firstLine = firstLine; self.left = left; self.right = right
            self.before = before; self.after = after; self.keepNext = keepNext; self.style = style
        }
        /// A body paragraph: justified, first line indented 1 cm.
        public static let body = Layout(firstLine: 567)
        public static let centered = Layout(align: .center, after: 0)
    }

    /// A table cell: its paragraphs (already XML) and whether it is shaded as a header.
    public struct Cell: Sendable {
        public var paragraphs: [String]
        public init(_ paragraphs: [String]) { self.paragraphs = paragraphs }
    }

    /// The usable width of an A4 page between the margins (210 mm − 30 − 15).
    public let textWidth: Int
    let margins: (top: Int, right: Int, bottom: Int, left: Int)
    /// The body's XML so far, one string: a long report's tables are appended, never joined again.
    var body = ""
    var media: [(name: String, bytes: [UInt8])] = []
    var drawings = 0

    /// An A4 page with the given margins in millimetres (NĐ 30: top and bottom 20–25, left 30–35, right 15–20).
    public init(marginsMM: (top: Double, right: Double, bottom: Double, left: Double) = (20, 15, 20, 30)) {
        func twips(_ mm: Double) -> Int { Int((mm * 1440 / 25.4).rounded()) }
        margins = (twips(marginsMM.top), twips(marginsMM.right), twips(marginsMM.bottom), twips(marginsMM.left))
        textWidth = 11906 - margins.left - margins.right
    }

    // MARK: building

    public mutating func paragraph(_ runs: [Run], _ layout: Layout = .body) {
        body.append(Self.paragraph(runs, layout))
    }

    public mutating func append(_ xml: String) { body += xml }

    /// A paragraph's XML, for table cells.
    public static func paragraph(_ runs: [Run], _ layout: Layout = .body) -> String {
        var p = "<w:p><w:pPr>"
        if let style = layout.style { p += "<w:pStyle w:val=\"\(style)\"/>" }
        if layout.keepNext { p += "<w:keepNext/>" }
        if layout.ruleBelow {
            p += "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"000000\"/></w:pBdr>"
        }
        p += "<w:spacing w:before=\"\(layout.before)\" w:after=\"\(layout.after)\" w:line=\"\(layout.line)\" "
            + "w:lineRule=\"auto\"/>"
        if layout.firstLine != 0 || layout.left != 0 || layout.right != 0 {
            p += "<w:ind w:left=\"\(layout.left)\" w:right=\"\(layout.right)\" w:firstLine=\"\(layout.firstLine)\"/>"
        }
        p += "<w:jc w:val=\"\(layout.align.rawValue)\"/></w:pPr>"
        for r in runs { p += run(r) }
        return p + "</w:p>"
    }

    static func run(_ r: Run) -> String {
        if r.lineBreak { return "<w:r><w:br/></w:r>" }
        var props = ""
        if let font = r.font {
            props += "<w:rFonts w:ascii=\"\(font)\" w:hAnsi=\"\(font)\" w:cs=\"\(font)\" w:eastAsia=\"\(font)\"/>"
        }
        if r.bold { props += "<w:b/><w:bCs/>" }
        if r.italic { props += "<w:i/><w:iCs/>" }
        if r.caps { props += "<w:caps/>" }
        if let size = r.size {
            let half = Int((size * 2).rounded())
            props += "<w:sz w:val=\"\(half)\"/><w:szCs w:val=\"\(half)\"/>"
        }
        if r.underline { props += "<w:u w:val=\"single\"/>" }
        if r.boxed { props += "<w:bdr w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"000000\"/>" }
        return "<w:r>" + (props.isEmpty ? "" : "<w:rPr>" + props + "</w:rPr>")
            + "<w:t xml:space=\"preserve\">" + escape(r.text) + "</w:t></w:r>"
    }

    /// A table of `rows` × columns, `widths` in twips. `header` rows repeat on every page and are shaded;
    /// `borders` false gives the borderless layout tables of the administrative header and signature block.
    public static func table(_ rows: [[Cell]], widths: [Int], header: Int = 0, borders: Bool = true) -> String {
        let edge = borders ? "w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"444444\""
            : "w:val=\"nil\""
        var t = "<w:tbl><w:tblPr><w:tblW w:w=\"\(widths.reduce(0, +))\" w:type=\"dxa\"/><w:tblBorders>"
        for side in ["top", "left", "bottom", "right", "insideH", "insideV"] { t += "<w:\(side) \(edge)/>" }
        t += "</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:left w:w=\"\(borders ? 80 : 0)\" "
            + "w:type=\"dxa\"/><w:right w:w=\"\(borders ? 80 : 0)\" w:type=\"dxa\"/></w:tblCellMar>"
            + "<w:tblLook w:val=\"0000\" w:firstRow=\"0\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" "
            + "w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>"
        for w in widths { t += "<w:gridCol w:w=\"\(w)\"/>" }
        t += "</w:tblGrid>"
        for (i, row) in rows.enumerated() {
            t += "<w:tr><w:trPr><w:cantSplit/>" + (i < header ? "<w:tblHeader/>" : "") + "</w:trPr>"
            for (j, cell) in row.enumerated() {
                t += "<w:tc><w:tcPr><w:tcW w:w=\"\(widths[min(j, widths.count - 1)])\" w:type=\"dxa\"/>"
                if i < header { t += "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"EEEEEE\"/>" }
                t += "</w:tcPr>" + (cell.paragraphs.isEmpty ? "<w:p/>" : cell.paragraphs.joined()) + "</w:tc>"
            }
            t += "</w:tr>"
        }
        return t + "</w:tbl>"
    }

    /// A picture inline in its own paragraph, `width` twips wide (its height in proportion), with a description
    /// for readers that cannot show it.
    public mutating func picture(_ picture: Picture, width: Int, description: String, _ layout: Layout) {
        drawings += 1
        let n = drawings
        let name = "image\(n).\(picture.kind == .png ? "png" : "jpeg")"
        media.append((name, picture.bytes))
        let cx = width * 635, cy = Int((Double(width) * Double(picture.height) / Double(max(picture.width, 1)))
                                        .rounded()) * 635
        let d = Self.escape(description)
        let xml = "<w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\">"
            + "<wp:extent cx=\"\(cx)\" cy=\"\(cy)\"/><wp:docPr id=\"\(n)\" name=\"Picture \(n)\" descr=\"\(d)\"/>"
            + "<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect=\"1\"/></wp:cNvGraphicFramePr>"
            + "<a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">"
            + "<pic:pic><pic:nvPicPr><pic:cNvPr id=\"\(n)\" name=\"\(name)\" descr=\"\(d)\"/><pic:cNvPicPr/>"
            + "</pic:nvPicPr><pic:blipFill><a:blip r:embed=\"rIdImage\(n)\"/><a:stretch><a:fillRect/></a:stretch>"
            + "</pic:blipFill><pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"\(cx)\" cy=\"\(cy)\"/></a:xfrm>"
            + "<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic>"
            + "</wp:inline></w:drawing></w:r>"
        var p = Self.paragraph([], layout)
        p.removeLast("</w:p>".count)
        body.append(p + xml + "</w:p>")
    }

    /// Text made safe for XML: `HTML.escape` writes `& < > " '` as references XML reads, and control characters
    /// XML forbids as `\u{…}`, as every other output shows them.
    static func escape(_ s: String) -> String { HTML.escape(s) }

    // MARK: packing

    static let wordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let xmlHead = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    /// The document as a .docx file. `title` and `language` go into its properties; `date` dates its files and
    /// properties, so that the same document always gives the same bytes.
    public func package(title: String, language: Language, date: Day) throws(Failure) -> [UInt8] {
        let lang = language == .vi ? "vi-VN" : "en-GB"
        let head = Self.xmlHead + "<w:document xmlns:w=\"\(Self.wordNamespace)\" "
            + "xmlns:r=\"\(Self.relationships)\" "
            + "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" "
            + "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
            + "xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><w:body>"
        // the body is copied once, into the bytes the archive reads
        var documentXML: [UInt8] = []
        documentXML.reserveCapacity(body.utf8.count + 2048)
        documentXML += head.utf8
        documentXML += body.utf8
        documentXML += (sectionProperties + "</w:body></w:document>").utf8
        var entries: [ZipArchive.Entry] = [
            .init(name: "[Content_Types].xml", bytes: Array(contentTypes.utf8), compress: true),
            .init(name: "_rels/.rels", bytes: Array(packageRelationships.utf8), compress: true),
            .init(name: "docProps/core.xml", bytes: Array(core(title: title, lang: lang, date: date).utf8),
                  compress: true),
            .init(name: "docProps/app.xml", bytes: Array(app.utf8), compress: true),
            .init(name: "word/document.xml", bytes: documentXML, compress: true),
            .init(name: "word/_rels/document.xml.rels", bytes: Array(documentRelationships.utf8), compress: true),
            .init(name: "word/styles.xml", bytes: Array(styles(lang: lang).utf8), compress: true),
            .init(name: "word/settings.xml", bytes: Array(settings.utf8), compress: true),
            .init(name: "word/header1.xml", bytes: Array(pageNumberHeader.utf8), compress: true),
            .init(name: "word/header2.xml", bytes: Array(emptyHeader.utf8), compress: true),
        ]
        for m in media { entries.append(.init(name: "word/media/" + m.name, bytes: m.bytes, compress: false)) }
        var noon = tm()
        noon.tm_year = Int32(date.year - 1900); noon.tm_mon = Int32(date.month - 1); noon.tm_mday = Int32(date.day)
        noon.tm_hour = 12
        return try ZipArchive.archive(entries, modified: timegm(&noon))
    }

    /// A4, the margins, the page-number header on every page but the first (`titlePg` and an empty first header).
    var sectionProperties: String {
        "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rIdHeader\"/>"
            + "<w:headerReference w:type=\"first\" r:id=\"rIdFirstHeader\"/>"
            + "<w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"\(margins.top)\" w:right=\"\(margins.right)\" "
            + "w:bottom=\"\(margins.bottom)\" w:left=\"\(margins.left)\" w:header=\"567\" w:footer=\"567\" "
            + "w:gutter=\"0\"/><w:titlePg/></w:sectPr>"
    }

    var contentTypes: String {
        let base = "application/vnd.openxmlformats-officedocument.wordprocessingml."
        return Self.xmlHead + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Default Extension=\"png\" ContentType=\"image/png\"/>"
            + "<Default Extension=\"jpeg\" ContentType=\"image/jpeg\"/>"
            + "<Override PartName=\"/word/document.xml\" ContentType=\"\(base)document.main+xml\"/>"
            + "<Override PartName=\"/word/styles.xml\" ContentType=\"\(base)styles+xml\"/>"
            + "<Override PartName=\"/word/settings.xml\" ContentType=\"\(base)settings+xml\"/>"
            + "<Override PartName=\"/word/header1.xml\" ContentType=\"\(base)header+xml\"/>"
            + "<Override PartName=\"/word/header2.xml\" ContentType=\"\(base)header+xml\"/>"
            + "<Override PartName=\"/docProps/core.xml\" "
            + "ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
            + "<Override PartName=\"/docProps/app.xml\" "
            + "ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/></Types>"
    }

    var packageRelationships: String {
        Self.xmlHead + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"\(Self.relationships)/officeDocument\" Target=\"word/document.xml\"/>"
            + "<Relationship Id=\"rId2\" "
            + "Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" "
            + "Target=\"docProps/core.xml\"/>"
            + "<Relationship Id=\"rId3\" Type=\"\(Self.relationships)/extended-properties\" "
            + "Target=\"docProps/app.xml\"/>"
            + "</Relationships>"
    }

    var documentRelationships: String {
        var s = Self.xmlHead + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rIdStyles\" Type=\"\(Self.relationships)/styles\" Target=\"styles.xml\"/>"
            + "<Relationship Id=\"rIdSettings\" Type=\"\(Self.relationships)/settings\" Target=\"settings.xml\"/>"
            + "<Relationship Id=\"rIdHeader\" Type=\"\(Self.relationships)/header\" Target=\"header1.xml\"/>"
            + "<Relationship Id=\"rIdFirstHeader\" Type=\"\(Self.relationships)/header\" Target=\"header2.xml\"/>"
        for (i, m) in media.enumerated() {
            s += "<Relationship Id=\"rIdImage\(i + 1)\" Type=\"\(Self.relationships)/image\" "
                + "Target=\"media/\(m.name)\"/>"
        }
        return s + "</Relationships>"
    }

    func core(title: String, lang: String, date: Day) -> String {
        Self.xmlHead + "<cp:coreProperties "
            + "xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
            + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
            + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>\(Self.escape(title))</dc:title>"
            + "<dc:language>\(lang)</dc:language><dcterms:created xsi:type=\"dcterms:W3CDTF\">\(date.iso)T00:00:00Z"
            + "</dcterms:created></cp:coreProperties>"
    }

    var app: String {
        Self.xmlHead
            + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
            + "<Application>Loa</Application></Properties>"
    }

    /// Times New Roman 13 pt throughout; headings in the same face, black, kept with what follows.
    func styles(lang: String) -> String {
        let font = "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:cs=\"Times New Roman\" "
            + "w:eastAsia=\"Times New Roman\"/>"
        func heading(_ n: Int, italic: Bool) -> String {
            "<w:style w:type=\"paragraph\" w:styleId=\"Heading\(n)\"><w:name w:val=\"heading \(n)\"/>"
                + "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:keepNext/>"
                + "<w:keepLines/><w:outlineLvl w:val=\"\(n - 1)\"/></w:pPr><w:rPr>\(font)<w:b/><w:bCs/>"
                + (italic ? "<w:i/><w:iCs/>" : "") + "<w:color w:val=\"000000\"/><w:sz w:val=\"26\"/>"
                + "<w:szCs w:val=\"26\"/></w:rPr></w:style>"
        }
        return Self.xmlHead + "<w:styles xmlns:w=\"\(Self.wordNamespace)\"><w:docDefaults><w:rPrDefault><w:rPr>"
            + font + "<w:sz w:val=\"26\"/><w:szCs w:val=\"26\"/><w:lang w:val=\"\(lang)\" w:eastAsia=\"\(lang)\" "
            + "w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"0\" "
            + "w:line=\"240\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>"
            + "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/>"
            + "<w:qFormat/><w:pPr><w:widowControl/></w:pPr><w:rPr>\(font)<w:sz w:val=\"26\"/><w:szCs w:val=\"26\"/>"
            + "</w:rPr></w:style>" + heading(1, italic: false) + heading(2, italic: true)
            + "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>"
            + "<w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/>"
            + "<w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/>"
            + "<w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style></w:styles>"
    }

    var settings: String {
        Self.xmlHead + "<w:settings xmlns:w=\"\(Self.wordNamespace)\"><w:defaultTabStop w:val=\"720\"/>"
            + "<w:characterSpacingControl w:val=\"doNotCompress\"/><w:compat><w:compatSetting "
            + "w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/>"
            + "</w:compat></w:settings>"
    }

    /// The page number, centred: a PAGE field Word and LibreOffice fill in on every page.
    var pageNumberHeader: String {
        Self.xmlHead + "<w:hdr xmlns:w=\"\(Self.wordNamespace)\"><w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr>"
            + "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> PAGE "
            + "</w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>2</w:t></w:r>"
            + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p></w:hdr>"
    }

    var emptyHeader: String { Self.xmlHead + "<w:hdr xmlns:w=\"\(Self.wordNamespace)\"><w:p/></w:hdr>" }
}
